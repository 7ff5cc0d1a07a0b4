import { Type } from 'typebox';
import { FreeObject, Nullable, SubmittedValues } from '../../presenters/schema-helpers.ts';

export const InboxParams = Type.Object({ inbox_identifier: Type.String({ minLength: 1, maxLength: 255 }) });
export const ContactParams = Type.Object({
  inbox_identifier: Type.String({ minLength: 1, maxLength: 255 }),
  contact_identifier: Type.String({ minLength: 1, maxLength: 255 }),
});
export const ConversationParams = Type.Object({
  inbox_identifier: Type.String({ minLength: 1, maxLength: 255 }),
  contact_identifier: Type.String({ minLength: 1, maxLength: 255 }),
  conversation_id: Type.Integer({ minimum: 1 }),
});
export const MessageParams = Type.Object({
  inbox_identifier: Type.String({ minLength: 1, maxLength: 255 }),
  contact_identifier: Type.String({ minLength: 1, maxLength: 255 }),
  conversation_id: Type.Integer({ minimum: 1 }),
  message_id: Type.Integer({ minimum: 1 }),
});

const ContactFields = {
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phone_number: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  identifier: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  identifier_hash: Type.Optional(Type.String({ maxLength: 128 })),
  avatar_url: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  custom_attributes: Type.Optional(FreeObject),
  additional_attributes: Type.Optional(FreeObject),
};
export const CreateContactBody = Type.Object({
  source_id: Type.Optional(Type.String({ maxLength: 255 })),
  ...ContactFields,
});
export const UpdateContactBody = Type.Object(ContactFields);
/** Under hmac_mandatory, showing the contact needs the hash of its identifier (Chatwoot reads it from the query). */
export const ShowContactQuery = Type.Object({ identifier_hash: Type.Optional(Type.String({ maxLength: 128 })) });
export const CreateConversationBody = Type.Object({ custom_attributes: Type.Optional(FreeObject) });
export const TypingBody = Type.Object({ typing_status: Type.Union([Type.Literal('on'), Type.Literal('off')]) });
export const MessagesQuery = Type.Object({ before: Type.Optional(Type.Integer({ minimum: 1 })) });
export const CreateMessageBody = Type.Object({
  content: Type.Optional(Nullable(Type.String({ maxLength: 150_000 }))),
  echo_id: Type.Optional(Type.String({ maxLength: 255 })),
  attachments: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 15 })),
});
export const UpdateMessageBody = Type.Object({ submitted_values: SubmittedValues });
