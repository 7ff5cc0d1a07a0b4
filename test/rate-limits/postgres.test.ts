import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { conversationFixture } from '../helpers/fixtures.ts';
import { tokenDigest } from '../../src/domain/auth/secrets.ts';
import { awayFromWindowEdge, LIMIT_ENV, listening, sharedLimitTests } from './support.ts';

const env = { ...LIMIT_ENV, RATE_LIMIT_STORE: 'postgres' };
const ctx = await createTestContext(env);

describe('rate limits in PostgreSQL', () => {
  it("counts a token's requests with RateLimit headers, then answers 429 in the Chatwoot dialect's shape", async () => {
    await awayFromWindowEdge();
    const account = await ctx.account('Chatwoot limits');
    const api = ctx.client(account.api_access_token);
    for (let i = 0; i < 6; i++) {
      const res = await api.get('/api/v1/profile');
      expect(res.status).toBe(200);
      expect(res.headers).toMatchObject({ 'ratelimit-limit': '6', 'ratelimit-remaining': String(5 - i) });
      expect(Number(res.headers['ratelimit-reset'])).toBeGreaterThan(0);
    }
    const refused = await api.get(`/api/v1/accounts/${account.account_id}/contacts`);
    expect(refused.status).toBe(429);
    expect(refused.body).toEqual({ error: expect.stringMatching(/^Too many requests: retry in \d+ s$/) });
    expect(Number(refused.headers['retry-after'])).toBeGreaterThan(0);
    expect(refused.headers).toMatchObject({ 'ratelimit-limit': '6', 'ratelimit-remaining': '0' });
    // the same token through the WTS dialect: the same budget, the WTS error envelope
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const wtsRefused = await wts.get('/core/v1/contact');
    expect(wtsRefused.status).toBe(429);
    expect(wtsRefused.body).toMatchObject({
      error: true,
      httpStatusCode: 429,
      key: 'ERROR_TOO_MANY_REQUESTS',
      text: expect.stringMatching(/^Too many requests/),
    });
    // another token is not held back; a forged internal-call header exempts nothing
    const second = await ctx.account('Chatwoot limits 2');
    expect((await ctx.client(second.api_access_token).get('/api/v1/profile')).status).toBe(200);
    expect(
      (await ctx.client(account.api_access_token, { 'x-switchboard-internal': 'guess' }).get('/api/v1/profile')).status,
    ).toBe(429);
  });

  it('counts every request of one address, with or without a token', async () => {
    await awayFromWindowEdge();
    const get = () => ctx.app.inject({ method: 'GET', url: '/api', remoteAddress: '192.0.2.50' });
    for (let i = 0; i < 40; i++) expect((await get()).statusCode).toBe(200);
    const refused = await get();
    expect(refused.statusCode).toBe(429);
    expect(refused.headers).toMatchObject({ 'ratelimit-limit': '40', 'ratelimit-remaining': '0' });
    expect((await ctx.app.inject({ method: 'GET', url: '/api', remoteAddress: '192.0.2.51' })).statusCode).toBe(200);
  });

  it('leaves provider webhooks and health checks alone', async () => {
    await awayFromWindowEdge();
    const account = await ctx.account('Exempt');
    const api = ctx.client(account.api_access_token);
    for (let i = 0; i < 8; i++) {
      expect((await api.get('/health')).status).not.toBe(429);
      expect((await api.post('/webhooks/telegram/123:abc', { update_id: i })).status).not.toBe(429);
    }
    expect((await api.get('/api/v1/profile')).status).toBe(200);
  });

  it('holds sign-in and the public API to their stricter limits per address', async () => {
    await awayFromWindowEdge();
    const signIn = (remoteAddress: string) =>
      ctx.app.inject({
        method: 'POST',
        url: '/auth/sign_in',
        remoteAddress,
        payload: { email: 'nobody@example.com', password: 'wrong-password' },
      });
    for (let i = 0; i < 3; i++) expect((await signIn('198.51.100.7')).statusCode).toBe(401);
    const refused = await signIn('198.51.100.7');
    expect(refused.statusCode).toBe(429);
    expect(refused.json()).toEqual({ success: false, errors: [expect.stringMatching(/^Too many requests/)] });
    expect((await signIn('198.51.100.8')).statusCode).toBe(401);

    const f = await conversationFixture(ctx, 'Public');
    const inbox = (remoteAddress: string) =>
      ctx.app.inject({ method: 'GET', url: `/public/api/v1/inboxes/${f.inbox.identifier}`, remoteAddress });
    for (let i = 0; i < 4; i++) expect((await inbox('203.0.113.9')).statusCode).not.toBe(429);
    const publicRefused = await inbox('203.0.113.9');
    expect(publicRefused.statusCode).toBe(429);
    expect(publicRefused.headers['ratelimit-limit']).toBe('4');
    expect((await inbox('203.0.113.10')).statusCode).not.toBe(429);
  });

  it('counts an MCP tool call once, not the API calls it makes inside', async () => {
    await awayFromWindowEdge();
    const base = await listening(ctx);
    const f = await conversationFixture(ctx, 'Mcp');
    const conversation = await f.openConversation();
    const admin = await ctx.member(f.account.account_id, 'administrator', 'Model');
    const client = new Client({ name: 'limits', version: '1.0.0' });
    // Every HTTP request the client makes, so the count can be compared with what it sent (connecting sends a few).
    let sent = 0;
    let inFlight = 0;
    const counted: typeof fetch = async (input, init) => {
      sent++;
      inFlight++;
      try {
        return await fetch(input, init);
      } finally {
        inFlight--;
      }
    };
    const settled = async () => {
      while (inFlight > 0) await new Promise((r) => setTimeout(r, 10));
    };
    await client.connect(
      new StreamableHTTPClientTransport(new URL(`${base}/mcp`), {
        fetch: counted,
        requestInit: { headers: { authorization: `Bearer ${admin.token}` } },
      }),
    );
    try {
      const hits = async () =>
        (
          await ctx.database.db
            .selectFrom('rate_limit_counters')
            .select('hits')
            .where('key', '=', `token:${tokenDigest(admin.token)}`)
            .executeTakeFirstOrThrow()
        ).hits;
      await settled();
      const [before, sentBefore] = [await hits(), sent];
      const read = await client.callTool({
        name: 'read_conversation',
        arguments: { conversation_id: conversation.id },
      });
      expect(read.isError).toBeFalsy();
      await settled();
      // read_conversation calls two routes inside: only the client's own requests count
      expect(await hits()).toBe(before + (sent - sentBefore));
      expect(sent - sentBefore).toBeLessThanOrEqual(2);
    } finally {
      await client.close();
    }
  });

  sharedLimitTests(ctx, env, 'postgres');
});
