import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { createConversation } from '../../../../domain/conversations/commands.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** Portfolios ("carteiras") through the WTS dialect, and the new-conversation routing they drive. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const agent = await ctx.member(f.account.account_id, 'agent', 'Owner Agent');
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
const agentUuid = await f.userUuid(agent.userId);
const other = await wtsFixture(ctx, 'Globex');
const missing = '00000000-0000-4000-8000-000000000000';

const team = (await api.post(`${base}/teams`, { name: 'Key accounts' })).body;
const teamUuid = (await db.selectFrom('teams').select('uuid').where('id', '=', team.id).executeTakeFirstOrThrow()).uuid;

async function newContact(name: string, phone: string) {
  const res = await api.post(`${base}/contacts`, { name, phone_number: phone, inbox_id: f.inbox.id });
  expect(res.status, res.text).toBe(200);
  const contact = res.body.payload.contact;
  return {
    id: contact.id as number,
    uuid: (await db.selectFrom('contacts').select('uuid').where('id', '=', contact.id).executeTakeFirstOrThrow()).uuid,
  };
}
const countRows = async (table: 'portfolios' | 'portfolio_contacts') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

let byAgent: any;
let byTeam: any;

describe('portfolio management (administrators)', () => {
  it('creates portfolios owned by an agent or a department; refuses bad input storing nothing', async () => {
    const res = await wts.post('/core/v1/portfolio', { name: 'Ana’s clients', userId: agentUuid });
    expect(res.status, res.text).toBe(200);
    byAgent = res.body;
    expect(byAgent).toMatchObject({
      name: 'Ana’s clients',
      companyId: f.companyId,
      userId: agentUuid,
      departmentId: null,
      type: 'SINGLE',
      contactsCount: 0,
      active: true,
    });
    byTeam = (await wts.post('/core/v1/portfolio', { name: 'Key accounts', departmentId: teamUuid })).body;
    expect(byTeam).toMatchObject({
      departmentId: teamUuid,
      userId: null,
      type: 'MULTIPLE',
      departments: [{ departmentId: teamUuid, userIds: [] }],
    });

    const before = await countRows('portfolios');
    const both = await wts.post('/core/v1/portfolio', { name: 'Both', userId: agentUuid, departmentId: teamUuid });
    expect(both).toMatchObject({ status: 400, body: { error: true, httpStatusCode: 400 } });
    expect(
      (await wts.post('/core/v1/portfolio', { name: 'Stranger', userId: await other.userUuid(other.account.user_id) }))
        .status,
    ).toBe(400);
    expect((await wts.post('/core/v1/portfolio', { name: '' })).status).toBe(400);
    expect((await wts.post('/core/v1/portfolio', { name: 'Key accounts' })).status).toBe(400);
    expect((await wts.post('/core/v1/portfolio', { name: 'Bad id', userId: 'nope' })).status).toBe(400);
    expect(await countRows('portfolios')).toBe(before);
  });

  it('refuses an agent’s token on the administrator routes', async () => {
    expect((await asAgent.post('/core/v1/portfolio', { name: 'Mine' })).status).toBe(403);
    expect((await asAgent.put(`/core/v1/portfolio/${byAgent.id}`, { name: 'Renamed' })).status).toBe(403);
    expect((await asAgent.delete(`/core/v1/portfolio/${byAgent.id}`)).status).toBe(403);
    expect((await asAgent.get('/core/v1/portfolio')).status).toBe(200);
  });

  it('renames and changes owner; another account’s portfolio is 404', async () => {
    const temp = (await wts.post('/core/v1/portfolio', { name: 'Temp', userId: agentUuid })).body;
    const moved = await wts.put(`/core/v1/portfolio/${temp.id}`, { name: 'Temp 2', departmentId: teamUuid });
    expect(moved.body).toMatchObject({ name: 'Temp 2', departmentId: teamUuid, userId: null });
    const theirs = (await other.wts.post('/core/v1/portfolio', { name: 'Theirs' })).body;
    expect((await wts.get(`/core/v1/portfolio/${theirs.id}`)).status).toBe(404);
    expect((await wts.put(`/core/v1/portfolio/${theirs.id}`, { name: 'x' })).status).toBe(404);
    expect((await wts.delete(`/core/v1/portfolio/${theirs.id}`)).status).toBe(404);
    expect((await wts.get(`/core/v1/portfolio/${theirs.id}/contact`)).status).toBe(404);
    expect((await wts.post(`/core/v1/portfolio/${theirs.id}/contact`, { contactId: f.contactId })).status).toBe(404);
    expect((await other.wts.post(`/core/v1/portfolio/${theirs.id}/contact`, { contactId: f.contactId })).status).toBe(
      400,
    );
    expect((await wts.delete(`/core/v1/portfolio/${temp.id}`)).status).toBe(200);
    expect((await wts.get(`/core/v1/portfolio/${temp.id}`)).status).toBe(404);
  });

  it('lists in the page envelope, with paging and details on request', async () => {
    const page = await wts.get('/core/v1/portfolio?PageSize=1&OrderBy=Name&IncludeDetails=ContactCount');
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 1, totalItems: 2, totalPages: 2, hasMorePages: true });
    expect(page.body.items).toEqual([expect.objectContaining({ name: 'Ana’s clients', contactsCount: 0 })]);
    const second = (await wts.get('/core/v1/portfolio?PageSize=1&PageNumber=2&OrderBy=Name')).body;
    expect(second.items.map((p: any) => p.name)).toEqual(['Key accounts']);
    expect(second.items[0].contactsCount).toBeNull();
    expect((await wts.get('/core/v1/portfolio?CreatedAt.After=2999-01-01')).body.totalItems).toBe(0);
    const counted = async (url: string) => {
      const before = ctx.database.counter.count;
      expect((await wts.get(url)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    await counted('/core/v1/portfolio?PageSize=1');
    expect(await counted('/core/v1/portfolio?PageSize=1&IncludeDetails=ContactCount')).toBe(
      await counted('/core/v1/portfolio?PageSize=100&IncludeDetails=Departments'),
    );
    expect((await wts.get('/core/v1/portfolio?PageSize=500')).status).toBe(400);
    expect((await wts.get('/core/v1/portfolio?CreatedAt.After=yesterday')).status).toBe(400);
  });
});

describe('portfolio contacts', () => {
  it('adds one contact by id or phone number, lists and removes it (agents may)', async () => {
    const added = await asAgent.post(`/core/v1/portfolio/${byAgent.id}/contact`, { contactId: f.contactId });
    expect(added.status, added.text).toBe(200);
    expect(added.body).toMatchObject({
      portfolioId: byAgent.id,
      contactId: f.contactId,
      companyId: f.companyId,
      contactDetails: { id: f.contactId, name: 'Jane Roe' },
    });
    const phoned = await newContact('Phil', '+5511988887777');
    expect(
      (await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, { phoneNumber: '55 11 98888-7777' })).body.contactId,
    ).toBe(phoned.uuid);

    const list = await wts.get(`/core/v1/portfolio/${byAgent.id}/contact?PageSize=1`);
    expect(list.body).toMatchObject({
      totalItems: 2,
      totalPages: 2,
      hasMorePages: true,
      items: [{ contactId: f.contactId }],
    });
    expect(
      (await wts.get(`/core/v1/portfolio/${byAgent.id}/contact?ContactIds=${phoned.uuid}`)).body.items.map(
        (i: any) => i.contactId,
      ),
    ).toEqual([phoned.uuid]);

    expect(
      (await wts.delete(`/core/v1/portfolio/${byAgent.id}/contact`, { phoneNumber: '+5511988887777' })).status,
    ).toBe(200);
    expect(
      (await wts.delete(`/core/v1/portfolio/${byAgent.id}/contact`, { phoneNumber: '+5511988887777' })).status,
    ).toBe(404);
    expect((await wts.get(`/core/v1/portfolio/${byAgent.id}`)).body.contactsCount).toBe(1);
  });

  it('refuses unknown or foreign contacts and empty filters, storing nothing', async () => {
    const before = await countRows('portfolio_contacts');
    expect((await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, {})).status).toBe(400);
    expect((await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, { contactId: other.contactId })).status).toBe(
      400,
    );
    expect((await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, { contactId: 'not-a-uuid' })).status).toBe(400);
    const batch = await wts.post(`/core/v1/portfolio/${byTeam.id}/contact/batch`, {
      contactIds: [f.contactId, missing],
    });
    expect(batch).toMatchObject({ status: 400, body: { error: true, key: 'ERROR_VALIDATION' } });
    expect(await countRows('portfolio_contacts')).toBe(before);
    expect((await wts.post(`/core/v1/portfolio/${missing}/contact/batch`, { contactIds: [f.contactId] })).status).toBe(
      404,
    );
  });

  it('adds and removes in batch by ids and phone numbers; a contact moves between portfolios', async () => {
    const a = await newContact('Bea', '+5511911112222');
    const b = await newContact('Caio', '+5511933334444');
    const res = await wts.post(`/core/v1/portfolio/${byTeam.id}/contact/batch`, {
      contactIds: [a.uuid],
      phoneNumbers: ['5511933334444'],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.items.map((i: any) => i.contactId).sort()).toEqual([a.uuid, b.uuid].sort());
    expect(res.body).toMatchObject({ totalItems: 2, hasMorePages: false });
    // Jane moves from the agent's portfolio to the department's: one owner at a time.
    await wts.post(`/core/v1/portfolio/${byTeam.id}/contact/batch`, { contactIds: [f.contactId] });
    expect((await wts.get(`/core/v1/portfolio/${byAgent.id}`)).body.contactsCount).toBe(0);
    expect((await wts.get(`/core/v1/contact/${f.contactId}?IncludeDetails=Portfolios`)).body).toMatchObject({
      portfolioIds: [byTeam.id],
      portfolioNames: ['Key accounts'],
    });
    expect((await wts.get(`/core/v1/contact/${a.uuid}`)).body).toMatchObject({ portfolioIds: null });
    expect(
      (await wts.delete(`/core/v1/portfolio/${byTeam.id}/contact/batch`, { contactIds: [a.uuid, b.uuid] })).status,
    ).toBe(200);
    expect((await wts.get(`/core/v1/portfolio/${byTeam.id}/contact`)).body.items.map((i: any) => i.contactId)).toEqual([
      f.contactId,
    ]);
  });
});

