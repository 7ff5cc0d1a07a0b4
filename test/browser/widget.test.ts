import crypto from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, FrameLocator, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import {
  chromiumUnavailable,
  launchBrowser,
  screenshot,
  SCREENSHOT_DIR,
  until,
  watchPageErrors,
} from '../helpers/browser.ts';
import { startSnippetSite, widgetReady } from '../helpers/widget-site.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext({}, { worker: true, chatbots: true });
const acme = await ctx.account('Widget Shop');
const base = `/api/v1/accounts/${acme.account_id}`;
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const inbox = (
  await acme.api.post(`${base}/inboxes`, {
    name: 'Shop website',
    channel: {
      type: 'web_widget',
      website_url: 'http://127.0.0.1',
      welcome_title: 'Hi there',
      welcome_tagline: 'Ask us anything',
      pre_chat_form_enabled: true,
      reply_time: 'in_a_few_minutes',
    },
  })
).body;
const locked = (
  await acme.api.post(`${base}/inboxes`, {
    name: 'Elsewhere',
    channel: { type: 'web_widget', website_url: 'https://shop.example', allowed_domains: 'shop.example' },
  })
).body;

const site = await startSnippetSite(origin, inbox.website_token);
const siteUrl = site.url;

const conversations = async () =>
  (await acme.api.get(`${base}/conversations`, { status: 'all' })).body.data.payload as {
    id: number;
    meta: { sender: { id: number; name: string; email: string } };
    messages: unknown[];
  }[];
const messagesOf = async (id: number) =>
  (await acme.api.get(`${base}/conversations/${id}/messages`)).body.payload as {
    id: number;
    content: string;
    message_type: number;
    content_attributes: Record<string, unknown>;
  }[];

