import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');
const { api, base } = f;

describe('conversation create and show', () => {
  it('creates from inbox + contact with a first message and answers the bare API shape', async () => {
    const conversation = await f.openConversation(api, {
      message: { content: 'Hello from the API' },
      custom_attributes: { order: 'A1' },
    });
    expect(conversation).toMatchObject({
      id: expect.any(Number),
      account_id: f.account.account_id,
      inbox_id: f.inbox.id,
      status: 'open',
      muted: false,
      labels: [],
      custom_attributes: { order: 'A1' },
      can_reply: true,
      priority: null,
      snoozed_until: null,
      meta: { sender: { id: f.contact.id, name: 'Jane Roe' }, channel: 'Channel::Api', hmac_verified: false },
    });
    expect(conversation.meta.assignee).toBeUndefined();
    expect(conversation.meta.team).toBeUndefined();
    expect(conversation.messages).toHaveLength(1);
    expect(conversation.messages[0]).toMatchObject({
      content: 'Hello from the API',
      message_type: 1,
      conversation_id: conversation.id,
      sender_type: 'User',
    });
    expect(conversation.last_non_activity_message.content).toBe('Hello from the API');
    expect(Number.isInteger(conversation.created_at)).toBe(true);
    expect(typeof conversation.updated_at).toBe('number');
    expect(conversation.uuid).toMatch(/^[0-9a-f-]{36}$/);
    const shown = await api.get(`${base}/conversations/${conversation.id}`);
    expect(shown.status).toBe(200);
    expect(shown.body.id).toBe(conversation.id);
  });

  it('numbers conversations per account (display_id)', async () => {
    const a = await f.openConversation();
    const b = await f.openConversation();
    expect(b.id).toBe(a.id + 1);
    const theirs = await other.openConversation();
    expect(theirs.id).toBeLessThanOrEqual(b.id);
  });

  it('creates from a contact inbox source_id, and rejects an unknown one', async () => {
    const res = await api.post(`${base}/conversations`, { source_id: f.sourceId, status: 'pending' });
    expect(res).toMatchObject({ status: 200, body: { status: 'pending', inbox_id: f.inbox.id } });
    const bad = await api.post(`${base}/conversations`, { source_id: 'nope' });
    expect(bad).toMatchObject({ status: 422, body: { attributes: ['source_id'] } });
    const missing = await api.post(`${base}/conversations`, { inbox_id: f.inbox.id });
    expect(missing).toMatchObject({ status: 422, body: { attributes: ['contact_id'] } });
  });

  it('treats n8n’s empty ids as not given', async () => {
    const res = await api.post(`${base}/conversations`, {
      inbox_id: String(f.inbox.id),
      contact_id: String(f.contact.id),
      assignee_id: '',
      team_id: '',
    });
    expect(res.status).toBe(200);
    expect(res.body.meta.assignee).toBeUndefined();
  });

  it('rejects a bad status with 422 naming it', async () => {
    const res = await api.post(`${base}/conversations`, {
      inbox_id: f.inbox.id,
      contact_id: f.contact.id,
      status: 'closed',
    });
    expect(res.status).toBe(422);
    expect(res.body.attributes).toEqual(['status']);
    expect(res.body.message).toMatch(/status must be one of/);
  });
});

