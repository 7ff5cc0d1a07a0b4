import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base } = f;

async function statementsFor(path: string, query: Record<string, unknown>) {
  const before = ctx.database.counter.count;
  const res = await api.get(path, query);
  expect(res.status).toBe(200);
  return { statements: ctx.database.counter.count - before, body: res.body };
}

describe('conversation list is constant-query', () => {
  it('runs the same number of SQL statements for 1 and for 25 fully-loaded conversations', async () => {
    const agent = await ctx.member(f.account.account_id, 'agent', 'Sam');
    const team = await ctx.database.db
      .insertInto('teams')
      .values({ account_id: f.account.account_id, name: 'support' })
      .returningAll()
      .executeTakeFirstOrThrow();
    for (let i = 0; i < 26; i++) {
      const label = i === 0 ? 'single' : 'bulk';
      const c = await f.openConversation(api, {
        assignee_id: agent.userId,
        team_id: team.id,
        message: { content: `first ${i}` },
      });
      await f.incoming(c.id, `incoming ${i}`);
      await api.post(`${base}/conversations/${c.id}/messages`, { content: `note ${i}`, private: true });
      await api.post(`${base}/conversations/${c.id}/labels`, { labels: [label, `l${i}`] });
    }
    const one = await statementsFor(`${base}/conversations`, { labels: ['single'] });
    const many = await statementsFor(`${base}/conversations`, { labels: ['bulk'] });
    expect(one.body.data.payload).toHaveLength(1);
    expect(many.body.data.payload).toHaveLength(25);
    expect(many.body.data.payload[0]).toMatchObject({ meta: { assignee: { name: 'Sam' }, team: { name: 'support' } } });
    expect(many.body.data.payload[0].messages[0].private).toBe(true);
    expect(many.body.data.payload[0].last_non_activity_message.content).toMatch(/^incoming/);
    expect(many.statements).toBe(one.statements);
    // auth (token, user, account, membership) + counts + page + 8 detail statements
    expect(many.statements).toBeLessThanOrEqual(14);
    console.log(`conversation list: ${many.statements} SQL statements per request (1 or 25 conversations)`);
  });
});

describe('updated_within', () => {
  it('turns paging off, as Chatwoot does, but answers at most the 1,000 most recently active', async () => {
    const g = await conversationFixture(ctx, 'Busy');
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', g.account.account_id)
      .executeTakeFirstOrThrow();
    await sql`INSERT INTO conversations (account_id, display_id, inbox_id, contact_id, last_activity_at)
      SELECT ${g.account.account_id}, n, ${g.inbox.id}, ${contact.id}, now() - make_interval(secs => n)
      FROM generate_series(1, 1005) AS n`.execute(ctx.database.db);
    await sql`UPDATE conversations SET updated_at = now() - interval '2 hours' WHERE account_id = ${g.account.account_id} AND display_id > 1000`.execute(
      ctx.database.db,
    );
    const recent = await g.api.get(`${g.base}/conversations`, { updated_within: 3600, status: 'all' });
    expect(recent.status).toBe(200);
    expect(recent.body.data.payload).toHaveLength(1000);
    const all = await g.api.get(`${g.base}/conversations`, { updated_within: 86_400, status: 'all' });
    expect(all.body.data.payload).toHaveLength(1000);
    expect(all.body.data.payload.map((c: { id: number }) => c.id)).not.toContain(1005);
  });
});
