import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/**
 * Get All Sessions as the WTS n8n node calls it (seed 003): every filter, through HTTP. Session times are
 * pinned with SQL so each date filter has one known answer; everything else is set through the APIs.
 */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const accountId = f.account.account_id;

const sam = await ctx.member(accountId, 'agent', 'Sam');
await api.post(`${base}/inbox_members`, { inbox_id: f.inbox.id, user_ids: [sam.userId] });
const sales = (await api.post(`${base}/teams`, { name: 'sales' })).body;
const support = (await api.post(`${base}/teams`, { name: 'support' })).body;
const vip = (await api.post(`${base}/labels`, { title: 'vip', color: '#ff0000' })).body;
await api.post(`${base}/labels`, { title: 'late' });
const inbox2 = await insertInbox(db, accountId, { name: 'Second API', channel_type: 'Channel::Api' });
const john = (await api.post(`${base}/contacts`, { name: 'John Doe', email: 'john@example.com', inbox_id: inbox2.id }))
  .body.payload.contact;
const uuidOf = async (table: 'teams' | 'labels' | 'inboxes' | 'contacts', id: number) =>
  (await db.selectFrom(table).select('uuid').where('id', '=', id).executeTakeFirstOrThrow()).uuid;
const ids = {
  sam: await f.userUuid(sam.userId),
  sales: await uuidOf('teams', sales.id),
  support: await uuidOf('teams', support.id),
  vip: await uuidOf('labels', vip.id),
  inbox2: await uuidOf('inboxes', inbox2.id),
  john: await uuidOf('contacts', john.id),
};

// s1 IN_PROGRESS (Sam, sales, vip) · s2 PENDING (support, late) · s3 COMPLETED (John, second inbox)
// s4 STARTED (bot) · s5 PENDING (snoozed) · s6 HIDDEN
const s1 = await f.openSession({ assignee_id: sam.userId, team_id: sales.id });
await api.post(`${base}/conversations/${s1.displayId}/labels`, { labels: ['vip'] });
const s2 = await f.openSession({ team_id: support.id });
await api.post(`${base}/conversations/${s2.displayId}/labels`, { labels: ['late'] });
const s3conversation = (await api.post(`${base}/conversations`, { inbox_id: inbox2.id, contact_id: john.id })).body;
const s3 = { displayId: s3conversation.id, id: s3conversation.uuid };
await api.post(`${base}/conversations/${s3.displayId}/toggle_status`, { status: 'resolved' });
const s4 = await f.openSession({ status: 'pending' });
const s5 = await f.openSession();
await api.post(`${base}/conversations/${s5.displayId}/toggle_status`, {
  status: 'snoozed',
  snoozed_until: Math.floor(Date.now() / 1000) + 3600,
});
const s6 = await f.openSession();
expect((await wts.put(`/chat/v1/session/${s6.id}/status`, { newStatus: 'HIDDEN' })).status).toBe(200);

const sessions = { s1, s2, s3, s4, s5, s6 };
const nameOf = new Map(Object.entries(sessions).map(([name, s]) => [s.id, name]));

/** Pinned times (null = never happened). Each filter below has one answer. */
const TIMES = {
  s1: {
    created_at: '2024-01-10',
    updated_at: '2024-06-20',
    last_activity_at: '2024-03-05',
    active_at: '2024-02-02',
    ended_at: null,
  },
  s2: {
    created_at: '2024-02-10',
    updated_at: '2024-05-20',
    last_activity_at: '2024-01-05',
    active_at: null,
    ended_at: null,
  },
  s3: {
    created_at: '2024-03-10',
    updated_at: '2024-04-20',
    last_activity_at: '2024-01-05',
    active_at: '2024-04-04',
    ended_at: '2024-05-05',
  },
  s4: {
    created_at: '2024-04-10',
    updated_at: '2024-03-20',
    last_activity_at: '2024-07-05',
    active_at: null,
    ended_at: null,
  },
  s5: {
    created_at: '2024-05-10',
    updated_at: '2024-02-20',
    last_activity_at: '2024-01-05',
    active_at: '2024-01-01',
    ended_at: null,
  },
  s6: {
    created_at: '2024-06-10',
    updated_at: '2024-01-20',
    last_activity_at: '2024-01-05',
    active_at: '2024-06-06',
    ended_at: '2024-06-06',
  },
};
for (const [name, times] of Object.entries(TIMES)) {
  await db
    .updateTable('conversations')
    .set(times as never)
    .where('uuid', '=', sessions[name as keyof typeof sessions].id)
    .execute();
}

