import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startFakeTelegram } from '../../../test/helpers/fake-telegram.ts';
import { markdownOf } from './entities.ts';

const fake = await startFakeTelegram();
const ctx = await createTestContext(
  { TELEGRAM_API_BASE_URL: fake.url, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, channels: true },
);
const { db } = ctx.database;

const user = { id: 77701, is_bot: false, first_name: 'Grace' };
const chat = { id: 77701, type: 'private' };
const PNG = Buffer.from(
  '89504e470d0a1a0a0000000d49484452000000010000000108060000001f15c4890000000d4944415478da63f8cfc0f01f0005000201e2213ebc0000000049454e44ae426082',
  'hex',
);
let updateIds = 1;

async function telegramInbox() {
  const account = await ctx.account();
  const token = fake.addBot('album_bot');
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Bot',
    channel: { type: 'telegram', bot_token: token },
  });
  expect(created.status).toBe(200);
  const secret = fake.callsTo('setWebhook', token).at(-1)!.body.secret_token as string;
  const deliver = (message: Record<string, unknown>, update_id = updateIds++) =>
    ctx
      .client(undefined, { 'x-telegram-bot-api-secret-token': secret })
      .post(`/webhooks/telegram/${token}`, { update_id, message: { from: user, chat, date: 1, ...message } });
  return { account, token, inboxId: created.body.id as number, deliver };
}

const incoming = (inboxId: number) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('inbox_id', '=', inboxId)
    .where('message_type', '=', 0)
    .orderBy('id')
    .execute();
const attachmentsOf = (messageId: number) =>
  db.selectFrom('attachments').selectAll().where('message_id', '=', messageId).orderBy('id').execute();

it('writes entities as markdown: nested, trimmed, links, code; text without entities unchanged', () => {
  expect(markdownOf('plain *text*', undefined)).toBe('plain *text*');
  const text = 'Order 42 is late, see the page or run npm test';
  expect(
    markdownOf(text, [
      { type: 'bold', offset: 0, length: 9 }, // "Order 42 " (trailing blank moves outside)
      { type: 'italic', offset: 6, length: 2 },
      { type: 'text_link', offset: 22, length: 8, url: 'https://example.com/p' },
      { type: 'code', offset: 38, length: 8 },
      { type: 'mention', offset: 0, length: 5 },
    ]),
  ).toBe('**Order _42_** is late, see [the page](https://example.com/p) or run `npm test`');
  expect(markdownOf('🙂 bold', [{ type: 'bold', offset: 3, length: 4 }])).toBe('🙂 **bold**');
});

it('takes an album delivered as concurrent updates in as ONE message with every file, the formatted caption as its content; redeliveries add nothing', async () => {
  const { inboxId, deliver } = await telegramInbox();
  const parts = [1, 2, 3].map((n) => {
    fake.addFile(`album-${inboxId}-${n}`, `photos/album_${inboxId}_${n}.png`, PNG);
    return {
      message_id: 100 + n,
      media_group_id: `g-${inboxId}`,
      photo: [{ file_id: `album-${inboxId}-${n}`, width: 1, height: 1 }],
      ...(n === 2
        ? { caption: 'Broken lamp, see photos', caption_entities: [{ type: 'bold', offset: 0, length: 11 }] }
        : {}),
    };
  });
  const answers = await Promise.all(parts.map((part) => deliver(part)));
  expect(answers.map((a) => a.status)).toEqual([200, 200, 200]);
  // Telegram retries a part (same update): nothing new.
  expect((await deliver(parts[0], 1_000_000 + inboxId)).status).toBe(200);
  const messages = await incoming(inboxId);
  expect(messages).toHaveLength(1);
  expect(messages[0].content).toBe('**Broken lamp**, see photos');
  const files = await attachmentsOf(messages[0].id);
  expect(files.map((f) => f.file_type)).toEqual(['image', 'image', 'image']);
  expect(new Set(files.map((f) => f.filename)).size).toBe(3);
  // A new album in the same chat is a new message.
  fake.addFile(`solo-${inboxId}`, `photos/solo_${inboxId}.png`, PNG);
  await deliver({
    message_id: 200,
    media_group_id: `g2-${inboxId}`,
    photo: [{ file_id: `solo-${inboxId}`, width: 1, height: 1 }],
  });
  expect(await incoming(inboxId)).toHaveLength(2);
}, 60_000);

