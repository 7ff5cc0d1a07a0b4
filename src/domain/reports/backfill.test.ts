import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const db = ctx.database.db;
const BACKFILL = fs.readFileSync(
  path.join(import.meta.dirname, '../../db/migrations/20261206140200_reporting_events_backfill.sql'),
  'utf8',
);

type Row = { name: string; conversation_id: number | null; user_id: number | null; value: number };
const rowsOf = (trx: typeof db, accountId: number) =>
  trx
    .selectFrom('reporting_events')
    .select(['name', 'conversation_id', 'user_id', 'value'])
    .where('account_id', '=', accountId)
    .orderBy('conversation_id')
    .orderBy('name')
    .orderBy('event_end_time')
    .execute();

describe('reporting events backfill (migration 20261206140200)', () => {
  it('rebuilds from messages and the event outbox what the triggers recorded', async () => {
    const f = await conversationFixture(ctx, 'Backfill');
    const agent = await ctx.member(f.account.account_id, 'agent', 'Backfill Agent');
    await db
      .insertInto('inbox_members')
      .values({ account_id: f.account.account_id, inbox_id: f.inbox.id, user_id: agent.userId })
      .execute();
    for (let i = 0; i < 3; i++) {
      const c = await f.openConversation();
      const v1 = `${f.base}/conversations/${c.id}`;
      // Ten minutes old: a first response measured from the creation instead of the handoff would be 600 s off.
      await db
        .updateTable('conversations')
        .set({ created_at: new Date(Date.now() - 600_000) })
        .where('account_id', '=', f.account.account_id)
        .where('display_id', '=', c.id)
        .execute();
      await f.incoming(c.id, 'Hello');
      await f.api.post(`${v1}/toggle_status`, { status: 'pending' });
      await f.api.post(`${v1}/toggle_status`, { status: 'open' });
      await agent.api.post(`${v1}/messages`, { content: 'Hi', message_type: 'outgoing' });
      await f.incoming(c.id, 'More');
      await f.incoming(c.id, 'And more');
      if (i > 0) await f.api.post(`${v1}/messages`, { content: 'Answer', message_type: 'outgoing' });
      if (i > 1) await f.api.post(`${v1}/toggle_status`, { status: 'resolved' });
    }
    const recorded = await rowsOf(db, f.account.account_id);
    expect(recorded.map((r) => r.name).sort()).toEqual(
      [
        ...Array(3).fill('conversation_bot_handoff'),
        'conversation_resolved',
        ...Array(3).fill('first_response'),
        ...Array(2).fill('reply_time'),
      ].sort(),
    );

    let rebuilt: Row[] = [];
    await db
      .transaction()
      .execute(async (trx) => {
        await trx.deleteFrom('reporting_events').where('account_id', '=', f.account.account_id).execute();
        await sql.raw(BACKFILL).execute(trx);
        rebuilt = await rowsOf(trx, f.account.account_id);
        throw new Error('rollback');
      })
      .catch((error: Error) => {
        if (error.message !== 'rollback') throw error;
      });
    expect(rebuilt.map(({ value, ...r }) => r)).toEqual(recorded.map(({ value, ...r }) => r));
    rebuilt.forEach((r, i) => expect(Math.abs(r.value - recorded[i].value), r.name).toBeLessThan(0.1));
  });
});