describe('conversation list', () => {
  it('answers {data: {meta, payload}} with tab counts computed before the assignee filter', async () => {
    const agent = await ctx.member(f.account.account_id, 'agent');
    await api.post(`/api/v1/accounts/${f.account.account_id}/inbox_members`, {
      inbox_id: f.inbox.id,
      user_ids: [agent.userId],
    });
    const mine = await f.openConversation(api, { assignee_id: f.account.user_id });
    const res = await api.get(`${base}/conversations`, { assignee_type: 'me' });
    expect(res.status).toBe(200);
    const { meta, payload } = res.body.data;
    expect(payload.every((c: any) => c.meta.assignee?.id === f.account.user_id)).toBe(true);
    expect(payload.map((c: any) => c.id)).toContain(mine.id);
    expect(meta.all_count).toBe(meta.assigned_count + meta.unassigned_count);
    expect(meta.mine_count).toBeGreaterThanOrEqual(1);
    expect(meta.all_count).toBeGreaterThan(payload.length);
    const metaOnly = await api.get(`${base}/conversations/meta`);
    expect(metaOnly.body).toEqual({ meta: { ...meta } });
  });

  it('filters by status, inbox (0 = not given), labels as JSON text, and pages by 25', async () => {
    const labelled = await f.openConversation();
    await api.post(`${base}/conversations/${labelled.id}/labels`, { labels: ['vip'] });
    let res = await api.get(`${base}/conversations`, { labels: '["vip"]', inbox_id: 0, status: 'all' });
    expect(res.body.data.payload.map((c: any) => c.id)).toEqual([labelled.id]);
    res = await api.get(`${base}/conversations`, { 'labels[]': 'vip', status: 'all' });
    expect(res.body.data.payload.map((c: any) => c.id)).toEqual([labelled.id]);
    for (let i = 0; i < 26; i++) await f.openConversation();
    const page1 = await api.get(`${base}/conversations`, { status: 'open' });
    const page2 = await api.get(`${base}/conversations`, { status: 'open', page: 2 });
    expect(page1.body.data.payload).toHaveLength(25);
    expect(page2.body.data.payload.length).toBeGreaterThan(0);
    const ids1 = new Set(page1.body.data.payload.map((c: any) => c.id));
    expect(page2.body.data.payload.some((c: any) => ids1.has(c.id))).toBe(false);
    const resolved = await api.get(`${base}/conversations`, { status: 'resolved' });
    expect(resolved.body.data.payload.every((c: any) => c.status === 'resolved')).toBe(true);
  });

  it('searches message text and filters with the advanced filter', async () => {
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'My parcel 7731-XQ never arrived');
    const search = await api.get(`${base}/conversations/search`, { q: '7731-xq' });
    expect(search.status).toBe(200);
    expect(search.body.meta).toEqual({
      mine_count: expect.any(Number),
      unassigned_count: expect.any(Number),
      all_count: 1,
    });
    expect(search.body.payload[0]).toMatchObject({
      id: conversation.id,
      contact: { id: f.contact.id, name: 'Jane Roe' },
      inbox: { id: f.inbox.id, channel_type: 'Channel::Api' },
      messages: [{ content: 'My parcel 7731-XQ never arrived', message_type: 0, sender_name: 'Jane Roe' }],
    });
    await api.post(`${base}/conversations/${conversation.id}/toggle_priority`, { priority: 'urgent' });
    const filtered = await api.post(`${base}/conversations/filter`, {
      payload: [
        { attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'], query_operator: 'AND' },
        { attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] },
      ],
    });
    expect(filtered.status).toBe(200);
    expect(filtered.body.payload.map((c: any) => c.id)).toEqual([conversation.id]);
    expect(Object.keys(filtered.body.meta).sort()).toEqual(['all_count', 'mine_count', 'unassigned_count']);
    const page0 = await api.post(`${base}/conversations/filter?page=0`, {
      payload: [{ attribute_key: 'priority', filter_operator: 'equal_to', values: ['urgent'] }],
    });
    expect(page0.body.payload).toHaveLength(1);
    const bad = await api.post(`${base}/conversations/filter`, {
      payload: [{ attribute_key: 'nope', filter_operator: 'equal_to', values: ['x'] }],
    });
    expect(bad.status).toBe(422);
  });

  it('lists a contact’s conversations', async () => {
    const res = await api.get(`${base}/contacts/${f.contact.id}/conversations`);
    expect(res.status).toBe(200);
    expect(res.body.payload.length).toBeGreaterThan(0);
    expect(res.body.payload.length).toBeLessThanOrEqual(20);
    expect(res.body.payload.every((c: any) => c.meta.sender.id === f.contact.id)).toBe(true);
  });
});