it('keeps a text message’s entities as markdown', async () => {
  const { inboxId, deliver } = await telegramInbox();
  await deliver({
    message_id: 1,
    text: 'please check ORDER-9 now',
    entities: [
      { type: 'code', offset: 13, length: 7 },
      { type: 'italic', offset: 21, length: 3 },
    ],
  });
  expect((await incoming(inboxId))[0].content).toBe('please check `ORDER-9` _now_');
});

async function sentRow(id: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.source_id || row.status === 'failed') return row;
    if (Date.now() > deadline) throw new Error(`message ${id} never sent: ${row.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** An agent's reply with files, as the dashboard sends it (multipart). */
async function replyWithFiles(
  account: Awaited<ReturnType<typeof ctx.account>>,
  displayId: number,
  content: string,
  files: { bytes: Buffer | string; type: string; name: string }[],
) {
  const form = new FormData();
  form.set('message_type', 'outgoing');
  if (content) form.set('content', content);
  for (const file of files)
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
  expect(sent.statusCode, sent.body).toBe(200);
  return JSON.parse(sent.body).id as number;
}

it('sends several files as sendMediaGroup albums (photos together, documents together), the formatted caption on the first item', async () => {
  const { account, token, inboxId, deliver } = await telegramInbox();
  await deliver({ message_id: 1, text: 'hi' });
  const { display_id } = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('inbox_id', '=', inboxId)
    .executeTakeFirstOrThrow();
  const id = await replyWithFiles(account, display_id, 'Your **photos** & docs', [
    { bytes: PNG, type: 'image/png', name: 'a.png' },
    { bytes: PNG, type: 'image/png', name: 'b.png' },
    { bytes: '%PDF-1.4 one', type: 'application/pdf', name: 'one.pdf' },
    { bytes: '%PDF-1.4 two', type: 'application/pdf', name: 'two.pdf' },
  ]);
  const row = await sentRow(id);
  expect(row.status).toBe('sent');
  const albums = fake.callsTo('sendMediaGroup', token);
  expect(albums).toHaveLength(2);
  const photos = JSON.parse(albums[0].body.media);
  expect(photos).toEqual([
    { type: 'photo', media: 'attach://file0', caption: 'Your <b>photos</b> &amp; docs', parse_mode: 'HTML' },
    { type: 'photo', media: 'attach://file1' },
  ]);
  expect(albums[0].body.file0).toMatchObject({ filename: 'a.png', type: 'image/png', size: PNG.length });
  const documents = JSON.parse(albums[1].body.media);
  expect(documents.map((m: { type: string; caption?: string }) => [m.type, m.caption])).toEqual([
    ['document', undefined],
    ['document', undefined],
  ]);
  expect(albums[1].body.file1.bytes.toString()).toBe('%PDF-1.4 two');
  expect(fake.callsTo('sendMessage', token)).toEqual([]);
  expect((row.additional_attributes as { provider_message_ids?: string[] }).provider_message_ids).toHaveLength(4);
}, 60_000);

it('sends one file’s markdown caption with parse_mode HTML; a caption over 1,024 characters follows the file as text', async () => {
  const { account, token, inboxId, deliver } = await telegramInbox();
  await deliver({ message_id: 1, text: 'hi' });
  const { display_id } = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('inbox_id', '=', inboxId)
    .executeTakeFirstOrThrow();
  await sentRow(
    await replyWithFiles(account, display_id, 'The **invoice**', [
      { bytes: '%PDF-1.4 inv', type: 'application/pdf', name: 'inv.pdf' },
    ]),
  );
  expect(fake.callsTo('sendDocument', token)[0].body).toMatchObject({
    caption: 'The <b>invoice</b>',
    parse_mode: 'HTML',
  });

  const long = `Details: ${'x'.repeat(1100)}`;
  const row = await sentRow(
    await replyWithFiles(account, display_id, long, [{ bytes: PNG, type: 'image/png', name: 'c.png' }]),
  );
  expect(row.status).toBe('sent');
  const photo = fake.callsTo('sendPhoto', token)[0];
  expect(photo.body.caption).toBeUndefined();
  const texts = fake.callsTo('sendMessage', token).map((c) => c.body.text);
  expect(texts).toEqual([long]);
  // The file first, then the text: the order of the ids kept.
  const ids = (row.additional_attributes as { provider_message_ids: string[] }).provider_message_ids.map(Number);
  expect(ids[0]).toBeLessThan(ids[1]);
}, 60_000);