async function names(query: Record<string, unknown> = {}, path = '/chat/v1/session'): Promise<string[]> {
  const res = await wts.get(path, query);
  expect(res.status, res.text).toBe(200);
  return res.body.items.map((s: any) => nameOf.get(s.id));
}

describe('GET /chat/v1/session filters (seed 003)', () => {
  it('lists every session of the company, oldest first, in the page envelope', async () => {
    const res = await wts.get('/chat/v1/session');
    expect(res.body).toMatchObject({
      pageNumber: 1,
      pageSize: 15,
      orderBy: 'createdAt',
      orderDirection: 'ASCENDING',
      totalItems: 6,
      totalPages: 1,
      hasMorePages: false,
    });
    expect(res.body.items.map((s: any) => nameOf.get(s.id))).toEqual(['s1', 's2', 's3', 's4', 's5', 's6']);
    expect(res.body.items.map((s: any) => s.status)).toEqual([
      'IN_PROGRESS',
      'PENDING',
      'COMPLETED',
      'STARTED',
      'PENDING',
      'HIDDEN',
    ]);
  });

  it('Status: one, several as repeated keys, and UNDEFINED (matches nothing)', async () => {
    expect(await names({ Status: 'STARTED' })).toEqual(['s4']);
    expect(await names({ Status: 'PENDING' })).toEqual(['s2', 's5']);
    expect(await names({ Status: 'IN_PROGRESS' })).toEqual(['s1']);
    expect(await names({ Status: 'COMPLETED' })).toEqual(['s3']);
    expect(await names({ Status: 'HIDDEN' })).toEqual(['s6']);
    expect(await names({ Status: ['PENDING', 'IN_PROGRESS'] })).toEqual(['s1', 's2', 's5']);
    expect(await names({ Status: 'UNDEFINED' })).toEqual([]);
  });

  it('rejects a bad Status value with a 400 that says so', async () => {
    const res = await wts.get('/chat/v1/session', { Status: 'OPEN' });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: true, httpStatusCode: 400, key: 'ERROR_VALIDATION' });
    expect(res.body.text).toMatch(
      /Status.* must be one of: UNDEFINED, STARTED, PENDING, IN_PROGRESS, COMPLETED, HIDDEN/,
    );
  });

  it('TagsId (label uuids) and TagsName (titles)', async () => {
    expect(await names({ TagsId: ids.vip })).toEqual(['s1']);
    expect(await names({ TagsName: 'late' })).toEqual(['s2']);
    expect(await names({ TagsName: ['late', 'vip'] })).toEqual(['s1', 's2']);
    expect(await names({ TagsId: ids.vip, TagsName: 'late' })).toEqual(['s1', 's2']);
    expect(await names({ TagsName: 'nobody' })).toEqual([]);
  });

  it('UserId, DepartmentId, ContactId and ChannelsId by their uuids', async () => {
    expect(await names({ UserId: ids.sam })).toEqual(['s1']);
    expect(await names({ DepartmentId: ids.sales })).toEqual(['s1']);
    expect(await names({ DepartmentId: ids.support })).toEqual(['s2']);
    expect(await names({ ContactId: ids.john })).toEqual(['s3']);
    expect(await names({ ContactId: f.contactId })).toEqual(['s1', 's2', 's4', 's5', 's6']);
    expect(await names({ ChannelsId: ids.inbox2 })).toEqual(['s3']);
    expect(await names({ ChannelsId: [ids.inbox2, f.channelId] })).toHaveLength(6);
    const malformed = await wts.get('/chat/v1/session', { UserId: 'not-a-uuid' });
    expect(malformed).toMatchObject({ status: 400, body: { key: 'ERROR_VALIDATION' } });
  });

  it('CreatedAt.After/Before', async () => {
    expect(await names({ 'CreatedAt.After': '2024-03-01' })).toEqual(['s3', 's4', 's5', 's6']);
    expect(await names({ 'CreatedAt.Before': '2024-02-15' })).toEqual(['s1', 's2']);
    expect(await names({ 'CreatedAt.After': '2024-02-01T00:00:00Z', 'CreatedAt.Before': '2024-04-15 00:00' })).toEqual([
      's2',
      's3',
      's4',
    ]);
  });

  it('UpdatedAt.After/Before', async () => {
    expect(await names({ 'UpdatedAt.After': '2024-05-01' })).toEqual(['s1', 's2']);
    expect(await names({ 'UpdatedAt.Before': '2024-02-01' })).toEqual(['s6']);
  });

  it('LastInteractionAt.After/Before (last activity)', async () => {
    expect(await names({ 'LastInteractionAt.After': '2024-03-01' })).toEqual(['s1', 's4']);
    expect(await names({ 'LastInteractionAt.Before': '2024-02-01' })).toEqual(['s2', 's3', 's5', 's6']);
  });

  it('ActiveAt.After/Before (first assignment or agent reply; never-active sessions never match)', async () => {
    expect(await names({ 'ActiveAt.After': '2024-02-01' })).toEqual(['s1', 's3', 's6']);
    expect(await names({ 'ActiveAt.Before': '2024-03-01' })).toEqual(['s1', 's5']);
  });

  it('EndAt.After/Before (when it was completed)', async () => {
    expect(await names({ 'EndAt.After': '2024-06-01' })).toEqual(['s6']);
    expect(await names({ 'EndAt.Before': '2024-05-31' })).toEqual(['s3']);
  });

  it('rejects a date that is not one', async () => {
    const res = await wts.get('/chat/v1/session', { 'EndAt.After': 'yesterday' });
    expect(res).toMatchObject({ status: 400, body: { key: 'ERROR_VALIDATION' } });
    expect(res.body.text).toMatch(/EndAt.After is not a valid date-time/);
  });

  it('combines filters (AND between filters)', async () => {
    expect(await names({ Status: ['PENDING', 'IN_PROGRESS'], 'CreatedAt.After': '2024-02-01' })).toEqual(['s2', 's5']);
    expect(await names({ DepartmentId: ids.sales, Status: 'PENDING' })).toEqual([]);
  });

  it('pages: PageNumber, PageSize, totals, hasMorePages; OrderBy and OrderDirection', async () => {
    const first = await wts.get('/chat/v1/session', { PageSize: 4 });
    expect(first.body).toMatchObject({ pageNumber: 1, pageSize: 4, totalItems: 6, totalPages: 2, hasMorePages: true });
    const second = await wts.get('/chat/v1/session', { PageSize: 4, PageNumber: 2 });
    expect(second.body).toMatchObject({ pageNumber: 2, totalPages: 2, hasMorePages: false });
    expect(second.body.items.map((s: any) => nameOf.get(s.id))).toEqual(['s5', 's6']);
    expect((await wts.get('/chat/v1/session', { PageNumber: 9 })).body.items).toEqual([]);
    expect(await names({ OrderBy: 'createdAt', OrderDirection: 'DESCENDING' })).toEqual([
      's6',
      's5',
      's4',
      's3',
      's2',
      's1',
    ]);
    expect(await names({ OrderBy: 'updatedAt' })).toEqual(['s6', 's5', 's4', 's3', 's2', 's1']);
    expect(
      await names({ OrderBy: 'lastInteractionDate', OrderDirection: 'DESCENDING', Status: ['STARTED', 'IN_PROGRESS'] }),
    ).toEqual(['s4', 's1']);
  });

  it('refuses a page size outside 1–100 and an unknown OrderBy, with 400s that say so', async () => {
    const big = await wts.get('/chat/v1/session', { PageSize: 101 });
    expect(big).toMatchObject({ status: 400, body: { key: 'ERROR_VALIDATION' } });
    expect(big.body.text).toMatch(/PageSize/);
    expect((await wts.get('/chat/v1/session', { PageSize: 0 })).status).toBe(400);
    const order = await wts.get('/chat/v1/session', { OrderBy: 'colour' });
    expect(order.status).toBe(400);
    expect(order.body.text).toMatch(/OrderBy must be one of/);
    expect((await wts.get('/chat/v1/session', { OrderDirection: 'UP' })).status).toBe(400);
  });

  it('answers the same on /chat/v2/session', async () => {
    expect(await names({ Status: 'HIDDEN' }, '/chat/v2/session')).toEqual(['s6']);
  });

  it('takes the exact request the WTS n8n node sends: URL keys plus axios params', async () => {
    // URLSearchParams in the URL, then axios `params` (arrays as key[]=, camelCase names, untouched fields as "").
    const url =
      `/chat/v1/session?ChannelsId=${f.channelId}&Status=PENDING&Status=IN_PROGRESS&IncludeDetails=ContactDetails&TagsId=${ids.vip}` +
      `&status[]=PENDING&status[]=IN_PROGRESS&userId=${ids.sam}&contactId=&includeDetails[]=ContactDetails&autoPagination=false` +
      `&pageNumber=1&pageSize=50&orderBy=createdAt&orderDirection=DESCENDING&activeAtAfter=2024-01-15T00:00:00&ActiveAt.After=2024-01-15T00:00:00` +
      `&departmentId=null`;
    const res = await wts.get(url);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ pageSize: 50, orderDirection: 'DESCENDING', totalItems: 1 });
    expect(res.body.items[0]).toMatchObject({
      id: s1.id,
      status: 'IN_PROGRESS',
      contactDetails: { id: f.contactId, name: 'Jane Roe' },
    });
  });
});

