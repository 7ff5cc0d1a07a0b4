import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';

const ctx = await createTestContext();
const db = ctx.database.db;
const DAY = 86400;
// Sunday 2026-03-01 00:00 UTC: the report window is [S, S + 3 days), the previous one [S - 3 days, S).
const S = Date.UTC(2026, 2, 1) / 1000;
const at = (seconds: number) => new Date(seconds * 1000);

/** An account whose conversations and messages carry fixed times, so every metric has an exact expected value. */
async function seedAccount(name: string) {
  const f = await conversationFixture(ctx, name);
  const accountId = f.account.account_id;
  const admin = f.account.user_id;
  const agent = await ctx.member(accountId, 'agent', `${name} Agent`);
  const inbox2 = await insertInbox(db, accountId, { name: 'Second', channel_type: 'Channel::Api' });
  const team = await db
    .insertInto('teams')
    .values({ account_id: accountId, name: 'sales' })
    .returning('id')
    .executeTakeFirstOrThrow();
  const label = await db
    .insertInto('labels')
    .values({ account_id: accountId, title: 'vip' })
    .returning('id')
    .executeTakeFirstOrThrow();
  let displayId = 1000;
  const conversation = async (createdAt: number, values: Record<string, unknown> = {}) =>
    db
      .insertInto('conversations')
      .values({
        account_id: accountId,
        display_id: displayId++,
        inbox_id: f.inbox.id,
        contact_id: f.contact.id,
        created_at: at(createdAt),
        updated_at: at(createdAt),
        last_activity_at: at(createdAt),
        ...values,
      })
      .returningAll()
      .executeTakeFirstOrThrow();
  const message = async (
    c: { id: number; inbox_id: number },
    createdAt: number,
    type: 0 | 1,
    sender: [string, number] | null,
    isPrivate = false,
  ) =>
    db
      .insertInto('messages')
      .values({
        account_id: accountId,
        inbox_id: c.inbox_id,
        conversation_id: c.id,
        message_type: type,
        content: 'x',
        private: isPrivate,
        sender_type: (sender?.[0] ?? null) as any,
        sender_id: sender?.[1] ?? null,
        created_at: at(createdAt),
        updated_at: at(createdAt),
      })
      .execute();
  const setStatus = (id: number, status: 'open' | 'resolved' | 'pending', updatedAt: number) =>
    db
      .updateTable('conversations')
      .set({ status, updated_at: at(updatedAt) })
      .where('id', '=', id)
      .execute();
  const contact = ['Contact', f.contact.id] as [string, number];

  const c0 = await conversation(S - DAY, { assignee_id: agent.userId, first_reply_created_at: at(S - DAY + 1000) });
  await message(c0, S - DAY, 0, contact);
  await message(c0, S - DAY + 1000, 1, ['User', agent.userId]); // first response 1000 s, previous period
  const c1 = await conversation(S + 3600, { assignee_id: agent.userId, team_id: team.id, labels: ['vip'] });
  await message(c1, S + 3600, 0, contact);
  await message(c1, S + 3600 + 600, 1, ['User', agent.userId]); // first response 600 s, day 0
  await db
    .updateTable('conversations')
    .set({ waiting_since: at(S + DAY) })
    .where('id', '=', c1.id)
    .execute();
  await message(c1, S + DAY, 0, contact);
  await message(c1, S + DAY + 120, 1, ['User', agent.userId]); // reply time 120 s, day 1
  const c2 = await conversation(S + DAY + 7200);
  await message(c2, S + DAY + 7200, 0, contact);
  await message(c2, S + DAY + 7200 + 300, 1, ['User', admin]); // first response 300 s, day 1
  await message(c2, S + DAY + 7300, 1, ['User', agent.userId], true); // a private note: outgoing, no response
  const c3 = await conversation(S + 2 * DAY + 18000, { inbox_id: inbox2.id, status: 'pending' });
  await message(c3, S + 2 * DAY + 18000, 0, contact);
  await message(c3, S + 2 * DAY + 18060, 1, ['AgentBot', 1]); // a bot's answer: outgoing, no response
  await setStatus(c1.id, 'resolved', S + 2 * DAY); // resolution 2 days - 1 h, day 2, counted
  await setStatus(c2.id, 'resolved', S + DAY + 10000); // resolution 2800 s, day 1 ...
  await setStatus(c2.id, 'open', S + DAY + 20000); // ... reopened: no longer a resolution
  return { f, accountId, agent, inbox2, team, label, base: `/api/v2/accounts/${accountId}` };
}

const a = await seedAccount('Reports');
const b = await seedAccount('Other'); // the same data in another account: never counted in a's reports
const range = `since=${S}&until=${S + 3 * DAY}`;

