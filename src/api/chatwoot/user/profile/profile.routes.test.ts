import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { issueToken } from '../../../../domain/auth/tokens.ts';
import { verifyPassword } from '../../../../domain/auth/secrets.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const db = ctx.database.db;
const agent = await ctx.member(acme.account_id, 'agent', 'Pat Agent');
await db
  .insertInto('account_users')
  .values({ account_id: globex.account_id, user_id: agent.userId, role: 'administrator' })
  .execute();

const PROFILE_KEYS = [
  'access_token',
  'account_id',
  'accounts',
  'available_name',
  'avatar_url',
  'confirmed',
  'display_name',
  'email',
  'id',
  'inviter_id',
  'message_signature',
  'name',
  'provider',
  'pubsub_token',
  'role',
  'type',
  'ui_settings',
  'uid',
];

describe('profile', () => {
  it('shows the signed-in user with the token they called with and every membership', async () => {
    const res = await agent.api.get('/api/v1/profile');
    expect(res.status).toBe(200);
    expect(Object.keys(res.body).sort()).toEqual(PROFILE_KEYS.sort());
    expect(res.body).toMatchObject({
      id: agent.userId,
      name: 'Pat Agent',
      available_name: 'Pat Agent',
      access_token: agent.token,
      provider: 'email',
      type: 'User',
      confirmed: true,
      avatar_url: '',
      ui_settings: {},
    });
    expect(res.body.uid).toBe(res.body.email);
    expect(res.body.accounts).toEqual(
      expect.arrayContaining([
        {
          id: acme.account_id,
          name: 'Acme',
          status: 'active',
          active_at: null,
          role: 'agent',
          permissions: ['agent'],
          availability: 'online',
          availability_status: 'offline',
          auto_offline: true,
        }, // not connected
        expect.objectContaining({ id: globex.account_id, role: 'administrator', permissions: ['administrator'] }),
      ]),
    );
    expect([acme.account_id, globex.account_id]).toContain(res.body.account_id);
  });

  it('updates name, display name, signature and ui_settings, flat or nested under profile, with PATCH and PUT', async () => {
    let res = await agent.api.patch('/api/v1/profile', {
      profile: { name: 'Pat', display_name: 'Patty', message_signature: '-- Pat', ui_settings: { theme: 'dark' } },
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Pat',
      display_name: 'Patty',
      available_name: 'Patty',
      message_signature: '-- Pat',
      ui_settings: { theme: 'dark' },
    });
    res = await agent.api.put('/api/v1/profile', { display_name: null, ui_settings: '{"theme":"light"}' });
    expect(res.body).toMatchObject({
      name: 'Pat',
      display_name: null,
      available_name: 'Pat',
      ui_settings: { theme: 'light' },
    });
  });

  it('changes the email, refusing one that is taken or malformed', async () => {
    const res = await agent.api.patch('/api/v1/profile', { profile: { email: 'pat.new@example.com' } });
    expect(res.body.email).toBe('pat.new@example.com');
    const taken = await agent.api.patch('/api/v1/profile', { profile: { email: acme.email.toUpperCase() } });
    expect(taken).toMatchObject({ status: 422, body: { attributes: ['email'] } });
    expect((await agent.api.patch('/api/v1/profile', { email: 'nope' })).body.attributes).toEqual(['email']);
  });

  it('changes the password only with the right current password and a matching confirmation', async () => {
    const wrong = await agent.api.patch('/api/v1/profile', {
      profile: { current_password: 'bad', password: 'newpass1', password_confirmation: 'newpass1' },
    });
    expect(wrong).toMatchObject({ status: 422, body: { error: 'Invalid current password' } });
    const mismatch = await agent.api.patch('/api/v1/profile', {
      profile: { current_password: 'password123', password: 'newpass1', password_confirmation: 'other' },
    });
    expect(mismatch).toMatchObject({ status: 422, body: { attributes: ['password_confirmation'] } });
    const short = await agent.api.patch('/api/v1/profile', {
      profile: { current_password: 'password123', password: 'abc', password_confirmation: 'abc' },
    });
    expect(short).toMatchObject({ status: 422, body: { attributes: ['password'] } });
    const ok = await agent.api.patch('/api/v1/profile', {
      profile: { current_password: 'password123', password: 'newpass1', password_confirmation: 'newpass1' },
    });
    expect(ok.status).toBe(200);
    const user = await db
      .selectFrom('users')
      .select('password_hash')
      .where('id', '=', agent.userId)
      .executeTakeFirstOrThrow();
    expect(await verifyPassword('newpass1', user.password_hash)).toBe(true);
  });

  it('sets availability per account; another account is 404, a bad value 422', async () => {
    const res = await agent.api.post('/api/v1/profile/availability', {
      profile: { account_id: String(acme.account_id), availability: 'busy' },
    });
    expect(res.status).toBe(200);
    expect(res.body.accounts.find((a: any) => a.id === acme.account_id)).toMatchObject({
      availability: 'busy',
      availability_status: 'offline',
    }); // busy once connected
    expect(res.body.accounts.find((a: any) => a.id === globex.account_id).availability).toBe('online');
    const stranger = await ctx.account('Initech');
    expect(
      await agent.api.post('/api/v1/profile/availability', {
        profile: { account_id: stranger.account_id, availability: 'busy' },
      }),
    ).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    expect(
      (
        await agent.api.post('/api/v1/profile/availability', {
          profile: { account_id: acme.account_id, availability: 'away' },
        })
      ).body.attributes,
    ).toEqual(['availability']);
  });

  it('resets the access token: the answer carries the new one, the old one stops working', async () => {
    const member = await ctx.member(acme.account_id, 'agent', 'Resetter');
    const res = await member.api.post('/api/v1/profile/reset_access_token');
    expect(res.status).toBe(200);
    expect(res.body.access_token).not.toBe(member.token);
    expect(res.body.id).toBe(member.userId);
    expect((await member.api.get('/api/v1/profile')).status).toBe(401);
    const fresh = await ctx.client(res.body.access_token).get('/api/v1/profile');
    expect(fresh.body).toMatchObject({ id: member.userId, access_token: res.body.access_token });
  });

  it('refuses bot tokens and requests without a token', async () => {
    const bot = await db
      .insertInto('agent_bots')
      .values({ account_id: acme.account_id, name: 'Bot' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const api = ctx.client(await issueToken(db, 'AgentBot', bot.id));
    const denied = { status: 401, body: { error: 'Access to this endpoint is not authorized for bots' } };
    expect(await api.get('/api/v1/profile')).toMatchObject(denied);
    expect(await api.patch('/api/v1/profile', { name: 'x' })).toMatchObject(denied);
    expect(await api.post('/api/v1/profile/reset_access_token')).toMatchObject(denied);
    expect((await ctx.client().get('/api/v1/profile')).status).toBe(401);
  });
});
