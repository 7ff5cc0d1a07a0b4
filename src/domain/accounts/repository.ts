import type { Db } from '../../db/pool.ts';
import type { Account } from '../../db/types.ts';
import { notFound } from '../../errors.ts';

export interface AccountChanges {
  name?: string;
  locale?: string;
  domain?: string | null;
  support_email?: string | null;
  auto_resolve_after?: number | null;
  custom_attributes?: Record<string, unknown>;
  settings?: Record<string, unknown>;
}

export async function updateAccount(db: Db, accountId: number, changes: AccountChanges): Promise<Account> {
  const updated = await db
    .updateTable('accounts')
    .set({ ...changes, updated_at: new Date() })
    .where('id', '=', accountId)
    .returningAll()
    .executeTakeFirst();
  if (!updated) throw notFound();
  return updated;
}
