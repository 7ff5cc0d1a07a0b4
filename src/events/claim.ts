import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { DeliveryTarget, WebhookDelivery } from '../db/types.ts';

/**
 * How deliveries are claimed, fairly. A claim takes lines (one receiver, one conversation: their heads, see
 * events/lines.ts); the worker then follows each line while it goes through (claimNextInLine). No account and
 * no receiver may hold more than its share of the lines in flight, counted over every process: a dead receiver
 * (each attempt waiting for its timeout) or an account with a thousand conversations at once leaves room for
 * everyone else. Several processes claiming at the same moment may each take a receiver's remaining share once,
 * so the caps hold to within one share per process.
 */
export const RECEIVER_LINE_CAP = 8;
export const ACCOUNT_LINE_CAP = 16;
/**
 * Receivers one claim looks at, resuming where the previous claim stopped and wrapping around: its cost is set
 * by this, never by how many receivers have work or how much work one of them has.
 */
const RECEIVERS_PER_WINDOW = 128;
/** Windows one claim may look through when the first held nothing it could take (paused, backed off, at cap). */
const WINDOWS_PER_CLAIM = 4;

export interface ReceiverKey {
  account_id: number;
  target_type: DeliveryTarget;
  target_id: number;
}

/** Where a worker's next claim resumes (one per worker; a new one starts at the beginning). */
export interface ClaimRotation {
  after: ReceiverKey | null;
}

export interface Candidate extends ReceiverKey {
  /** Heads it could send now, up to RECEIVER_LINE_CAP (0 when paused or nothing is due). */
  due: number;
  receiver_in_flight: number;
  account_in_flight: number;
}

/** Before every receiver: account ids start at 1. */
const START: ReceiverKey = { account_id: 0, target_type: 'webhook', target_id: 0 };

function lockSeconds(timeoutMs: number): number {
  // A claim outlives any attempt (timeout + DNS + recording); a process killed mid-attempt frees it then.
  return Math.ceil((2 * timeoutMs) / 1000) + 5;
}

/**
 * The receivers with pending heads after `after`, in (account, receiver) order, at most `limit`: a loose index
 * scan (one index probe per receiver, whatever its backlog), each with what it could send now and what it and
 * its account have in flight.
 */
async function examine(db: Db, after: ReceiverKey, limit: number): Promise<Candidate[]> {
  const { rows } = await sql<Candidate>`
    WITH RECURSIVE receivers AS (
      (SELECT account_id, target_type, target_id FROM webhook_deliveries
       WHERE status = 'pending' AND head AND (account_id, target_type, target_id) > (${after.account_id}::bigint, ${after.target_type}::text, ${after.target_id}::bigint)
       ORDER BY account_id, target_type, target_id LIMIT 1)
      UNION ALL
      SELECT next.* FROM receivers r CROSS JOIN LATERAL (
        SELECT account_id, target_type, target_id FROM webhook_deliveries
        WHERE status = 'pending' AND head AND (account_id, target_type, target_id) > (r.account_id, r.target_type, r.target_id)
        ORDER BY account_id, target_type, target_id LIMIT 1) next
    ), examined AS (SELECT * FROM receivers LIMIT ${limit})
    SELECT e.account_id, e.target_type, e.target_id,
      (CASE WHEN e.target_type = 'webhook' AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE w.id = e.target_id AND w.status = 'active') THEN 0
       ELSE (SELECT count(*) FROM (
         SELECT 1 FROM webhook_deliveries h
         WHERE h.status = 'pending' AND h.head AND h.account_id = e.account_id AND h.target_type = e.target_type AND h.target_id = e.target_id
           AND h.next_attempt_at <= now() AND (h.locked_until IS NULL OR h.locked_until < now())
         LIMIT ${RECEIVER_LINE_CAP}) due) END)::int AS due,
      (SELECT count(*) FROM webhook_deliveries c
       WHERE c.status = 'pending' AND c.locked_until > now() AND c.account_id = e.account_id AND c.target_type = e.target_type AND c.target_id = e.target_id)::int AS receiver_in_flight,
      (SELECT count(*) FROM webhook_deliveries c WHERE c.status = 'pending' AND c.locked_until > now() AND c.account_id = e.account_id)::int AS account_in_flight
    FROM examined e`.execute(db);
  return rows;
}

const sameReceiver = (a: ReceiverKey, b: ReceiverKey) =>
  a.account_id === b.account_id && a.target_type === b.target_type && a.target_id === b.target_id;

export interface Allocation {
  lines: Map<Candidate, number>;
  /** The receiver the last line went to when the free slots ran out (the next claim resumes after it). */
  stoppedAt: Candidate | undefined;
}

/**
 * Deals `free` lines among the candidates: one per account in turn (and within an account one per receiver in
 * turn), each within its receiver's and its account's remaining share.
 */
