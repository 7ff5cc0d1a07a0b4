import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { signWhatsapp, startFakeWhatsapp, whatsappWebhook } from '../../../test/helpers/fake-whatsapp.ts';

const fake = await startFakeWhatsapp();
const APP_SECRET = 'chatbot-secret';
const ctx = await createTestContext(
  { WHATSAPP_CLOUD_BASE_URL: fake.url, WHATSAPP_APP_SECRET: APP_SECRET, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, chatbots: true, channels: true },
);
const { db } = ctx.database;

const MENU_FLOW = {
  start: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'ask',
      text: 'What do you need?',
      saveAs: 'pick',
      next: 'orders',
      choices: [
        { title: 'Orders', value: 'orders' },
        { title: 'Billing', value: 'billing', next: 'billing' },
      ],
    },
    { id: 'orders', kind: 'complete', text: 'Orders it is' },
    { id: 'billing', kind: 'complete', text: 'Billing ({{pick}})' },
  ],
};

const LONG_MENU_FLOW = {
  start: 'menu',
  steps: [
    {
      id: 'menu',
      kind: 'ask',
      text: 'Which department?',
      saveAs: 'pick',
      next: 'done',
      choices: ['Sales', 'Support', 'Billing', 'Returns', 'Careers'].map((title) => ({
        title,
        value: title.toLowerCase(),
      })),
    },
    { id: 'done', kind: 'complete', text: 'Routing you to {{pick}}' },
  ],
};

let phones = 0;
/** An account with a WhatsApp inbox on a fresh business number, and its WTS client. */
async function whatsappAccount() {
  const account = await ctx.account();
  const number = fake.addNumber(`+1555${String(2_000_000 + phones++)}`);
  fake.setTemplates(number.businessAccountId, []);
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'WhatsApp',
    channel: {
      type: 'whatsapp',
      phone_number: number.phoneNumber,
      provider: 'whatsapp_cloud',
      provider_config: {
        api_key: number.apiKey,
        phone_number_id: number.phoneNumberId,
        business_account_id: number.businessAccountId,
        webhook_verify_token: 'v',
      },
    },
  });
  expect(created.status).toBe(200);
  const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
  return {
    account,
    number,
    inbox: created.body,
    wts,
    sent: () => fake.callsTo('messages', number.apiKey).map((c) => c.body),
  };
}

type Number = ReturnType<typeof fake.addNumber>;

let wamids = 1;
/** The customer presses a reply button or list row: Meta's signed interactive webhook. */
async function pressReply(
  number: Number,
  from: string,
  kind: 'button_reply' | 'list_reply',
  id: string,
  title: string,
) {
  const message = {
    from,
    id: `wamid.press${wamids++}`,
    timestamp: '1760000000',
    type: 'interactive',
    interactive: { type: kind, [kind]: { id, title } },
  };
  const raw = JSON.stringify(
    whatsappWebhook(number, { contacts: [{ profile: { name: 'Customer' }, wa_id: from }], messages: [message] }),
  );
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsapp(raw, APP_SECRET) },
    payload: raw,
  });
  expect(response.statusCode).toBe(200);
}

/** The customer writes (free text): the 24-hour window opens. */
async function customerWrites(number: Number, from: string, text: string) {
  const message = { from, id: `wamid.text${wamids++}`, timestamp: '1760000000', type: 'text', text: { body: text } };
  const raw = JSON.stringify(
    whatsappWebhook(number, { contacts: [{ profile: { name: 'Customer' }, wa_id: from }], messages: [message] }),
  );
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsapp(raw, APP_SECRET) },
    payload: raw,
  });
  expect(response.statusCode).toBe(200);
}

