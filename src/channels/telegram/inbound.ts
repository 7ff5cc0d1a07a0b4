import crypto from 'node:crypto';
import path from 'node:path';
import type { Inbox } from '../../db/types.ts';
import type { NewFile } from '../../domain/messages/commands.ts';
import { tokenDigest } from '../../domain/auth/secrets.ts';
import { openCredential } from '../../domain/auth/credentials.ts';
import { receiveFile } from '../../domain/attachments/upload.ts';
import { editMessageContent } from '../../domain/messages/commands.ts';
import { AppError } from '../../errors.ts';
import type { ChannelContext } from '../adapter.ts';
import { alreadyReceived, receiveInbound, receivedMessage } from '../inbound.ts';
import { callTelegram, downloadTelegramFile } from './api.ts';
import { markdownOf } from './entities.ts';
import {
  albumKey,
  callbackKey,
  contactOf,
  messageKey,
  type TelegramCallbackQuery,
  type TelegramMessage,
  type TelegramUpdate,
} from './updates.ts';

export interface TelegramInbox {
  inbox: Inbox;
  botToken: string;
}

const refused = () => new AppError('unauthenticated', 'Invalid secret token');

/**
 * The inbox a webhook call is for: the bot token in the path names it, and the call must carry the
 * secret_token set with the webhook (compared as digests, in constant time). Anything else: 401.
 */
export async function authenticateTelegramCall(
  ctx: ChannelContext,
  botToken: string,
  secret: string | undefined,
): Promise<TelegramInbox> {
  const row = await ctx.db
    .selectFrom('channel_telegram')
    .selectAll()
    .where('bot_token_digest', '=', tokenDigest(botToken))
    .executeTakeFirst();
  const given = Buffer.from(tokenDigest(secret ?? ''), 'hex');
  const expected = Buffer.from(row?.secret_token_digest ?? tokenDigest(crypto.randomUUID()), 'hex');
  if (!row || !secret || !crypto.timingSafeEqual(given, expected)) throw refused();
  const inbox = await ctx.db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', row.account_id)
    .where('id', '=', row.inbox_id)
    .executeTakeFirst();
  if (!inbox) throw refused();
  return { inbox, botToken: openCredential(ctx.config, row.bot_token) };
}

/** A photo (largest size) or document: fetched through getFile and the file path, stored as an attachment. */
async function fetchFile(
  ctx: ChannelContext,
  bot: TelegramInbox,
  message: TelegramMessage,
): Promise<NewFile | undefined> {
  const file = message.photo?.length ? message.photo[message.photo.length - 1] : message.document;
  if (!file?.file_id) return undefined;
  const { file_path: filePath } = await callTelegram<{ file_path?: string }>(ctx.config, bot.botToken, 'getFile', {
    file_id: file.file_id,
  });
  if (!filePath) return undefined;
  const body = await downloadTelegramFile(ctx.config, bot.botToken, filePath);
  const filename = file.file_name ?? path.basename(filePath);
  return receiveFile(
    ctx.db,
    ctx.storage,
    body,
    { filename, mimetype: file.mime_type },
    ctx.config.uploads.authenticated.maxFileBytes,
  );
}

/** The text, or the caption, with its formatting as markdown. */
function contentOf(message: TelegramMessage): string | null {
  if (message.text !== undefined) return markdownOf(message.text, message.entities);
  if (message.caption !== undefined) return markdownOf(message.caption, message.caption_entities);
  return null;
}

async function takeMessage(ctx: ChannelContext, bot: TelegramInbox, message: TelegramMessage): Promise<void> {
  if (message.chat?.type !== 'private' || !message.from) return; // groups are not conversations here (as in Chatwoot)
  const key = messageKey(message);
  if (await alreadyReceived(ctx.db, bot.inbox, key)) return;
  const file = await fetchFile(ctx, bot, message);
  const content = contentOf(message);
  if (!content && !file) return; // stickers, locations, polls...: not taken in yet
  const replyTo = message.reply_to_message?.message_id;
  await receiveInbound(ctx.db, ctx.storage, bot.inbox, {
    providerMessageId: key,
    sourceId: String(message.message_id),
    contact: contactOf(message.from),
    conversationAttributes: { chat_id: message.chat.id },
    content,
    contentAttributes: replyTo ? { in_reply_to_external_id: replyTo } : {},
    files: file ? [file] : [],
    ...(message.media_group_id
      ? { groupKey: albumKey({ chat: message.chat, media_group_id: message.media_group_id }) }
      : {}),
  });
}

/** A button press is the contact's reply (its callback data, as Chatwoot takes it); Telegram is told it was seen. */
async function takeCallback(ctx: ChannelContext, bot: TelegramInbox, query: TelegramCallbackQuery): Promise<void> {
  if (query.message?.chat && query.message.chat.type === 'private' && query.data) {
    await receiveInbound(ctx.db, ctx.storage, bot.inbox, {
      providerMessageId: callbackKey(query),
      sourceId: query.id,
      contact: contactOf(query.from),
      conversationAttributes: { chat_id: query.message.chat.id },
      content: query.data,
    });
  }
  await callTelegram(ctx.config, bot.botToken, 'answerCallbackQuery', { callback_query_id: query.id }).catch((error) =>
    ctx.log.warn({ err: error, inbox: bot.inbox.id }, 'telegram: answerCallbackQuery failed'),
  );
}

async function takeEdit(ctx: ChannelContext, bot: TelegramInbox, edited: TelegramMessage): Promise<void> {
  const content = contentOf(edited);
  if (!content) return;
  const message = await receivedMessage(ctx.db, bot.inbox, messageKey(edited));
  if (message) await editMessageContent(ctx.db, message, content);
}

/** One update; an error answers 5xx so that Telegram delivers it again (receipts make that safe). */
export async function handleTelegramUpdate(
  ctx: ChannelContext,
  bot: TelegramInbox,
  update: TelegramUpdate,
): Promise<void> {
  if (update.message) await takeMessage(ctx, bot, update.message);
  else if (update.callback_query) await takeCallback(ctx, bot, update.callback_query);
  else if (update.edited_message) await takeEdit(ctx, bot, update.edited_message);
}
