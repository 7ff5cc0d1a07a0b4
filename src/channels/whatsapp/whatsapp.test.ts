import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { graphError, signWhatsapp, startFakeWhatsapp, whatsappWebhook } from '../../../test/helpers/fake-whatsapp.ts';

const fake = await startFakeWhatsapp();
const APP_SECRET = 'app-secret-from-env';
const ctx = await createTestContext(
  {
    WHATSAPP_CLOUD_BASE_URL: fake.url,
    WHATSAPP_APP_SECRET: APP_SECRET,
    CHANNEL_SEND_RETRY_DELAY_SECONDS: '1',
    CHANNEL_SEND_ATTEMPTS: '3',
  },
  { worker: true, channels: true },
);
const { db } = ctx.database;
type Account = Awaited<ReturnType<typeof ctx.account>>;

let phones = 0;
async function whatsappInbox(account: Account, extra: Record<string, unknown> = {}) {
  const number = fake.addNumber(`+1555${String(1_000_000 + phones++)}`);
  fake.setTemplates(number.businessAccountId, [
    {
      id: '5501',
      name: 'order_update',
      language: 'en_US',
      status: 'APPROVED',
      category: 'UTILITY',
      components: [{ type: 'BODY', text: 'Order {{1}} is {{2}}' }],
    },
  ]);
  const providerConfig = {
    api_key: number.apiKey,
    phone_number_id: number.phoneNumberId,
    business_account_id: number.businessAccountId,
    webhook_verify_token: 'verify-me',
    ...extra,
  };
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'WhatsApp support',
    channel: {
      type: 'whatsapp',
      phone_number: number.phoneNumber,
      provider: 'whatsapp_cloud',
      provider_config: providerConfig,
    },
  });
  expect(created.status).toBe(200);
  return { number, inbox: created.body, text: created.text };
}

type Number = ReturnType<typeof fake.addNumber>;

/** Posts a webhook body signed with `secret` (the raw bytes the signature covers). */
async function deliver(number: Number, value: Record<string, unknown>, secret: string | null = APP_SECRET) {
  const raw = JSON.stringify(whatsappWebhook(number, value));
  const headers: Record<string, string> = { 'content-type': 'application/json' };
  if (secret !== null) headers['x-hub-signature-256'] = signWhatsapp(raw, secret);
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`,
    headers,
    payload: raw,
  });
  return response.statusCode;
}

let wamids = 1;
const ada = { profile: { name: 'Ada Lovelace' }, wa_id: '447700900123' };
const inbound = (message: Record<string, unknown>) => ({
  contacts: [ada],
  messages: [{ from: ada.wa_id, id: `wamid.in${wamids++}`, timestamp: '1760000000', ...message }],
});

const messagesOf = (accountId: number, inboxId: number) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('inbox_id', '=', inboxId)
    .orderBy('id')
    .execute();
const messageRow = (id: number) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

async function waitFor<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not met; last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function conversationWithContact(text = 'Hello') {
  const account = await ctx.account();
  const wa = await whatsappInbox(account);
  expect(await deliver(wa.number, inbound({ type: 'text', text: { body: text } }))).toBe(200);
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('inbox_id', '=', wa.inbox.id)
    .executeTakeFirstOrThrow();
  return { account, ...wa, conversation };
}

async function reply(account: Account, displayId: number, body: Record<string, unknown>) {
  const sent = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${displayId}/messages`, {
    message_type: 'outgoing',
    ...body,
  });
  expect(sent.status).toBe(200);
  return sent.body.id as number;
}

const sentTo = (number: Number) => fake.callsTo('messages', number.apiKey).map((c) => c.body);