describe('a new conversation of a portfolio contact goes to its owner first', () => {
  it('department owner → the conversation’s team; agent owner → its assignee; an explicit choice wins', async () => {
    const s1 = await f.openSession();
    const session1 = (await wts.get(`/chat/v1/session/${s1.id}`)).body;
    expect(session1).toMatchObject({ departmentId: teamUuid, userId: null });
    expect((await api.get(`${base}/conversations/${s1.displayId}`)).body.meta.team).toMatchObject({ id: team.id });
    await api.post(`${base}/conversations/${s1.displayId}/toggle_status`, { status: 'resolved' });

    await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, { contactId: f.contactId });
    const s2 = await f.openSession();
    expect((await wts.get(`/chat/v1/session/${s2.id}`)).body).toMatchObject({
      userId: agentUuid,
      departmentId: null,
      status: 'IN_PROGRESS',
    });
    expect((await api.get(`${base}/conversations/${s2.displayId}`)).body.meta.assignee).toMatchObject({
      id: agent.userId,
    });
    await api.post(`${base}/conversations/${s2.displayId}/toggle_status`, { status: 'resolved' });

    const s3 = await f.openSession({ team_id: team.id });
    expect((await wts.get(`/chat/v1/session/${s3.id}`)).body).toMatchObject({ departmentId: teamUuid, userId: null });
  });

  it('costs the same statements with or without a portfolio (one lookup, in the creating transaction)', async () => {
    // The domain command itself: the HTTP answer then reads the assignee it presents, which is presentation.
    const statements = async (contactId: number) => {
      const before = ctx.database.counter.count;
      await createConversation(db, f.account.account_id, { inboxId: f.inbox.id, contactId });
      return ctx.database.counter.count - before;
    };
    const plain = await newContact('Plain', '+5511977778888');
    const owned = await newContact('Owned', '+5511966667777');
    await wts.post(`/core/v1/portfolio/${byAgent.id}/contact`, { contactId: owned.uuid });
    await statements(plain.id); // warm caches (channel types, prepared statements) alike for both
    expect(await statements(owned.id)).toBe(await statements(plain.id));
  });

  it('a contact in no portfolio, or whose owner left, opens unassigned', async () => {
    const loner = await newContact('Loner', '+5511955556666');
    const c = (await api.post(`${base}/conversations`, { inbox_id: f.inbox.id, contact_id: loner.id })).body;
    expect(c.meta.assignee ?? null).toBeNull();
    expect(c.meta.team ?? null).toBeNull();

    const leaving = await ctx.member(f.account.account_id, 'agent', 'Leaving Agent');
    const p = (await wts.post('/core/v1/portfolio', { name: 'Leaving', userId: await f.userUuid(leaving.userId) }))
      .body;
    await wts.post(`/core/v1/portfolio/${p.id}/contact`, { contactId: loner.uuid });
    expect((await wts.delete(`/core/v1/agent/${await f.userUuid(leaving.userId)}`)).status).toBe(200);
    const after = await api.post(`${base}/conversations`, { inbox_id: f.inbox.id, contact_id: loner.id });
    expect(after.status, after.text).toBe(200);
    expect(after.body.meta.assignee ?? null).toBeNull();
  });
});
