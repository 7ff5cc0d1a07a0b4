import type { Db } from '../../src/db/pool.ts';
import { recordEvents } from '../../src/domain/outbox.ts';

/** The conversation's internal id, from the `display_id` the Chatwoot dialect shows. */
export async function conversationId(db: Db, accountId: number, displayId: number): Promise<number> {
  const row = await db
    .selectFrom('conversations')
    .select('id')
    .where('account_id', '=', accountId)
    .where('display_id', '=', displayId)
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function lastEventSeq(db: Db, accountId: number): Promise<number> {
  return (
    await db.selectFrom('accounts').select('last_event_seq').where('id', '=', accountId).executeTakeFirstOrThrow()
  ).last_event_seq;
}

/**
 * Records `count` `conversation.updated` events about one conversation in one statement: a backlog for a
 * resuming socket to replay (each renders one frame). Answers the last sequence number.
 */
export async function recordBacklog(db: Db, accountId: number, conversation: number, count: number): Promise<number> {
  const seqs = await recordEvents(
    db,
    accountId,
    Array.from({ length: count }, () => ({ name: 'conversation.updated' as const, conversationId: conversation })),
  );
  return seqs.at(-1)!;
}