describe('conversation actions', () => {
  it('toggles status: resolve, reopen without a status, snooze until a time', async () => {
    const c = await f.openConversation();
    let res = await api.post(`${base}/conversations/${c.id}/toggle_status`, { status: 'resolved' });
    expect(res.body).toEqual({
      payload: { success: true, conversation_id: c.id, current_status: 'resolved', snoozed_until: null },
    });
    res = await api.post(`${base}/conversations/${c.id}/toggle_status`, {});
    expect(res.body.payload.current_status).toBe('open');
    const until = Math.floor(Date.now() / 1000) + 3600;
    res = await api.post(`${base}/conversations/${c.id}/toggle_status`, { status: 'snoozed', snoozed_until: until });
    expect(res.body.payload.current_status).toBe('snoozed');
    expect(new Date(res.body.payload.snoozed_until).getTime()).toBe(until * 1000);
    const shown = await api.get(`${base}/conversations/${c.id}`);
    expect(shown.body.status).toBe('snoozed');
    expect(shown.body.messages[0]).toMatchObject({ message_type: 2, content: expect.stringMatching(/snoozed/) });
    const bad = await api.post(`${base}/conversations/${c.id}/toggle_status`, { status: 'done' });
    expect(bad.status).toBe(422);
  });

  it('sets and clears priority', async () => {
    const c = await f.openConversation();
    let res = await api.post(`${base}/conversations/${c.id}/toggle_priority`, { priority: 'high' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await api.get(`${base}/conversations/${c.id}`)).body.priority).toBe('high');
    res = await api.patch(`${base}/conversations/${c.id}`, { priority: 'low' });
    expect(res.body.priority).toBe('low');
    await api.post(`${base}/conversations/${c.id}/toggle_priority`, {});
    expect((await api.get(`${base}/conversations/${c.id}`)).body.priority).toBeNull();
    expect((await api.post(`${base}/conversations/${c.id}/toggle_priority`, { priority: 'critical' })).status).toBe(
      422,
    );
  });

  it('assigns an agent, a team, and unassigns', async () => {
    const c = await f.openConversation();
    const agent = await ctx.member(f.account.account_id, 'agent', 'Sam Agent');
    let res = await api.post(`${base}/conversations/${c.id}/assignments`, { assignee_id: agent.userId });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: agent.userId,
      name: 'Sam Agent',
      role: 'agent',
      account_id: f.account.account_id,
      provider: 'email',
    });
    const shown = await api.get(`${base}/conversations/${c.id}`);
    expect(shown.body.meta).toMatchObject({ assignee: { id: agent.userId }, assignee_type: 'User' });
    const team = await ctx.database.db
      .insertInto('teams')
      .values({ account_id: f.account.account_id, name: 'billing' })
      .returningAll()
      .executeTakeFirstOrThrow();
    res = await api.post(`${base}/conversations/${c.id}/assignments`, { team_id: team.id });
    expect(res.body).toMatchObject({ id: team.id, name: 'billing', account_id: f.account.account_id });
    expect((await api.get(`${base}/conversations/${c.id}`)).body.meta.team).toMatchObject({
      id: team.id,
      name: 'billing',
    });
    res = await api.post(`${base}/conversations/${c.id}/assignments`, { assignee_id: 999999 });
    expect(res.status).toBe(200);
    expect(res.body).toBeNull();
    expect((await api.get(`${base}/conversations/${c.id}`)).body.meta.assignee).toBeUndefined();
  });

  it('assigns an agent bot with assignee_type AgentBot', async () => {
    const c = await f.openConversation();
    const bot = await ctx.database.db
      .insertInto('agent_bots')
      .values({ account_id: f.account.account_id, name: 'Triage Bot', outgoing_url: 'https://203.0.113.9/bot' })
      .returningAll()
      .executeTakeFirstOrThrow();
    const res = await api.post(`${base}/conversations/${c.id}/assignments`, {
      assignee_id: bot.id,
      assignee_type: 'AgentBot',
    });
    expect(res.body).toEqual({
      id: bot.id,
      name: 'Triage Bot',
      description: null,
      thumbnail: '',
      outgoing_url: 'https://203.0.113.9/bot',
      bot_type: 'webhook',
    });
    expect((await api.get(`${base}/conversations/${c.id}`)).body.meta).toMatchObject({
      assignee: { id: bot.id, name: 'Triage Bot' },
      assignee_type: 'AgentBot',
    });
  });

  it('replaces labels and custom attributes, mutes and unmutes', async () => {
    const c = await f.openConversation(api, { custom_attributes: { a: 1 } });
    expect(
      (await api.post(`${base}/conversations/${c.id}/labels`, { labels: ['billing', 'vip', 'vip'] })).body,
    ).toEqual({ payload: ['billing', 'vip'] });
    expect((await api.get(`${base}/conversations/${c.id}/labels`)).body).toEqual({ payload: ['billing', 'vip'] });
    const attrs = await api.post(`${base}/conversations/${c.id}/custom_attributes`, { custom_attributes: { b: 2 } });
    expect(attrs.body).toEqual({ custom_attributes: { b: 2 } });
    expect((await api.post(`${base}/conversations/${c.id}/mute`)).status).toBe(200);
    expect((await api.get(`${base}/conversations/${c.id}`)).body.muted).toBe(true);
    await api.post(`${base}/conversations/${c.id}/unmute`);
    expect((await api.get(`${base}/conversations/${c.id}`)).body.muted).toBe(false);
  });

  it('counts unread incoming messages, capped at 10, and resets them when seen', async () => {
    const c = await f.openConversation();
    for (let i = 0; i < 12; i++) await f.incoming(c.id, `ping ${i}`);
    expect((await api.get(`${base}/conversations/${c.id}`)).body.unread_count).toBe(10);
    const seen = await api.post(`${base}/conversations/${c.id}/update_last_seen`);
    expect(seen.body.unread_count).toBe(0);
    expect(seen.body.agent_last_seen_at).toBeGreaterThan(0);
    const unread = await api.post(`${base}/conversations/${c.id}/unread`);
    expect(unread.body.unread_count).toBeGreaterThanOrEqual(1);
  });

  it('deletes as administrator only', async () => {
    const c = await f.openConversation();
    const agent = await ctx.member(f.account.account_id, 'agent');
    await api.post(`/api/v1/accounts/${f.account.account_id}/inbox_members`, {
      inbox_id: f.inbox.id,
      user_ids: [agent.userId],
    });
    expect((await agent.api.delete(`${base}/conversations/${c.id}`)).status).toBe(401);
    const res = await api.delete(`${base}/conversations/${c.id}`);
    expect(res.status).toBe(200);
    expect((await api.get(`${base}/conversations/${c.id}`)).status).toBe(404);
  });
});

