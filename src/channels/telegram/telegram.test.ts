import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startFakeTelegram, telegramError } from '../../../test/helpers/fake-telegram.ts';

const fake = await startFakeTelegram();
const ctx = await createTestContext(
  {
    TELEGRAM_API_BASE_URL: fake.url,
    PUBLIC_URL: 'https://switchboard.example',
    CHANNEL_SEND_RETRY_DELAY_SECONDS: '1',
    CHANNEL_SEND_ATTEMPTS: '3',
  },
  { worker: true, channels: true },
);
const { db } = ctx.database;

async function telegramInbox(api: Awaited<ReturnType<typeof ctx.account>>, name = 'Support bot') {
  const token = fake.addBot(name.replace(/\s/g, '_').toLowerCase());
  const created = await api.api.post(`/api/v1/accounts/${api.account_id}/inboxes`, {
    name,
    channel: { type: 'telegram', bot_token: token },
  });
  expect(created.status).toBe(200);
  const secret = fake.callsTo('setWebhook', token).at(-1)!.body.secret_token as string;
  return { token, secret, inbox: created.body, text: created.text };
}

let updateIds = 1;
const user = {
  id: 55501,
  is_bot: false,
  first_name: 'Ada',
  last_name: 'Lovelace',
  username: 'ada',
  language_code: 'en',
};
const privateChat = { id: 55501, type: 'private' };
const textUpdate = (messageId: number, text: string) => ({
  update_id: updateIds++,
  message: { message_id: messageId, from: user, chat: privateChat, date: 1_760_000_000, text },
});

function deliver(token: string, secret: string | undefined, update: unknown) {
  return ctx
    .client(undefined, secret === undefined ? {} : { 'x-telegram-bot-api-secret-token': secret })
    .post(`/webhooks/telegram/${token}`, update);
}

async function messagesOf(accountId: number, inboxId: number) {
  return db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('inbox_id', '=', inboxId)
    .orderBy('id')
    .execute();
}

async function waitFor<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not met; last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An inbox with one conversation started by the contact; answers what an agent's reply needs. */
async function conversationWithContact(text = 'Hello') {
  const account = await ctx.account();
  const bot = await telegramInbox(account);
  expect((await deliver(bot.token, bot.secret, textUpdate(1, text))).status).toBe(200);
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('inbox_id', '=', bot.inbox.id)
    .executeTakeFirstOrThrow();
  return { account, bot, conversation };
}

async function reply(
  account: Awaited<ReturnType<typeof ctx.account>>,
  displayId: number,
  body: Record<string, unknown>,
) {
  const sent = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${displayId}/messages`, {
    message_type: 'outgoing',
    ...body,
  });
  expect(sent.status).toBe(200);
  return sent.body.id as number;
}

/** An agent's reply with a file, sent as multipart (as the dashboard sends it); answers the message id. */
async function replyWithFile(
  account: Awaited<ReturnType<typeof ctx.account>>,
  displayId: number,
  fields: Record<string, string>,
  file: { bytes: Buffer | string; type: string; name: string },
) {
  const form = new FormData();
  form.set('message_type', 'outgoing');
  for (const [key, value] of Object.entries(fields)) form.set(key, value);
  form.append(
    'attachments[]',
    new Blob([typeof file.bytes === 'string' ? file.bytes : new Uint8Array(file.bytes)], { type: file.type }),
    file.name,
  );
  const request = new Request('http://x', { method: 'POST', body: form });
  const sent = await ctx.app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${account.account_id}/conversations/${displayId}/messages`,
    headers: { api_access_token: account.api_access_token, 'content-type': request.headers.get('content-type')! },
    payload: Buffer.from(await request.arrayBuffer()),
  });
  expect(sent.statusCode).toBe(200);
  return JSON.parse(sent.body).id as number;
}

const messageRow = (id: number) => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

