import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { resetPassword } from '../../../domain/auth/reset-password.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const { app } = ctx;

async function signIn(
  email: string,
  password: string,
  headers: Record<string, string> = {},
  remoteAddress = '127.0.0.1',
) {
  return app.inject({ method: 'POST', url: '/auth/sign_in', headers, payload: { email, password }, remoteAddress });
}

function sessionCookie(response: { headers: Record<string, unknown> }): string {
  const setCookie = String(response.headers['set-cookie']);
  return setCookie.split(';')[0];
}

describe('sign-in (Chatwoot devise-token-auth and the dashboard cookie)', () => {
  it("answers the right credentials with Chatwoot's body and headers, and an HttpOnly SameSite=Lax cookie", async () => {
    const res = await signIn(acme.email.toUpperCase(), acme.password);
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.data).toMatchObject({
      id: acme.user_id,
      email: acme.email,
      uid: acme.email,
      provider: 'email',
      account_id: acme.account_id,
      access_token: null,
    });
    expect(body.data.pubsub_token).toEqual(expect.any(String));
    expect(body.data.accounts).toEqual([
      expect.objectContaining({ id: acme.account_id, name: 'Acme', role: 'administrator' }),
    ]);
    expect(res.headers).toMatchObject({ 'token-type': 'Bearer', uid: acme.email });
    expect(res.headers['access-token']).toEqual(expect.any(String));
    expect(res.headers.client).toEqual(expect.any(String));
    expect(Number(res.headers.expiry)).toBeGreaterThan(Date.now() / 1000);
    expect(String(res.headers['set-cookie'])).toMatch(/^sb_session=[^;]+; Path=\/; HttpOnly; SameSite=Lax; Expires=/);
    expect(String(res.headers['set-cookie'])).not.toMatch(/Secure/); // PUBLIC_URL is http here
  });

  it('lets tools call the Application API with the devise headers, as Chatwoot does', async () => {
    const res = await signIn(acme.email, acme.password);
    const headers = {
      'access-token': String(res.headers['access-token']),
      client: String(res.headers.client),
      uid: acme.email,
    };
    const list = await app.inject({ method: 'GET', url: `/api/v1/accounts/${acme.account_id}/conversations`, headers });
    expect(list.statusCode).toBe(200);
    // devise headers carry no cookie: a state change needs no CSRF token
    const label = await app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers,
      payload: { title: 'via-devise' },
    });
    expect(label.statusCode).toBe(200);
    const wrongClient = await app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${acme.account_id}/conversations`,
      headers: { ...headers, client: 'other' },
    });
    expect(wrongClient.statusCode).toBe(401);
  });

  it('refuses wrong credentials with a clear message, the same for unknown emails', async () => {
    const wrong = await signIn(acme.email, 'not-the-password');
    expect(wrong.statusCode).toBe(401);
    expect(wrong.json()).toEqual({ success: false, errors: ['Invalid login credentials. Please try again.'] });
    const unknown = await signIn('nobody@example.com', 'whatever');
    expect(unknown.statusCode).toBe(401);
    expect(unknown.json()).toEqual(wrong.json());
    expect(unknown.headers['set-cookie']).toBeUndefined();
    const blank = await signIn('', '');
    expect(blank.statusCode).toBe(422);
  });

  it('with the cookie: reads freely, but a state change without the CSRF token is refused and nothing is stored', async () => {
    const res = await signIn(acme.email, acme.password);
    const cookie = sessionCookie(res);
    const csrf = String(res.headers['x-csrf-token']);
    const read = await app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie },
    });
    expect(read.statusCode).toBe(200);
    // the cookie's value never reaches a script: the profile shows no token for a session
    const profile = await app.inject({ method: 'GET', url: '/api/v1/profile', headers: { cookie } });
    expect(profile.json()).toMatchObject({ id: acme.user_id, access_token: null });
    const forged = await app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie },
      payload: { title: 'forged' },
    });
    expect(forged.statusCode).toBe(401);
    expect(forged.json().error).toMatch(/X-CSRF-Token/);
    const wrongToken = await app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie, 'x-csrf-token': 'x'.repeat(43) },
      payload: { title: 'forged' },
    });
    expect(wrongToken.statusCode).toBe(401);
    const labels = await app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie },
    });
    expect(labels.json().payload.map((l: { title: string }) => l.title)).not.toContain('forged');
    const made = await app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie, 'x-csrf-token': csrf },
      payload: { title: 'with-csrf' },
    });
    expect(made.statusCode).toBe(200);
  });

  it("a session of one account's user gets nothing from another account", async () => {
    const cookie = sessionCookie(await signIn(acme.email, acme.password));
    const other = await app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${globex.account_id}/conversations`,
      headers: { cookie },
    });
    expect(other.statusCode).toBe(401);
    expect(other.json()).toEqual({ error: 'You are not authorized to access this account' });
  });

  it('validate_token gives the user and a CSRF token; sign_out ends the session; an expired session is refused', async () => {
    const res = await signIn(acme.email, acme.password);
    const cookie = sessionCookie(res);
    const valid = await app.inject({ method: 'GET', url: '/auth/validate_token', headers: { cookie } });
    expect(valid.statusCode).toBe(200);
    expect(valid.json()).toMatchObject({ success: true, data: { id: acme.user_id } });
    expect(valid.headers['x-csrf-token']).toBe(res.headers['x-csrf-token']);

    const noCsrf = await app.inject({ method: 'DELETE', url: '/auth/sign_out', headers: { cookie } });
    expect(noCsrf.statusCode).toBe(401);
    const out = await app.inject({
      method: 'DELETE',
      url: '/auth/sign_out',
      headers: { cookie, 'x-csrf-token': String(res.headers['x-csrf-token']) },
    });
    expect(out.statusCode).toBe(200);
    expect(String(out.headers['set-cookie'])).toMatch(/^sb_session=; .*Max-Age=0/);
    const after = await app.inject({
      method: 'GET',
      url: `/api/v1/accounts/${acme.account_id}/labels`,
      headers: { cookie },
    });
    expect(after.statusCode).toBe(401);
    expect(after.json()).toEqual({ error: 'Your session has expired, sign in again' });

    const again = sessionCookie(await signIn(acme.email, acme.password));
    await ctx.database.db
      .updateTable('user_sessions')
      .set({ expires_at: new Date(Date.now() - 1000) })
      .where('user_id', '=', acme.user_id)
      .execute();
    const expired = await app.inject({ method: 'GET', url: '/auth/validate_token', headers: { cookie: again } });
    expect(expired.statusCode).toBe(401);
    expect(expired.json()).toEqual({ success: false, errors: ['Your session has expired, sign in again'] });
  });

  it('refuses a sign-in form posted from another site; accepts its own page behind a proxy that rewrites Host', async () => {
    const res = await signIn(acme.email, acme.password, { origin: 'https://evil.example', host: 'localhost:3000' });
    expect(res.statusCode).toBe(401);
    expect(res.headers['set-cookie']).toBeUndefined();
    const proxied = await signIn(acme.email, acme.password, { origin: ctx.config.publicUrl, host: '10.1.2.3:3000' });
    expect(proxied.statusCode).toBe(200);
  });

  it('gives a page only the HttpOnly cookie: the devise headers (the same token, readable by scripts) go to tools', async () => {
    const page = await signIn(acme.email, acme.password, { origin: ctx.config.publicUrl });
    expect(page.statusCode).toBe(200);
    expect(page.headers['access-token']).toBeUndefined();
    expect(page.headers['x-csrf-token']).toEqual(expect.any(String));
    expect(String(page.headers['set-cookie'])).toMatch(/HttpOnly/);
  });

  it('counts parallel attempts from one address before checking them: a flood gets 20 checks, the rest wait (429)', async () => {
    const flood = await Promise.all(
      Array.from({ length: 30 }, (_, i) => signIn(`flood${i}@example.com`, 'x', {}, '10.0.4.1')),
    );
    const statuses = flood.map((r) => r.statusCode);
    expect(statuses.filter((s) => s === 401)).toHaveLength(20);
    expect(statuses.filter((s) => s === 429)).toHaveLength(10);
    expect(Number(flood.find((r) => r.statusCode === 429)!.headers['retry-after'])).toBeGreaterThan(0);
  });

  it('slows down many failures from one address, whatever emails they try', async () => {
    for (let i = 0; i < 20; i++)
      expect((await signIn(`guess${i}@example.com`, 'x', {}, '10.0.2.1')).statusCode).toBe(401);
    const blocked = await signIn(globex.email, globex.password, {}, '10.0.2.1');
    expect(blocked.statusCode).toBe(429);
    expect(blocked.json().errors[0]).toMatch(/Too many failed sign-in attempts/);
    expect((await signIn(globex.email, globex.password, {}, '10.0.2.2')).statusCode).toBe(200);
  });

  it('failures against one email from many addresses slow it down but never lock its owner out', async () => {
    const victim = await ctx.account('Victim');
    for (let i = 0; i < 8; i++)
      expect((await signIn(victim.email, `guess-${i}`, {}, `10.0.1.${i}`)).statusCode).toBe(401);
    const owner = await signIn(victim.email, victim.password, {}, '10.0.1.200');
    expect(owner.statusCode).toBe(200);
    // and the success forgot the email's failures
    expect(
      await ctx.database.db
        .selectFrom('sign_in_failures')
        .select('key')
        .where('key', '=', `email:${victim.email}`)
        .executeTakeFirst(),
    ).toBeUndefined();
  });

  it('a password reset (the CLI\'s "forgot password") signs the user out everywhere and forgets the email\'s failures', async () => {
    const user = await ctx.account('Reset Co');
    const cookie = sessionCookie(await signIn(user.email, user.password));
    for (let i = 0; i < 3; i++) await signIn(user.email, `guess-${i}`, {}, `10.0.3.${i}`);
    const password = await resetPassword(ctx.database.db, user.email.toUpperCase());
    expect((await app.inject({ method: 'GET', url: '/auth/validate_token', headers: { cookie } })).statusCode).toBe(
      401,
    );
    expect(
      await ctx.database.db
        .selectFrom('sign_in_failures')
        .select('key')
        .where('key', '=', `email:${user.email}`)
        .executeTakeFirst(),
    ).toBeUndefined();
    expect((await signIn(user.email, user.password, {}, '10.0.3.9')).statusCode).toBe(401);
    expect((await signIn(user.email, password, {}, '10.0.3.9')).statusCode).toBe(200);
    await expect(resetPassword(ctx.database.db, 'nobody@example.com')).rejects.toThrow(/User could not be found/);
    await expect(resetPassword(ctx.database.db, user.email, 'short')).rejects.toThrow(/too short/);
  });

  it('a password changed in the profile ends every other session of the user, not the one that changed it', async () => {
    const user = await ctx.account('Change Co');
    const elsewhere = sessionCookie(await signIn(user.email, user.password));
    const here = await signIn(user.email, user.password);
    const cookie = sessionCookie(here);
    const changed = await app.inject({
      method: 'PATCH',
      url: '/api/v1/profile',
      headers: { cookie, 'x-csrf-token': String(here.headers['x-csrf-token']) },
      payload: { current_password: user.password, password: 'new-password-1', password_confirmation: 'new-password-1' },
    });
    expect(changed.statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/auth/validate_token', headers: { cookie } })).statusCode).toBe(
      200,
    );
    expect(
      (await app.inject({ method: 'GET', url: '/auth/validate_token', headers: { cookie: elsewhere } })).statusCode,
    ).toBe(401);
  });

  it('the cookie slides with the session: a request after a minute renews both', async () => {
    const res = await signIn(acme.email, acme.password);
    const cookie = sessionCookie(res);
    const statements = async (headers: Record<string, string>) => {
      const before = ctx.database.counter.count;
      const res = await app.inject({ method: 'GET', url: '/api/v1/profile', headers });
      return { res, count: ctx.database.counter.count - before };
    };
    const quiet = await statements({ cookie });
    expect(quiet.res.headers['set-cookie']).toBeUndefined(); // less than a minute old: nothing written
    // and nothing asked beyond what a token costs: the principal read already says the session is fresh
    expect(quiet.count).toBe((await statements({ api_access_token: acme.api_access_token })).count);
    await ctx.database.db
      .updateTable('user_sessions')
      .set({ last_active_at: new Date(Date.now() - 5 * 60_000), expires_at: new Date(Date.now() + 60_000) })
      .where('user_id', '=', acme.user_id)
      .execute();
    const later = await app.inject({ method: 'GET', url: '/api/v1/profile', headers: { cookie } });
    const renewed = String(later.headers['set-cookie']);
    expect(renewed.split(';')[0]).toBe(cookie);
    const expires = new Date(/Expires=([^;]+)/.exec(renewed)![1]).getTime();
    expect(expires).toBeGreaterThan(Date.now() + 13 * 24 * 3_600_000);
  });
});
