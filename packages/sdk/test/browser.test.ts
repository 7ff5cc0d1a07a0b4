import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { chromiumUnavailable, launchBrowser, watchPageErrors } from '../../../test/helpers/browser.ts';
import { builtSdk, listening, sdkDir } from './support.ts';

/**
 * The built package in a real browser (Debian's Chromium): loaded as ES modules from the page's own origin,
 * it calls both dialects with the browser's fetch, walks a paged list and verifies a signature with Web Crypto.
 */
const unavailable = chromiumUnavailable();
const ctx = await createTestContext();

describe.skipIf(unavailable)('the SDK in a browser', () => {
  it('creates and pages contacts in both dialects and verifies a webhook signature', async () => {
    await builtSdk();
    const base = await listening(ctx);
    const account = await ctx.account('SDK Browser');
    const secret = 'browser-secret';
    const body = JSON.stringify({ event: 'contact_created', id: 7 });
    const timestamp = String(Math.floor(Date.now() / 1000));
    const signature = `sha256=${crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex')}`;

    const browser = await launchBrowser();
    try {
      const page = await browser.newPage();
      const errors = watchPageErrors(page);
      // The package's files served from the API's own origin (no CORS involved), as a bundler would ship them.
      await page.route(`${base}/__sdk/**`, (route) => {
        const file = path.join(sdkDir, 'dist', new URL(route.request().url()).pathname.replace('/__sdk/', ''));
        if (!file.startsWith(path.join(sdkDir, 'dist')) || !fs.existsSync(file)) return route.fulfill({ status: 404 });
        return route.fulfill({ status: 200, contentType: 'text/javascript', body: fs.readFileSync(file, 'utf8') });
      });
      await page.route(`${base}/__page`, (route) =>
        route.fulfill({ status: 200, contentType: 'text/html', body: '<!doctype html><title>sdk</title>' }),
      );
      await page.goto(`${base}/__page`);

      // A string, not a function: the test runner would rewrite a function's dynamic import for Node.
      const args = JSON.stringify({
        token: account.api_access_token,
        accountId: account.account_id,
        secret,
        body,
        timestamp,
        signature,
      });
      const result = (await page.evaluate(`(async ({ token, accountId, secret, body, timestamp, signature }) => {
      const sdk = await import('/__sdk/index.js');
      const client = sdk.createClient({ baseUrl: location.origin, token });
      for (let i = 0; i < 17; i++) await client.post('/api/v1/accounts/{account_id}/contacts', { path: { account_id: accountId }, body: { name: 'Browser ' + i, phone_number: '+5511900000' + String(i).padStart(3, '0') } });
      const chatwoot = [];
      for await (const c of client.paginate('/api/v1/accounts/{account_id}/contacts', { path: { account_id: accountId } })) chatwoot.push(c.name);
      const wts = [];
      for await (const c of client.paginate('/core/v1/contact', { query: { PageSize: 5 } })) wts.push(c.name);
      const missing = await client.get('/api/v1/accounts/{account_id}/contacts/{id}', { path: { account_id: accountId, id: 999999 } })
        .catch((e) => ({ status: e.status, isError: e instanceof sdk.SwitchboardError }));
      const headers = { 'x-chatwoot-signature': signature, 'x-chatwoot-timestamp': timestamp, 'x-chatwoot-delivery': 'd-1' };
      const good = await sdk.verifyWebhook({ secret, body, headers });
      const forged = await sdk.verifyWebhook({ secret, body: body.replace('7', '8'), headers });
      return { chatwoot: chatwoot.length, wts: wts.length, missing, good, forged, userAgent: navigator.userAgent };
    })(${args})`)) as {
        chatwoot: number;
        wts: number;
        missing: unknown;
        good: unknown;
        forged: unknown;
        userAgent: string;
      };

      expect(result.userAgent).toMatch(/Chrome/);
      expect(result.chatwoot).toBe(17);
      expect(result.wts).toBe(17);
      expect(result.missing).toEqual({ status: 404, isError: true });
      expect(result.good).toMatchObject({ valid: true, deliveryId: 'd-1' });
      expect(result.forged).toMatchObject({ valid: false });
      expect(errors).toEqual([]);
    } finally {
      await browser.close();
    }
  }, 60_000);
});
