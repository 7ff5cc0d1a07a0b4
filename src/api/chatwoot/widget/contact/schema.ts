import { Type } from 'typebox';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

const ContactFields = {
  website_token: Type.Optional(Type.String({ maxLength: 255 })),
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phone_number: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  avatar_url: Type.Optional(Nullable(Type.String({ maxLength: 2048 }))),
  custom_attributes: Type.Optional(FreeObject),
};
export const UpdateContactBody = Type.Object({
  ...ContactFields,
  identifier: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  identifier_hash: Type.Optional(Type.String({ maxLength: 128 })),
});
export const SetUserBody = Type.Object({
  ...ContactFields,
  identifier: Type.String({ minLength: 1, maxLength: 255 }),
  identifier_hash: Type.Optional(Type.String({ maxLength: 128 })),
});
export const DestroyCustomAttributesBody = Type.Object({
  website_token: Type.Optional(Type.String({ maxLength: 255 })),
  custom_attributes: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 }),
});

export const WidgetContactShowSchema = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  identifier: Nullable(Type.String()),
  has_email: Type.Boolean(),
  has_name: Type.Boolean(),
  has_phone_number: Type.Boolean(),
  source_id: Type.String(),
  pubsub_token: Type.String(),
  custom_attributes: FreeObject,
});

export const WidgetContactSchema = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  pubsub_token: Type.String(),
  widget_auth_token: Type.Optional(Type.String()),
});
