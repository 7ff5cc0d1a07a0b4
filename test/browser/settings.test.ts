import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { SIMPLE_FLOW } from '../helpers/chatbot-fixture.ts';
import {
  chromiumUnavailable,
  PHONE_DARK,
  poll,
  screenshot,
  signedInBrowser,
  signedInPage,
  until,
} from '../helpers/browser.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

// The event worker delivers webhooks to a loopback receiver; a short retry window lets a failing one pause in a test.
const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_WINDOW_MS: '1500' },
  { worker: true },
);
const f = await conversationFixture(ctx, 'Acme');
const { api, base, account } = f;
const agent = await ctx.member(account.account_id, 'agent', 'Pat Agent');
const agentEmail = (
  await ctx.database.db.selectFrom('users').select('email').where('id', '=', agent.userId).executeTakeFirstOrThrow()
).email;
let failing = false;
const receiver = await startReceiver(() => (failing ? 500 : 200));
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const settingsUrl = (page: string) => `${origin}/app/accounts/${account.account_id}/settings/${page}`;

/** Opens a settings page from the settings menu, as a person would. */
async function openSettings(page: Page, name: string, heading = name) {
  await page.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name, exact: true }).click();
  await page.getByRole('heading', { level: 2, name: heading }).waitFor();
}

const form = (page: Page, name: string | RegExp): Locator => page.getByRole('form', { name });
const list = (page: Page, name: string): Locator => page.getByRole('list', { name, exact: true });