describe('conversation isolation', () => {
  it('answers 404 for another account’s conversation on every route', async () => {
    const theirs = await other.openConversation();
    const mineWithSameNumber = await api.get(`${base}/conversations/${theirs.id}`);
    expect(mineWithSameNumber.body.account_id).toBe(f.account.account_id);
    for (const id of [theirs.id + 100_000]) {
      for (const res of [
        await api.get(`${base}/conversations/${id}`),
        await api.patch(`${base}/conversations/${id}`, { priority: 'high' }),
        await api.post(`${base}/conversations/${id}/toggle_status`, { status: 'resolved' }),
        await api.post(`${base}/conversations/${id}/labels`, { labels: ['x'] }),
        await api.get(`${base}/conversations/${id}/messages`),
        await api.post(`${base}/conversations/${id}/messages`, { content: 'x' }),
        await api.post(`${base}/conversations/${id}/assignments`, { assignee_id: f.account.user_id }),
      ]) {
        expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
      }
    }
    const inOther = await other.api.get(`${other.base}/conversations/${theirs.id}`);
    expect(inOther.status).toBe(200);
    const crossAccountToken = await api.get(`${other.base}/conversations/${theirs.id}`);
    expect(crossAccountToken.status).toBe(401);
  });

  it('hides conversations of inboxes an agent is not a member of', async () => {
    const c = await f.openConversation();
    const outsider = await ctx.member(f.account.account_id, 'agent');
    expect((await outsider.api.get(`${base}/conversations/${c.id}`)).status).toBe(404);
    const list = await outsider.api.get(`${base}/conversations`, { status: 'all' });
    expect(list.body.data.payload).toEqual([]);
    expect(list.body.data.meta.all_count).toBe(0);
  });
});