it('starts a chatbot on a WhatsApp number that wrote within 24 hours (seed 004): reply buttons out, a button press advances the flow', async () => {
  const { number, inbox, wts, sent } = await whatsappAccount();
  const bot = await wts.post('/chat/v1/chatbot', { name: 'Menu bot', definition: MENU_FLOW });
  expect(bot.status).toBe(201);
  await customerWrites(number, '447700900456', 'hello');
  const dispatched = await wts.post('/chat/v1/chatbot/send', {
    botId: bot.body.id,
    from: number.phoneNumber,
    to: '+44 7700 900456',
  });
  expect(dispatched.status, dispatched.text).toBe(200);

  const contactInbox = await db
    .selectFrom('contact_inboxes')
    .selectAll()
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirstOrThrow();
  expect(contactInbox.source_id).toBe('447700900456');
  await fake.waitFor(() => sent().length === 1, 'the menu');
  expect(sent()[0]).toMatchObject({
    messaging_product: 'whatsapp',
    to: '447700900456',
    type: 'interactive',
    interactive: {
      type: 'button',
      body: { text: 'What do you need?' },
      action: {
        buttons: [
          { type: 'reply', reply: { id: 'orders', title: 'Orders' } },
          { type: 'reply', reply: { id: 'billing', title: 'Billing' } },
        ],
      },
    },
  });

  await pressReply(number, '447700900456', 'button_reply', 'billing', 'Billing');
  await fake.waitFor(() => sent().length === 2, 'the answer to the press');
  expect(sent()[1]).toMatchObject({ to: '447700900456', type: 'text', text: { body: 'Billing (billing)' } });
  // The press joined the dispatch's conversation: one contact, one conversation.
  const conversations = await db.selectFrom('conversations').select('id').where('inbox_id', '=', inbox.id).execute();
  expect(conversations).toHaveLength(1);
}, 60_000);

it('renders more than three choices as a list; the list reply advances the flow', async () => {
  const { number, wts, sent } = await whatsappAccount();
  const bot = await wts.post('/chat/v1/chatbot', { name: 'Departments', definition: LONG_MENU_FLOW });
  await customerWrites(number, '5511977770001', 'hi');
  expect(
    (await wts.post('/chat/v1/chatbot/send', { botId: bot.body.id, from: number.phoneNumber, to: '+5511977770001' }))
      .status,
  ).toBe(200);
  await fake.waitFor(() => sent().length === 1, 'the list');
  const list = sent()[0];
  expect(list).toMatchObject({
    to: '5511977770001',
    type: 'interactive',
    interactive: { type: 'list', body: { text: 'Which department?' } },
  });
  expect(list.interactive.action.sections[0].rows.map((r: { id: string }) => r.id)).toEqual([
    'sales',
    'support',
    'billing',
    'returns',
    'careers',
  ]);

  await pressReply(number, '5511977770001', 'list_reply', 'returns', 'Returns');
  await fake.waitFor(() => sent().length === 2, 'the answer to the row');
  expect(sent()[1]).toMatchObject({ to: '5511977770001', text: { body: 'Routing you to returns' } });
}, 60_000);

it('POST /chat/v1/message/send to a new number sends the template to that number through the WhatsApp channel', async () => {
  const { account, number, inbox, wts, sent } = await whatsappAccount();
  fake.setTemplates(number.businessAccountId, [
    {
      id: '8801',
      name: 'welcome',
      language: 'pt_BR',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Olá {{1}}!' }],
    },
  ]);
  expect(
    (await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}/sync_templates`)).status,
  ).toBe(200);
  const channelId = (await db.selectFrom('inboxes').select('uuid').where('id', '=', inbox.id).executeTakeFirstOrThrow())
    .uuid;
  // A number that never wrote: outside the 24-hour window only a template goes.
  const text = await wts.post('/chat/v1/message/send', {
    from: channelId,
    to: '+55 (11) 96666-0002',
    body: { text: 'Olá!' },
  });
  expect(text.status).toBe(400);
  const res = await wts.post('/chat/v1/message/send', {
    from: channelId,
    to: '+55 (11) 96666-0002',
    body: { text: 'Olá Lin!', templateId: '8801', parameters: { '1': 'Lin' } },
  });
  expect(res.status, res.text).toBe(200);
  await fake.waitFor(() => sent().length === 1, 'the message');
  expect(sent()[0]).toMatchObject({
    to: '5511966660002',
    type: 'template',
    template: {
      name: 'welcome',
      language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lin' }] }],
    },
  });
  const stored = () =>
    db
      .selectFrom('messages')
      .select('source_id')
      .where('inbox_id', '=', inbox.id)
      .where('message_type', '=', 1)
      .executeTakeFirstOrThrow();
  const deadline = Date.now() + 30_000;
  while (!(await stored()).source_id && Date.now() < deadline) await new Promise((r) => setTimeout(r, 25));
  expect((await stored()).source_id).toMatch(/^wamid\.fake/);
}, 60_000);

it('falls back to the contact phone when its contact inbox has another source id', async () => {
  const { account, number, inbox, sent } = await whatsappAccount();
  await pressReply(number, '4915112345678', 'button_reply', 'hi', 'Hi'); // the contact writes: the window opens
  // A contact inbox opened before WhatsApp source ids were phones (a random one).
  await db
    .updateTable('contact_inboxes')
    .set({ source_id: 'legacy-uuid-source' })
    .where('inbox_id', '=', inbox.id)
    .execute();
  const conversation = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirstOrThrow();
  const reply = await account.api.post(
    `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    { content: 'Hello again', message_type: 'outgoing' },
  );
  expect(reply.status, reply.text).toBe(200);
  await fake.waitFor(() => sent().length === 1, 'the reply');
  expect(sent()[0]).toMatchObject({ to: '4915112345678', text: { body: 'Hello again' } });
}, 60_000);

