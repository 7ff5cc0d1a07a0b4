import type { Db } from '../../db/pool.ts';
import type { Label } from '../../db/types.ts';
import { notFound } from '../../errors.ts';

/** The account's labels, ordered by title as Chatwoot lists them. */
export async function listLabels(db: Db, accountId: number): Promise<Label[]> {
  return db
    .selectFrom('labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('title')
    .orderBy('id')
    .execute();
}

export async function getLabel(db: Db, accountId: number, id: number): Promise<Label> {
  const label = await db
    .selectFrom('labels')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!label) throw notFound();
  return label;
}
