import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../test/helpers/wts-fixture.ts';

/** Managing agents and departments through the WTS dialect: the same users, teams and memberships Chatwoot shows. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const agentToken = await ctx.member(f.account.account_id, 'agent', 'Plain Agent');
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agentToken.token}` });
const other = await wtsFixture(ctx, 'Globex');
const missing = '00000000-0000-4000-8000-000000000000';

const chatwootAgent = async (email: string) =>
  (await api.get(`${base}/agents`)).body.find((a: any) => a.email === email);
const sessionToken = async (email: string, password: string) =>
  (
    await ctx.app.inject({
      method: 'POST',
      url: '/auth/sign_in',
      payload: { email, password },
      remoteAddress: '10.30.0.1',
    })
  ).headers;

describe('agents', () => {
  it('adds a user with a profile, shown by both dialects; email is required, phone numbers refused, nothing stored on a refusal', async () => {
    const res = await wts.post('/core/v1/agent', {
      name: 'Ana Lima',
      email: 'ana@acme.test',
      profile: 'Admin',
      availability: 'AVAILABLE',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Ana Lima',
      email: 'ana@acme.test',
      profile: 'Admin',
      availability: 'AVAILABLE',
      companyId: f.companyId,
      departments: [],
    });
    expect(await chatwootAgent('ana@acme.test')).toMatchObject({ role: 'administrator', confirmed: false });
    expect(
      (await wts.post('/core/v1/agent', { name: 'Restricted', email: 'r@acme.test', profile: 'RestrictedAgent' })).body
        .profile,
    ).toBe('Agent');

    const before = (await api.get(`${base}/agents`)).body.length;
    const noEmail = await wts.post('/core/v1/agent', { name: 'Nobody', profile: 'Agent' });
    expect(noEmail).toMatchObject({ status: 400, body: { errors: [{ field: 'email' }] } });
    const phone = await wts.post('/core/v1/agent', {
      name: 'Phone',
      email: 'p@acme.test',
      phoneNumber: '+5511999990000',
      profile: 'Agent',
    });
    expect(phone).toMatchObject({ status: 400, body: { errors: [{ field: 'phoneNumber' }] } });
    expect((await wts.post('/core/v1/agent', { name: 'Bad', email: 'b@acme.test', profile: 'Owner' })).status).toBe(
      400,
    );
    expect((await api.get(`${base}/agents`)).body.length).toBe(before);
  });

  it('changes only the fields named', async () => {
    const ana = (await wts.get('/core/v1/agent')).body.find((a: any) => a.email === 'ana@acme.test');
    const res = await wts.put(`/core/v1/agent/${ana.id}`, {
      fields: ['ShortName', 'Profile'],
      name: 'ignored',
      shortName: 'Aninha',
      profile: 'Agent',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ name: 'Ana Lima', shortName: 'Aninha', profile: 'Agent' });
    expect(await chatwootAgent('ana@acme.test')).toMatchObject({ role: 'agent', available_name: 'Aninha' });
    const renamed = await wts.put(`/core/v1/agent/${ana.id}`, {
      fields: ['Name', 'Availability'],
      name: 'Ana L.',
      availability: 'UNAVAILABLE',
    });
    expect(renamed.body).toMatchObject({ name: 'Ana L.', availability: 'UNAVAILABLE' });
    expect(
      (await wts.put(`/core/v1/agent/${ana.id}`, { fields: ['Email'], email: 'x@y.z' })).body.errors[0].field,
    ).toBe('email');
    expect((await wts.put(`/core/v1/agent/${ana.id}`, { fields: ['Name'], name: '  ' })).status).toBe(400);
  });

  it("sets a user's departments: replace all, add, remove", async () => {
    const ana = (await wts.get('/core/v1/agent')).body.find((a: any) => a.email === 'ana@acme.test');
    const [sales, support] = await Promise.all(
      ['sales', 'support'].map(async (name) => (await wts.post('/core/v1/department', { name })).body.id),
    );
    const set = (action: string, ids: string[]) =>
      wts.post(`/core/v1/agent/${ana.id}/departments`, {
        action,
        items: ids.map((departmentId) => ({ departmentId, isAgent: true })),
      });
    const departments = async () =>
      (await wts.get(`/core/v1/agent/${ana.id}`)).body.departments.map((d: any) => d.departmentId).sort();
    expect((await set('ReplaceAll', [sales])).status).toBe(200);
    expect(await departments()).toEqual([sales]);
    await set('Upsert', [support]);
    expect(await departments()).toEqual([sales, support].sort());
    await set('Remove', [sales]);
    expect(await departments()).toEqual([support]);
    const teamId = (await api.get(`${base}/teams`)).body.find((t: any) => t.name === 'support').id;
    expect((await api.get(`${base}/teams/${teamId}/team_members`)).body.map((m: any) => m.email)).toEqual([
      'ana@acme.test',
    ]);
    expect((await set('Upsert', [missing])).body.errors[0].field).toBe('items.departmentId');
    expect(await departments()).toEqual([support]);
  });

  it('removes a user, handing their open sessions over as asked', async () => {
    const bea = (await wts.post('/core/v1/agent', { name: 'Bea', email: 'bea@acme.test', profile: 'Agent' })).body;
    const caio = (await wts.post('/core/v1/agent', { name: 'Caio', email: 'caio@acme.test', profile: 'Agent' })).body;
    const beaId = (await chatwootAgent('bea@acme.test')).id;
    const caioId = (await chatwootAgent('caio@acme.test')).id;
    const conversation = await f.openConversation(api, { assignee_id: beaId });
    expect(conversation.meta.assignee.id).toBe(beaId);

    const noTarget = await wts.delete(`/core/v1/agent/${bea.id}`, { sessionResolution: 'TRANSFER' });
    expect(noTarget.body.errors[0].field).toBe('transferUserId');
    expect(await chatwootAgent('bea@acme.test')).toBeDefined();

    expect(
      (await wts.delete(`/core/v1/agent/${bea.id}`, { sessionResolution: 'TRANSFER', transferUserId: caio.id })).status,
    ).toBe(200);
    expect(await chatwootAgent('bea@acme.test')).toBeUndefined();
    expect((await api.get(`${base}/conversations/${conversation.id}`)).body.meta.assignee.id).toBe(caioId);

    expect((await wts.delete(`/core/v1/agent/${caio.id}`, { sessionResolution: 'COMPLETE' })).status).toBe(200);
    expect((await api.get(`${base}/conversations/${conversation.id}`)).body).toMatchObject({ status: 'resolved' });
    expect((await wts.get(`/core/v1/agent/${caio.id}`)).status).toBe(404);
  });

  it('returns sessions to the queue when asked; signs a user out of every session', async () => {
    const dan = await ctx.member(f.account.account_id, 'agent', 'Dan');
    const danUuid = await f.userUuid(dan.userId);
    const danEmail = (
      await db.selectFrom('users').select('email').where('id', '=', dan.userId).executeTakeFirstOrThrow()
    ).email;
    const session = await sessionToken(danEmail, 'password123');
    const signedIn = () =>
      ctx.app.inject({
        method: 'GET',
        url: '/auth/validate_token',
        headers: { 'access-token': String(session['access-token']), client: String(session.client), uid: danEmail },
      });
    expect((await signedIn()).statusCode).toBe(200);
    expect((await wts.post(`/core/v1/agent/${danUuid}/logout`)).status).toBe(200);
    expect((await signedIn()).statusCode).toBe(401);

    const conversation = await f.openConversation(api, { assignee_id: dan.userId });
    expect((await wts.delete(`/core/v1/agent/${danUuid}`, { sessionResolution: 'RETURN_TO_PENDING' })).status).toBe(
      200,
    );
    const after = (await api.get(`${base}/conversations/${conversation.id}`)).body;
    expect(after.status).toBe('open');
    expect(after.meta.assignee).toBeUndefined();
  });

  it('will not sign out a user who also works for another company', async () => {
    const shared = await ctx.member(f.account.account_id, 'agent', 'Shared');
    await db
      .insertInto('account_users')
      .values({ account_id: other.account.account_id, user_id: shared.userId, role: 'agent' })
      .execute();
    const res = await wts.post(`/core/v1/agent/${await f.userUuid(shared.userId)}/logout`);
    expect(res.status).toBe(400);
    expect(res.body.text).toMatch(/other companies/);
  });

  it('is for administrators, and only for this company’s users', async () => {
    const admin = await f.userUuid(f.account.user_id);
    expect((await asAgent.post('/core/v1/agent', { name: 'X', email: 'x@acme.test', profile: 'Agent' })).status).toBe(
      403,
    );
    expect((await asAgent.put(`/core/v1/agent/${admin}`, { fields: ['Name'], name: 'X' })).status).toBe(403);
    expect((await asAgent.delete(`/core/v1/agent/${admin}`)).status).toBe(403);
    for (const call of [
      () => other.wts.put(`/core/v1/agent/${admin}`, { fields: ['Name'], name: 'Stolen' }),
      () => other.wts.delete(`/core/v1/agent/${admin}`),
      () => other.wts.post(`/core/v1/agent/${admin}/logout`),
      () => other.wts.post(`/core/v1/agent/${admin}/departments`, { action: 'ReplaceAll', items: [] }),
    ]) {
      const res = await call();
      expect(res.status, res.text).toBe(404);
    }
    expect((await wts.delete(`/core/v1/agent/${admin}`)).status).toBe(400); // not yourself
    expect((await wts.get(`/core/v1/agent/${admin}`)).body.name).toBe('admin');
  });
});

describe('departments', () => {
  it('creates one with agents, changes the fields named, sets its agents, and deletes it — the same team in Chatwoot', async () => {
    const plain = await f.userUuid(agentToken.userId);
    const admin = await f.userUuid(f.account.user_id);
    const created = await wts.post('/core/v1/department', {
      name: 'Billing',
      description: 'Invoices',
      distributionIsEnabled: true,
      agents: [{ userId: plain, isAgent: true }],
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      name: 'billing',
      description: 'Invoices',
      distribuitionEnabled: true,
      agents: [{ userId: plain, departmentId: created.body.id }],
    });
    const team = (await api.get(`${base}/teams`)).body.find((t: any) => t.name === 'billing');
    expect(team).toMatchObject({ description: 'Invoices', allow_auto_assign: true });

    const updated = await wts.put(`/core/v1/department/${created.body.id}`, {
      fields: ['Description'],
      name: 'ignored',
      description: 'Invoices and refunds',
    });
    expect(updated.body).toMatchObject({ name: 'billing', description: 'Invoices and refunds' });

    const agents = (action: string, ids: string[]) =>
      wts.put(`/core/v1/department/${created.body.id}/agents`, { action, items: ids.map((userId) => ({ userId })) });
    const members = async () =>
      (await wts.get(`/core/v1/department/${created.body.id}`)).body.agents.map((a: any) => a.userId).sort();
    const answer = await agents('Upsert', [admin]);
    expect(answer.body).toEqual({ action: 'Upsert', items: [{ userId: admin }] });
    expect(await members()).toEqual([plain, admin].sort());
    await agents('Remove', [plain]);
    expect(await members()).toEqual([admin]);
    await agents('ReplaceAll', [plain]);
    expect(await members()).toEqual([plain]);
    expect((await agents('Upsert', [missing])).body.errors[0].field).toBe('items.userId');
    expect(await members()).toEqual([plain]);
    await agents('ReplaceAll', []); // an empty list is "nobody", not a missing field
    expect(await members()).toEqual([]);

    expect((await wts.get(`/core/v1/department/${created.body.id}/channel`)).body).toEqual({
      scope: 'ALL',
      channels: [],
    });
    const narrowed = await wts.put(`/core/v1/department/${created.body.id}`, {
      fields: ['ChannelsConfig'],
      channelsConfig: { scope: 'SELECTED', channels: [f.channelId] },
    });
    expect(narrowed.status).toBe(400);

    expect((await wts.delete(`/core/v1/department/${created.body.id}`)).status).toBe(200);
    expect((await api.get(`${base}/teams`)).body.some((t: any) => t.name === 'billing')).toBe(false);
    expect((await wts.get(`/core/v1/department/${created.body.id}`)).status).toBe(404);
  });

  it('refuses bad input, agents, and other companies', async () => {
    expect((await wts.post('/core/v1/department', { name: '' })).status).toBe(400);
    expect(
      (await wts.post('/core/v1/department', { name: 'Ghosts', agents: [{ userId: missing }] })).body.errors[0].field,
    ).toBe('agents.userId');
    expect((await api.get(`${base}/teams`)).body.some((t: any) => t.name === 'ghosts')).toBe(false);
    expect((await asAgent.post('/core/v1/department', { name: 'Mine' })).status).toBe(403);
    const mine = (await wts.post('/core/v1/department', { name: 'Private' })).body.id;
    for (const call of [
      () => other.wts.put(`/core/v1/department/${mine}`, { fields: ['Name'], name: 'Stolen' }),
      () => other.wts.delete(`/core/v1/department/${mine}`),
      () => other.wts.put(`/core/v1/department/${mine}/agents`, { action: 'ReplaceAll', items: [] }),
      () => other.wts.get(`/core/v1/department/${mine}/channel`),
    ]) {
      const res = await call();
      expect(res.status, res.text).toBe(404);
    }
    expect((await wts.get(`/core/v1/department/${mine}`)).body.name).toBe('private');
  });
});
