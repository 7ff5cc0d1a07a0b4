import { Type, type Static } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { Account, AccountUser } from '../../../db/types.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';
import { iso } from './time.ts';

/** Platform routes document the platform app token; their caller is always an app (auth.ts). */
export const security = [{ platformAppApiKey: [] }];
export const platformAppId = (request: FastifyRequest): number => request.caller.platformAppId!;

export const PlatformAccountSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  locale: Type.String(),
  domain: Nullable(Type.String()),
  support_email: Nullable(Type.String()),
  features: FreeObject,
  custom_attributes: FreeObject,
  limits: FreeObject,
  status: Type.String(),
});

export function presentPlatformAccount(account: Account): Static<typeof PlatformAccountSchema> {
  return {
    id: account.id,
    name: account.name,
    locale: account.locale,
    domain: account.domain,
    support_email: account.support_email,
    features: account.features,
    custom_attributes: account.custom_attributes,
    limits: account.limits,
    status: account.status,
  };
}

/** The raw account_users record. */
export const AccountUserSchema = Type.Object({
  id: Type.Integer(),
  account_id: Type.Integer(),
  user_id: Type.Integer(),
  role: Type.String(),
  inviter_id: Nullable(Type.Integer()),
  created_at: Type.String(),
  updated_at: Type.String(),
  active_at: Nullable(Type.String()),
  availability: Type.String(),
  auto_offline: Type.Boolean(),
  custom_role_id: Type.Null(),
  agent_capacity_policy_id: Type.Null(),
});

export function presentAccountUser(row: AccountUser): Static<typeof AccountUserSchema> {
  return {
    id: row.id,
    account_id: row.account_id,
    user_id: row.user_id,
    role: row.role,
    inviter_id: row.inviter_id,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
    active_at: iso(row.active_at),
    availability: row.availability,
    auto_offline: row.auto_offline,
    custom_role_id: null,
    agent_capacity_policy_id: null,
  };
}
