import { Type, type Static } from 'typebox';
import type { Account } from '../../../../db/types.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';

export const AccountSchema = Type.Object({
  settings: FreeObject,
  created_at: Type.String(),
  custom_attributes: Type.Optional(FreeObject),
  domain: Nullable(Type.String()),
  features: FreeObject,
  id: Type.Integer(),
  locale: Type.String(),
  name: Type.String(),
  support_email: Nullable(Type.String()),
  status: Type.String(),
  cache_keys: FreeObject,
  latest_chatwoot_version: Type.String(),
});

export const UpdateAccountBody = Type.Object({
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  locale: Type.Optional(Type.String({ maxLength: 10 })),
  domain: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  support_email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  auto_resolve_after: Type.Optional(Nullable(Type.Integer({ minimum: 10, maximum: 1_439_856 }))),
  industry: Type.Optional(Type.String({ maxLength: 255 })),
  company_size: Type.Optional(Type.String({ maxLength: 255 })),
  timezone: Type.Optional(Type.String({ maxLength: 255 })),
});

export function presentAccount(account: Account, version: string): Static<typeof AccountSchema> {
  const json: Static<typeof AccountSchema> = {
    // Chatwoot keeps auto_resolve_after in the settings JSON and answers it there; we keep it in a column.
    settings: { ...account.settings, auto_resolve_after: account.auto_resolve_after },
    created_at: iso(account.created_at)!,
    domain: account.domain,
    features: account.features,
    id: account.id,
    locale: account.locale,
    name: account.name,
    support_email: account.support_email,
    status: account.status,
    cache_keys: {},
    latest_chatwoot_version: version,
  };
  if (Object.keys(account.custom_attributes).length) json.custom_attributes = account.custom_attributes;
  return json;
}
