import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { insertInbox } from '../../domain/inboxes/repository.ts';
import { allowedDomainSources } from '../../domain/widget/allowed-domains.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Widget page');
const open = await insertInbox(ctx.database.db, acme.account_id, {
  name: 'Anywhere',
  channel_type: 'Channel::WebWidget',
});
const locked = await insertInbox(ctx.database.db, acme.account_id, {
  name: 'Shop only',
  channel_type: 'Channel::WebWidget',
  channel: { allowed_domains: "shop.example, *.shop.example\nhttps://app.example:8443/ not/a/host 'unsafe-inline'" },
});
const api = await insertInbox(ctx.database.db, acme.account_id, { name: 'API', channel_type: 'Channel::Api' });

const csp = (headers: Record<string, unknown>) => String(headers['content-security-policy']);

describe('the widget page and the page script', () => {
  it('serves /widget under a policy that lets any site frame it when the inbox names no domains', async () => {
    const res = await ctx.app.inject({ url: `/widget?website_token=${open.identifier}` });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/text\/html/);
    expect(csp(res.headers)).toMatch(/frame-ancestors \*;/);
    expect(csp(res.headers)).toMatch(/script-src 'self';/);
    expect(res.headers['x-frame-options']).toBeUndefined();
    expect(res.body).toMatch(/\/widget\/assets\/index-[\w-]+\.js/);
    const script = /src="(\/widget\/assets\/[^"]+\.js)"/.exec(res.body)![1];
    expect((await ctx.app.inject({ url: script })).statusCode).toBe(200);
  });

  it('lets only the allowed domains frame it, and drops anything that is not a host', async () => {
    const res = await ctx.app.inject({ url: `/widget?website_token=${locked.identifier}` });
    expect(csp(res.headers)).toMatch(
      /frame-ancestors shop\.example \*\.shop\.example https:\/\/app\.example:8443; base-uri/,
    );
    expect(csp(res.headers)).not.toMatch(/unsafe-inline'; base-uri/);
    // Only host sources come out: no separator or keyword can start another directive.
    expect(allowedDomainSources("evil.example;default-src * 'unsafe-eval'").join(' ')).not.toMatch(/[;'*]/);
  });

  it('answers a wrong website token (or another kind of inbox) with 404, framed by nobody', async () => {
    for (const token of ['nope', api.identifier]) {
      const res = await ctx.app.inject({ url: `/widget?website_token=${token}` });
      expect(res.statusCode).toBe(404);
      expect(csp(res.headers)).toMatch(/frame-ancestors 'none'/);
    }
    expect((await ctx.app.inject({ url: '/widget' })).statusCode).toBe(404);
  });

  it('serves /packs/js/sdk.js, small, for any site to load', async () => {
    const res = await ctx.app.inject({ url: '/packs/js/sdk.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toMatch(/javascript/);
    expect(res.headers['cross-origin-resource-policy']).toBe('cross-origin');
    expect(res.rawPayload.length).toBeLessThan(10 * 1024);
    const plain = await ctx.app.inject({ url: '/packs/js/sdk.js' });
    expect(plain.body).toMatch(/chatwootSDK/);
  });
});