describe('Chatwoot v2 reports', () => {
  it('sums up the account over the period and the one before it', async () => {
    const res = await a.f.api.get(`${a.base}/reports/summary?type=account&${range}`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      conversations_count: 3,
      incoming_messages_count: 4,
      outgoing_messages_count: 5,
      avg_first_response_time: 450,
      avg_resolution_time: (2 * DAY - 3600 + 2800) / 2,
      resolutions_count: 1,
      reply_time: 120,
      previous: {
        conversations_count: 1,
        incoming_messages_count: 1,
        outgoing_messages_count: 1,
        avg_first_response_time: 1000,
        avg_resolution_time: null,
        resolutions_count: 0,
        reply_time: null,
      },
    });
  });

  it('scopes to an agent, an inbox, a team and labels of the account', async () => {
    const get = async (q: string) => (await a.f.api.get(`${a.base}/reports/summary?${q}&${range}`)).body;
    expect(await get(`type=agent&id=${a.agent.userId}`)).toMatchObject({
      conversations_count: 1,
      incoming_messages_count: 0,
      outgoing_messages_count: 3,
      avg_first_response_time: 600,
      avg_resolution_time: 2 * DAY - 3600,
      resolutions_count: 1,
      reply_time: 120,
    });
    expect(await get(`type=inbox&id=${a.inbox2.id}`)).toMatchObject({
      conversations_count: 1,
      incoming_messages_count: 1,
      outgoing_messages_count: 1,
      avg_first_response_time: null,
      resolutions_count: 0,
    });
    const c1Only = {
      conversations_count: 1,
      incoming_messages_count: 2,
      outgoing_messages_count: 2,
      avg_first_response_time: 600,
      resolutions_count: 1,
      reply_time: 120,
    };
    expect(await get(`type=team&id=${a.team.id}`)).toMatchObject(c1Only);
    expect(await get(`type=label&id=${a.label.id}`)).toMatchObject(c1Only);
  });

  it('answers one point per period, empty periods at 0, averages with their count', async () => {
    const series = async (q: string) => (await a.f.api.get(`${a.base}/reports?type=account&${range}&${q}`)).body;
    expect(await series('metric=conversations_count')).toEqual([
      { value: 1, timestamp: S },
      { value: 1, timestamp: S + DAY },
      { value: 1, timestamp: S + 2 * DAY },
    ]);
    expect(await series('metric=avg_first_response_time&group_by=day')).toEqual([
      { value: 600, timestamp: S, count: 1 },
      { value: 300, timestamp: S + DAY, count: 1 },
      { value: 0, timestamp: S + 2 * DAY, count: 0 },
    ]);
    expect(await series('metric=resolutions_count')).toEqual([
      { value: 0, timestamp: S },
      { value: 0, timestamp: S + DAY },
      { value: 1, timestamp: S + 2 * DAY },
    ]);
    expect(await series('metric=outgoing_messages_count&group_by=month')).toEqual([{ value: 5, timestamp: S }]);
    expect(await series('metric=incoming_messages_count&group_by=week')).toEqual([{ value: 4, timestamp: S }]);
    // Five hours west of UTC the window starts on Saturday evening: the week of Sunday Feb 22 (local) comes first.
    expect(await series('metric=conversations_count&group_by=week&timezone_offset=-5')).toEqual([
      { value: 1, timestamp: S - 7 * DAY + 5 * 3600 },
      { value: 2, timestamp: S + 5 * 3600 },
    ]);
    expect(await series('metric=conversations_count&group_by=fortnight')).toHaveLength(3); // Chatwoot falls back to day
  });

  it('answers nothing without since and until, as Chatwoot does (the n8n node’s defaults)', async () => {
    expect(
      (await a.f.api.get(`${a.base}/reports?metric=conversations_count&type=account&id=&since=&until=`)).body,
    ).toEqual([]);
    const summary = (await a.f.api.get(`${a.base}/reports/summary?type=account`)).body;
    expect(summary).toMatchObject({
      conversations_count: 0,
      avg_first_response_time: null,
      previous: { conversations_count: 0 },
    });
  });

  it('counts the open conversations of the account and per agent, now', async () => {
    expect((await a.f.api.get(`${a.base}/reports/conversations?type=account`)).body).toEqual({
      open: 2,
      unattended: 1,
      unassigned: 1,
      pending: 1,
    });
    const agents = (await a.f.api.get(`${a.base}/reports/conversations/?type=agent`)).body;
    expect(agents).toHaveLength(2);
    expect(agents[0]).toEqual({
      id: a.agent.userId,
      name: 'Reports Agent',
      email: expect.any(String),
      thumbnail: '',
      availability: expect.any(String),
      metric: { open: 1, unattended: 0 },
    });
    expect(agents[1]).toMatchObject({ id: a.f.account.user_id, metric: { open: 0, unattended: 0 } });
    const one = (await a.f.api.get(`${a.base}/reports/conversations?type=agent&user_id=${a.f.account.user_id}`)).body;
    expect(one.map((x: { id: number }) => x.id)).toEqual([a.f.account.user_id]);
    expect(await a.f.api.get(`${a.base}/reports/conversations`)).toMatchObject({
      status: 422,
      body: { attributes: ['type'] },
    });
  });

  it('answers Chatwoot’s live reports: now, for the account or a team, and per team or assignee', async () => {
    const live = async (q: string) => (await a.f.api.get(`${a.base}/live_reports/${q}`)).body;
    expect(await live('conversation_metrics')).toEqual({ open: 2, unattended: 1, unassigned: 1, pending: 1 });
    expect(await live(`conversation_metrics?team_id=${a.team.id}`)).toEqual({
      open: 0,
      unattended: 0,
      unassigned: 0,
      pending: 0,
    });
    expect(await live('grouped_conversation_metrics?group_by=assignee_id')).toEqual([
      { open: 1, unattended: 1, unassigned: 1, assignee_id: null },
      { open: 1, unattended: 0, unassigned: 0, assignee_id: a.agent.userId },
    ]);
    expect(await live('grouped_conversation_metrics?group_by=team_id')).toEqual([
      { open: 2, unattended: 1, unassigned: 1, team_id: null },
    ]);
    expect(await a.f.api.get(`${a.base}/live_reports/grouped_conversation_metrics?group_by=inbox_id`)).toMatchObject({
      status: 422,
      body: { error: 'invalid group_by' },
    });
    expect((await a.f.api.get(`${a.base}/live_reports/conversation_metrics?team_id=${b.team.id}`)).status).toBe(404);
    expect((await a.agent.api.get(`${a.base}/live_reports/conversation_metrics`)).status).toBe(401);
  });

  it('never reaches into another account', async () => {
    for (const q of [
      `type=inbox&id=${b.inbox2.id}`,
      `type=agent&id=${b.agent.userId}`,
      `type=team&id=${b.team.id}`,
      `type=label&id=${b.label.id}`,
    ]) {
      const res = await a.f.api.get(`${a.base}/reports/summary?${q}&${range}`);
      expect(res, q).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
    expect((await a.f.api.get(`/api/v2/accounts/${b.accountId}/reports/summary?type=account&${range}`)).status).toBe(
      401,
    );
  });

  it('is for administrators: an agent is refused as Chatwoot refuses (401)', async () => {
    for (const path of [
      `/reports?metric=conversations_count&type=account&${range}`,
      `/reports/summary?type=account`,
      `/reports/conversations?type=account`,
    ]) {
      const res = await a.agent.api.get(`${a.base}${path}`);
      expect(res, path).toMatchObject({ status: 401, body: { error: 'You are not authorized to do this action' } });
    }
  });

  it('answers bad parameters with 4xx in Chatwoot’s error shape', async () => {
    const bad = [
      `/reports?metric=happiness&type=account&${range}`,
      `/reports?metric=conversations_count&type=galaxy&${range}`,
      `/reports?metric=conversations_count&type=account&since=yesterday&until=${S}`,
      `/reports/summary?${range}`,
      `/reports/conversations?type=agent&page=0`,
    ];
    for (const path of bad) {
      const res = await a.f.api.get(`${a.base}${path}`);
      expect(res.status, path).toBe(422);
      expect(res.body, path).toMatchObject({ message: expect.any(String), attributes: [expect.any(String)] });
    }
    expect((await a.f.api.get(`${a.base}/reports?metric=conversations_count&type=agent&${range}`)).status).toBe(404);
  });
});

