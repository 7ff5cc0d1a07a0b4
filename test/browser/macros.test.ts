import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import {
  PHONE_DARK,
  chromiumUnavailable,
  poll,
  screenshot,
  signedInBrowser,
  signedInPage,
  until,
} from '../helpers/browser.ts';
import { startMacroRunner } from '../../src/jobs/macros.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base, account } = f;
await api.post(`${base}/labels`, { title: 'vip', color: '#c62828' });
const conversation = await f.openConversation(api, {
  message: { content: 'My parcel never came', message_type: 'incoming' },
});
const created = await api.post(`${base}/macros`, {
  name: 'VIP follow-up',
  visibility: 'global',
  actions: [
    { action_name: 'add_label', action_params: ['vip'] },
    { action_name: 'send_message', action_params: ['Hello {{contact.name}}, we are on it.'] },
  ],
});
expect(created.status, created.text).toBe(200);
await api.post(`${base}/macros`, {
  name: 'Close quietly',
  visibility: 'personal',
  actions: [{ action_name: 'resolve_conversation', action_params: [] }],
});
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
// Executing answers at once; the server's macro runner applies the actions after (as `switchboard start` runs it).
const runner = await startMacroRunner(
  ctx.database,
  ctx.app.deps.mailer,
  { warn() {}, error() {} },
  ctx.app.deps.storage,
);

describe.skipIf(Boolean(unavailable))('macros in the conversation view, in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  beforeAll(async () => {
    ({ browser, page, errors } = await signedInBrowser(origin, account.email, account.password));
  });
  afterAll(async () => {
    await browser?.close();
    await runner.stop();
  });

  it('an agent opens the macro menu, sees what each macro does, runs one, and its changes appear in the open conversation', async () => {
    await page.goto(`${origin}/app/accounts/${account.account_id}/conversations/${conversation.id}`);
    await page.getByText('My parcel never came').waitFor();
    await page.locator('summary', { hasText: 'Macros' }).click();
    const menu = page.getByRole('group', { name: 'Macros' });
    const run = menu.getByRole('button', { name: 'Run VIP follow-up' });
    await run.waitFor();
    expect(await run.textContent()).toBe('VIP follow-upadd labels, send a message');
    expect(await menu.getByRole('button', { name: 'Run Close quietly' }).textContent()).toBe(
      'Close quietlyresolve · only you',
    );
    await screenshot(page, 'macros-menu');

    await run.click();
    await expect
      .poll(() => menu.getByRole('status').textContent(), { timeout: 15_000 })
      .toBe('“VIP follow-up” is running on this conversation.');
    // The run's effects, read back through the API and seen live in the page.
    await until(
      () => api.get(`${base}/conversations/${conversation.id}`),
      (res) => res.body.labels?.includes('vip'),
      'the label',
    );
    await poll(() => page.locator('.messages .message .text').allTextContents()).toContain(
      'Hello Jane Roe, we are on it.',
    );
    await poll(() => page.locator('.label-chip').allTextContents()).toEqual([expect.stringContaining('vip')]);
    await page.locator('summary', { hasText: 'Macros' }).click();
    await screenshot(page, 'macros-after-run');
    expect((await api.get(`${base}/conversations/${conversation.id}`)).body.status).toBe('open');
    expect(errors).toEqual([]);
  });

  it('opens the menu inside a phone-sized screen', async () => {
    const phone = await signedInPage(browser, origin, account.email, account.password, PHONE_DARK);
    try {
      await phone.page.goto(`${origin}/app/accounts/${account.account_id}/conversations/${conversation.id}`);
      await phone.page.locator('summary', { hasText: 'Macros' }).click();
      const menu = phone.page.getByRole('group', { name: 'Macros' });
      await menu.getByRole('button', { name: 'Run VIP follow-up' }).waitFor();
      const box = (await menu.boundingBox())!;
      expect(box.x).toBeGreaterThanOrEqual(0);
      expect(box.x + box.width).toBeLessThanOrEqual(PHONE_DARK.viewport.width);
      await screenshot(phone.page, 'macros-phone');
      expect(phone.errors).toEqual([]);
    } finally {
      await phone.context.close();
    }
  });
});
