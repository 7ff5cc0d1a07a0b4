import { afterAll, describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { startSmtpServer } from '../../../../test/helpers/smtp.ts';
import { RESET_REQUESTED } from './password-routes.ts';

const smtp = await startSmtpServer();
afterAll(smtp.close);
const ctx = await createTestContext({ SMTP_URL: smtp.url });
const { app } = ctx;
let nextAddress = 1;
/** Each test speaks from its own client address, so the per-address budget is only met where a test means it. */
const address = () => `10.9.0.${nextAddress++}`;

const forgot = (email: string, remoteAddress = address()) =>
  app.inject({ method: 'POST', url: '/auth/password', payload: { email }, remoteAddress });
const reset = (payload: Record<string, string>, headers: Record<string, string> = {}) =>
  app.inject({ method: 'PUT', url: '/auth/password', payload, headers, remoteAddress: address() });
const signIn = (email: string, password: string) =>
  app.inject({ method: 'POST', url: '/auth/sign_in', payload: { email, password }, remoteAddress: address() });

async function mailTo(email: string, count = 1) {
  const deadline = Date.now() + 10_000;
  for (;;) {
    const mails = smtp.received.filter((m) => m.to.includes(email));
    if (mails.length >= count) return mails;
    if (Date.now() > deadline) throw new Error(`no mail to ${email}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

/** The reset token in a mail's link (quoted-printable soft breaks removed). */
function tokenIn(raw: string): string {
  const text = raw.replace(/=\r?\n/g, '').replace(/=3D/g, '=');
  const match = /\/app\/auth\/password\/edit\?reset_password_token=([A-Za-z0-9_-]+)/.exec(text);
  if (!match) throw new Error(`no link in ${text}`);
  return match[1];
}

describe('forgot password (Chatwoot POST /auth/password)', () => {
  it('mails a link to a known address, and answers an unknown one exactly alike without mailing', async () => {
    const acme = await ctx.account('Forgetful');
    const known = await forgot(acme.email.toUpperCase());
    const unknown = await forgot('nobody@nowhere.test');
    expect([known.statusCode, unknown.statusCode]).toEqual([200, 200]);
    expect(known.json()).toEqual({ message: RESET_REQUESTED });
    expect(unknown.body).toBe(known.body);
    const [mail] = await mailTo(acme.email);
    expect(mail.raw).toMatch(/Subject: Reset your Switchboard password/);
    expect(tokenIn(mail.raw)).toHaveLength(43);
    expect(smtp.received.some((m) => m.to.includes('nobody@nowhere.test'))).toBe(false);
    const stored = await ctx.database.db
      .selectFrom('users')
      .select('reset_password_digest')
      .where('id', '=', acme.user_id)
      .executeTakeFirstOrThrow();
    expect(stored.reset_password_digest).not.toContain(tokenIn(mail.raw)); // kept as a digest only
  });

  it('sends one mail a minute per user however often it is asked', async () => {
    const acme = await ctx.account('Pestered');
    for (let i = 0; i < 3; i++) expect((await forgot(acme.email)).statusCode).toBe(200);
    await mailTo(acme.email);
    await new Promise((r) => setTimeout(r, 200));
    expect(smtp.received.filter((m) => m.to.includes(acme.email))).toHaveLength(1);
  });

  it('budgets requests per client address (429 with Retry-After)', async () => {
    const from = address();
    const answers = [];
    for (let i = 0; i < 11; i++) answers.push((await forgot(`budget${i}@nowhere.test`, from)).statusCode);
    expect(answers.slice(0, 10).every((s) => s === 200)).toBe(true);
    const refused = await forgot('one-more@nowhere.test', from);
    expect(refused.statusCode).toBe(429);
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
  });
});

describe('setting a password with the link (Chatwoot PUT /auth/password)', () => {
  it('sets the password, signs in as sign_in does, ends the old sessions, and works only once', async () => {
    const acme = await ctx.account('Resetting');
    const before = await signIn(acme.email, acme.password);
    const oldSession = {
      'access-token': String(before.headers['access-token']),
      client: String(before.headers.client),
      uid: acme.email,
    };
    await forgot(acme.email);
    const token = tokenIn((await mailTo(acme.email))[0].raw);

    const res = await reset({
      reset_password_token: token,
      password: 'a new secret',
      password_confirmation: 'a new secret',
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().data).toMatchObject({ id: acme.user_id, email: acme.email });
    expect(String(res.headers['set-cookie'])).toMatch(/^sb_session=/);
    expect(res.headers['access-token']).toEqual(expect.any(String));

    expect((await signIn(acme.email, acme.password)).statusCode).toBe(401);
    expect((await signIn(acme.email, 'a new secret')).statusCode).toBe(200);
    const stale = await app.inject({ method: 'GET', url: '/auth/validate_token', headers: oldSession });
    expect(stale.statusCode).toBe(401);

    const again = await reset({ reset_password_token: token, password: 'third secret' });
    expect(again.statusCode).toBe(422);
    expect(again.json()).toEqual({ success: false, errors: ['Invalid token'] }); // devise-token-auth's error body, as /auth/sign_in
  });

  it('refuses an expired link, a wrong one, a short password and a confirmation that differs — the link still works after the last two', async () => {
    const acme = await ctx.account('Careful');
    await forgot(acme.email);
    const token = tokenIn((await mailTo(acme.email))[0].raw);
    expect((await reset({ reset_password_token: 'x'.repeat(43), password: 'whatever1' })).statusCode).toBe(422);
    const short = await reset({ reset_password_token: token, password: '123' });
    expect(short.statusCode).toBe(422);
    expect(short.json().errors[0]).toMatch(/too short/);
    const differs = await reset({
      reset_password_token: token,
      password: 'secret one',
      password_confirmation: 'secret two',
    });
    expect(differs.statusCode).toBe(422);
    expect(differs.json().errors).toEqual(["Password confirmation doesn't match Password"]);
    await sql`UPDATE users SET reset_password_expires_at = now() - interval '1 second' WHERE id = ${acme.user_id}`.execute(
      ctx.database.db,
    );
    expect((await reset({ reset_password_token: token, password: 'secret one' })).statusCode).toBe(422);
    await sql`UPDATE users SET reset_password_expires_at = now() + interval '1 hour' WHERE id = ${acme.user_id}`.execute(
      ctx.database.db,
    );
    expect((await reset({ reset_password_token: token, password: 'secret one' })).statusCode).toBe(200);
  });

  it('refuses a page of another site setting the password (login CSRF)', async () => {
    const acme = await ctx.account('Framed');
    await forgot(acme.email);
    const token = tokenIn((await mailTo(acme.email))[0].raw);
    const res = await reset(
      { reset_password_token: token, password: 'attacker chose' },
      { origin: 'https://evil.example' },
    );
    expect(res.statusCode).toBe(401); // as /auth/sign_in answers it
    expect((await signIn(acme.email, acme.password)).statusCode).toBe(200);
  });
});

describe('agent invitations', () => {
  it('mails a new agent a link to choose a password; the agent shows unconfirmed until they do', async () => {
    const acme = await ctx.account('Inviting');
    const base = `/api/v1/accounts/${acme.account_id}`;
    const added = await acme.api.post(`${base}/agents`, { email: 'new.agent@inviting.test', name: 'New Agent' });
    expect(added.status).toBe(200);
    expect(added.body.confirmed).toBe(false);
    const [mail] = await mailTo('new.agent@inviting.test');
    expect(mail.raw).toMatch(/Subject: You have been invited to Inviting on Switchboard/);
    const res = await reset({ reset_password_token: tokenIn(mail.raw), password: 'agent secret' });
    expect(res.statusCode).toBe(200);
    expect((await signIn('new.agent@inviting.test', 'agent secret')).statusCode).toBe(200);
    const listed = (await acme.api.get(`${base}/agents`)).body.find(
      (a: { email: string }) => a.email === 'new.agent@inviting.test',
    );
    expect(listed.confirmed).toBe(true);
    // Chosen: no more invitation links for this account to hand out.
    const late = await acme.api.post(`${base}/agents/${listed.id}/invitation`, {});
    expect(late.status).toBe(422);
  });

  it('gives an administrator a fresh link for an agent who has none yet (the earlier one stops working); not to agents, not across accounts', async () => {
    const acme = await ctx.account('Linking');
    const globex = await ctx.account('OtherCo');
    const base = `/api/v1/accounts/${acme.account_id}`;
    const added = (await acme.api.post(`${base}/agents`, { email: 'pending@linking.test' })).body;
    const first = tokenIn((await mailTo('pending@linking.test'))[0].raw);
    const res = await acme.api.post(`${base}/agents/${added.id}/invitation`, {});
    expect(res.status).toBe(200);
    expect(res.body.mailed).toBe(true);
    expect(res.body.invitation_url).toMatch(
      new RegExp(`^${ctx.config.publicUrl}/app/auth/password/edit\\?reset_password_token=`),
    );
    expect((await reset({ reset_password_token: first, password: 'too late!' })).statusCode).toBe(422);

    const agent = await ctx.member(acme.account_id, 'agent');
    expect((await agent.api.post(`${base}/agents/${added.id}/invitation`, {})).status).toBe(401);
    expect(
      (await globex.api.post(`/api/v1/accounts/${globex.account_id}/agents/${added.id}/invitation`, {})).status,
    ).toBe(404);

    // Once another account has them too, neither hands out a link that sets their password.
    expect(
      (await globex.api.post(`/api/v1/accounts/${globex.account_id}/agents`, { email: 'pending@linking.test' })).status,
    ).toBe(200);
    expect((await acme.api.post(`${base}/agents/${added.id}/invitation`, {})).status).toBe(422);
  });
});

describe('without SMTP_URL', () => {
  it('says mail is not configured and how to reset instead; an administrator still gets the invitation link', async () => {
    const plain = await createTestContext();
    const acme = await plain.account('Mailless');
    const res = await plain.app.inject({ method: 'POST', url: '/auth/password', payload: { email: acme.email } });
    expect(res.statusCode).toBe(422);
    expect(res.json().errors[0]).toMatch(/reset-password/);
    const base = `/api/v1/accounts/${acme.account_id}`;
    const added = (await acme.api.post(`${base}/agents`, { email: 'nomail@mailless.test' })).body;
    const link = await acme.api.post(`${base}/agents/${added.id}/invitation`, {});
    expect(link.body).toMatchObject({
      mailed: false,
      invitation_url: expect.stringContaining('reset_password_token='),
    });
  });
});