it('refuses a chatbot dispatch to a cold WhatsApp number (free text outside the 24-hour window) before storing anything; a template sent with botKey starts it on the reply', async () => {
  const { account, number, inbox, wts, sent } = await whatsappAccount();
  fake.setTemplates(number.businessAccountId, [
    {
      id: '9901',
      name: 'hello_again',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Hello {{1}}, can we help?' }],
    },
  ]);
  expect(
    (await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}/sync_templates`)).status,
  ).toBe(200);
  const bot = await wts.post('/chat/v1/chatbot', { name: 'Menu bot', definition: MENU_FLOW });
  const refused = await wts.post('/chat/v1/chatbot/send', {
    botId: bot.body.id,
    from: number.phoneNumber,
    to: '+44 7700 900999',
  });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({
    error: true,
    httpStatusCode: 400,
    text: expect.stringMatching(/24-hour customer service window is closed.*template/),
    errors: [{ field: 'to' }],
  });
  expect(await db.selectFrom('contacts').select('id').where('account_id', '=', account.account_id).execute()).toEqual(
    [],
  );
  expect(await db.selectFrom('conversations').select('id').where('inbox_id', '=', inbox.id).execute()).toEqual([]);

  // A contact who wrote more than 24 hours ago is cold again: a dispatch into its session is refused too.
  await customerWrites(number, '447700900999', 'old message');
  await db
    .updateTable('messages')
    .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
    .where('inbox_id', '=', inbox.id)
    .execute();
  const session = await db
    .selectFrom('conversations')
    .select('uuid')
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirstOrThrow();
  const stale = await wts.post('/chat/v1/chatbot/send', { botId: bot.body.id, sessionId: session.uuid });
  expect(stale.status).toBe(400);
  expect(stale.body.text).toMatch(/24-hour customer service window is closed/);
  expect(sent()).toEqual([]);

  // The way in (a new number): the template goes with the bot's key; the bot waits for the reply and then speaks.
  const channelId = (await db.selectFrom('inboxes').select('uuid').where('id', '=', inbox.id).executeTakeFirstOrThrow())
    .uuid;
  const template = await wts.post('/chat/v1/message/send', {
    from: channelId,
    to: '+44 7700 900998',
    botKey: bot.body.key,
    body: { text: 'Hello Ada, can we help?', templateId: '9901', parameters: { '1': 'Ada' } },
  });
  expect(template.status, template.text).toBe(200);
  await fake.waitFor(() => sent().length === 1, 'the template');
  expect(sent()[0]).toMatchObject({ to: '447700900998', type: 'template', template: { name: 'hello_again' } });
  await customerWrites(number, '447700900998', 'yes please');
  await fake.waitFor(() => sent().length === 2, 'the menu after the reply');
  expect(sent()[1]).toMatchObject({
    to: '447700900998',
    type: 'interactive',
    interactive: { type: 'button', body: { text: 'What do you need?' } },
  });
}, 60_000);
