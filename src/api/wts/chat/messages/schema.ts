import { Type } from 'typebox';
import { MessageListQuery, SessionMessageBody } from '../sessions/messages-schema.ts';
import { AgentRef, DepartmentRef, Uuid } from '../../schema.ts';

/** `PublicReqQuickSendMessageDTO`: send to an address from a channel. */
export const QuickSendBody = Type.Object({
  from: Type.Optional(Type.String({ maxLength: 255 })),
  to: Type.String({ minLength: 1, maxLength: 255 }),
  /** The chatbot (key, or id) activated when the contact replies; older clients name it botId. */
  botKey: Type.Optional(Type.String({ maxLength: 64 })),
  botId: Type.Optional(Type.String({ maxLength: 64 })),
  body: SessionMessageBody,
  department: Type.Optional(DepartmentRef),
  user: Type.Optional(AgentRef),
  options: Type.Optional(
    Type.Object({
      enableBot: Type.Optional(Type.Boolean()),
      hiddenSession: Type.Optional(Type.Boolean()),
      forceStartSession: Type.Optional(Type.Boolean()),
    }),
  ),
});

export const ListBySessionQuery = Type.Object({ SessionId: Uuid, ...MessageListQuery.properties });

/** PublicMessageQuickSendDTO: what `GET /chat/v1/message/{id}/status` answers. */
export const MessageStatusSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  sessionId: Type.String(),
  status: Type.String(),
  failureReason: Type.Union([Type.String(), Type.Null()]),
});