describe('WhatsApp inbox setup', () => {
  it("creates the inbox with Chatwoot's body, syncs templates, and never answers the access token", async () => {
    const account = await ctx.account();
    const { number, inbox, text } = await whatsappInbox(account, { app_secret: 'per-inbox-secret' });
    expect(inbox).toMatchObject({
      channel_type: 'Channel::Whatsapp',
      phone_number: number.phoneNumber,
      provider: 'whatsapp_cloud',
      message_templates: [expect.objectContaining({ name: 'order_update', language: 'en_US' })],
      provider_config: {
        phone_number_id: number.phoneNumberId,
        business_account_id: number.businessAccountId,
        webhook_verify_token: 'verify-me',
        app_secret_configured: true,
      },
    });
    expect(text).not.toContain(number.apiKey);
    expect(text).not.toContain('per-inbox-secret');
    const agent = await ctx.member(account.account_id, 'agent');
    await account.api.post(`/api/v1/accounts/${account.account_id}/inbox_members`, {
      inbox_id: inbox.id,
      user_ids: [agent.userId],
    });
    const shown = await agent.api.get(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}`);
    expect(shown.body.provider_config).toBeUndefined();
    expect(fake.callsTo('templates', number.apiKey)).toHaveLength(1);
  });

  it('answers 422 when Meta refuses the access token, and creates nothing', async () => {
    const account = await ctx.account();
    const refused = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
      name: 'Bad',
      channel: {
        type: 'whatsapp',
        phone_number: '+15550009999',
        provider: 'whatsapp_cloud',
        provider_config: { api_key: 'nope', phone_number_id: '1', business_account_id: '2', webhook_verify_token: 'v' },
      },
    });
    expect(refused.status).toBe(422);
    expect(refused.body.attributes).toEqual(['channel.provider_config']);
    const badPhone = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
      name: 'Bad',
      channel: { type: 'whatsapp', phone_number: '5550009999', provider_config: {} },
    });
    expect(badPhone.status).toBe(422);
    expect(await db.selectFrom('inboxes').select('id').where('account_id', '=', account.account_id).execute()).toEqual(
      [],
    );
  });

  it("answers Meta's verification handshake with the challenge, 403 for a wrong token", async () => {
    const account = await ctx.account();
    const { number } = await whatsappInbox(account);
    const path = `/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`;
    const ok = await ctx.app.inject({
      method: 'GET',
      url: path,
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'verify-me', 'hub.challenge': '1158201444' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.body).toBe('1158201444');
    const wrong = await ctx.app.inject({
      method: 'GET',
      url: path,
      query: { 'hub.mode': 'subscribe', 'hub.verify_token': 'guess', 'hub.challenge': '1' },
    });
    expect(wrong.statusCode).toBe(403);
  });

  it('is listed by the WTS dialect as a WHATSAPP channel with its number', async () => {
    const account = await ctx.account();
    const { number } = await whatsappInbox(account);
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const channels = await wts.get('/chat/v1/channel');
    expect(channels.status).toBe(200);
    expect(channels.body).toEqual([
      expect.objectContaining({
        type: 'WHATSAPP',
        identity: expect.objectContaining({ platform: 'WHATSAPP', humanId: number.phoneNumber }),
      }),
    ]);
  });
});

describe('WhatsApp inbound', () => {
  it('takes a text in once, with the contact phone and profile name, visible in both dialects', async () => {
    const account = await ctx.account();
    const { number, inbox } = await whatsappInbox(account);
    const body = inbound({ type: 'text', text: { body: 'Hi there' } });
    expect(await deliver(number, body)).toBe(200);
    expect(await deliver(number, body)).toBe(200);
    const messages = await messagesOf(account.account_id, inbox.id);
    expect(messages).toEqual([
      expect.objectContaining({
        content: 'Hi there',
        message_type: 0,
        source_id: body.messages[0].id,
        sender_type: 'Contact',
      }),
    ]);
    const list = await account.api.get(`/api/v1/accounts/${account.account_id}/conversations`, { inbox_id: inbox.id });
    expect(list.body.data.payload[0].meta.sender).toMatchObject({
      name: 'Ada Lovelace',
      phone_number: '+447700900123',
    });
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const sessions = await wts.get('/chat/v1/session', { IncludeDetails: 'ContactDetails' });
    expect(sessions.status).toBe(200);
    expect(sessions.body.items[0]).toMatchObject({
      windowStatus: 'ACTIVE',
      contactDetails: expect.objectContaining({ phonenumber: '+447700900123', name: 'Ada Lovelace' }),
    });
  });

  it('refuses a forged, missing or wrong-secret signature with 401 and stores nothing', async () => {
    const account = await ctx.account();
    const { number, inbox } = await whatsappInbox(account);
    expect(await deliver(number, inbound({ type: 'text', text: { body: 'forged' } }), 'not-the-secret')).toBe(401);
    expect(await deliver(number, inbound({ type: 'text', text: { body: 'unsigned' } }), null)).toBe(401);
    expect(await messagesOf(account.account_id, inbox.id)).toEqual([]);
    expect(await db.selectFrom('contacts').select('id').where('account_id', '=', account.account_id).execute()).toEqual(
      [],
    );
  });

  it("checks the inbox's own app_secret when it has one", async () => {
    const account = await ctx.account();
    const { number, inbox } = await whatsappInbox(account, { app_secret: 'inbox-secret' });
    expect(await deliver(number, inbound({ type: 'text', text: { body: 'env secret' } }))).toBe(401);
    expect(await deliver(number, inbound({ type: 'text', text: { body: 'own secret' } }), 'inbox-secret')).toBe(200);
    expect((await messagesOf(account.account_id, inbox.id)).map((m) => m.content)).toEqual(['own secret']);
  });

  it('downloads image and document media through the media endpoint into attachments', async () => {
    const account = await ctx.account();
    const { number, inbox } = await whatsappInbox(account);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213ebc0000000049454e44ae426082',
      'hex',
    );
    const imageId = fake.addMedia(png, 'image/png');
    const docId = fake.addMedia(Buffer.from('%PDF-1.4 contract'), 'application/pdf');
    expect(
      await deliver(
        number,
        inbound({ type: 'image', image: { id: imageId, mime_type: 'image/png', caption: 'my receipt' } }),
      ),
    ).toBe(200);
    expect(
      await deliver(
        number,
        inbound({ type: 'document', document: { id: docId, mime_type: 'application/pdf', filename: 'contract.pdf' } }),
      ),
    ).toBe(200);
    const [image, doc] = await messagesOf(account.account_id, inbox.id);
    expect(image.content).toBe('my receipt');
    const files = await db
      .selectFrom('attachments')
      .selectAll()
      .where('account_id', '=', account.account_id)
      .orderBy('id')
      .execute();
    expect(files).toEqual([
      expect.objectContaining({
        message_id: image.id,
        file_type: 'image',
        content_type: 'image/png',
        file_size: png.length,
      }),
      expect.objectContaining({
        message_id: doc.id,
        file_type: 'file',
        content_type: 'application/pdf',
        filename: 'contract.pdf',
      }),
    ]);
    expect(fake.callsTo('download', number.apiKey)).toHaveLength(2);
  });

  it('takes location, contacts, reactions and button/list replies in', async () => {
    const account = await ctx.account();
    const { number, inbox } = await whatsappInbox(account);
    await deliver(
      number,
      inbound({
        type: 'location',
        location: { latitude: 51.5, longitude: -0.12, name: 'Office', address: '1 Main St' },
      }),
    );
    await deliver(
      number,
      inbound({
        type: 'contacts',
        contacts: [{ name: { formatted_name: 'Grace Hopper' }, phones: [{ phone: '+1 555 0100', wa_id: '15550100' }] }],
      }),
    );
    await deliver(number, inbound({ type: 'reaction', reaction: { message_id: 'wamid.out1', emoji: '👍' } }));
    await deliver(
      number,
      inbound({
        type: 'interactive',
        context: { id: 'wamid.out2' },
        interactive: { type: 'button_reply', button_reply: { id: 'billing', title: 'Billing' } },
      }),
    );
    await deliver(
      number,
      inbound({
        type: 'interactive',
        interactive: { type: 'list_reply', list_reply: { id: 'opt-7', title: 'Seventh' } },
      }),
    );
    const messages = await messagesOf(account.account_id, inbox.id);
    expect(messages.map((m) => m.content)).toEqual([
      'Office, 1 Main St (51.5, -0.12)',
      'Grace Hopper +1 555 0100',
      '👍',
      'billing',
      'opt-7',
    ]);
    expect(messages[0].content_attributes).toMatchObject({ location: { latitude: 51.5, longitude: -0.12 } });
    expect(messages[2].content_attributes).toMatchObject({ is_reaction: true, in_reply_to_external_id: 'wamid.out1' });
    expect(messages[3].content_attributes).toMatchObject({
      in_reply_to_external_id: 'wamid.out2',
      interactive_reply: { id: 'billing', title: 'Billing' },
    });
  });
});

describe('WhatsApp outbound', () => {
  it("sends an agent's reply in Meta's shape; status callbacks move it to delivered, read, each a message_updated", async () => {
    const { account, number, conversation } = await conversationWithContact();
    const id = await reply(account, conversation.display_id, { content: 'How can I help?' });
    await fake.waitFor(() => sentTo(number).length === 1, 'messages');
    expect(sentTo(number)[0]).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900123',
      type: 'text',
      text: { body: 'How can I help?', preview_url: false },
    });
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'source id',
    );
    expect(sent).toMatchObject({ status: 'sent', source_id: expect.stringMatching(/^wamid\./) });
    for (const status of ['delivered', 'read', 'delivered']) {
      expect(
        await deliver(number, {
          statuses: [{ id: sent.source_id, status, timestamp: '1760000100', recipient_id: '447700900123' }],
        }),
      ).toBe(200);
    }
    expect((await messageRow(id)).status).toBe('read');
    const shown = await account.api.get(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    );
    expect(shown.body.payload.find((m: { id: number }) => m.id === id)).toMatchObject({ status: 'read' });
    const updates = await db
      .selectFrom('events')
      .select('data')
      .where('message_id', '=', id)
      .where('name', '=', 'message.updated')
      .orderBy('id')
      .execute();
    expect(updates.map((e) => (e.data as any).previous_changes.status?.current_value).filter(Boolean)).toEqual([
      'delivered',
      'read',
    ]);
  });

  it("marks a message failed with Meta's error from a failed status callback", async () => {
    const { account, number, conversation } = await conversationWithContact();
    const id = await reply(account, conversation.display_id, { content: 'late' });
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'sent',
    );
    const errors = [
      {
        code: 131047,
        title: 'Re-engagement message',
        message: 'Re-engagement message',
        error_data: { details: 'Message failed to send because more than 24 hours have passed' },
      },
    ];
    expect(
      await deliver(number, {
        statuses: [{ id: sent.source_id, status: 'failed', timestamp: '1', recipient_id: '447700900123', errors }],
      }),
    ).toBe(200);
    expect(await messageRow(id)).toMatchObject({
      status: 'failed',
      content_attributes: expect.objectContaining({ external_error: 'Re-engagement message: Re-engagement message' }),
    });
  });

  it("fails the message at once with Meta's message when Meta refuses it", async () => {
    const { account, number, conversation } = await conversationWithContact();
    fake.script('messages', graphError(400, 131026, 'Message undeliverable'));
    const id = await reply(account, conversation.display_id, { content: 'to nowhere' });
    const failed = await waitFor(
      () => messageRow(id),
      (m) => m.status === 'failed',
      'failed',
    );
    expect(failed.content_attributes).toMatchObject({ external_error: 'Message undeliverable' });
    expect(sentTo(number)).toHaveLength(1);
  });

  it('retries while Meta is down, then fails visibly with the reason; sent once on a manual retry', async () => {
    const { account, number, conversation } = await conversationWithContact();
    fake.script('messages', ...[1, 2, 3].map(() => graphError(503, 2, 'Service temporarily unavailable')));
    const id = await reply(account, conversation.display_id, { content: 'eventually' });
    const failed = await waitFor(
      () => messageRow(id),
      (m) => m.status === 'failed',
      'failed after retries',
    );
    expect(failed.content_attributes).toMatchObject({ external_error: 'Service temporarily unavailable' });
    expect(sentTo(number)).toHaveLength(3);
    const shown = await account.api.get(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    );
    expect(shown.body.payload.find((m: { id: number }) => m.id === id)).toMatchObject({
      status: 'failed',
      content_attributes: { external_error: 'Service temporarily unavailable' },
    });
    expect(
      (
        await account.api.post(
          `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages/${id}/retry`,
        )
      ).status,
    ).toBe(200);
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'sent after manual retry',
    );
    expect(sent.status).toBe('sent');
    expect(sentTo(number)).toHaveLength(4);
    await new Promise((r) => setTimeout(r, 300));
    expect(sentTo(number)).toHaveLength(4);
  }, 60_000);

  it('renders three choices or fewer as reply buttons, more as a list', async () => {
    const { account, number, conversation } = await conversationWithContact();
    const few = [
      { title: 'Billing', value: 'billing' },
      { title: 'Support', value: 'support' },
    ];
    const many = ['a', 'b', 'c', 'd'].map((v) => ({ title: `Option ${v}`, value: v }));
    const first = await reply(account, conversation.display_id, {
      content: 'Pick one',
      content_type: 'input_select',
      content_attributes: { items: few },
    });
    await waitFor(
      () => messageRow(first),
      (m) => m.source_id !== null,
      'buttons sent',
    );
    const second = await reply(account, conversation.display_id, {
      content: 'Pick again',
      content_type: 'input_select',
      content_attributes: { items: many },
    });
    await waitFor(
      () => messageRow(second),
      (m) => m.source_id !== null,
      'list sent',
    );
    const [buttons, list] = sentTo(number);
    expect(buttons).toMatchObject({
      type: 'interactive',
      interactive: {
        type: 'button',
        body: { text: 'Pick one' },
        action: {
          buttons: [
            { type: 'reply', reply: { id: 'billing', title: 'Billing' } },
            { type: 'reply', reply: { id: 'support', title: 'Support' } },
          ],
        },
      },
    });
    expect(list.interactive).toMatchObject({
      type: 'list',
      body: { text: 'Pick again' },
      action: { button: 'Choose', sections: [{ rows: many.map((c) => ({ id: c.value, title: c.title })) }] },
    });
  });

  it('sends a template with its parameters (Chatwoot template_params)', async () => {
    const { account, number, conversation } = await conversationWithContact();
    const templateParams = {
      name: 'order_update',
      category: 'UTILITY',
      language: 'en_US',
      processed_params: { '1': '#42', '2': 'shipped' },
    };
    const id = await reply(account, conversation.display_id, {
      content: 'Order #42 is shipped',
      template_params: templateParams,
    });
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'template sent',
    );
    expect(sentTo(number)[0]).toEqual({
      messaging_product: 'whatsapp',
      recipient_type: 'individual',
      to: '447700900123',
      type: 'template',
      template: {
        name: 'order_update',
        language: { code: 'en_US' },
        components: [
          {
            type: 'body',
            parameters: [
              { type: 'text', text: '#42' },
              { type: 'text', text: 'shipped' },
            ],
          },
        ],
      },
    });
  });

  it('uploads an agent file through the media endpoint and sends it by id, the text as caption', async () => {
    const { account, number, conversation } = await conversationWithContact();
    const form = new FormData();
    form.set('message_type', 'outgoing');
    form.set('content', 'your invoice');
    form.append('attachments[]', new Blob(['%PDF-1.4 fake invoice'], { type: 'application/pdf' }), 'invoice.pdf');
    const request = new Request('http://x', { method: 'POST', body: form });
    const created = await ctx.app.inject({
      method: 'POST',
      url: `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
      headers: { api_access_token: account.api_access_token, 'content-type': request.headers.get('content-type')! },
      payload: Buffer.from(await request.arrayBuffer()),
    });
    expect(created.statusCode).toBe(200);
    const id = JSON.parse(created.body).id as number;
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'document sent',
    );
    const [upload] = fake.callsTo('media_upload', number.apiKey);
    expect(upload.body).toMatchObject({
      messaging_product: 'whatsapp',
      type: 'application/pdf',
      file: { filename: 'invoice.pdf' },
    });
    const [message] = sentTo(number);
    expect(message).toMatchObject({
      type: 'document',
      document: { id: expect.any(String), caption: 'your invoice', filename: 'invoice.pdf' },
    });
    expect(fake.mediaBytes(message.document.id)?.toString()).toBe('%PDF-1.4 fake invoice');
  });
});
