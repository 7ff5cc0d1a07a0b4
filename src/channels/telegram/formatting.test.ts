import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startFakeTelegram, telegramError } from '../../../test/helpers/fake-telegram.ts';
import { splitText, telegramHtml } from './format.ts';

const fake = await startFakeTelegram();
const ctx = await createTestContext(
  { TELEGRAM_API_BASE_URL: fake.url, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, channels: true },
);
const { db } = ctx.database;

const user = { id: 66601, is_bot: false, first_name: 'Lin' };
const chat = { id: 66601, type: 'private' };

/** An inbox with one conversation started by the contact, and a way for an agent to reply in it. */
async function conversation() {
  const account = await ctx.account();
  const token = fake.addBot('format_bot');
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Bot',
    channel: { type: 'telegram', bot_token: token },
  });
  expect(created.status).toBe(200);
  const secret = fake.callsTo('setWebhook', token).at(-1)!.body.secret_token as string;
  const update = { update_id: 1, message: { message_id: 1, from: user, chat, date: 1, text: 'hi' } };
  expect(
    (
      await ctx
        .client(undefined, { 'x-telegram-bot-api-secret-token': secret })
        .post(`/webhooks/telegram/${token}`, update)
    ).status,
  ).toBe(200);
  const { display_id } = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  const reply = async (content: string) => {
    const sent = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${display_id}/messages`, {
      message_type: 'outgoing',
      content,
    });
    expect(sent.status).toBe(200);
    return sent.body.id as number;
  };
  return { account, token, display_id, reply, texts: () => fake.callsTo('sendMessage', token).map((c) => c.body) };
}

async function sentRow(id: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.source_id || row.status === 'failed') return row;
    if (Date.now() > deadline) throw new Error(`message ${id} never sent: ${row.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('renders markdown as Telegram HTML, escaping what HTML would read', () => {
  expect(telegramHtml('plain <text> & more')).toBeUndefined();
  expect(telegramHtml('**Order** #1 is *late* & `a<b>` — see [the page](https://example.com/?a=1&b=2)')).toBe(
    '<b>Order</b> #1 is <i>late</i> &amp; <code>a&lt;b&gt;</code> — see <a href="https://example.com/?a=1&amp;b=2">the page</a>',
  );
  expect(telegramHtml('snake_case_name stays, 2 * 3 * 4 too, but _this_ leans')).toBe(
    'snake_case_name stays, 2 * 3 * 4 too, but <i>this</i> leans',
  );
  expect(telegramHtml('```\nif (a < b) {}\n```')).toBe('<pre>if (a &lt; b) {}\n</pre>');
  const parts = splitText(`${'word '.repeat(1000)}\n${'x'.repeat(5000)}`);
  expect(parts.every((p) => p.length <= 4096)).toBe(true);
  expect(parts.join('').replace(/\s/g, '')).toBe(`${'word'.repeat(1000)}${'x'.repeat(5000)}`);
});

it("sends markdown with parse_mode HTML and plain text without; Telegram's refusal to parse falls back to plain text", async () => {
  const c = await conversation();
  await sentRow(await c.reply('Your order is **ready** <3'));
  expect(c.texts()[0]).toMatchObject({ chat_id: 66601, text: 'Your order is <b>ready</b> &lt;3', parse_mode: 'HTML' });
  await sentRow(await c.reply('a < b & c'));
  expect(c.texts()[1]).toEqual({ chat_id: 66601, text: 'a < b & c' });

  fake.script(
    'sendMessage',
    telegramError(400, "Bad Request: can't parse entities: Can't find end of the entity starting at byte offset 9"),
  );
  const row = await sentRow(await c.reply('**bold** again'));
  expect(row.status).toBe('sent');
  expect(c.texts().slice(2)).toEqual([
    { chat_id: 66601, text: '<b>bold</b> again', parse_mode: 'HTML' },
    { chat_id: 66601, text: '**bold** again' },
  ]);
}, 60_000);

it('splits a text over 4,096 characters into several messages, keeps every id, and deletes them all', async () => {
  const c = await conversation();
  const long = Array.from({ length: 300 }, (_, i) => `Line ${i}: ${'lorem ipsum '.repeat(2)}`).join('\n');
  expect(long.length).toBeGreaterThan(8192);
  const row = await sentRow(await c.reply(long));
  const parts = c.texts();
  expect(parts).toHaveLength(3);
  expect(parts.every((p) => p.text.length <= 4096 && p.parse_mode === undefined)).toBe(true);
  expect(parts.map((p) => p.text).join('\n')).toBe(long);
  const ids = (row.additional_attributes as { provider_message_ids?: string[] }).provider_message_ids;
  expect(row.status).toBe('sent');
  expect(ids).toHaveLength(3);
  expect(ids![0]).toBe(row.source_id);

  const deleted = await c.account.api.delete(
    `/api/v1/accounts/${c.account.account_id}/conversations/${c.display_id}/messages/${row.id}`,
  );
  expect(deleted.status).toBe(200);
  await fake.waitFor(() => fake.callsTo('deleteMessage', c.token).length === 3, 'every part deleted');
  expect(fake.callsTo('deleteMessage', c.token).map((call) => String(call.body.message_id))).toEqual(ids);
}, 60_000);
