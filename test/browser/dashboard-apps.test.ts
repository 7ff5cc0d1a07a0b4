import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { chromiumUnavailable, screenshot, signedInBrowser, until } from '../helpers/browser.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base, account } = f;
const conversation = await f.openConversation(api, {
  message: { content: 'Where is order 42?', message_type: 'incoming' },
});
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });

/** The account's own page, on another origin: asks the dashboard for its context and shows what it got. */
const APP_PAGE = `<!doctype html><title>Orders</title><body><p id="out">waiting</p><script>
window.addEventListener('message', (e) => {
  if (e.data && e.data.event === 'appContext') document.getElementById('out').textContent =
    'conversation ' + e.data.data.conversation.id + ' for ' + e.data.data.contact.name + ' seen by ' + e.data.data.currentAgent.email;
});
window.parent.postMessage('chatwoot-dashboard-app:fetch-info', '*');
</script></body>`;
const appServer = http.createServer((_req, res) => res.writeHead(200, { 'content-type': 'text/html' }).end(APP_PAGE));
await new Promise<void>((resolve) => appServer.listen(0, '127.0.0.1', resolve));
const appUrl = `http://127.0.0.1:${(appServer.address() as AddressInfo).port}/orders`;

describe.skipIf(Boolean(unavailable))('dashboard apps in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await signedInBrowser(origin, account.email, account.password));
  });
  afterAll(async () => {
    await browser?.close();
    await new Promise((resolve) => appServer.close(resolve));
  });

  it('an administrator adds an app in Settings; an agent opens it beside a conversation and the page gets its context', async () => {
    await page.goto(`${origin}/app/accounts/${account.account_id}/settings/apps`);
    const form = page.getByRole('form', { name: 'New dashboard app' });
    await form.getByLabel('Name').fill('Orders');
    await form.getByLabel('Page address').fill(appUrl);
    await form.getByRole('button', { name: 'Create app' }).click();
    await until(
      () => api.get(`${base}/dashboard_apps`),
      (res) => res.body.length === 1 && res.body[0].content[0].url === appUrl,
      'the app',
    );

    // Account data is read when the account opens: a fresh load shows the new app in every conversation.
    await page.goto(`${origin}/app/accounts/${account.account_id}/conversations/${conversation.id}`);
    await page.getByRole('button', { name: 'Open Orders beside the conversation' }).click();
    const frame = page.frameLocator('iframe[title="Orders (dashboard app)"]');
    await expect
      .poll(() => frame.locator('#out').textContent(), { timeout: 15_000 })
      .toBe(`conversation ${conversation.id} for Jane Roe seen by ${account.email}`);
    await screenshot(page, 'dashboard-app');
    await page.getByRole('button', { name: 'Close the app' }).click();
    expect(await page.locator('iframe').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
