import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext({ PUBLIC_URL: 'https://chat.example' });
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const base = '/platform/api/v1/users';

/** A user token is live when it opens the account route of an account the user belongs to. */
const accountPath = `/api/v1/accounts/${acme.account_id}`;

describe('platform users', () => {
  let id: number;
  let token: string;

  it('creates a confirmed user and answers the PlatformUser shape with a freshly minted token', async () => {
    const res = await acme.platform.post(base, {
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
    await acme.platform.post(`/platform/api/v1/accounts/${acme.account_id}/account_users`, { user_id: id, role: 'agent' });
    expect((await ctx.client(token).get(accountPath)).status).toBe(200);
  });

  it('returns the existing user for a known email (any case) and may act on it from then on', async () => {
    const res = await globex.platform.post(base, { name: 'Other', email: 'sam@acme.EXAMPLE' });
    expect(res.body).toMatchObject({ id, name: 'Sam Doe', access_token: expect.any(String) });
    expect((await globex.platform.get(`${base}/${id}`)).status).toBe(200);
  });

  it('shows the user with memberships; the token is not shown again', async () => {
    const res = await acme.platform.get(`${base}/${id}`);
    expect(res.body).toMatchObject({
      id,
      access_token: null,
      account_id: acme.account_id,
      role: 'agent',
      accounts: [{ id: acme.account_id, name: 'Acme', active_at: null, role: 'agent' }],
    });
  });

  it('updates with PATCH and PUT, merging custom_attributes', async () => {
    let res = await acme.platform.patch(`${base}/${id}`, { name: 'Samuel', email: '', password: '', custom_attributes: { team: 'red' } });
    expect(res.body).toMatchObject({ name: 'Samuel', email: 'Sam@Acme.example', custom_attributes: { tier: 'gold', team: 'red' } });
    res = await acme.platform.put(`${base}/${id}`, { user: { display_name: 'Sammy', custom_attributes: { tier: 'silver' } } });
    expect(res.body).toMatchObject({ available_name: 'Sammy', custom_attributes: { tier: 'silver', team: 'red' } });
  });

  it('mints a new API token beside the old one', async () => {
    const res = await acme.platform.post(`${base}/${id}/token`);
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
    const res = await acme.platform.get(`${base}/${id}/login`);
    expect(res.body.url).toMatch(/^https:\/\/chat\.example\/app\/login\?email=Sam%40Acme\.example&sso_auth_token=[\w-]{20,}$/);
  });

  it('rejects bad input with 422 naming the field', async () => {
    expect(await acme.platform.post(base, { name: '', email: '', password: '', custom_attributes: {} })).toMatchObject({ status: 422, body: { attributes: ['email'] } });
    expect(await acme.platform.post(base, { name: 'X', email: 'not-an-email' })).toMatchObject({ status: 422, body: { attributes: ['email'] } });
    expect(await acme.platform.post(base, { email: 'nameless@acme.example' })).toMatchObject({ status: 422, body: { attributes: ['name'] } });
    expect(await acme.platform.post(base, { name: 'X', email: 'x@acme.example', password: '123' })).toMatchObject({ status: 422, body: { attributes: ['password'] } });
    expect(await acme.platform.patch(`${base}/${id}`, { email: globex.email })).toMatchObject({ status: 422, body: { attributes: ['email'] } });
  });

  it('answers 401 Non permissible resource for another app’s user, and 404 for an unknown one', async () => {
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    const theirs = globex.user_id;
    expect(await acme.platform.get(`${base}/${theirs}`)).toMatchObject(denied);
    expect(await acme.platform.patch(`${base}/${theirs}`, { name: 'Mine' })).toMatchObject(denied);
    expect(await acme.platform.post(`${base}/${theirs}/token`)).toMatchObject(denied);
    expect(await acme.platform.get(`${base}/${theirs}/login`)).toMatchObject(denied);
    expect(await acme.platform.delete(`${base}/${theirs}`)).toMatchObject(denied);
    expect(await acme.platform.get(`${base}/999999`)).toMatchObject({ status: 404 });
  });

  it('deletes with 200 and an empty body; the user’s tokens die with it', async () => {
    const res = await acme.platform.delete(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.platform.get(`${base}/${id}`)).status).toBe(404);
    expect(await ctx.client(token).get(accountPath)).toMatchObject({ status: 401, body: { error: 'Invalid Access Token' } });
  });
});
