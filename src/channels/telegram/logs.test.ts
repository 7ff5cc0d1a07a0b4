import { Writable } from 'node:stream';
import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startFakeTelegram } from '../../../test/helpers/fake-telegram.ts';

const lines: string[] = [];
const stream = new Writable({
  write(chunk, _encoding, done) {
    lines.push(String(chunk));
    done();
  },
});
const fake = await startFakeTelegram();
const ctx = await createTestContext({ TELEGRAM_API_BASE_URL: fake.url }, { logger: { level: 'info', stream } });

it('logs webhook calls without the bot token in their path', async () => {
  const account = await ctx.account();
  const token = fake.addBot('quiet_bot');
  expect(
    (
      await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
        name: 'Quiet',
        channel: { type: 'telegram', bot_token: token },
      })
    ).status,
  ).toBe(200);
  const secret = fake.callsTo('setWebhook', token)[0].body.secret_token;
  const call = await ctx
    .client(undefined, { 'x-telegram-bot-api-secret-token': secret })
    .post(`/webhooks/telegram/${token}`, { update_id: 1 });
  expect(call.status).toBe(200);
  expect(lines.some((line) => line.includes('/webhooks/telegram/[redacted]'))).toBe(true);
  expect(lines.filter((line) => line.includes(token.split(':')[1]))).toEqual([]);
});
