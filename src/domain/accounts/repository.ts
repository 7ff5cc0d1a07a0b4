import type { Db } from '../../db/pool.ts';
import type { Account } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { definedFields } from '../fields.ts';

export interface AccountChanges {
  name?: string;
  locale?: string;
  domain?: string | null;
  support_email?: string | null;
  auto_resolve_after?: number | null;
  custom_attributes?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

const ACCOUNT_FIELDS = [
  'name',
  'locale',
  'domain',
  'support_email',
  'auto_resolve_after',
  'custom_attributes',
  'settings',
] as const;

export async function updateAccount(db: Db, accountId: number, changes: AccountChanges): Promise<Account> {
  const updated = await db
    .updateTable('accounts')
    .set({ ...definedFields(changes, ACCOUNT_FIELDS), updated_at: new Date() })
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw notFound();
  return updated;
}
