import { Type } from 'typebox';
import { SubmittedValues } from '../../presenters/schema-helpers.ts';

export const MessagesQuery = Type.Object({
  website_token: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  locale: Type.Optional(Type.String({ maxLength: 20 })),
  before: Type.Optional(Type.Integer({ minimum: 1 })),
  after: Type.Optional(Type.Integer({ minimum: 1 })),
});

/** `{message: {...}}` or flat; multipart `message[content]`, `message[attachments][]` as Chatwoot's widget sends. */
export const CreateMessageBody = Type.Object({
  website_token: Type.Optional(Type.String({ maxLength: 255 })),
  content: Type.Optional(Type.String({ maxLength: 150_000 })),
  echo_id: Type.Optional(Type.String({ maxLength: 255 })),
  reply_to: Type.Optional(Type.Integer({ minimum: 1 })),
  timestamp: Type.Optional(Type.String({ maxLength: 100 })),
  referer_url: Type.Optional(Type.String({ maxLength: 2048 })),
  attachments: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 15 })),
});

export const MessageParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** A bot message answered: `{message: {submitted_values: [...]}}`; an input_email message: `{contact: {email}}`. */
export const UpdateMessageBody = Type.Object({
  website_token: Type.Optional(Type.String({ maxLength: 255 })),
  submitted_values: Type.Optional(SubmittedValues),
  contact: Type.Optional(Type.Object({ email: Type.String({ maxLength: 255 }) })),
});
