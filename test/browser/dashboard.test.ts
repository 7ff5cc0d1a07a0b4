import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, BrowserContext, Page, WebSocketRoute } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { chromiumUnavailable, launchBrowser, screenshot, until, watchPageErrors } from '../helpers/browser.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base, account } = f;
await api.post(`${base}/labels`, { title: 'vip', color: '#c62828' });
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });

async function signIn(page: Page) {
  await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(account.email);
  await page.getByLabel('Password').fill(account.password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: /Unassigned/ }).waitFor();
}

const messageTexts = (page: Page) => page.locator('.messages .message .text').allTextContents();

describe.skipIf(Boolean(unavailable))('the agent dashboard in Chromium', () => {
  let browser: Browser;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let cableCut = false;
  const routes: { page: WebSocketRoute; server: WebSocketRoute }[] = [];

  beforeAll(async () => {
    browser = await launchBrowser();
    context = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    errors = watchPageErrors(page);
    // Every /cable connection goes through here, so a test can cut the line as a network drop would.
    await page.routeWebSocket(/\/cable$/, (ws) => {
      if (cableCut) return void ws.close();
      routes.push({ page: ws, server: ws.connectToServer() });
    });
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('signs in (a wrong password first gets a clear message), lists, opens a conversation, and a reply reaches the API', async () => {
    const conversation = await f.openConversation(api, {
      message: { content: 'Where is my parcel?', message_type: 'incoming' },
    });
    await page.goto(`${origin}/`);
    await page.waitForURL(/\/app\/login$/);
    await screenshot(page, 'login');
    await page.getByLabel('Email').fill(account.email);
    await page.getByLabel('Password').fill('not-my-password');
    await page.getByRole('button', { name: 'Sign in' }).click();
    await expect.poll(() => page.getByRole('alert').textContent()).toMatch(/Invalid login credentials/);
    await screenshot(page, 'login-error');
    await page.getByLabel('Password').fill(account.password);
    await page.getByRole('button', { name: 'Sign in' }).click();

    await page.getByRole('tab', { name: /Unassigned/ }).click();
    const row = page.locator(`[data-conversation-id="${conversation.id}"]`);
    await row.waitFor();
    await expect.poll(() => row.textContent()).toMatch(/Where is my parcel\?/);
    await screenshot(page, 'conversation-list');
    await row.click();
    await page.waitForURL(new RegExp(`/conversations/${conversation.id}$`));
    await expect.poll(() => messageTexts(page)).toEqual(['Where is my parcel?']);

    const reply = page.getByRole('textbox', { name: /Write a reply/ });
    await reply.fill('It ships today.');
    await reply.press('Enter');
    await expect.poll(() => reply.inputValue()).toBe('');
    const stored = await until(
      () => api.get(`${base}/conversations/${conversation.id}/messages`),
      (res) => res.body.payload.some((m: { content: string }) => m.content === 'It ships today.'),
      'the reply through the API',
    );
    expect(stored.body.payload.find((m: { content: string }) => m.content === 'It ships today.')).toMatchObject({
      message_type: 1,
      private: false,
    });
    await expect.poll(() => messageTexts(page)).toEqual(['Where is my parcel?', 'It ships today.']);
    await screenshot(page, 'conversation');
    expect(errors).toEqual([]);
  });

  it('shows a message created through the API at once, in the open conversation and in the list', async () => {
    const id = Number(page.url().split('/').pop());
    await f.incoming(id, 'Thanks, and the invoice?');
    await expect
      .poll(() => messageTexts(page))
      .toEqual(['Where is my parcel?', 'It ships today.', 'Thanks, and the invoice?']);
    await expect
      .poll(() => page.locator(`[data-conversation-id="${id}"]`).textContent())
      .toMatch(/Thanks, and the invoice\?/);

    const other = await f.openConversation(api, {
      message: { content: 'A brand new question', message_type: 'incoming' },
    });
    await page.locator(`[data-conversation-id="${other.id}"]`).waitFor();
  });

  it('after the socket is cut, three messages sent meanwhile appear once each, in order, when it is back', async () => {
    const id = Number(page.url().split('/').pop());
    // What was missed must come by the socket's replay from its cursor, not by reloading the views over HTTP.
    const reloads: string[] = [];
    const watchReloads = (request: { method(): string; url(): string }) => {
      if (request.method() === 'GET' && /\/messages(\?|$)|\/conversations\?/.test(request.url()))
        reloads.push(request.url());
    };
    page.on('request', watchReloads);
    cableCut = true;
    for (const route of routes.splice(0)) {
      await route.server.close();
      await route.page.close();
    }
    await page
      .getByRole('status')
      .filter({ hasText: /Reconnecting/ })
      .waitFor();
    await screenshot(page, 'offline-banner');
    for (const text of ['one while away', 'two while away', 'three while away']) await f.incoming(id, text);
    expect(await messageTexts(page)).not.toContain('one while away');

    cableCut = false;
    await page.evaluate(() => window.dispatchEvent(new Event('online'))); // the network is back
    await expect
      .poll(async () => (await messageTexts(page)).filter((text) => text.endsWith('while away')))
      .toEqual(['one while away', 'two while away', 'three while away']);
    await page
      .getByRole('status')
      .filter({ hasText: /Reconnecting/ })
      .waitFor({ state: 'detached' });
    // nothing arrives twice once the replay and the live stream meet
    await f.incoming(id, 'after the cut');
    await expect
      .poll(async () => (await messageTexts(page)).slice(-4))
      .toEqual(['one while away', 'two while away', 'three while away', 'after the cut']);
    page.off('request', watchReloads);
    expect(reloads).toEqual([]);
    expect(errors).toEqual([]);
  });

  it('assigns, labels and resolves from the conversation header, each visible through the API', async () => {
    const id = Number(page.url().split('/').pop());
    const read = () => api.get(`${base}/conversations/${id}`);
    await page.getByRole('combobox', { name: 'Assigned agent' }).selectOption({ value: String(account.user_id) });
    await until(read, (res) => res.body.meta?.assignee?.id === account.user_id, 'the assignee');
    // this agent has the dashboard open: presence says so, in the picker and on the list row's avatar
    await expect
      .poll(() => page.getByRole('combobox', { name: 'Assigned agent' }).locator('option:checked').textContent())
      .toMatch(/\(online\)/);
    await page.getByRole('tab', { name: /Mine/ }).click();
    await page.locator(`[data-conversation-id="${id}"] .row-assignee .presence.online`).waitFor();
    await page.getByRole('combobox', { name: 'Add a label' }).selectOption('vip');
    await until(read, (res) => res.body.labels?.includes('vip'), 'the label');
    await page.getByRole('combobox', { name: 'Conversation priority' }).selectOption('high');
    await until(read, (res) => res.body.priority === 'high', 'the priority');
    await page.getByRole('button', { name: 'Resolve' }).click();
    await until(read, (res) => res.body.status === 'resolved', 'the resolved status');
    await page.getByRole('button', { name: 'Reopen' }).waitFor();
    await screenshot(page, 'conversation-actions');
    expect(errors).toEqual([]);
  });

  it('a private note is sent as one and styled apart; shortcuts help opens on ?', async () => {
    await page.getByRole('radio', { name: 'Private note' }).click();
    const note = page.getByRole('textbox', { name: /private note/ });
    await note.fill('Checked with the warehouse');
    await note.press('Enter');
    await page.locator('.message.note', { hasText: 'Checked with the warehouse' }).waitFor();
    const id = Number(page.url().split('/').pop());
    // the note shows at once while it is being sent: wait for the stored one
    const messages = await until(
      () => api.get(`${base}/conversations/${id}/messages`),
      (res) => res.body.payload.some((m: { content: string }) => m.content === 'Checked with the warehouse'),
      'the stored note',
    );
    expect(
      messages.body.payload.find((m: { content: string }) => m.content === 'Checked with the warehouse'),
    ).toMatchObject({ private: true });
    await page.locator('body').click({ position: { x: 700, y: 300 } });
    await page.keyboard.press('?');
    await page.getByRole('dialog', { name: 'Keyboard shortcuts' }).waitFor();
    await screenshot(page, 'shortcuts');
    await page.keyboard.press('Escape');
  });

  it('shows the contact beside the conversation: edits, notes and labels reach the API', async () => {
    const panel = page.getByRole('complementary', { name: 'Contact' });
    await panel.getByText(f.contact.email).waitFor();
    await panel.getByRole('button', { name: 'Edit contact' }).click();
    await panel.getByLabel('Name').fill('Jane Q. Roe');
    await panel.getByRole('button', { name: 'Save' }).click();
    await until(
      () => api.get(`${base}/contacts/${f.contact.id}`),
      (res) => res.body.payload.name === 'Jane Q. Roe',
      'the renamed contact',
    );
    await panel.getByRole('textbox', { name: 'Add a note about this contact' }).fill('Prefers email');
    await panel.getByRole('button', { name: 'Add' }).click();
    await until(
      () => api.get(`${base}/contacts/${f.contact.id}/notes`),
      (res) => res.body.some?.((n: { content: string }) => n.content === 'Prefers email'),
      'the note',
    );
    await panel.getByRole('combobox', { name: 'Add a contact label' }).selectOption('vip');
    await until(
      () => api.get(`${base}/contacts/${f.contact.id}/labels`),
      (res) => res.body.payload.includes('vip'),
      'the contact label',
    );
    await screenshot(page, 'contact-panel');
    expect(errors).toEqual([]);
  });

  it('snoozes, mutes, marks unread and deletes from the More actions menu', async () => {
    const id = Number(page.url().split('/').pop());
    const read = () => api.get(`${base}/conversations/${id}`);
    const more = () => page.locator('.more-actions summary');
    await more().click();
    await screenshot(page, 'more-actions');
    await page.getByRole('button', { name: 'Snooze for an hour' }).click();
    const snoozed = await until(read, (res) => res.body.status === 'snoozed', 'the snooze');
    expect(new Date(snoozed.body.snoozed_until).getTime()).toBeGreaterThan(Date.now() + 50 * 60_000);
    await more().click();
    await page.getByRole('button', { name: 'Mute' }).click();
    await until(read, (res) => res.body.muted === true, 'the mute');
    await more().click();
    await page.getByRole('button', { name: 'Mark as unread' }).click();
    await page.waitForURL(/\/conversations$/);
    await until(read, (res) => res.body.unread_count > 0, 'the unread mark');

    const doomed = await f.openConversation(api, { message: { content: 'delete me', message_type: 'incoming' } });
    await page.goto(`${origin}/app/accounts/${account.account_id}/conversations/${doomed.id}`);
    await page.locator('.messages .message').first().waitFor();
    page.once('dialog', (dialog) => void dialog.accept());
    await more().click();
    await page.getByRole('button', { name: 'Delete conversation' }).click();
    await page.waitForURL(/\/conversations$/);
    await until(
      () => api.get(`${base}/conversations/${doomed.id}`),
      (res) => res.status === 404,
      'the deletion',
    );
    expect(errors).toEqual([]);
  });

  it('shows a message its channel failed to deliver with the reason, and retries it', async () => {
    const conversation = await f.openConversation(api, {
      message: { content: 'Can you call me?', message_type: 'incoming' },
    });
    const reply = (await api.post(`${base}/conversations/${conversation.id}/messages`, { content: 'Calling you now' }))
      .body;
    await api.patch(`${base}/conversations/${conversation.id}/messages/${reply.id}`, {
      status: 'failed',
      external_error: 'Number is not on WhatsApp',
    });
    await page.goto(`${origin}/app/accounts/${account.account_id}/conversations/${conversation.id}`);
    const failed = page.locator(`[data-message-id="${reply.id}"]`);
    await failed.getByText('Failed: Number is not on WhatsApp').waitFor();
    await screenshot(page, 'message-failed');
    await failed.getByRole('button', { name: 'Retry' }).click();
    await until(
      () => api.get(`${base}/conversations/${conversation.id}/messages`),
      (res) => res.body.payload.find((m: { id: number }) => m.id === reply.id)?.status === 'sent',
      'the retried message',
    );
    await failed.getByText('Sent').waitFor();
    expect(errors).toEqual([]);
  });

  it('a session ended elsewhere (a password reset) brings the sign-in page back at the next request', async () => {
    const other = await browser.newContext({ viewport: { width: 1280, height: 800 } });
    const tab = await other.newPage();
    await signIn(tab);
    const newest = await ctx.database.db
      .selectFrom('user_sessions')
      .select('id')
      .where('user_id', '=', account.user_id)
      .orderBy('id', 'desc')
      .executeTakeFirstOrThrow();
    await ctx.database.db.deleteFrom('user_sessions').where('id', '=', newest.id).execute(); // this tab's session ends
    // any request now answers 401 (the list's counts may already have asked); a tab click makes sure one does
    await tab
      .getByRole('tab', { name: /All/ })
      .click({ timeout: 2_000 })
      .catch(() => {});
    await tab.waitForURL(/\/app\/login$/);
    await tab.getByRole('button', { name: 'Sign in' }).waitFor();
    await other.close();
  });

  it('works on a phone-sized screen, and in dark mode', async () => {
    const phone = await browser.newContext({ viewport: { width: 390, height: 800 }, colorScheme: 'dark' });
    const small = await phone.newPage();
    const phoneErrors = watchPageErrors(small);
    await signIn(small);
    await small.getByRole('tab', { name: /All/ }).click();
    const row = small.locator('.conversation-row').first();
    await row.waitFor();
    await screenshot(small, 'phone-list');
    await row.click();
    await small.locator('.messages .message').first().waitFor();
    expect(await small.locator('.conversation-list').isVisible()).toBe(false);
    await screenshot(small, 'phone-conversation');
    await small.getByRole('button', { name: 'Back to the list' }).click();
    await small.locator('.conversation-list').waitFor();
    expect(await small.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