describe('Chatwoot v2 summary reports per agent, inbox, team and label', () => {
  const get = async (dimension: string, q = range) =>
    (await a.f.api.get(`${a.base}/summary_reports/${dimension}?${q}`)).body;

  it('answers one row per member, inbox, team and label of the account with exact figures', async () => {
    expect(await get('agent')).toEqual([
      {
        id: a.f.account.user_id,
        conversations_count: 0,
        resolved_conversations_count: 0,
        avg_resolution_time: null,
        avg_first_response_time: 300,
        avg_reply_time: null,
      },
      {
        id: a.agent.userId,
        conversations_count: 1,
        resolved_conversations_count: 1,
        avg_resolution_time: 2 * DAY - 3600,
        avg_first_response_time: 600,
        avg_reply_time: 120,
      },
    ]);
    expect(await get('inbox')).toEqual([
      {
        id: a.f.inbox.id,
        conversations_count: 2,
        resolved_conversations_count: 2,
        avg_resolution_time: (2 * DAY - 3600 + 2800) / 2,
        avg_first_response_time: 450,
        avg_reply_time: 120,
      },
      {
        id: a.inbox2.id,
        conversations_count: 1,
        resolved_conversations_count: 0,
        avg_resolution_time: null,
        avg_first_response_time: null,
        avg_reply_time: null,
      },
    ]);
    const c1 = {
      conversations_count: 1,
      resolved_conversations_count: 1,
      avg_resolution_time: 2 * DAY - 3600,
      avg_first_response_time: 600,
      avg_reply_time: 120,
    };
    expect(await get('team')).toEqual([{ id: a.team.id, ...c1 }]);
    expect(await get('label')).toEqual([{ id: a.label.id, name: 'vip', ...c1 }]);
  });

  it('matches nothing without a range (as Chatwoot) and is for administrators', async () => {
    expect((await get('agent', '')).map((r: any) => r.conversations_count)).toEqual([0, 0]);
    expect((await a.agent.api.get(`${a.base}/summary_reports/inbox?${range}`)).status).toBe(401);
    expect((await a.f.api.get(`${a.base}/summary_reports/inbox?since=x&until=1`)).status).toBe(422);
  });
});