describe.skipIf(Boolean(unavailable))('settings in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await signedInBrowser(origin, account.email, account.password));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('round trip: the account, an API inbox, a website inbox, a label and a webhook made in the UI are there through the API', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Settings' }).click();
    await page.getByRole('heading', { level: 2, name: 'Account' }).waitFor();
    const accountForm = form(page, 'Account settings');
    await accountForm.getByLabel('Account name').fill('Acme Support');
    await accountForm.getByLabel('Auto-resolve after').fill('2');
    await accountForm.getByLabel('Auto-resolve unit').selectOption('days');
    await accountForm.getByRole('button', { name: 'Save' }).click();
    await until(
      () => api.get(base),
      (res) => res.body.name === 'Acme Support' && res.body.settings.auto_resolve_after === 2880,
      'the account',
    );
    await screenshot(page, 'settings-account');

    await openSettings(page, 'Inboxes');
    const newInbox = form(page, 'New inbox');
    await newInbox.getByLabel('Inbox name').fill('Shop backend');
    await newInbox.getByLabel('Webhook URL').fill('https://hooks.example/shop');
    await newInbox.getByRole('button', { name: 'Create inbox' }).click();
    const inboxes = await until(
      () => api.get(`${base}/inboxes`),
      (res) => res.body.payload.some((i: { name: string }) => i.name === 'Shop backend'),
      'the API inbox',
    );
    const apiInbox = inboxes.body.payload.find((i: { name: string }) => i.name === 'Shop backend');
    expect(apiInbox).toMatchObject({ channel_type: 'Channel::Api', webhook_url: 'https://hooks.example/shop' });
    // the new inbox opens in the editor: its identifier, members and bot
    await poll(() => page.getByLabel('Inbox identifier').inputValue()).toBe(apiInbox.inbox_identifier);
    const members = form(page, 'Inbox members');
    await members.getByRole('checkbox', { name: /Pat Agent/ }).check();
    await members.getByRole('button', { name: 'Save members' }).click();
    await until(
      () => api.get(`${base}/inbox_members/${apiInbox.id}`),
      (res) => res.body.payload.some((a: { id: number }) => a.id === agent.userId),
      'the inbox member',
    );
    await screenshot(page, 'settings-inbox-api');

    await page.getByRole('button', { name: '+ New inbox' }).click();
    await newInbox.getByLabel('Channel').selectOption('web_widget');
    await newInbox.getByLabel('Inbox name').fill('Website');
    await newInbox.getByLabel('Website address').fill('https://shop.example');
    await newInbox.getByRole('button', { name: 'Create inbox' }).click();
    const widget = (
      await until(
        () => api.get(`${base}/inboxes`),
        (res) => res.body.payload.some((i: { name: string }) => i.name === 'Website'),
        'the website inbox',
      )
    ).body.payload.find((i: { name: string }) => i.name === 'Website');
    expect(widget).toMatchObject({ channel_type: 'Channel::WebWidget', website_url: 'https://shop.example' });
    await poll(() => page.getByLabel('Install snippet').inputValue()).toContain(
      `websiteToken:'${widget.website_token}'`,
    );
    await screenshot(page, 'settings-inbox-widget');

    await openSettings(page, 'Labels');
    await page.getByText(/No labels yet/).waitFor();
    const newLabel = form(page, 'New label');
    // a refused request shows the API's reason and keeps what was typed
    await newLabel.getByLabel('Label name').fill('Not Valid!');
    await newLabel.getByLabel('Description').fill('Invoices and refunds');
    await newLabel.getByRole('button', { name: 'Create label' }).click();
    await poll(() => newLabel.getByRole('alert').textContent()).toMatch(/Title is invalid/);
    expect(await newLabel.getByLabel('Description').inputValue()).toBe('Invoices and refunds');
    await screenshot(page, 'settings-label-error');
    await newLabel.getByLabel('Label name').fill('billing');
    await newLabel.getByLabel('Colour').fill('#0a7d4f');
    await newLabel.getByRole('button', { name: 'Create label' }).click();
    const labels = await until(
      () => api.get(`${base}/labels`),
      (res) => res.body.payload.some((l: { title: string }) => l.title === 'billing'),
      'the label',
    );
    expect(labels.body.payload.find((l: { title: string }) => l.title === 'billing')).toMatchObject({
      color: '#0a7d4f',
      description: 'Invoices and refunds',
      show_on_sidebar: true,
    });
    await list(page, 'Labels').getByText('billing').waitFor();
    await poll(() => newLabel.getByLabel('Label name').inputValue()).toBe(''); // a fresh form for the next one
    await screenshot(page, 'settings-labels');

    await openSettings(page, 'Webhooks');
    await page.getByText(/No webhooks yet/).waitFor();
    const newWebhook = form(page, 'New webhook');
    await newWebhook.getByLabel('Endpoint URL').fill(receiver.url);
    await newWebhook.getByLabel('Name (optional)').fill('CRM');
    await newWebhook.getByRole('button', { name: 'Create webhook' }).click();
    const hooks = await until(
      () => api.get(`${base}/webhooks`),
      (res) => res.body.payload.webhooks.length === 1,
      'the webhook',
    );
    expect(hooks.body.payload.webhooks[0]).toMatchObject({ url: receiver.url, name: 'CRM', status: 'active' });
    expect(hooks.body.payload.webhooks[0].subscriptions).toHaveLength(12);
    await list(page, 'Webhooks').getByText('CRM').waitFor();
    await screenshot(page, 'settings-webhooks');
    expect(errors).toEqual([]);
  });

  it('the webhook’s delivery log after an event: status, attempts, redeliver; a paused webhook shows why and resumes', async () => {
    await f.openConversation(api, { message: { content: 'Hello from the shop', message_type: 'incoming' } });
    await receiver.waitFor((r) => r.some((x) => x.body?.event === 'conversation_created'), 20_000);
    await page.getByRole('button', { name: 'Edit CRM' }).click();
    const log = list(page, 'Deliveries');
    const created = log.getByRole('listitem').filter({ hasText: 'conversation_created' });
    await poll(() => created.first().textContent()).toMatch(/Delivered/);
    await created
      .first()
      .getByRole('button', { name: /^Attempts of conversation_created/ })
      .click();
    await poll(() =>
      created
        .first()
        .getByRole('list', { name: /^Attempts of/ })
        .textContent(),
    ).toMatch(/HTTP 200/);
    await screenshot(page, 'settings-webhook-deliveries');

    const firstDelivery = receiver.received.find((x) => x.body?.event === 'conversation_created')!.headers[
      'x-chatwoot-delivery'
    ];
    const before = receiver.received.length;
    await created
      .first()
      .getByRole('button', { name: /^Redeliver conversation_created/ })
      .click();
    await receiver.waitFor(
      (r) => r.slice(before).some((x) => x.headers['x-chatwoot-delivery'] === firstDelivery),
      20_000,
    );

    failing = true;
    await f.openConversation(api, { message: { content: 'Is anyone there?', message_type: 'incoming' } });
    const webhookPath = `${base}/webhooks/${(await api.get(`${base}/webhooks`)).body.payload.webhooks[0].id}`;
    await until(
      () => api.get(webhookPath),
      (res) => res.body.payload.webhook.status === 'paused',
      'the paused webhook',
    );
    const paused = page.getByRole('status').filter({ hasText: /^Paused:/ });
    await poll(() => paused.textContent()).toMatch(/failed .*HTTP 500/);
    await list(page, 'Webhooks').getByText('Paused').waitFor();
    await poll(() => log.textContent()).toMatch(/Failed/);
    await screenshot(page, 'settings-webhook-paused');

    // an event while paused waits, and goes out once resumed
    const held = receiver.received.length;
    await f.openConversation(api, { message: { content: 'Sent while paused', message_type: 'incoming' } });
    failing = false;
    await paused.getByRole('button', { name: 'Resume deliveries' }).click();
    await until(
      () => api.get(webhookPath),
      (res) => res.body.payload.webhook.status === 'active',
      'the resumed webhook',
    );
    await receiver.waitFor(
      (r) =>
        r.slice(held).some((x) => (x as { status?: number }).status === 200 && x.raw.includes('Sent while paused')),
      20_000,
    );
    await paused.waitFor({ state: 'detached' });
    expect(errors).toEqual([]);
  });

  it('agents, teams, canned responses, custom attributes and bots: each page changes what the API shows', async () => {
    await openSettings(page, 'Agents');
    const add = form(page, 'Add an agent');
    await add.getByLabel('Full name').fill('Sam Helper');
    await add.getByLabel('Email address').fill('sam@acme.example');
    await add.getByLabel('Role').selectOption('administrator');
    await add.getByRole('button', { name: 'Add agent' }).click();
    const agents = await until(
      () => api.get(`${base}/agents`),
      (res) => res.body.some((a: { email: string }) => a.email === 'sam@acme.example'),
      'the new agent',
    );
    const sam = agents.body.find((a: { email: string }) => a.email === 'sam@acme.example');
    expect(sam).toMatchObject({ name: 'Sam Helper', role: 'administrator' });
    await page.getByRole('combobox', { name: 'Role of Sam Helper' }).selectOption('agent');
    await until(
      () => api.get(`${base}/agents`),
      (res) => res.body.find((a: { id: number }) => a.id === sam.id)?.role === 'agent',
      'the changed role',
    );
    await screenshot(page, 'settings-agents');
    await page.getByRole('button', { name: 'Remove Sam Helper' }).click();
    await page
      .getByRole('group', { name: 'Remove Sam Helper from this account?' })
      .getByRole('button', { name: 'Yes, remove' })
      .click();
    await until(
      () => api.get(`${base}/agents`),
      (res) => !res.body.some((a: { id: number }) => a.id === sam.id),
      'the removed agent',
    );

    await openSettings(page, 'Teams');
    await page.getByText(/No teams yet/).waitFor();
    await form(page, 'New team').getByLabel('Team name').fill('Tier Two');
    await form(page, 'New team').getByRole('button', { name: 'Create team' }).click();
    const team = (
      await until(
        () => api.get(`${base}/teams`),
        (res) => res.body.length === 1,
        'the team',
      )
    ).body[0];
    expect(team.name).toBe('tier two');
    await page.getByRole('button', { name: 'Edit tier two' }).click();
    const teamMembers = form(page, 'Members of tier two');
    await teamMembers.getByRole('checkbox', { name: /Pat Agent/ }).check();
    await teamMembers.getByRole('button', { name: 'Save members' }).click();
    await until(
      () => api.get(`${base}/teams/${team.id}/team_members`),
      (res) => res.body.some((a: { id: number }) => a.id === agent.userId),
      'the team member',
    );
    await screenshot(page, 'settings-teams');

    await openSettings(page, 'Canned responses');
    const canned = form(page, 'New canned response');
    await canned.getByLabel('Short code').fill('thanks');
    await canned.getByLabel('Message').fill('Thank you for writing to us!');
    await canned.getByRole('button', { name: 'Create canned response' }).click();
    await until(
      () => api.get(`${base}/canned_responses`),
      (res) => res.body.some((c: { short_code: string }) => c.short_code === 'thanks'),
      'the canned response',
    );
    await screenshot(page, 'settings-canned');

    await openSettings(page, 'Custom attributes');
    const attribute = form(page, 'New custom attribute');
    await attribute.getByLabel('Display name').fill('Order size');
    expect(await attribute.getByLabel('Key').inputValue()).toBe('order_size');
    await attribute.getByLabel('Type').selectOption('list');
    await attribute.getByLabel('Choices').fill('small, large');
    await attribute.getByRole('button', { name: 'Create attribute' }).click();
    const definitions = await until(
      () => api.get(`${base}/custom_attribute_definitions`),
      (res) => res.body.length === 1,
      'the attribute',
    );
    expect(definitions.body[0]).toMatchObject({
      attribute_key: 'order_size',
      attribute_display_type: 'list',
      attribute_model: 'conversation_attribute',
      attribute_values: ['small', 'large'],
    });
    await screenshot(page, 'settings-attributes');

    await openSettings(page, 'Bots', 'Agent bots');
    const bot = form(page, 'New agent bot');
    await bot.getByLabel('Bot name').fill('Triage');
    await bot.getByLabel('Bot URL').fill('https://bots.example/triage');
    await bot.getByRole('button', { name: 'Create bot' }).click();
    const token = await page.getByLabel('Access token of Triage').inputValue();
    expect(token.length).toBeGreaterThan(10);
    const bots = await until(
      () => api.get(`${base}/agent_bots`),
      (res) => res.body.some((b: { name: string }) => b.name === 'Triage'),
      'the bot',
    );
    expect(bots.body.find((b: { name: string }) => b.name === 'Triage')).not.toHaveProperty('access_token');
    // the token shown once is the bot's: it speaks for the bot on the API
    expect((await ctx.client(token).get(`${base}/labels`)).body.error).toBe(
      'Access to this endpoint is not authorized for bots',
    );
    await page.getByRole('heading', { name: 'Chatbot flows' }).waitFor();
    await page.getByText(/No chatbot flows yet/).waitFor();
    // flows are made through the flows API; the page lists them
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    expect((await wts.post('/chat/v1/chatbot', { name: 'Order status flow', definition: SIMPLE_FLOW })).status).toBe(
      201,
    );
    await page.reload();
    await list(page, 'Chatbot flows').getByText('Order status flow').waitFor();
    await screenshot(page, 'settings-bots');
    expect(errors).toEqual([]);
  });

  it('the profile: details, availability and a new access token shown once; a wrong password keeps what was typed', async () => {
    await openSettings(page, 'Your profile');
    const details = form(page, 'Profile');
    await details.getByLabel('Display name').fill('Ace');
    await details.getByLabel('Message signature').fill('-- Ace at Acme');
    await details.getByRole('button', { name: 'Save' }).click();
    const tokenApi = api;
    await until(
      () => tokenApi.get('/api/v1/profile'),
      (res) => res.body.display_name === 'Ace' && res.body.message_signature === '-- Ace at Acme',
      'the profile',
    );
    await page.getByRole('radio', { name: 'Busy' }).check();
    await until(
      () => tokenApi.get('/api/v1/profile'),
      (res) => res.body.accounts.find((a: { id: number }) => a.id === account.account_id)?.availability === 'busy',
      'the availability',
    );
    const password = form(page, 'Password');
    await password.getByLabel('Current password').fill('not-it');
    await password.getByLabel('New password', { exact: true }).fill('a-new-password');
    await password.getByLabel('Confirm the new password').fill('a-new-password');
    await password.getByRole('button', { name: 'Change password' }).click();
    await poll(() => password.getByRole('alert').textContent()).toMatch(/Invalid current password/);
    expect(await password.getByLabel('New password', { exact: true }).inputValue()).toBe('a-new-password');
    await screenshot(page, 'settings-profile');
    expect(errors).toEqual([]);
  });

  it('an agent sees only their profile; admin pages say so, and the API refuses them too', async () => {
    const {
      context,
      page: agentPage,
      errors: agentErrors,
    } = await signedInPage(browser, origin, agentEmail, 'password123');
    await agentPage.goto(settingsUrl('webhooks'));
    await agentPage
      .getByRole('alert')
      .filter({ hasText: /Only administrators/ })
      .waitFor();
    expect(await agentPage.getByRole('navigation', { name: 'Settings' }).getByRole('link').allTextContents()).toEqual([
      'Your profile',
    ]);
    expect(await agentPage.getByRole('form', { name: 'New webhook' }).count()).toBe(0);
    expect((await agent.api.get(`${base}/webhooks`)).status).toBe(401);
    expect((await agent.api.post(`${base}/labels`, { title: 'sneaky' })).status).toBe(401);
    await screenshot(agentPage, 'settings-agent-refused');

    await agentPage.getByRole('link', { name: 'Go to your profile' }).click();
    await agentPage.getByRole('button', { name: 'Create a new access token' }).click();
    const fresh = await agentPage.getByLabel('Your new access token').inputValue();
    const me = await ctx.client(fresh).get('/api/v1/profile');
    expect(me.body).toMatchObject({ id: agent.userId, email: agentEmail });
    expect((await agent.api.get('/api/v1/profile')).status).toBe(401); // the old token is gone
    await screenshot(agentPage, 'settings-agent-profile');
    expect(agentErrors).toEqual([]);
    await context.close();
  });

  it('works on a phone-sized screen in dark mode', async () => {
    const {
      context: phone,
      page: small,
      errors: phoneErrors,
    } = await signedInPage(browser, origin, account.email, account.password, PHONE_DARK);
    await small.goto(settingsUrl('labels'));
    await list(small, 'Labels').getByText('billing').waitFor();
    const fitsWidth = () => small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fitsWidth()).toBe(true);
    await screenshot(small, 'phone-settings-labels');
    await small.getByRole('navigation', { name: 'Settings' }).getByRole('link', { name: 'Webhooks' }).click();
    await small.getByRole('button', { name: 'Edit CRM' }).click();
    await list(small, 'Deliveries').getByRole('listitem').first().waitFor();
    expect(await fitsWidth()).toBe(true);
    await screenshot(small, 'phone-settings-webhooks');
    expect(await small.evaluate(() => document.documentElement.dataset.theme)).toBe('dark');
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
