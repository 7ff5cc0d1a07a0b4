import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';
import { assignAgent, changeStatus, type Performer } from '../conversations/commands.ts';
import { ACTIVE_STATUSES } from '../conversations/status.ts';
import { findMember } from '../users/repository.ts';

/** What becomes of a leaving agent's unfinished conversations. */
export type HandOver = { mode: 'resolve' } | { mode: 'unassign' } | { mode: 'transfer'; toUserId: number };

/**
 * Hands over the agent's unfinished conversations before they leave the account, one command each (so each
 * change has its activity message and its events, as if done by hand). Checked before anything changes.
 */
export async function handOverConversations(
  db: Db,
  accountId: number,
  userId: number,
  handOver: HandOver,
  performer: Performer,
): Promise<number> {
  if (handOver.mode === 'transfer') {
    if (handOver.toUserId === userId) throw validation('transferUserId must name another agent', ['transferUserId']);
    if (!(await findMember(db, accountId, handOver.toUserId)))
      throw validation('transferUserId is not an agent of this company', ['transferUserId']);
  }
  const conversations = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('assignee_id', '=', userId)
    .where('status', 'in', ACTIVE_STATUSES)
    .orderBy('id')
    .execute();
  for (const conversation of conversations) {
    if (handOver.mode === 'resolve') await changeStatus(db, conversation, 'resolved', performer);
    else await assignAgent(db, conversation, handOver.mode === 'transfer' ? handOver.toUserId : null, performer);
  }
  return conversations.length;
}
