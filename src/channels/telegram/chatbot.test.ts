import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startFakeTelegram } from '../../../test/helpers/fake-telegram.ts';

const fake = await startFakeTelegram();
const ctx = await createTestContext(
  { TELEGRAM_API_BASE_URL: fake.url, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, chatbots: true, channels: true },
);

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

it('runs a chatbot with choices over Telegram: buttons out, a button press back', async () => {
  const account = await ctx.account();
  const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
  const token = fake.addBot('menu_bot');
  const inbox = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Menu',
    channel: { type: 'telegram', bot_token: token },
  });
  expect(inbox.status).toBe(200);
  const secret = fake.callsTo('setWebhook', token)[0].body.secret_token;
  const from = { id: 4242, is_bot: false, first_name: 'Grace' };
  const chat = { id: 4242, type: 'private' };
  const webhook = ctx.client(undefined, { 'x-telegram-bot-api-secret-token': secret });
  expect(
    (
      await webhook.post(`/webhooks/telegram/${token}`, {
        update_id: 1,
        message: { message_id: 1, from, chat, date: 1, text: 'hi' },
      })
    ).status,
  ).toBe(200);
  const conversation = await ctx.database.db
    .selectFrom('conversations')
    .select('uuid')
    .where('inbox_id', '=', inbox.body.id)
    .executeTakeFirstOrThrow();

  const bot = await wts.post('/chat/v1/chatbot', { name: 'Menu bot', definition: MENU_FLOW });
  expect(bot.status).toBe(201);
  expect((await wts.post('/chat/v1/chatbot/send', { botId: bot.body.id, sessionId: conversation.uuid })).status).toBe(
    200,
  );

  await fake.waitFor(() => fake.callsTo('sendMessage', token).length === 1, 'the menu');
  expect(fake.callsTo('sendMessage', token)[0].body).toMatchObject({
    chat_id: 4242,
    text: 'What do you need?',
    reply_markup: {
      inline_keyboard: [[{ text: 'Orders', callback_data: 'orders' }], [{ text: 'Billing', callback_data: 'billing' }]],
    },
  });

  const press = {
    update_id: 2,
    callback_query: { id: 'press-1', from, message: { message_id: 1001, chat }, data: 'billing' },
  };
  expect((await webhook.post(`/webhooks/telegram/${token}`, press)).status).toBe(200);
  await fake.waitFor(() => fake.callsTo('sendMessage', token).length === 2, 'the answer to the press');
  expect(fake.callsTo('sendMessage', token)[1].body).toMatchObject({ chat_id: 4242, text: 'Billing (billing)' });
  expect(fake.callsTo('answerCallbackQuery', token).map((c) => c.body.callback_query_id)).toEqual(['press-1']);
}, 60_000);
