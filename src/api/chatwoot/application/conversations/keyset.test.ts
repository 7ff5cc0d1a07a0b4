import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base } = f;
const PRIORITY = [null, 'low', 'medium', 'high', 'urgent'];

// 23 conversations with ties on purpose: equal priorities, equal waiting_since (null), and activity times
// set to the same microsecond in pairs, so only the keyset's tie-breaker keeps pages apart.
const ids: number[] = [];
for (let i = 0; i < 23; i++) {
  const c = await f.openConversation(api);
  await ctx.database.db
    .updateTable('conversations')
    .set({ priority: PRIORITY[i % 5] as never })
    .where('account_id', '=', f.account.account_id)
    .where('display_id', '=', c.id)
    .execute();
  ids.push(c.id);
}
await sql`UPDATE conversations SET last_activity_at = make_timestamptz(2026, 1, 1, 0, 0, floor(display_id / 2)) WHERE account_id = ${f.account.account_id}`.execute(
  ctx.database.db,
);
await ctx.database.db
  .updateTable('conversations')
  .set({ waiting_since: null })
  .where('account_id', '=', f.account.account_id)
  .where('display_id', '<', 8)
  .execute();

async function walk(query: Record<string, unknown>) {
  const seen: number[] = [];
  let after: string | undefined;
  for (let pages = 0; pages < 20; pages++) {
    const res = await api.get(`${base}/conversations`, {
      status: 'all',
      per_page: 5,
      ...query,
      ...(after ? { after } : {}),
    });
    expect(res.status).toBe(200);
    seen.push(...res.body.data.payload.map((c: { id: number }) => c.id));
    after = res.body.data.meta.next_cursor ?? undefined;
    if (!after) return seen;
  }
  throw new Error('paging did not end');
}

describe('keyset paging of the conversation list (the dashboard scrolls with it)', () => {
  for (const sort of [
    'last_activity_at_desc',
    'created_at_asc',
    'priority_desc',
    'priority_asc',
    'waiting_since_asc',
    'waiting_since_desc',
  ]) {
    it(`walks every conversation once, in the order one big page gives (${sort})`, async () => {
      const whole = await api.get(`${base}/conversations`, { status: 'all', per_page: 100, sort_by: sort });
      const expected = whole.body.data.payload.map((c: { id: number }) => c.id);
      expect(expected.sort((a: number, b: number) => a - b)).toEqual([...ids].sort((a, b) => a - b));
      const ordered = (
        await api.get(`${base}/conversations`, { status: 'all', per_page: 100, sort_by: sort })
      ).body.data.payload.map((c: { id: number }) => c.id);
      expect(await walk({ sort_by: sort })).toEqual(ordered);
    });
  }

  it('keeps its place when a conversation on an earlier page gets new activity', async () => {
    const first = await api.get(`${base}/conversations`, { status: 'all', per_page: 5 });
    const firstIds = first.body.data.payload.map((c: { id: number }) => c.id);
    await f.incoming(firstIds[4], 'bumped'); // moves to the top; the cursor holds the old position's values
    const second = await api.get(`${base}/conversations`, {
      status: 'all',
      per_page: 5,
      after: first.body.data.meta.next_cursor,
    });
    const secondIds = second.body.data.payload.map((c: { id: number }) => c.id);
    expect(secondIds).toHaveLength(5);
    expect(secondIds.some((id: number) => firstIds.includes(id))).toBe(false);
  });

  it('filters by priority and searches contacts as well as messages', async () => {
    const urgent = await api.get(`${base}/conversations`, { status: 'all', priority: 'urgent', per_page: 100 });
    expect(urgent.body.data.payload.length).toBeGreaterThan(0);
    expect(urgent.body.data.payload.every((c: { priority: string }) => c.priority === 'urgent')).toBe(true);
    const none = await api.get(`${base}/conversations`, { status: 'all', priority: 'none', per_page: 100 });
    expect(none.body.data.payload.every((c: { priority: string | null }) => c.priority === null)).toBe(true);
    const byContact = await api.get(`${base}/conversations`, { search: 'jane roe', per_page: 100 });
    expect(byContact.body.data.payload).toHaveLength(ids.length);
    const byMessage = await api.get(`${base}/conversations`, { search: 'BUMPED', per_page: 100 });
    expect(byMessage.body.data.payload).toHaveLength(1);
    expect((await api.get(`${base}/conversations`, { search: 'nobody-like-this' })).body.data.payload).toEqual([]);
  });

  it('refuses a cursor it did not give out, and keeps the Chatwoot answer unchanged without keyset parameters', async () => {
    for (const after of [
      'garbage',
      Buffer.from('[1]').toString('base64url'),
      Buffer.from('["x", 1]').toString('base64url'),
      Buffer.from('{"a":1}').toString('base64url'),
    ]) {
      const res = await api.get(`${base}/conversations`, { after });
      expect(res.status).toBe(422);
      expect(res.body.message).toMatch(/after is not a cursor/);
    }
    const plain = await api.get(`${base}/conversations`, { status: 'all' });
    expect(Object.keys(plain.body.data.meta).sort()).toEqual([
      'all_count',
      'assigned_count',
      'mine_count',
      'unassigned_count',
    ]);
  });
});
