import type { Selectable, Updateable } from 'kysely';
import type { Db } from './pool.ts';
import type { Database } from './types.ts';
import { notFound } from '../errors.ts';

/** Tables whose rows belong to one account and are addressed by id. */
export type AccountTable = {
  [K in keyof Database]: Database[K] extends { account_id: number; id: unknown } ? K : never;
}[keyof Database];

/**
 * The row `id` of `table` in the account, or 404: the one place a by-id read is scoped to its tenant, so a
 * token of one account can never reach another account's row through it.
 */
export async function getInAccount<T extends AccountTable>(
  db: Db,
  table: T,
  accountId: number,
  id: number,
): Promise<Selectable<Database[T]>> {
  const row = await (db as Db)
    .selectFrom(table as 'labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as unknown as Selectable<Database[T]>;
}

/** Deletes the row `id` of `table` in the account, or 404. */
export async function deleteInAccount(db: Db, table: AccountTable, accountId: number, id: number): Promise<void> {
  const result = await db
    .deleteFrom(table as 'labels')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}

/** Updates the row `id` of `table` in the account (stamping updated_at) and returns it, or 404. */
export async function updateInAccount<T extends AccountTable>(
  db: Db,
  table: T,
  accountId: number,
  id: number,
  values: Updateable<Database[T]>,
): Promise<Selectable<Database[T]>> {
  const row = await db
    .updateTable(table as 'labels')
    .set({ ...(values as object), updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row as unknown as Selectable<Database[T]>;
}
