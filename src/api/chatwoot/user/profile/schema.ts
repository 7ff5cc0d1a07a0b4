import { Type, type Static } from 'typebox';
import type { Profile } from '../../../../domain/users/repository.ts';
import { FreeObject, Nullable, OrNull } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';
import { presentUserFields } from '../../presenters/user.ts';

const Availability = Type.Union([
  Type.Literal('online'),
  Type.Literal('busy'),
  Type.Literal('offline'),
  Type.Literal('available'),
]);

export const UpdateProfileBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  display_name: Type.Optional(OrNull(Type.String({ maxLength: 255 }))),
  email: Type.Optional(Type.String({ minLength: 3, maxLength: 255 })),
  message_signature: Type.Optional(OrNull(Type.String({ maxLength: 10_000 }))),
  ui_settings: Type.Optional(FreeObject),
  /** Avatar uploads are not stored yet; accepted so that clients sending one are not refused. */
  avatar: Type.Optional(Type.Unknown()),
  current_password: Type.Optional(Type.String({ maxLength: 255 })),
  password: Type.Optional(Type.String({ maxLength: 255 })),
  password_confirmation: Type.Optional(Type.String({ maxLength: 255 })),
});

export const AvailabilityBody = Type.Object({
  account_id: Type.Integer({ minimum: 1 }),
  availability: Availability,
});

const ProfileAccount = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  status: Type.String(),
  active_at: Nullable(Type.String()),
  role: Type.String(),
  permissions: Type.Array(Type.String()),
  availability: Type.String(),
  availability_status: Type.String(),
  auto_offline: Type.Boolean(),
});

export const ProfileSchema = Type.Object({
  /** The access token the request came with; null when signed in with a session (tokens are stored hashed). */
  access_token: Type.Union([Type.String(), Type.Null()]),
  account_id: Nullable(Type.Integer()),
  available_name: Type.String(),
  avatar_url: Type.String(),
  confirmed: Type.Boolean(),
  display_name: Nullable(Type.String()),
  message_signature: Nullable(Type.String()),
  email: Type.String(),
  id: Type.Integer(),
  inviter_id: Nullable(Type.Integer()),
  name: Type.String(),
  provider: Type.String(),
  pubsub_token: Type.String(),
  custom_attributes: Type.Optional(FreeObject),
  role: Nullable(Type.String()),
  ui_settings: FreeObject,
  uid: Type.String(),
  type: Type.String(),
  accounts: Type.Array(ProfileAccount),
});

/** The signed-in user (§4.6); the first membership is the active account. */
export function presentProfile(
  { user, memberships }: Profile,
  accessToken: string | undefined,
): Static<typeof ProfileSchema> {
  const active = memberships[0];
  return {
    access_token: accessToken ?? null,
    ...presentUserFields(user, active),
    inviter_id: active?.inviter_id ?? null,
    type: 'User',
    accounts: memberships.map((m) => ({
      id: m.account_id,
      name: m.name,
      status: m.status,
      active_at: iso(m.active_at),
      role: m.role,
      permissions: [m.role],
      availability: m.availability,
      availability_status: m.availability_status,
      auto_offline: m.auto_offline,
    })),
  };
}
