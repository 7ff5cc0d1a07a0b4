import { Type } from 'typebox';
import { PageOf, PageQuery } from '../../page.ts';
import { MessageReceiptSchema, MessageSchema } from '../../presenters/message.ts';
import { DateQuery, FreeObject, Nullable, Uuid } from '../../schema.ts';

export const MessageListQuery = Type.Object({
  'CreatedAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  ...PageQuery,
});

/** The session message body (`POST /chat/v1/session/{id}/message` and `…/message/sync`). */
export const SessionMessageBody = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 150_000 })),
  templateId: Type.Optional(Type.String({ maxLength: 64 })),
  parameters: Type.Optional(FreeObject),
  /** `null` is "none": the WTS n8n node sends `fileUrl: null` with a fileId, and `fileId: null` with a URL. */
  fileUrl: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  fileId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  refId: Type.Optional(Uuid),
});

export const NoteBody = Type.Object({
  text: Type.Optional(Type.String({ maxLength: 150_000 })),
  filesUrls: Type.Optional(Type.Array(Type.String({ maxLength: 2048 }), { maxItems: 10 })),
  filesIds: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 10 })),
});

export const MessagePage = PageOf(MessageSchema);
export { MessageReceiptSchema, MessageSchema };
