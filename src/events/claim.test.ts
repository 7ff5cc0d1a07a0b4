import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import type { Db } from '../db/pool.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { insertDeliveryBacklog } from '../../bench/events.ts';
import {
  ACCOUNT_LINE_CAP,
  allocate,
  claimDueDeliveries,
  RECEIVER_LINE_CAP,
  type Candidate,
  type ClaimRotation,
} from './claim.ts';

// No worker: the tests claim themselves, on deliveries written straight into the table.
const ctx = await createTestContext();
const db = ctx.database.db;
let nextConversation = 1_000_000;

async function account(name: string): Promise<number> {
  return (await ctx.account(name)).account_id;
}

async function webhook(accountId: number, status: 'active' | 'paused' = 'active'): Promise<number> {
  const url = `https://203.0.113.${Math.floor(Math.random() * 250)}/${Math.random()}`;
  const row = await db
    .insertInto('webhooks')
    .values({ account_id: accountId, url, subscriptions: ['message_created'], secret: 's', status })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** `lines` conversations with `perLine` pending deliveries each for one webhook (see insertDeliveryBacklog). */
async function backlog(accountId: number, webhookId: number, lines: number, perLine: number, dueInMs = 0) {
  await insertDeliveryBacklog(db, {
    accountId,
    webhookId,
    lines,
    perLine,
    firstConversation: nextConversation,
    dueInMs,
  });
  nextConversation += lines;
}

const count = (rows: WebhookDelivery[], pick: (d: WebhookDelivery) => boolean) => rows.filter(pick).length;

describe('claiming deliveries', () => {
  it('caps the lines in flight per receiver and per account, and deals the rest to other accounts', async () => {
    const a = await account('CapA');
    const b = await account('CapB');
    const [a1, a2, b1] = [await webhook(a), await webhook(a), await webhook(b)];
    await backlog(a, a1, 40, 3);
    await backlog(a, a2, 40, 3);
    await backlog(b, b1, 3, 2);

    const claimed = await claimDueDeliveries(db, 32, 10_000);
    expect(claimed.every((d) => d.head && d.event_seq === 1)).toBe(true); // heads only, never a follower
    expect(count(claimed, (d) => d.target_id === a1)).toBeLessThanOrEqual(RECEIVER_LINE_CAP);
    expect(count(claimed, (d) => d.target_id === a2)).toBeLessThanOrEqual(RECEIVER_LINE_CAP);
    expect(count(claimed, (d) => d.account_id === a)).toBe(Math.min(ACCOUNT_LINE_CAP, 2 * RECEIVER_LINE_CAP));
    expect(count(claimed, (d) => d.target_id === b1)).toBe(3);

    // A's share is in flight: the next claim takes nothing more of A's, whatever it has waiting.
    expect(await claimDueDeliveries(db, 32, 10_000)).toEqual([]);
  });

  it('leaves backed-off heads, their followers and paused webhooks out, at a cost that does not grow with them', async () => {
    const dead = await account('DeadBacklog');
    await backlog(dead, await webhook(dead), 2_000, 10, 3_600_000);
    await backlog(dead, await webhook(dead, 'paused'), 500, 4);
    const healthy = await account('HealthyNeighbour');
    const hook = await webhook(healthy);
    await backlog(healthy, hook, 1, 1);

    const { claimed, fetched } = await db.transaction().execute(async (trx: Db) => {
      const claimed = await claimDueDeliveries(trx, 32, 10_000, { after: null });
      const { rows } = await sql<{ fetched: number; scanned: number }>`
        SELECT idx_tup_fetch AS fetched, seq_tup_read AS scanned FROM pg_stat_xact_user_tables WHERE relname = 'webhook_deliveries'`.execute(
        trx,
      );
      expect(rows[0].scanned).toBe(0);
      return { claimed, fetched: rows[0].fetched };
    });
    expect(claimed.map((d) => d.target_id)).toEqual([hook]);
    // 22,000 pending rows (2,000 heads) behind a dead and a paused receiver: the claim read a few dozen rows (how
    // many varies with dead row versions not yet pruned), never one per head.
    expect(fetched).toBeLessThan(1_000);
  });

  it('never hands one delivery to two claimers at once', async () => {
    const busy = await account('Concurrent');
    for (let i = 0; i < 6; i++) await backlog(busy, await webhook(busy), 20, 2);
    const rotations: ClaimRotation[] = Array.from({ length: 4 }, () => ({ after: null }));
    const claims = await Promise.all(rotations.map((rotation) => claimDueDeliveries(db, 32, 10_000, rotation)));
    const ids = claims.flat().map((d) => d.id);
    expect(ids.length).toBeGreaterThan(0);
    expect(new Set(ids).size).toBe(ids.length);
  });
});

describe('dealing lines', () => {
  const candidate = (
    account_id: number,
    target_id: number,
    due: number,
    in_flight = { receiver: 0, account: 0 },
  ): Candidate => ({
    account_id,
    target_type: 'webhook',
    target_id,
    due,
    receiver_in_flight: in_flight.receiver,
    account_in_flight: in_flight.account,
  });

  it('gives one line per account in turn, so a receiver with much to send does not take every slot', () => {
    const a1 = candidate(1, 11, 8);
    const a2 = candidate(1, 12, 8);
    const b = candidate(2, 21, 1);
    const c = candidate(3, 31, 8);
    const { lines, stoppedAt } = allocate([a1, a2, b, c], 5);
    expect([lines.get(a1), lines.get(a2), lines.get(b), lines.get(c)]).toEqual([1, 1, 1, 2]);
    expect(stoppedAt).toBe(c);
  });

  it('counts what is already in flight against the caps', () => {
    const full = candidate(1, 11, 8, { receiver: RECEIVER_LINE_CAP, account: ACCOUNT_LINE_CAP - 1 });
    const sibling = candidate(1, 12, 8, { receiver: 0, account: ACCOUNT_LINE_CAP - 1 });
    const { lines, stoppedAt } = allocate([full, sibling], 32);
    expect(lines.get(full)).toBeUndefined();
    expect(lines.get(sibling)).toBe(1);
    expect(stoppedAt).toBeUndefined();
  });
});
