import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext({ PUBLIC_URL: 'https://chat.example' });
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
/** Installation apps, each granted one account and its administrator (as the first start grants its app). */
const acmeApp = await ctx.platformApp({ accountIds: [acme.account_id], userIds: [acme.user_id] });
const globexApp = await ctx.platformApp({ accountIds: [globex.account_id], userIds: [globex.user_id] });
const base = '/platform/api/v1/users';

/** A user token is live when it opens the account route of an account the user belongs to. */
const accountPath = `/api/v1/accounts/${acme.account_id}`;

describe('platform users', () => {
  let id: number;
  let token: string;

  it('creates a confirmed user and answers the PlatformUser shape with a freshly minted token', async () => {
    const res = await acmeApp.post(base, {
      name: 'Sam Doe',
      display_name: 'Sam',
      email: 'Sam@Acme.example',
      password: 'secret123',
      custom_attributes: { tier: 'gold' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      account_id: null,
      available_name: 'Sam',
      avatar_url: '',
      confirmed: true,
      display_name: 'Sam',
      message_signature: null,
      email: 'Sam@Acme.example',
      id: expect.any(Number),
      name: 'Sam Doe',
      provider: 'email',
      pubsub_token: expect.any(String),
      custom_attributes: { tier: 'gold' },
      role: null,
      ui_settings: {},
      uid: 'Sam@Acme.example',
      accounts: [],
    });
    ({ id, access_token: token } = res.body);
    await acmeApp.post(`/platform/api/v1/accounts/${acme.account_id}/account_users`, { user_id: id, role: 'agent' });
    expect((await ctx.client(token).get(accountPath)).status).toBe(200);
  });

  it('returns its own user again for a known email (any case), with a new token', async () => {
    const res = await acmeApp.post(base, { name: 'Other', email: 'sam@acme.EXAMPLE' });
    expect(res.body).toMatchObject({ id, name: 'Sam Doe', access_token: expect.any(String) });
  });

  it('adopts an existing user only when no other app holds them and all their accounts are its own', async () => {
    // Sam is acme's app's user: another app neither adopts them nor learns more than a new user would.
    const taken = await globexApp.post(base, { name: 'Other', email: 'sam@acme.example' });
    expect(taken).toMatchObject({
      status: 422,
      body: { message: 'Email has already been taken', attributes: ['email'] },
    });
    expect(await globexApp.get(`${base}/${id}`)).toMatchObject({ status: 401 });
    // A member of an account the app was granted, whom no app holds, is adopted (Chatwoot's find-by-email).
    const member = await ctx.member(globex.account_id, 'agent', 'Gina');
    const email = (
      await ctx.database.db
        .selectFrom('users')
        .select('email')
        .where('id', '=', member.userId)
        .executeTakeFirstOrThrow()
    ).email;
    const adopted = await globexApp.post(base, { name: 'Ignored', email });
    expect(adopted).toMatchObject({
      status: 200,
      body: { id: member.userId, name: 'Gina', access_token: expect.any(String) },
    });
  });

  it('shows the user with memberships; the token is not shown again', async () => {
    const res = await acmeApp.get(`${base}/${id}`);
    expect(res.body).toMatchObject({
      id,
      access_token: null,
      account_id: acme.account_id,
      role: 'agent',
      accounts: [{ id: acme.account_id, name: 'Acme', active_at: null, role: 'agent' }],
    });
  });

  it('updates with PATCH and PUT, merging custom_attributes', async () => {
    let res = await acmeApp.patch(`${base}/${id}`, {
      name: 'Samuel',
      email: '',
      password: '',
      custom_attributes: { team: 'red' },
    });
    expect(res.body).toMatchObject({
      name: 'Samuel',
      email: 'Sam@Acme.example',
      custom_attributes: { tier: 'gold', team: 'red' },
    });
    res = await acmeApp.put(`${base}/${id}`, {
      user: { display_name: 'Sammy', custom_attributes: { tier: 'silver' } },
    });
    expect(res.body).toMatchObject({ available_name: 'Sammy', custom_attributes: { tier: 'silver', team: 'red' } });
  });

  it('mints a new API token beside the old one', async () => {
    const res = await acmeApp.post(`${base}/${id}/token`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      access_token: expect.any(String),
      expiry: null,
      user: { id, name: 'Samuel', display_name: 'Sammy', email: 'Sam@Acme.example', pubsub_token: expect.any(String) },
    });
    expect((await ctx.client(res.body.access_token).get(accountPath)).status).toBe(200);
    expect((await ctx.client(token).get(accountPath)).status).toBe(200);
  });

  it('answers an SSO login link on the public URL', async () => {
    const res = await acmeApp.get(`${base}/${id}/login`);
    expect(res.body.url).toMatch(
      /^https:\/\/chat\.example\/app\/login\?email=Sam%40Acme\.example&sso_auth_token=[\w-]{20,}$/,
    );
  });

  it('rejects bad input with 422 naming the field', async () => {
    expect(await acmeApp.post(base, { name: '', email: '', password: '', custom_attributes: {} })).toMatchObject({
      status: 422,
      body: { attributes: ['email'] },
    });
    expect(await acmeApp.post(base, { name: 'X', email: 'not-an-email' })).toMatchObject({
      status: 422,
      body: { attributes: ['email'] },
    });
    expect(await acmeApp.post(base, { email: 'nameless@acme.example' })).toMatchObject({
      status: 422,
      body: { attributes: ['name'] },
    });
    expect(await acmeApp.post(base, { name: 'X', email: 'x@acme.example', password: '123' })).toMatchObject({
      status: 422,
      body: { attributes: ['password'] },
    });
    expect(await acmeApp.patch(`${base}/${id}`, { email: globex.email })).toMatchObject({
      status: 422,
      body: { attributes: ['email'] },
    });
  });

  it('answers 401 Non permissible resource for another app’s user, and 404 for an unknown one', async () => {
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    const theirs = globex.user_id;
    expect(await acmeApp.get(`${base}/${theirs}`)).toMatchObject(denied);
    expect(await acmeApp.patch(`${base}/${theirs}`, { name: 'Mine' })).toMatchObject(denied);
    expect(await acmeApp.post(`${base}/${theirs}/token`)).toMatchObject(denied);
    expect(await acmeApp.get(`${base}/${theirs}/login`)).toMatchObject(denied);
    expect(await acmeApp.delete(`${base}/${theirs}`)).toMatchObject(denied);
    expect(await acmeApp.get(`${base}/999999`)).toMatchObject({ status: 404 });
  });

  it('deletes with 200 and an empty body; the user’s tokens die with it', async () => {
    const res = await acmeApp.delete(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acmeApp.get(`${base}/${id}`)).status).toBe(404);
    expect(await ctx.client(token).get(accountPath)).toMatchObject({
      status: 401,
      body: { error: 'Invalid Access Token' },
    });
  });
});