describe('Telegram inbox setup', () => {
  it('checks the token with getMe and sets the webhook with a secret; the token is never answered', async () => {
    const account = await ctx.account();
    const { token, inbox, text } = await telegramInbox(account);
    expect(inbox).toMatchObject({ channel_type: 'Channel::Telegram', bot_name: 'support_bot', name: 'Support bot' });
    const webhook = fake.callsTo('setWebhook', token)[0].body;
    expect(webhook.url).toBe(`https://switchboard.example/webhooks/telegram/${token}`);
    expect(webhook.secret_token).toMatch(/^[A-Za-z0-9_-]{32,256}$/);
    expect(text).not.toContain(token.split(':')[1]);
    const listed = await account.api.get(`/api/v1/accounts/${account.account_id}/inboxes`);
    expect(listed.text).not.toContain(token.split(':')[1]);
    const stored = await db
      .selectFrom('channel_telegram')
      .selectAll()
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    expect(stored.secret_token_digest).not.toBe(webhook.secret_token);
  });

  it('answers 422 when Telegram refuses the token, and creates nothing', async () => {
    const account = await ctx.account();
    const refused = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
      name: 'Bad',
      channel: { type: 'telegram', bot_token: '123:unknown' },
    });
    expect(refused.status).toBe(422);
    expect(refused.body).toMatchObject({ message: 'Bot token invalid token', attributes: ['channel.bot_token'] });
    expect(await db.selectFrom('inboxes').select('id').where('account_id', '=', account.account_id).execute()).toEqual(
      [],
    );
  });

  it('calls deleteWebhook when the inbox is deleted', async () => {
    const account = await ctx.account();
    const { token, inbox } = await telegramInbox(account);
    expect((await account.api.delete(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}`)).status).toBe(200);
    expect(fake.callsTo('deleteWebhook', token)).toHaveLength(1);
    expect(await db.selectFrom('channel_telegram').select('id').where('inbox_id', '=', inbox.id).execute()).toEqual([]);
  });

  it('is listed by the WTS dialect as a TELEGRAM channel', async () => {
    const account = await ctx.account();
    const { inbox } = await telegramInbox(account, 'Wts bot');
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const channels = await wts.get('/chat/v1/channel', { ChannelType: 'Telegram' });
    expect(channels.status).toBe(200);
    expect(channels.body).toEqual([
      expect.objectContaining({
        id: expect.any(String),
        type: 'TELEGRAM',
        identity: expect.objectContaining({ platform: 'TELEGRAM', humanId: '@wts_bot', displayName: 'Wts bot' }),
      }),
    ]);
    expect(inbox.id).toBeGreaterThan(0);
  });
});

describe('Telegram inbound', () => {
  it('turns an update into contact, conversation and message, once even when Telegram redelivers', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    const update = textUpdate(10, 'Hi there');
    expect((await deliver(token, secret, update)).status).toBe(200);
    expect((await deliver(token, secret, update)).status).toBe(200);
    const messages = await messagesOf(account.account_id, inbox.id);
    expect(messages).toHaveLength(1);
    expect(messages[0]).toMatchObject({
      content: 'Hi there',
      message_type: 0,
      source_id: '10',
      sender_type: 'Contact',
    });
    const list = await account.api.get(`/api/v1/accounts/${account.account_id}/conversations`, { inbox_id: inbox.id });
    expect(list.body.data.payload).toHaveLength(1);
    const conversation = list.body.data.payload[0];
    expect(conversation.meta.sender).toMatchObject({
      name: 'Ada Lovelace',
      additional_attributes: expect.objectContaining({ username: 'ada', social_telegram_user_id: 55501 }),
    });
    expect(conversation.additional_attributes).toMatchObject({ chat_id: 55501 });
  });

  it('opens one conversation for messages arriving together, and stores a redelivery racing its first delivery once', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    const first = textUpdate(14, 'one');
    const answers = await Promise.all([
      deliver(token, secret, first),
      deliver(token, secret, first),
      deliver(token, secret, textUpdate(15, 'two')),
      deliver(token, secret, textUpdate(16, 'three')),
    ]);
    expect(answers.map((a) => a.status)).toEqual([200, 200, 200, 200]);
    expect((await messagesOf(account.account_id, inbox.id)).map((m) => m.content).sort()).toEqual([
      'one',
      'three',
      'two',
    ]);
    expect(await db.selectFrom('conversations').select('id').where('inbox_id', '=', inbox.id).execute()).toHaveLength(
      1,
    );
  });

  it('refuses a wrong or missing secret with 401 and stores nothing', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    expect((await deliver(token, 'x'.repeat(secret.length), textUpdate(11, 'forged'))).status).toBe(401);
    expect((await deliver(token, undefined, textUpdate(12, 'forged'))).status).toBe(401);
    expect((await deliver('999:unknown', secret, textUpdate(13, 'forged'))).status).toBe(401);
    expect(await messagesOf(account.account_id, inbox.id)).toEqual([]);
    expect(await db.selectFrom('contacts').select('id').where('account_id', '=', account.account_id).execute()).toEqual(
      [],
    );
  });

  it('stores a photo downloaded through getFile as an attachment', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213ebc0000000049454e44ae426082',
      'hex',
    );
    fake.addFile('photo-big', 'photos/file_7.png', png);
    const update = {
      update_id: updateIds++,
      message: {
        message_id: 20,
        from: user,
        chat: privateChat,
        date: 1,
        caption: 'my receipt',
        photo: [
          { file_id: 'photo-small', width: 1, height: 1 },
          { file_id: 'photo-big', width: 1, height: 1 },
        ],
      },
    };
    expect((await deliver(token, secret, update)).status).toBe(200);
    const [message] = await messagesOf(account.account_id, inbox.id);
    expect(message.content).toBe('my receipt');
    const attachments = await db.selectFrom('attachments').selectAll().where('message_id', '=', message.id).execute();
    expect(attachments).toEqual([
      expect.objectContaining({
        file_type: 'image',
        content_type: 'image/png',
        filename: 'file_7.png',
        file_size: png.length,
      }),
    ]);
    expect(fake.callsTo('getFile', token).map((c) => c.body.file_id)).toEqual(['photo-big']);
  });

  it('stores a document with its own name and type', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    fake.addFile('doc-1', 'documents/file_3.pdf', Buffer.from('%PDF-1.4 contract'));
    const update = {
      update_id: updateIds++,
      message: {
        message_id: 21,
        from: user,
        chat: privateChat,
        date: 1,
        document: { file_id: 'doc-1', file_name: 'contract.pdf', mime_type: 'application/pdf' },
      },
    };
    expect((await deliver(token, secret, update)).status).toBe(200);
    const [message] = await messagesOf(account.account_id, inbox.id);
    const attachments = await db.selectFrom('attachments').selectAll().where('message_id', '=', message.id).execute();
    expect(attachments).toEqual([
      expect.objectContaining({ file_type: 'file', content_type: 'application/pdf', filename: 'contract.pdf' }),
    ]);
  });

  it('ignores group chats', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    const update = {
      update_id: updateIds++,
      message: { message_id: 22, from: user, chat: { id: -100, type: 'group' }, date: 1, text: 'hello group' },
    };
    expect((await deliver(token, secret, update)).status).toBe(200);
    expect(await messagesOf(account.account_id, inbox.id)).toEqual([]);
  });

  it('takes a button press as the reply and answers the callback query', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    const update = {
      update_id: updateIds++,
      callback_query: { id: 'cbq-1', from: user, message: { message_id: 30, chat: privateChat }, data: 'billing' },
    };
    expect((await deliver(token, secret, update)).status).toBe(200);
    const messages = await messagesOf(account.account_id, inbox.id);
    expect(messages).toEqual([expect.objectContaining({ content: 'billing', message_type: 0 })]);
    expect(fake.callsTo('answerCallbackQuery', token).map((c) => c.body.callback_query_id)).toEqual(['cbq-1']);
  });

  it('mirrors an edited message onto the stored one and fires message_updated', async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account);
    await deliver(token, secret, textUpdate(40, 'teh typo'));
    const edit = {
      update_id: updateIds++,
      edited_message: { message_id: 40, from: user, chat: privateChat, date: 1, edit_date: 2, text: 'the typo' },
    };
    expect((await deliver(token, secret, edit)).status).toBe(200);
    const [message] = await messagesOf(account.account_id, inbox.id);
    expect(message.content).toBe('the typo');
    const events = await db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('message_id', '=', message.id)
      .where('name', '=', 'message.updated')
      .execute();
    expect(events).toHaveLength(1);
  });

  it("keeps accounts apart: one account's bot never reaches the other's conversations or inbox", async () => {
    const { account, bot } = await conversationWithContact();
    const other = await ctx.account('Other');
    expect((await other.api.get(`/api/v1/accounts/${other.account_id}/inboxes/${bot.inbox.id}`)).status).toBe(404);
    expect((await other.api.get(`/api/v1/accounts/${other.account_id}/conversations`)).body.data.payload).toEqual([]);
    expect((await other.api.delete(`/api/v1/accounts/${other.account_id}/inboxes/${bot.inbox.id}`)).status).toBe(404);
    expect(fake.callsTo('deleteWebhook', bot.token)).toEqual([]);
    expect(
      (await account.api.get(`/api/v1/accounts/${account.account_id}/conversations`)).body.data.payload,
    ).toHaveLength(1);
  });
});

describe('Telegram outbound', () => {
  it("sends an agent's reply with sendMessage; the message gets Telegram's id and stays sent", async () => {
    const { account, bot, conversation } = await conversationWithContact();
    const id = await reply(account, conversation.display_id, { content: 'How can I help?' });
    await fake.waitFor(() => fake.callsTo('sendMessage', bot.token).length === 1, 'sendMessage');
    expect(fake.callsTo('sendMessage', bot.token)[0].body).toMatchObject({ chat_id: 55501, text: 'How can I help?' });
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'source id stored',
    );
    expect(sent).toMatchObject({ status: 'sent', source_id: expect.stringMatching(/^\d+$/) });
    await waitFor(
      () =>
        db
          .selectFrom('events')
          .select('name')
          .where('message_id', '=', id)
          .where('name', '=', 'message.updated')
          .execute(),
      (rows) => rows.length === 1,
      'message.updated',
    );
  });

  it('sends no private note and nothing for incoming messages', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`, {
      content: 'internal',
      private: true,
    });
    const id = await reply(account, conversation.display_id, { content: 'public' });
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'public reply sent',
    );
    expect(fake.callsTo('sendMessage', bot.token).map((c) => c.body.text)).toEqual(['public']);
  });

  it('retries after a provider 500 and sends once it answers 200', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    fake.script('sendMessage', telegramError(500, 'Internal Server Error'));
    const id = await reply(account, conversation.display_id, { content: 'second try' });
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'sent after retry',
    );
    expect(sent.status).toBe('sent');
    expect(fake.callsTo('sendMessage', bot.token)).toHaveLength(2);
  });

  it("fails the message with Telegram's description when Telegram refuses it", async () => {
    const { account, bot, conversation } = await conversationWithContact();
    fake.script('sendMessage', telegramError(400, 'Bad Request: chat not found'));
    const id = await reply(account, conversation.display_id, { content: 'to nowhere' });
    const failed = await waitFor(
      () => messageRow(id),
      (m) => m.status === 'failed',
      'failed',
    );
    expect(failed.content_attributes).toMatchObject({ external_error: '400, Bad Request: chat not found' });
    expect(fake.callsTo('sendMessage', bot.token)).toHaveLength(1);
    const shown = await account.api.get(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    );
    expect(shown.body.payload.find((m: { id: number }) => m.id === id)).toMatchObject({
      status: 'failed',
      content_attributes: { external_error: '400, Bad Request: chat not found' },
    });
    const updates = await db
      .selectFrom('events')
      .select('data')
      .where('message_id', '=', id)
      .where('name', '=', 'message.updated')
      .execute();
    expect(updates.map((e) => (e.data as any).previous_changes.status)).toEqual([
      { previous_value: 'sent', current_value: 'failed' },
    ]);
  });

  it('fails a message after the last attempt when Telegram keeps failing, and sends it again on retry', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    fake.script('sendMessage', ...[1, 2, 3].map(() => telegramError(502, 'Bad Gateway')));
    const id = await reply(account, conversation.display_id, { content: 'eventually' });
    const failed = await waitFor(
      () => messageRow(id),
      (m) => m.status === 'failed',
      'failed after retries',
    );
    expect(failed.content_attributes).toMatchObject({ external_error: '502, Bad Gateway' });
    expect(fake.callsTo('sendMessage', bot.token)).toHaveLength(3);
    const retried = await account.api.post(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages/${id}/retry`,
    );
    expect(retried.status).toBe(200);
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'sent after manual retry',
    );
    expect(sent.status).toBe('sent');
    expect(fake.callsTo('sendMessage', bot.token)).toHaveLength(4);
  }, 60_000);

  it("deletes an agent's sent message on Telegram when the agent deletes it", async () => {
    const { account, bot, conversation } = await conversationWithContact();
    const id = await reply(account, conversation.display_id, { content: 'oops, wrong chat' });
    const sent = await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'sent',
    );
    const deleted = await account.api.delete(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages/${id}`,
    );
    expect(deleted.status).toBe(200);
    await fake.waitFor(() => fake.callsTo('deleteMessage', bot.token).length === 1, 'deleteMessage');
    expect(fake.callsTo('deleteMessage', bot.token)[0].body).toEqual({
      chat_id: 55501,
      message_id: Number(sent.source_id),
    });
    expect(fake.callsTo('sendMessage', bot.token)).toHaveLength(1);
  });

  it('renders input_select choices as an inline keyboard', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    const items = [
      { title: 'Billing', value: 'billing' },
      { title: 'Support', value: 'support' },
    ];
    const id = await reply(account, conversation.display_id, {
      content: 'Pick one',
      content_type: 'input_select',
      content_attributes: { items },
    });
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'choices sent',
    );
    expect(fake.callsTo('sendMessage', bot.token)[0].body.reply_markup).toEqual({
      inline_keyboard: [
        [{ text: 'Billing', callback_data: 'billing' }],
        [{ text: 'Support', callback_data: 'support' }],
      ],
    });
  });

  it('uploads an image with sendPhoto', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    const png = Buffer.from(
      '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213ebc0000000049454e44ae426082',
      'hex',
    );
    const id = await replyWithFile(
      account,
      conversation.display_id,
      {},
      { bytes: png, type: 'image/png', name: 'chart.png' },
    );
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'photo sent',
    );
    const [call] = fake.callsTo('sendPhoto', bot.token);
    expect(call.body).toMatchObject({
      chat_id: '55501',
      photo: { filename: 'chart.png', type: 'image/png', size: png.length },
    });
    expect(call.body.caption).toBeUndefined();
  });

  it('uploads an attachment with sendDocument, the text as its caption', async () => {
    const { account, bot, conversation } = await conversationWithContact();
    const id = await replyWithFile(
      account,
      conversation.display_id,
      { content: 'your invoice' },
      { bytes: '%PDF-1.4 fake invoice', type: 'application/pdf', name: 'invoice.pdf' },
    );
    await waitFor(
      () => messageRow(id),
      (m) => m.source_id !== null,
      'document sent',
    );
    const [call] = fake.callsTo('sendDocument', bot.token);
    expect(call.body).toMatchObject({
      chat_id: '55501',
      caption: 'your invoice',
      document: { filename: 'invoice.pdf' },
    });
    expect(call.body.document.bytes.toString()).toBe('%PDF-1.4 fake invoice');
    expect(fake.callsTo('sendMessage', bot.token)).toEqual([]);
  });
});

describe('the typing indicator', () => {
  it("WTS's POST /chat/v1/send/typing sends the chat Telegram's `typing` action", async () => {
    const account = await ctx.account();
    const { token, secret, inbox } = await telegramInbox(account, 'Typing bot');
    expect((await deliver(token, secret, textUpdate(7001, 'hello?'))).status).toBe(200);
    const conversation = await db
      .selectFrom('conversations')
      .select('uuid')
      .where('account_id', '=', account.account_id)
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const typing = await wts.post('/chat/v1/send/typing', { sessionId: conversation.uuid });
    expect(typing.status, typing.text).toBe(204);
    expect(fake.callsTo('sendChatAction', token).map((c) => c.body)).toEqual([
      { chat_id: privateChat.id, action: 'typing' },
    ]);
  });
});
