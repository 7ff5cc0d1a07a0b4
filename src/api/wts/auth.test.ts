import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { issueToken } from '../../domain/auth/tokens.ts';
import { wtsFixture } from '../../../test/helpers/wts-fixture.ts';

/** WTS authentication, its error envelope, the company a token speaks for, and tenant isolation. */
const ctx = await createTestContext();
const a = await wtsFixture(ctx, 'Alpha');
const b = await wtsFixture(ctx, 'Beta');
const db = ctx.database.db;
const aSession = await a.openSession({ message: { content: 'alpha secret' } });
const bSession = await b.openSession({ message: { content: 'beta secret' } });
const bTeam = (await b.api.post(`${b.base}/teams`, { name: 'beta-team' })).body;
const bTeamId = (await db.selectFrom('teams').select('uuid').where('id', '=', bTeam.id).executeTakeFirstOrThrow()).uuid;
await b.api.post(`${b.base}/labels`, { title: 'beta-label' });
const bAdmin = await b.userUuid(b.account.user_id);

const itemIds = (res: { body: any }) => res.body.items.map((s: any) => s.id);

describe('WTS authentication', () => {
  it('takes `Authorization: Bearer <token>` and the bare token', async () => {
    expect((await a.wts.get('/chat/v1/session')).status).toBe(200);
    const bare = ctx.client(undefined, { authorization: a.account.api_access_token });
    expect(itemIds(await bare.get('/chat/v1/session'))).toEqual([aSession.id]);
  });

  it('answers 401 in the WTS envelope without a token, with an unknown one, and with a non-user token', async () => {
    const missing = await ctx.client().get('/chat/v1/session');
    expect(missing.status).toBe(401);
    expect(missing.body).toMatchObject({
      id: { value: expect.any(String), shortValue: expect.any(String) },
      httpStatusCode: 401,
      error: true,
      key: 'ERROR_UNAUTHORIZED',
      text: expect.stringMatching(/Authorization/),
      isUnsolvableError: false,
      date: expect.any(String),
    });
    const unknown = await ctx.client(undefined, { authorization: 'Bearer nope' }).get('/core/v1/tag');
    expect(unknown).toMatchObject({
      status: 401,
      body: { key: 'ERROR_UNAUTHORIZED', text: expect.stringMatching(/invalid/) },
    });
    const platformApp = await ctx.platformApp({ accountIds: [a.account.account_id] });
    const platform = await ctx
      .client(undefined, { authorization: `Bearer ${platformApp.token}` })
      .get('/chat/v1/session');
    expect(platform.status).toBe(401);
    const bot = await db
      .insertInto('agent_bots')
      .values({ account_id: a.account.account_id, name: 'Bot' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const botToken = await issueToken(db, 'AgentBot', bot.id);
    expect((await ctx.client(undefined, { authorization: `Bearer ${botToken}` }).get('/chat/v1/session')).status).toBe(
      401,
    );
  });

  it('ignores the Chatwoot header: WTS reads Authorization only', async () => {
    expect((await ctx.client(a.account.api_access_token).get('/chat/v1/session')).status).toBe(401);
  });

  it('refuses a suspended company', async () => {
    const suspended = await wtsFixture(ctx, 'Gamma');
    await db
      .updateTable('accounts')
      .set({ status: 'suspended' })
      .where('id', '=', suspended.account.account_id)
      .execute();
    expect((await suspended.wts.get('/core/v1/agent')).status).toBe(401);
  });

  it('speaks for the user’s first membership when the user belongs to several accounts', async () => {
    const member = await ctx.member(a.account.account_id, 'administrator', 'Both');
    await db
      .insertInto('account_users')
      .values({ account_id: b.account.account_id, user_id: member.userId, role: 'administrator' })
      .execute();
    const client = ctx.client(undefined, { authorization: `Bearer ${member.token}` });
    expect(itemIds(await client.get('/chat/v1/session'))).toEqual([aSession.id]);
  });

  it('limits an agent to the sessions of the inboxes they are a member of', async () => {
    const agent = await ctx.member(a.account.account_id, 'agent', 'Limited');
    const client = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
    expect((await client.get('/chat/v1/session')).body.items).toEqual([]);
    expect((await client.get(`/chat/v1/session/${aSession.id}`)).status).toBe(404);
    expect(await client.get('/chat/v1/channel')).toMatchObject({ status: 200, body: [] });
    await a.api.post(`${a.base}/inbox_members`, { inbox_id: a.inbox.id, user_ids: [agent.userId] });
    expect(itemIds(await client.get('/chat/v1/session'))).toEqual([aSession.id]);
  });

  it('leaves the Chatwoot dialect’s error bodies alone', async () => {
    expect(await ctx.client().get(`/api/v1/accounts/${a.account.account_id}/conversations`)).toMatchObject({
      status: 401,
      body: { errors: ['You need to sign in or sign up before continuing.'] },
    });
    expect(await ctx.client().get('/api/v1/nothing-here')).toMatchObject({
      status: 404,
      body: { error: 'Resource could not be found' },
    });
    expect(await a.wts.get('/core/v1/nothing-here')).toMatchObject({ status: 404, body: { key: 'ERROR_NOT_FOUND' } });
  });
});

describe('cross-account isolation', () => {
  it('a token of account A never lists account B’s sessions, whatever the filters', async () => {
    expect(itemIds(await a.wts.get('/chat/v1/session'))).toEqual([aSession.id]);
    for (const query of [
      { ContactId: b.contactId },
      { ChannelsId: b.channelId },
      { UserId: bAdmin },
      { DepartmentId: bTeamId },
      { TagsName: 'beta-label' },
    ]) {
      expect((await a.wts.get('/chat/v2/session', query)).body).toMatchObject({ items: [], totalItems: 0 });
    }
  });

  it('a token of account A can neither read nor change account B’s session', async () => {
    expect((await a.wts.get(`/chat/v1/session/${bSession.id}`)).status).toBe(404);
    expect((await a.wts.get(`/chat/v2/session/${bSession.id}`)).status).toBe(404);
    for (const [path, body] of [
      ['status', { newStatus: 'COMPLETED' }],
      ['assignee', { userId: bAdmin }],
      ['transfer', { type: 'DEPARTMENT', newDepartmentId: bTeamId }],
      ['complete', {}],
    ] as const) {
      expect((await a.wts.put(`/chat/v1/session/${bSession.id}/${path}`, body)).status).toBe(404);
    }
    expect(
      (await a.wts.put(`/chat/v2/session/${bSession.id}/partial`, { fields: ['Status'], status: 'COMPLETED' })).status,
    ).toBe(404);
    expect((await b.wts.get(`/chat/v1/session/${bSession.id}`)).body.status).toBe('PENDING');
  });

  it('a token of account A cannot point its own session at B’s users or departments', async () => {
    expect((await a.wts.put(`/chat/v1/session/${aSession.id}/assignee`, { userId: bAdmin })).status).toBe(400);
    expect(
      (await a.wts.put(`/chat/v1/session/${aSession.id}/transfer`, { type: 'DEPARTMENT', newDepartmentId: bTeamId }))
        .status,
    ).toBe(400);
  });

  it('directory reads stay inside the company', async () => {
    expect((await a.wts.get('/core/v1/tag')).body.map((t: any) => t.name)).not.toContain('beta-label');
    expect((await a.wts.get('/core/v1/department')).body).toEqual([]);
    expect((await a.wts.get(`/core/v1/department/${bTeamId}`)).status).toBe(404);
    expect((await a.wts.get('/core/v1/agent')).body.map((u: any) => u.userId)).not.toContain(bAdmin);
    expect((await a.wts.get(`/core/v1/agent/${bAdmin}`)).status).toBe(404);
    expect((await a.wts.get('/chat/v1/channel')).body.map((c: any) => c.id)).toEqual([a.channelId]);
    expect((await a.wts.get('/core/v1/contact')).body.items.map((c: any) => c.id)).toEqual([a.contactId]);
    expect((await a.wts.get(`/core/v1/contact/${b.contactId}`)).status).toBe(404);
  });
});
