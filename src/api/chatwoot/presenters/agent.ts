import { Type, type Static } from 'typebox';
import type { User } from '../../../db/types.ts';
import type { Member } from '../../../domain/users/repository.ts';
import { FreeObject } from './schema-helpers.ts';

export const AgentSchema = Type.Object({
  id: Type.Integer(),
  account_id: Type.Integer(),
  availability_status: Type.String(),
  auto_offline: Type.Boolean(),
  confirmed: Type.Boolean(),
  email: Type.String(),
  provider: Type.String(),
  available_name: Type.String(),
  custom_attributes: Type.Optional(FreeObject),
  name: Type.String(),
  role: Type.String(),
  thumbnail: Type.String(),
});
export type AgentJson = Static<typeof AgentSchema>;

/** An account member as agents, team members, inbox members and assignees show it. */
export function presentAgent(member: Member): AgentJson {
  const json: AgentJson = {
    id: member.id,
    account_id: member.account_id,
    availability_status: member.availability_status,
    auto_offline: member.auto_offline,
    confirmed: member.confirmed,
    email: member.email,
    provider: 'email',
    available_name: member.display_name || member.name,
    name: member.name,
    role: member.role,
    thumbnail: member.avatar_url ?? '',
  };
  if (Object.keys(member.custom_attributes ?? {}).length) json.custom_attributes = member.custom_attributes;
  return json;
}

/** A user as message senders and push payloads show them. */
export const UserPushSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  available_name: Type.String(),
  avatar_url: Type.String(),
  type: Type.Literal('user'),
  availability_status: Type.String(),
  thumbnail: Type.String(),
});

export function presentUserPush(
  user: Pick<User, 'id' | 'name' | 'display_name' | 'avatar_url'>,
  availability = 'offline',
) {
  return {
    id: user.id,
    name: user.name,
    available_name: user.display_name || user.name,
    avatar_url: user.avatar_url ?? '',
    type: 'user' as const,
    availability_status: availability,
    thumbnail: user.avatar_url ?? '',
  };
}