describe('IncludeDetails', () => {
  it('fills no *Details unless asked', async () => {
    const [session] = (await wts.get('/chat/v1/session', { UserId: ids.sam })).body.items;
    expect(session).toMatchObject({
      contactDetails: null,
      agentDetails: null,
      channelDetails: null,
      departmentDetails: null,
      classification: null,
      channelType: null,
    });
  });

  it('fills each asked-for detail', async () => {
    const all = [
      'AgentDetails',
      'ChannelDetails',
      'ChannelTypeDetails',
      'ClassificationDetails',
      'ContactDetails',
      'DepartmentsDetails',
      'Undefined',
    ];
    const res = await wts.get('/chat/v1/session', { UserId: ids.sam, IncludeDetails: all });
    expect(res.status, res.text).toBe(200);
    const [session] = res.body.items;
    expect(session).toMatchObject({
      userId: ids.sam,
      departmentId: ids.sales,
      contactId: f.contactId,
      channelId: f.channelId,
      agentDetails: { id: ids.sam, userId: ids.sam, name: 'Sam' },
      departmentDetails: { id: ids.sales, name: 'sales', companyId: f.companyId },
      contactDetails: { id: f.contactId, name: 'Jane Roe', status: 'ACTIVE' },
      channelDetails: { humanId: 'Shop API', platform: 'API', displayName: 'Shop API' },
      channelType: 'API',
      classification: null,
    });
    const agentOnly = (await wts.get('/chat/v1/session', { UserId: ids.sam, IncludeDetails: 'AgentDetails' })).body
      .items[0];
    expect(agentOnly.agentDetails.name).toBe('Sam');
    expect(agentOnly.contactDetails).toBeNull();
  });

  it('shows contact tags (contact labels) with their tag ids', async () => {
    await api.post(`${base}/contacts/${f.contact.id}/labels`, { labels: ['vip'] });
    const [session] = (await wts.get('/chat/v1/session', { UserId: ids.sam, IncludeDetails: 'ContactDetails' })).body
      .items;
    expect(session.contactDetails).toMatchObject({ tagsName: ['vip'], tagsId: [ids.vip] });
  });

  it('rejects an unknown detail', async () => {
    expect((await wts.get('/chat/v1/session', { IncludeDetails: 'Everything' })).status).toBe(400);
  });
});

describe('the session list is constant-query', () => {
  it('runs the same number of statements for 1 and for 6 sessions with every detail', async () => {
    const all = ['AgentDetails', 'ChannelDetails', 'ChannelTypeDetails', 'ContactDetails', 'DepartmentsDetails'];
    const count = async (query: Record<string, unknown>) => {
      const before = ctx.database.counter.count;
      const res = await wts.get('/chat/v1/session', { ...query, IncludeDetails: all });
      expect(res.status).toBe(200);
      return { statements: ctx.database.counter.count - before, items: res.body.items.length };
    };
    const one = await count({ UserId: ids.sam });
    const many = await count({});
    expect(one.items).toBe(1);
    expect(many.items).toBe(6);
    expect(many.statements).toBe(one.statements);
    // token, user, company; page, count; contacts, users, inboxes, teams
    expect(many.statements).toBeLessThanOrEqual(9);
  });
});
