import type { Inbox } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { createInbox, type InboxInput } from '../../domain/inboxes/commands.ts';
import { randomToken, tokenDigest } from '../../domain/auth/secrets.ts';
import { openCredential, sealCredential } from '../../domain/auth/credentials.ts';
import { ProviderError, type ChannelContext } from '../adapter.ts';
import { callTelegram } from './api.ts';

export const TELEGRAM_CHANNEL_TYPE = 'Channel::Telegram';

/** The updates the adapter takes in; Telegram sends no others. */
const ALLOWED_UPDATES = ['message', 'edited_message', 'callback_query'];

export function telegramWebhookUrl(publicUrl: string, botToken: string): string {
  return `${publicUrl}/webhooks/telegram/${botToken}`;
}

const invalidToken = () => validation('Bot token invalid token', ['channel.bot_token']);

/**
 * Chatwoot's Telegram inbox: getMe proves the token (422 when Telegram refuses it), then the webhook is set
 * to /webhooks/telegram/:bot_token with a fresh secret_token that Telegram sends back on every call. Only the
 * secret's digest is kept; the bot token is kept sealed (it is needed to call the API; looked up by its digest) and never presented.
 */
export async function createTelegramInbox(
  ctx: ChannelContext,
  accountId: number,
  input: InboxInput,
  channel: Record<string, unknown>,
): Promise<Inbox> {
  // Checked before Telegram is called: a webhook set for an inbox that then fails to save would keep a secret no one has.
  if (!input.name?.trim()) throw validation("Name can't be blank", ['name']);
  const botToken = typeof channel.bot_token === 'string' ? channel.bot_token.trim() : '';
  if (!botToken) throw validation("Bot token can't be blank", ['channel.bot_token']);
  // A token is "<bot id>:<secret>"; anything else would only change the paths we call.
  if (!/^\d{1,20}:[A-Za-z0-9_-]{1,100}$/.test(botToken)) throw invalidToken();
  const digest = tokenDigest(botToken);
  const { db, config } = ctx;
  if (await db.selectFrom('channel_telegram').select('id').where('bot_token_digest', '=', digest).executeTakeFirst()) {
    throw validation('Bot token has already been taken', ['channel.bot_token']);
  }
  let me: { username?: string };
  try {
    me = await callTelegram<{ username?: string }>(config, botToken, 'getMe');
  } catch (error) {
    if (error instanceof ProviderError && !error.retryable) throw invalidToken();
    throw validation('Bot token could not be checked: Telegram did not answer', ['channel.bot_token']);
  }
  const secretToken = randomToken(32);
  try {
    await callTelegram(config, botToken, 'setWebhook', {
      url: telegramWebhookUrl(config.publicUrl, botToken),
      secret_token: secretToken,
      allowed_updates: ALLOWED_UPDATES,
    });
  } catch (error) {
    throw validation(`Bot token error setting up the webhook: ${(error as Error).message}`, ['channel.bot_token']);
  }
  const botName = me.username ?? null;
  return createInbox(
    db,
    accountId,
    TELEGRAM_CHANNEL_TYPE,
    { ...input, channel: { bot_name: botName } },
    async (trx, inbox) => {
      await trx
        .insertInto('channel_telegram')
        .values({
          account_id: accountId,
          inbox_id: inbox.id,
          bot_token: sealCredential(config, botToken),
          bot_token_digest: digest,
          bot_name: botName,
          secret_token_digest: tokenDigest(secretToken),
        })
        .execute();
    },
  );
}

/** Reads the bot token before the inbox (and its channel row) goes; afterwards the webhook is removed. */
export async function beforeTelegramDelete(ctx: ChannelContext, inbox: Inbox): Promise<() => Promise<void>> {
  const row = await ctx.db
    .selectFrom('channel_telegram')
    .select('bot_token')
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirst();
  return async () => {
    if (!row) return;
    await callTelegram(ctx.config, openCredential(ctx.config, row.bot_token), 'deleteWebhook', {
      drop_pending_updates: true,
    }).catch((error) => ctx.log.warn({ err: error, inbox: inbox.id }, 'telegram: deleteWebhook failed'));
  };
}
