import { Type } from 'typebox';
import { PublicMessageSchema } from '../../presenters/public.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

const Token = { website_token: Type.Optional(Type.String({ maxLength: 255 })) };

export const CreateConversationBody = Type.Object({
  ...Token,
  contact: Type.Optional(
    Type.Object({
      name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
      email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
      phone_number: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
      custom_attributes: Type.Optional(FreeObject),
    }),
  ),
  message: Type.Optional(
    Type.Object({
      content: Type.Optional(Nullable(Type.String({ maxLength: 150_000 }))),
      echo_id: Type.Optional(Type.String({ maxLength: 255 })),
      timestamp: Type.Optional(Type.String({ maxLength: 100 })),
      referer_url: Type.Optional(Type.String({ maxLength: 2048 })),
    }),
  ),
  custom_attributes: Type.Optional(FreeObject),
});

export const TypingBody = Type.Object({
  ...Token,
  typing_status: Type.Union([Type.Literal('on'), Type.Literal('off')]),
});
export const CustomAttributesBody = Type.Object({ ...Token, custom_attributes: FreeObject });
export const DestroyCustomAttributeBody = Type.Object({
  ...Token,
  custom_attribute: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 }),
});

/** `GET /conversations`: the current conversation's id, inbox and status, or `{}` before the first message. */
export const CurrentConversationSchema = Type.Object({
  id: Type.Optional(Type.Integer()),
  inbox_id: Type.Optional(Type.Integer()),
  status: Type.Optional(Type.String()),
});

export const WidgetConversationSchema = Type.Object({
  id: Type.Integer(),
  inbox_id: Type.Integer(),
  contact_last_seen_at: Type.Integer(),
  status: Type.String(),
  meta: Type.Object({ assignee: Type.Optional(FreeObject) }),
  messages: Type.Array(PublicMessageSchema),
  muted: Type.Boolean(),
  timestamp: Type.Integer(),
  custom_attributes: FreeObject,
});