describe('report statements', () => {
  it('run a fixed number of SQL statements whatever the number of agents, inboxes and teams', async () => {
    const g = await seedAccount('Counted');
    const statements = async (path: string) => {
      const before = ctx.database.counter.count;
      expect((await g.f.api.get(`${g.base}${path}`)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    const paths = [
      '/reports/conversations?type=agent',
      `/summary_reports/agent?${range}`,
      `/summary_reports/inbox?${range}`,
      `/summary_reports/team?${range}`,
      `/summary_reports/label?${range}`,
      `/reports/summary?type=account&${range}`,
    ];
    const all = async () => {
      const counts: number[] = [];
      for (const path of paths) counts.push(await statements(path)); // one at a time: the counter is shared
      return counts;
    };
    const few = await all();
    for (let i = 0; i < 4; i++) {
      const member = await ctx.member(g.accountId, 'agent');
      await db
        .insertInto('conversations')
        .values({
          account_id: g.accountId,
          display_id: 2000 + i,
          inbox_id: g.f.inbox.id,
          contact_id: g.f.contact.id,
          assignee_id: member.userId,
          labels: [`l${i}`],
        })
        .execute();
      await insertInbox(db, g.accountId, { name: `More ${i}`, channel_type: 'Channel::Api' });
      await db
        .insertInto('teams')
        .values({ account_id: g.accountId, name: `team ${i}` })
        .execute();
      await db
        .insertInto('labels')
        .values({ account_id: g.accountId, title: `l${i}` })
        .execute();
    }
    expect(await all()).toEqual(few);
  });
});

describe('reporting events recorded as conversations change', () => {
  it('records the first response of an agent, later replies, resolutions and bot handoffs', async () => {
    const f = a.f;
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'Hello?');
    const v1 = `/api/v1/accounts/${a.accountId}/conversations/${conversation.id}`;
    expect((await f.api.post(`${v1}/messages`, { content: 'Hi!', message_type: 'outgoing' })).status).toBe(200);
    await f.incoming(conversation.id, 'Still there?');
    expect((await f.api.post(`${v1}/messages`, { content: 'Yes', message_type: 'outgoing' })).status).toBe(200);
    expect(
      (await f.api.post(`${v1}/messages`, { content: 'note', message_type: 'outgoing', private: true })).status,
    ).toBe(200);
    expect((await f.api.post(`${v1}/toggle_status`, { status: 'pending' })).status).toBe(200);
    expect((await f.api.post(`${v1}/toggle_status`, { status: 'open' })).status).toBe(200);
    expect((await f.api.post(`${v1}/toggle_status`, { status: 'resolved' })).status).toBe(200);
    const row = await db
      .selectFrom('conversations')
      .select('id')
      .where('uuid', '=', conversation.uuid)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('reporting_events')
      .selectAll()
      .where('conversation_id', '=', row.id)
      .orderBy('id')
      .execute();
    expect(events.map((e) => [e.name, e.user_id, e.account_id])).toEqual([
      ['first_response', f.account.user_id, a.accountId],
      ['reply_time', f.account.user_id, a.accountId],
      ['conversation_bot_handoff', null, a.accountId],
      ['conversation_resolved', null, a.accountId],
    ]);
    for (const e of events) expect(e.value).toBeGreaterThanOrEqual(0);
  });
});
