import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { DeliveryTarget } from '../db/types.ts';

/**
 * Who may go out next on a line (one receiver, one conversation) is kept on the delivery rows (`head`). Two
 * writers move it: the fan-out, inserting a line's new deliveries (a head only when nothing of the line is
 * pending), and the end of an attempt, promoting the next pending delivery once the head is delivered or has
 * failed for good. Each decides from what it can see, so they must not run at once on the same receiver: the
 * fan-out would see the head still pending and the finish would not see the new delivery, and the line would
 * wait forever. The fan-out therefore holds its receivers' locks exclusively from its inserts to its commit,
 * and a finish holds its receiver's lock shared (finishes never wait for each other) from before the
 * statement that reads the line (in the database's record_delivery_attempt). Receivers share 256 locks (a fan-out takes at most that many); two receivers
 * on one lock only wait for each other a little more.
 */
const LINE_LOCK_SPACE = 4_210_002;
const BUCKETS = 256;
const TARGET_INDEX: Record<DeliveryTarget, number> = { webhook: 0, inbox: 1, agent_bot: 2, integration_hook: 3 };

export interface Receiver {
  targetType: DeliveryTarget;
  targetId: number;
}

function bucket({ targetType, targetId }: Receiver): number {
  return (Number(targetId) * 3 + TARGET_INDEX[targetType]) % BUCKETS;
}

/** For the fan-out, in its transaction, before it inserts deliveries for these receivers. */
export async function lockReceiversExclusive(trx: Db, receivers: Receiver[]): Promise<void> {
  // Taken in ascending order (unnest keeps the array's): two takers of several locks cannot deadlock.
  const buckets = [...new Set(receivers.map(bucket))].sort((a, b) => a - b);
  if (!buckets.length) return;
  await sql`SELECT pg_advisory_xact_lock(${LINE_LOCK_SPACE}, b) FROM unnest(${buckets}::int[]) AS b`.execute(trx);
}

/** The lock the end of an attempt takes shared (in record_delivery_attempt) before it promotes the line's next delivery. */
export function receiverLineLock(receiver: Receiver): { space: number; key: number } {
  return { space: LINE_LOCK_SPACE, key: bucket(receiver) };
}
