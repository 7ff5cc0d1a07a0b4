import { Type, type Static } from 'typebox';
import type { UserWithMemberships } from '../../../../domain/platform/repository.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';
import { presentUserFields } from '../../presenters/user.ts';

export const UserParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  display_name: Nullable(Type.String({ maxLength: 255 })),
  email: Type.String({ minLength: 3, maxLength: 255 }),
  password: Type.String({ minLength: 6, maxLength: 255 }),
  custom_attributes: FreeObject,
};

export const CreateUserBody = Type.Object({ ...Type.Partial(Type.Object(Fields)).properties, email: Fields.email });
export const UpdateUserBody = Type.Partial(Type.Object(Fields));

/** `access_token` is stored hashed: shown when just minted (create), null elsewhere. */
export const PlatformUserSchema = Type.Object({
  access_token: Nullable(Type.String()),
  account_id: Nullable(Type.Integer()),
  available_name: Type.String(),
  avatar_url: Type.String(),
  confirmed: Type.Boolean(),
  display_name: Nullable(Type.String()),
  message_signature: Nullable(Type.String()),
  email: Type.String(),
  id: Type.Integer(),
  name: Type.String(),
  provider: Type.String(),
  pubsub_token: Type.String(),
  custom_attributes: Type.Optional(FreeObject),
  role: Nullable(Type.String()),
  ui_settings: FreeObject,
  uid: Type.String(),
  accounts: Type.Array(
    Type.Object({ id: Type.Integer(), name: Type.String(), active_at: Nullable(Type.String()), role: Type.String() }),
  ),
});

export const TokenResponse = Type.Object({
  access_token: Type.String(),
  expiry: Type.Null(),
  user: Type.Object({
    id: Type.Integer(),
    name: Type.String(),
    display_name: Nullable(Type.String()),
    email: Type.String(),
    pubsub_token: Type.String(),
  }),
});
export const LoginResponse = Type.Object({ url: Type.String() });

/** The user's "active" account (most recently active membership) gives `account_id` and `role`. */
export function presentPlatformUser(
  { user, memberships }: UserWithMemberships,
  accessToken: string | null = null,
): Static<typeof PlatformUserSchema> {
  return {
    access_token: accessToken,
    ...presentUserFields(user, memberships[0]),
    accounts: memberships.map((m) => ({ id: m.account_id, name: m.name, active_at: iso(m.active_at), role: m.role })),
  };
}
