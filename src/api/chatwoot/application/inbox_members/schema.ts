import { Type } from 'typebox';
import { AgentSchema } from '../../presenters/agent.ts';

export const InboxMemberParams = Type.Object({ inbox_id: Type.Integer({ minimum: 1 }) });

/** `user_ids[]=1` (Chatwoot's clients) or JSON text '["1","2"]' (n8n) both arrive as an array. */
export const InboxMembersBody = Type.Object({
  inbox_id: Type.Integer({ minimum: 1 }),
  user_ids: Type.Array(Type.Integer({ minimum: 1 }), { maxItems: 1000 }),
});

export const AgentPayload = Type.Object({ payload: Type.Array(AgentSchema) });