describe.skipIf(Boolean(unavailable))('the website widget in Chromium, from Chatwoot’s snippet', () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];
  const policyViolations: string[] = [];
  let widget: FrameLocator;

  beforeAll(async () => {
    browser = await launchBrowser();
    const context = await browser.newContext({ viewport: { width: 1280, height: 860 } });
    page = await context.newPage();
    errors = watchPageErrors(page);
    page.on('console', (message) => {
      if (/Content Security Policy/i.test(message.text())) policyViolations.push(message.text());
    });
    widget = page.frameLocator('#chatwoot_live_chat_widget');
  });
  afterAll(async () => {
    await browser?.close();
    await site.close();
  });

  it('opens from the bubble, asks the pre-chat form, and the visitor’s message reaches the Chatwoot API', async () => {
    await page.goto(siteUrl);
    await widgetReady(page);
    const bubble = page.getByRole('button', { name: 'Open chat' });
    await bubble.waitFor();
    await screenshot(page, 'widget-bubble');
    await bubble.click();
    await widget.getByRole('heading', { name: 'Hi there' }).waitFor();
    await expect.poll(() => widget.locator('.availability').textContent()).toBe('Typically replies in a few minutes');
    await widget.getByLabel('Full name').fill('Grace Hopper');
    await widget.getByLabel('Email address').fill('grace@example.com');
    await widget.getByLabel('Message').fill('Hello from the shop page');
    await widget.getByRole('button', { name: 'Start conversation' }).click();
    await widget.locator('.message.mine', { hasText: 'Hello from the shop page' }).waitFor();

    const [conversation] = await until(conversations, (list) => list.length === 1, 'the conversation in the API');
    expect(conversation.meta.sender).toMatchObject({ name: 'Grace Hopper', email: 'grace@example.com' });
    expect((await messagesOf(conversation.id)).map((m) => m.content)).toContain('Hello from the shop page');
    expect(policyViolations).toEqual([]);
  });

  it('shows an agent’s reply from the Application API live, with chatwoot:on-message, and keeps the conversation over a reload', async () => {
    const [conversation] = await conversations();
    const heard = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          window.addEventListener('chatwoot:on-message', (e) => resolve(String((e as CustomEvent).detail.content)), {
            once: true,
          }),
        ),
    );
    await acme.api.post(`${base}/conversations/${conversation.id}/messages`, {
      content: 'Hi Grace, Ana from support here.',
    });
    await widget.locator('.message.theirs', { hasText: 'Hi Grace, Ana from support here.' }).waitFor();
    expect(await heard).toBe('Hi Grace, Ana from support here.');
    await widget.getByLabel('Type your message').fill('Where is my order?');
    await widget.getByLabel('Type your message').press('Enter');
    await until(
      () => messagesOf(conversation.id),
      (list) => list.some((m) => m.content === 'Where is my order?'),
      'the second visitor message',
    );
    await screenshot(page, 'widget-open');

    await page.reload();
    await page.getByRole('button', { name: 'Open chat' }).click();
    await widget.locator('.message.theirs', { hasText: 'Hi Grace, Ana from support here.' }).waitFor();
    expect(await widget.locator('.message.mine').allTextContents()).toEqual([
      'Hello from the shop page',
      'Where is my order?',
    ]);
    expect(await conversations()).toHaveLength(1);
  });

  it('shows the agent typing', async () => {
    const [conversation] = await conversations();
    await acme.api.post(`${base}/conversations/${conversation.id}/toggle_typing_status`, { typing_status: 'on' });
    await widget.getByLabel('Agent is typing').waitFor();
    await acme.api.post(`${base}/conversations/${conversation.id}/toggle_typing_status`, { typing_status: 'off' });
    await widget.getByLabel('Agent is typing').waitFor({ state: 'detached' });
  });

  it('counts unread replies on the bubble while closed', async () => {
    const [conversation] = await conversations();
    await page.evaluate(() =>
      (window as unknown as { $chatwoot: { toggle(s: string): void } }).$chatwoot.toggle('close'),
    );
    await acme.api.post(`${base}/conversations/${conversation.id}/messages`, {
      content: 'Your parcel left this morning.',
    });
    await expect.poll(() => page.locator('.switchboard-unread').textContent()).toBe('1');
    await page.getByRole('button', { name: 'Open chat' }).click();
    await expect.poll(() => page.locator('.switchboard-unread').isVisible()).toBe(false);
  });

  it('shows a bot’s choices as buttons, and the click is the reply', async () => {
    const [conversation] = await conversations();
    await acme.api.post(`${base}/conversations/${conversation.id}/messages`, {
      content: 'What do you need?',
      content_type: 'input_select',
      content_attributes: {
        items: [
          { title: 'Track my order', value: 'track' },
          { title: 'Talk to sales', value: 'sales' },
        ],
      },
    });
    await widget.getByRole('button', { name: 'Track my order' }).click();
    const messages = await until(
      () => messagesOf(conversation.id),
      (list) => list.some((m) => m.content === 'Track my order' && m.message_type === 0),
      'the choice as a reply',
    );
    expect(messages.find((m) => m.content === 'What do you need?')?.content_attributes.submitted_values).toEqual([
      { title: 'Track my order', value: 'track' },
    ]);
    await widget.getByRole('button', { name: 'Track my order' }).waitFor({ state: 'detached' });
  });

  it('meets a chatbot flow: its choices are buttons, and the click answers the flow', async () => {
    const [conversation] = await conversations();
    const wts = ctx.client(undefined, { authorization: `Bearer ${acme.api_access_token}` });
    const bot = await wts.post('/chat/v1/chatbot', {
      name: 'Shop bot',
      definition: {
        start: 'menu',
        steps: [
          {
            id: 'menu',
            kind: 'ask',
            text: 'Hi! What can I do for you?',
            saveAs: 'topic',
            next: 'hours',
            choices: [
              { title: 'Opening hours', value: 'hours', next: 'hours' },
              { title: 'Returns', value: 'returns', next: 'returns' },
            ],
          },
          { id: 'hours', kind: 'message', text: 'We are open 9 to 17, Monday to Friday.' },
          { id: 'returns', kind: 'message', text: 'Returns are free within 30 days.' },
        ],
      },
    });
    expect(bot.status).toBe(201);
    const { uuid } = await ctx.database.db
      .selectFrom('conversations')
      .select('uuid')
      .where('account_id', '=', acme.account_id)
      .where('display_id', '=', conversation.id)
      .executeTakeFirstOrThrow();
    expect((await wts.post('/chat/v1/chatbot/send', { botId: bot.body.id, sessionId: uuid })).status).toBeLessThan(300);
    await widget.locator('.message.theirs', { hasText: 'Hi! What can I do for you?' }).waitFor();
    await widget.getByRole('button', { name: 'Returns' }).click();
    await widget.locator('.message.theirs', { hasText: 'Returns are free within 30 days.' }).waitFor();
    await screenshot(page, 'widget-chatbot');
  });

  it('setUser: a valid identifier_hash identifies the visitor; an invalid one raises chatwoot:error', async () => {
    const hmac = (id: string) => crypto.createHmac('sha256', inbox.hmac_token).update(id).digest('hex');
    const failed = page.evaluate(
      () =>
        new Promise<string>((resolve) =>
          window.addEventListener('chatwoot:error', (e) => resolve(String((e as CustomEvent).detail.message)), {
            once: true,
          }),
        ),
    );
    await page.evaluate(
      (hash) =>
        (window as unknown as { $chatwoot: { setUser(id: string, u: object): void } }).$chatwoot.setUser('customer-7', {
          name: 'Grace H.',
          identifier_hash: hash,
        }),
      hmac('someone-else'),
    );
    expect(await failed).toMatch(/HMAC failed/);
    await page.evaluate(
      (hash) =>
        (window as unknown as { $chatwoot: { setUser(id: string, u: object): void } }).$chatwoot.setUser('customer-7', {
          name: 'Grace H.',
          identifier_hash: hash,
        }),
      hmac('customer-7'),
    );
    const [conversation] = await conversations();
    await until(
      async () => (await acme.api.get(`${base}/contacts/${conversation.meta.sender.id}`)).body.payload,
      (c) => c.identifier === 'customer-7',
      'the identified contact',
    );
    expect(errors).toEqual([]);
  });

  it('reset() forgets the visitor: the widget starts over with a new contact', async () => {
    const contacts = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('contacts')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .where('account_id', '=', acme.account_id)
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await contacts();
    await page.evaluate(() => (window as unknown as { $chatwoot: { reset(): void } }).$chatwoot.reset());
    await page.getByRole('button', { name: 'Open chat' }).click();
    await widget.getByRole('button', { name: 'Start conversation' }).waitFor();
    expect(await contacts()).toBe(before + 1);
    expect(await conversations()).toHaveLength(1);
  });

  it('fills a phone’s screen when open, in the dark when the site asks for it', async () => {
    const phone = await browser.newContext({
      viewport: { width: 390, height: 800 },
      colorScheme: 'dark',
      isMobile: true,
    });
    const small = await phone.newPage();
    // chatwootSettings before the snippet, as Chatwoot documents (a second inline script, allowed by its hash).
    await small.goto(`${siteUrl}?dark=1`);
    await small.getByRole('button', { name: 'Chat with us' }).click();
    const frame = small.locator('#chatwoot_live_chat_widget');
    await small.frameLocator('#chatwoot_live_chat_widget').getByRole('heading', { name: 'Hi there' }).waitFor();
    expect(await frame.boundingBox()).toMatchObject({ x: 0, y: 0, width: 390, height: 800 });
    await small.screenshot({ path: `${SCREENSHOT_DIR}/widget-phone-dark.png` });
    await phone.close();
  });

  it('refuses to show where the inbox does not allow it', async () => {
    const other = await browser.newPage();
    const refused = new Promise<string>((resolve) =>
      other.on('console', (m) => /frame-ancestors/.test(m.text()) && resolve(m.text())),
    );
    await other.goto(`${siteUrl}?token=${locked.website_token}`);
    expect(await refused).toMatch(/frame-ancestors shop\.example/);
    await other.close();
  });
});
