import type { Db } from '../../db/pool.ts';
import type { Inbox } from '../../db/types.ts';

/** The account's inboxes, limited to `visibleIds` when the caller is an agent. */
export async function listAccountInboxes(db: Db, accountId: number, visibleIds?: number[]): Promise<Inbox[]> {
  if (visibleIds && visibleIds.length === 0) return [];
  let query = db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId);
  if (visibleIds) query = query.where('id', 'in', visibleIds);
  return query.orderBy('id').execute();
}
