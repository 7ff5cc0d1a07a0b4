import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { DomainEvent } from '../../db/types.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';

export const REPLIED = 'the contact replied';

/**
 * The outbox's part in sequences, run in the event fan-out transaction (src/events/fanout.ts) so each message is
 * looked at once: a contact's incoming message ends, there and then, its ACTIVE enrolments in sequences that stop
 * on reply (enrolled before the message) — not when their next step falls due, which may be days later. One
 * statement per batch. The step runner (run.ts) locks the enrolment it sends for, so a reply that lands while a
 * step is being sent waits for it and then stops what is left.
 */
export async function planSequenceStops(trx: Db, events: DomainEvent[]): Promise<void> {
  const messageIds = [
    ...new Set(events.filter((e) => e.name === 'message.created' && e.message_id !== null).map((e) => e.message_id!)),
  ];
  if (!messageIds.length) return;
  await sql`
    UPDATE sequence_contacts e
    SET status = 'STOPPED', stop_reason = ${REPLIED}, next_at = NULL, updated_at = now()
    FROM sequences s, messages m JOIN conversations c ON c.id = m.conversation_id
    WHERE m.id = ANY(${sql.val(messageIds)}::bigint[])
      AND m.message_type = ${MESSAGE_TYPE.incoming} AND NOT m.private
      AND e.sequence_id = s.id AND s.stop_on_reply
      AND e.status = 'ACTIVE'
      AND e.account_id = m.account_id AND e.contact_id = c.contact_id
      AND m.created_at > e.last_added_at`.execute(trx);
}