export function allocate(candidates: Candidate[], free: number): Allocation {
  const lines = new Map<Candidate, number>();
  const accounts = new Map<
    number,
    { room: number; receivers: { candidate: Candidate; room: number }[]; next: number }
  >();
  for (const c of candidates) {
    const room = Math.min(c.due, RECEIVER_LINE_CAP - c.receiver_in_flight);
    if (room <= 0) continue;
    let account = accounts.get(c.account_id);
    if (!account)
      accounts.set(c.account_id, (account = { room: ACCOUNT_LINE_CAP - c.account_in_flight, receivers: [], next: 0 }));
    account.receivers.push({ candidate: c, room });
  }
  let stoppedAt: Candidate | undefined;
  let dealt = true;
  while (free > 0 && dealt) {
    dealt = false;
    for (const account of accounts.values()) {
      if (free === 0) break;
      if (account.room <= 0) continue;
      const open = account.receivers.filter((r) => r.room > 0);
      if (!open.length) continue;
      const receiver = open[account.next++ % open.length];
      receiver.room--;
      account.room--;
      free--;
      dealt = true;
      lines.set(receiver.candidate, (lines.get(receiver.candidate) ?? 0) + 1);
      stoppedAt = receiver.candidate;
    }
  }
  return { lines, stoppedAt: free === 0 ? stoppedAt : undefined };
}

/** The next window of receivers from `after`, wrapping around to the beginning once. */
async function nextWindow(db: Db, after: ReceiverKey | null): Promise<Candidate[]> {
  const candidates = await examine(db, after ?? START, RECEIVERS_PER_WINDOW);
  if (!after || candidates.length === RECEIVERS_PER_WINDOW) return candidates;
  const more = await examine(db, START, RECEIVERS_PER_WINDOW - candidates.length);
  return [...candidates, ...more.filter((c) => !candidates.some((seen) => sameReceiver(seen, c)))];
}

async function claimLines(db: Db, lines: Map<Candidate, number>, timeoutMs: number): Promise<WebhookDelivery[]> {
  const wanted = [...lines];
  const column = <T>(pick: (c: Candidate, n: number) => T) => wanted.map(([c, n]) => pick(c, n));
  // Picked once, in a CTE: as a join's inner side the locking subquery would be rescanned per row, each rescan
  // passing over the rows this statement already took and taking the next ones.
  const { rows } = await sql<WebhookDelivery>`
    WITH picked AS MATERIALIZED (
      SELECT h.id FROM unnest(${column((c) => c.account_id)}::bigint[], ${column((c) => c.target_type)}::text[],
        ${column((c) => c.target_id)}::bigint[], ${column((_, n) => n)}::int[]) AS q(account_id, target_type, target_id, lines)
      CROSS JOIN LATERAL (
        SELECT c.id FROM webhook_deliveries c
        WHERE c.status = 'pending' AND c.head AND c.account_id = q.account_id AND c.target_type = q.target_type AND c.target_id = q.target_id
          AND c.next_attempt_at <= now() AND (c.locked_until IS NULL OR c.locked_until < now())
        ORDER BY c.next_attempt_at LIMIT q.lines
        FOR UPDATE SKIP LOCKED) h)
    UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${lockSeconds(timeoutMs)})
    WHERE d.id IN (SELECT id FROM picked)
    -- re-checked on the locked row: a delivery another process claimed meanwhile is not claimed twice
    AND d.status = 'pending' AND d.head AND (d.locked_until IS NULL OR d.locked_until < now())
    AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE d.target_type = 'webhook' AND w.id = d.target_id AND w.status = 'paused')
    RETURNING d.*`.execute(db);
  return rows;
}

/**
 * Claims up to `limit` due lines, fairly: receivers are looked at in windows that rotate from one claim to the
 * next; in a window, lines are dealt one per account in turn within the caps. Followers (deliveries waiting
 * behind their line's head), paused webhooks' deliveries and backed-off heads never take a line's room.
 */
export async function claimDueDeliveries(
  db: Db,
  limit: number,
  timeoutMs: number,
  rotation: ClaimRotation = { after: null },
): Promise<WebhookDelivery[]> {
  for (let window = 0; window < WINDOWS_PER_CLAIM && limit > 0; window++) {
    const candidates = await nextWindow(db, rotation.after);
    const { lines, stoppedAt } = allocate(candidates, limit);
    // Resume after the last receiver served when the room ran out; after this window when it was only part of
    // the ring; from the beginning when it held every receiver.
    const whole = candidates.length < RECEIVERS_PER_WINDOW;
    rotation.after = stoppedAt ?? (whole ? null : candidates[candidates.length - 1]);
    if (lines.size) return claimLines(db, lines, timeoutMs);
    if (whole) return [];
  }
  return [];
}

/**
 * After a delivery went out, the next one of the same receiver and conversation, if it is due: the worker
 * goes on down the line without a new global claim, so one busy conversation drains quickly in order.
 */
export async function claimNextInLine(
  db: Db,
  previous: WebhookDelivery,
  timeoutMs: number,
): Promise<WebhookDelivery | undefined> {
  if (previous.conversation_id === null) return undefined;
  const { rows } = await sql<WebhookDelivery>`
    UPDATE webhook_deliveries d SET locked_until = now() + make_interval(secs => ${lockSeconds(timeoutMs)})
    WHERE d.id = (
      SELECT c.id FROM webhook_deliveries c
      WHERE c.status = 'pending' AND c.target_type = ${previous.target_type} AND c.target_id = ${previous.target_id}
        AND c.conversation_id = ${previous.conversation_id}
      ORDER BY c.event_seq LIMIT 1
      FOR UPDATE)
    AND d.head AND d.next_attempt_at <= now() AND (d.locked_until IS NULL OR d.locked_until < now())
    AND NOT EXISTS (SELECT 1 FROM webhooks w WHERE d.target_type = 'webhook' AND w.id = d.target_id AND w.status = 'paused')
    RETURNING d.*`.execute(db);
  return rows[0];
}
