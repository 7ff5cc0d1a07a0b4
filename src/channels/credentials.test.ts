import { expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { startFakeTelegram } from '../../test/helpers/fake-telegram.ts';
import { signWhatsapp, startFakeWhatsapp, whatsappWebhook } from '../../test/helpers/fake-whatsapp.ts';
import { ConfigError } from '../config.ts';
import { CredentialKeyError, openCredential, prepareCredentials, sealCredential } from '../domain/auth/credentials.ts';

const telegram = await startFakeTelegram();
const whatsapp = await startFakeWhatsapp();
const KEY = 'test-encryption-key-0123456789-abcdefghij';
const ctx = await createTestContext(
  {
    TELEGRAM_API_BASE_URL: telegram.url,
    WHATSAPP_CLOUD_BASE_URL: whatsapp.url,
    ENCRYPTION_KEY: KEY,
    CHANNEL_SEND_RETRY_DELAY_SECONDS: '1',
  },
  { worker: true, channels: true },
);
const { db } = ctx.database;

async function sentRow(id: number) {
  const deadline = Date.now() + 30_000;
  for (;;) {
    const row = await db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
    if (row.source_id || row.status === 'failed') return row;
    if (Date.now() > deadline) throw new Error(`message ${id} never sent: ${row.status}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

it('stores the Telegram bot token sealed; the webhook path still finds the inbox and Telegram gets the right token', async () => {
  const account = await ctx.account();
  const token = telegram.addBot('sealed_bot');
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Bot',
    channel: { type: 'telegram', bot_token: token },
  });
  expect(created.status).toBe(200);
  expect(created.text).not.toContain(token.split(':')[1]);
  const stored = await db
    .selectFrom('channel_telegram')
    .selectAll()
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  expect(stored.bot_token).not.toBe(token);
  expect(stored.bot_token).not.toContain(token.split(':')[1]);
  expect(stored.bot_token).toMatch(/^enc:v1:/);
  expect(openCredential(ctx.config, stored.bot_token)).toBe(token);

  const secret = telegram.callsTo('setWebhook', token).at(-1)!.body.secret_token as string;
  const update = {
    update_id: 1,
    message: {
      message_id: 1,
      from: { id: 88801, first_name: 'Ada' },
      chat: { id: 88801, type: 'private' },
      date: 1,
      text: 'hi',
    },
  };
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
  const reply = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${display_id}/messages`, {
    content: 'hello back',
  });
  expect((await sentRow(reply.body.id)).status).toBe('sent');
  expect(telegram.callsTo('sendMessage', token).map((c) => c.body.text)).toEqual(['hello back']);
}, 60_000);

it('stores the WhatsApp access token and app secret sealed; signatures check and Meta gets the right bearer token', async () => {
  const account = await ctx.account();
  const number = whatsapp.addNumber('+15558880001');
  whatsapp.setTemplates(number.businessAccountId, []);
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'WA',
    channel: {
      type: 'whatsapp',
      phone_number: number.phoneNumber,
      provider: 'whatsapp_cloud',
      provider_config: {
        api_key: number.apiKey,
        phone_number_id: number.phoneNumberId,
        business_account_id: number.businessAccountId,
        webhook_verify_token: 'v',
        app_secret: 'inbox-app-secret',
      },
    },
  });
  expect(created.status).toBe(200);
  expect(created.text).not.toContain(number.apiKey);
  expect(created.text).not.toContain('inbox-app-secret');
  const stored = await db
    .selectFrom('channel_whatsapp')
    .selectAll()
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  expect(stored.api_key).toMatch(/^enc:v1:/);
  expect(stored.app_secret).toMatch(/^enc:v1:/);
  expect(stored.api_key).not.toContain(number.apiKey);

  const raw = JSON.stringify(
    whatsappWebhook(number, {
      contacts: [{ profile: { name: 'Lin' }, wa_id: '5511988880000' }],
      messages: [{ from: '5511988880000', id: 'wamid.sealed1', timestamp: '1', type: 'text', text: { body: 'oi' } }],
    }),
  );
  const post = (signature: string) =>
    ctx.app.inject({
      method: 'POST',
      url: `/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`,
      headers: { 'content-type': 'application/json', 'x-hub-signature-256': signature },
      payload: raw,
    });
  expect((await post(signWhatsapp(raw, 'wrong-secret'))).statusCode).toBe(401);
  expect((await post(signWhatsapp(raw, 'inbox-app-secret'))).statusCode).toBe(200);
  const { display_id } = await db
    .selectFrom('conversations')
    .select('display_id')
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  const reply = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${display_id}/messages`, {
    content: 'olá',
  });
  expect((await sentRow(reply.body.id)).status).toBe('sent');
  expect(whatsapp.callsTo('messages', number.apiKey).map((c) => c.body.text?.body)).toEqual(['olá']);
}, 60_000);

it('stores email passwords sealed', async () => {
  const account = await ctx.account();
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Mail',
    channel: {
      type: 'email',
      email: 'sealed@example.com',
      smtp_enabled: true,
      smtp_address: 'smtp.example.com',
      smtp_port: 587,
      smtp_login: 'u',
      smtp_password: 'smtp-pass-1',
      imap_password: 'imap-pass-1',
    },
  });
  expect(created.status, created.text).toBe(200);
  expect(created.text).not.toContain('smtp-pass-1');
  const stored = await db
    .selectFrom('channel_email')
    .selectAll()
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  expect(stored.smtp_password).toMatch(/^enc:v1:/);
  expect(stored.imap_password).toMatch(/^enc:v1:/);
  expect(openCredential(ctx.config, stored.smtp_password!)).toBe('smtp-pass-1');
});

it('seals credentials stored in clear at start, and a wrong key stops the start with a clear error', async () => {
  const account = await ctx.account();
  const token = telegram.addBot('clear_bot');
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Old bot',
    channel: { type: 'telegram', bot_token: token },
  });
  // A row as it was stored before encryption.
  await db.updateTable('channel_telegram').set({ bot_token: token }).where('inbox_id', '=', created.body.id).execute();
  const first = await prepareCredentials(db, ctx.config);
  expect(first.sealed).toBeGreaterThanOrEqual(1);
  const stored = await db
    .selectFrom('channel_telegram')
    .select('bot_token')
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  expect(stored.bot_token).toMatch(/^enc:v1:/);
  expect(openCredential(ctx.config, stored.bot_token)).toBe(token);
  expect((await prepareCredentials(db, ctx.config)).sealed).toBe(0);

  const wrong = { ...ctx.config, encryptionKey: 'another-key-that-is-long-enough-0123456789' };
  const refused = prepareCredentials(db, wrong);
  await expect(refused).rejects.toThrow(CredentialKeyError);
  await expect(prepareCredentials(db, wrong)).rejects.toThrow(
    /not the one this database's provider credentials were encrypted with/,
  );
  await expect(prepareCredentials(db, wrong)).rejects.toBeInstanceOf(ConfigError);
  expect(() => openCredential(wrong, stored.bot_token)).toThrow(/cannot be decrypted/);
  // Tampered ciphertext fails too (GCM's tag), never decrypts to garbage.
  const sealed = sealCredential(ctx.config, 'value');
  expect(() => openCredential(ctx.config, sealed.slice(0, -2) + (sealed.endsWith('A') ? 'BB' : 'AA'))).toThrow(
    CredentialKeyError,
  );
});
