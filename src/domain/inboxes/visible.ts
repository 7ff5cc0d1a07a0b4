import type { Db } from '../../db/pool.ts';
import type { Inbox } from '../../db/types.ts';
import { inboxCondition } from './access.ts';

/** The account's inboxes, limited to `visibleIds` when the caller is an agent. */
export async function listAccountInboxes(db: Db, accountId: number, visibleIds?: number[]): Promise<Inbox[]> {
  return db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where(inboxCondition(visibleIds, 'id'))
    .orderBy('id')
    .execute();
}
