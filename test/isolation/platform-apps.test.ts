import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { issueToken } from '../../src/domain/auth/tokens.ts';

/**
 * Issue 11 item 1: platform apps are installation-level credentials. No account gets one, so nothing a tenant
 * can obtain (bootstrap's output, a user token, an agent-bot token) reaches the Platform API; and an
 * installation app acts only on the users it created or adopted, while they belong to no account beyond it.
 */
const ctx = await createTestContext();
const db = ctx.database.db;
const a = await ctx.account('Alpha');
const b = await ctx.account('Beta');
const bAdminEmail = b.email;
const users = '/platform/api/v1/users';

async function userRow(id: number) {
  return db.selectFrom('users').select(['name', 'email', 'password_hash']).where('id', '=', id).executeTakeFirst();
}

describe('platform apps are the operator’s, not a tenant’s', () => {
  it('bootstrap mints no platform app and prints no platform token', async () => {
    expect(Object.keys(a)).not.toContain('platform_token');
    expect(await db.selectFrom('platform_apps').select('id').execute()).toEqual([]);
  });

  it('no credential account A can obtain creates, adopts, changes or deletes a user of account B', async () => {
    const agent = await ctx.member(a.account_id, 'agent');
    const bot = await db
      .insertInto('agent_bots')
      .values({ account_id: a.account_id, name: 'A bot' })
      .returning('id')
      .executeTakeFirstOrThrow();
    // Every token bootstrap hands account A (before this change: api_access_token and platform_token), A's
    // agent's and A's bot's.
    const printed = Object.entries(a)
      .filter(([key, value]) => key.endsWith('token') && typeof value === 'string')
      .map(([, value]) => value as string);
    const tenantTokens = [...printed, agent.token, await issueToken(db, 'AgentBot', bot.id)];
    const before = await userRow(b.user_id);
    for (const token of tenantTokens) {
      const tenant = ctx.client(token);
      expect(await tenant.post(users, { name: 'Taken', email: bAdminEmail })).toMatchObject({ status: 401 });
      expect(await tenant.post(users, { name: 'New', email: `new-${token.slice(0, 6)}@example.com` })).toMatchObject({
        status: 401,
      });
      expect(await tenant.patch(`${users}/${b.user_id}`, { name: 'Owned', password: 'owned-by-a' })).toMatchObject({
        status: 401,
      });
      expect(await tenant.post(`${users}/${b.user_id}/token`)).toMatchObject({ status: 401 });
      expect(await tenant.delete(`${users}/${b.user_id}`)).toMatchObject({ status: 401 });
    }
    expect(await userRow(b.user_id)).toEqual(before);
  });

  it('an installation app granted A neither adopts, changes, deletes nor pulls in B’s administrator', async () => {
    const app = await ctx.platformApp({ accountIds: [a.account_id], userIds: [a.user_id] });
    const before = await userRow(b.user_id);
    expect(await app.post(users, { name: 'Taken', email: bAdminEmail.toUpperCase() })).toMatchObject({
      status: 422,
      body: { message: 'Email has already been taken', attributes: ['email'] },
    });
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    expect(await app.get(`${users}/${b.user_id}`)).toMatchObject(denied);
    expect(
      await app.patch(`${users}/${b.user_id}`, { name: 'Owned', email: 'owned@example.com', password: 'owned-by-a' }),
    ).toMatchObject(denied);
    expect(await app.post(`${users}/${b.user_id}/token`)).toMatchObject(denied);
    expect(await app.get(`${users}/${b.user_id}/login`)).toMatchObject(denied);
    expect(await app.delete(`${users}/${b.user_id}`)).toMatchObject(denied);
    expect(
      await app.post(`/platform/api/v1/accounts/${a.account_id}/account_users`, {
        user_id: b.user_id,
        role: 'administrator',
      }),
    ).toMatchObject(denied);
    expect(await userRow(b.user_id)).toEqual(before);
    const memberships = await db
      .selectFrom('account_users')
      .select('account_id')
      .where('user_id', '=', b.user_id)
      .execute();
    expect(memberships).toEqual([{ account_id: b.account_id }]);
  });

  it('loses a user it holds once the user belongs to an account beyond it (a grant left from before is no key)', async () => {
    const app = await ctx.platformApp({ accountIds: [a.account_id] });
    // What a per-account app that adopted B's administrator before this change still holds.
    await db
      .insertInto('platform_app_permissibles')
      .values({ platform_app_id: app.appId, permissible_type: 'User', permissible_id: b.user_id })
      .execute();
    const before = await userRow(b.user_id);
    expect(await app.patch(`${users}/${b.user_id}`, { password: 'owned-by-a' })).toMatchObject({ status: 401 });
    expect(await app.post(`${users}/${b.user_id}/token`)).toMatchObject({ status: 401 });
    expect(await app.delete(`${users}/${b.user_id}`)).toMatchObject({ status: 401 });
    expect(await userRow(b.user_id)).toEqual(before);

    // A user the app created, whom B later adds as an agent, is B's too: the app may no longer set their password.
    const created = await app.post(users, { name: 'Sam', email: 'sam@alpha.example', password: 'secret123' });
    expect(created.status).toBe(200);
    expect((await app.patch(`${users}/${created.body.id}`, { name: 'Samuel' })).status).toBe(200);
    expect(
      (
        await b.api.post(`/api/v1/accounts/${b.account_id}/agents`, {
          name: 'Sam',
          email: 'sam@alpha.example',
          role: 'agent',
        })
      ).status,
    ).toBe(200);
    expect(await app.patch(`${users}/${created.body.id}`, { password: 'owned-by-a' })).toMatchObject({ status: 401 });
    expect(await app.post(`${users}/${created.body.id}/token`)).toMatchObject({ status: 401 });
  });

  it('an installation app may still create system bots; an administrator’s bot always belongs to the account', async () => {
    const app = await ctx.platformApp();
    expect(await app.post('/platform/api/v1/agent_bots', { name: 'Everywhere', account_id: null })).toMatchObject({
      status: 200,
      body: { account_id: null },
    });
    const own = await a.api.post(`/api/v1/accounts/${a.account_id}/agent_bots`, { name: 'Mine', account_id: null });
    expect(own.status).toBe(200);
    const row = await db
      .selectFrom('agent_bots')
      .select('account_id')
      .where('id', '=', own.body.id)
      .executeTakeFirstOrThrow();
    expect(row.account_id).toBe(a.account_id);
  });
});
