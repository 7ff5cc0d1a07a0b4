import { buffer } from 'node:stream/consumers';
import type { Attachment } from '../../db/types.ts';
import { ProviderError, type ChannelContext, type OutboundMessage } from '../adapter.ts';
import { openCredential } from '../../domain/auth/credentials.ts';
import { callTelegram } from './api.ts';
import { splitText, telegramHtml } from './format.ts';

interface SentMessage {
  message_id: number;
}

/** Telegram's limits: a caption holds 1,024 characters, callback data 64 bytes. */
const MAX_CAPTION = 1024;
const MAX_CALLBACK_BYTES = 64;

function callbackData(value: string): string {
  let data = value;
  while (Buffer.byteLength(data) > MAX_CALLBACK_BYTES) data = data.slice(0, -1);
  return data;
}

/** An input_select message's items (a chatbot step's choices arrive as these) as an inline keyboard, one button a row. */
export function inlineKeyboard(outbound: OutboundMessage): Record<string, unknown> | undefined {
  const { message } = outbound;
  const items = (message.content_attributes as { items?: unknown }).items;
  if (message.content_type !== 'input_select' || !Array.isArray(items) || !items.length) return undefined;
  const buttons = items
    .map((item) => item as { title?: unknown; value?: unknown })
    .filter((item) => typeof item.title === 'string' && item.title)
    .map((item) => [{ text: item.title as string, callback_data: callbackData(String(item.value ?? item.title)) }]);
  return buttons.length ? { inline_keyboard: buttons } : undefined;
}

/** sendPhoto for images, sendDocument for anything else: the stored bytes uploaded, or a linked file's URL. */
async function sendAttachment(
  ctx: ChannelContext,
  botToken: string,
  chatId: unknown,
  attachment: Attachment,
  extra: Record<string, unknown>,
): Promise<SentMessage> {
  const method = attachment.file_type === 'image' ? 'sendPhoto' : 'sendDocument';
  const field = method === 'sendPhoto' ? 'photo' : 'document';
  if (!attachment.storage_key) {
    if (!attachment.external_url) throw new ProviderError('attachment has no file', false);
    return callTelegram<SentMessage>(ctx.config, botToken, method, {
      chat_id: chatId,
      [field]: attachment.external_url,
      ...extra,
    });
  }
  const stored = await ctx.storage.get(attachment.storage_key);
  if (!stored) throw new ProviderError('attachment file is missing from storage', false);
  const form = new FormData();
  form.set('chat_id', String(chatId));
  for (const [key, value] of Object.entries(extra))
    form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  form.set(field, new Blob([await buffer(stored.body)], { type: attachment.content_type }), attachment.filename);
  return callTelegram<SentMessage>(ctx.config, botToken, method, form);
}

/** The bot token and chat of an outgoing message; a message without them cannot be sent (a final failure). */
async function destination(
  ctx: ChannelContext,
  outbound: Pick<OutboundMessage, 'inbox' | 'conversation'>,
): Promise<{ botToken: string; chatId: unknown }> {
  const { inbox, conversation } = outbound;
  const row = await ctx.db
    .selectFrom('channel_telegram')
    .select('bot_token')
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirst();
  if (!row) throw new ProviderError('the inbox has no Telegram bot', false);
  const chatId = (conversation.additional_attributes as { chat_id?: unknown }).chat_id;
  if (chatId === undefined || chatId === null)
    throw new ProviderError('the conversation has no Telegram chat_id', false);
  return { botToken: openCredential(ctx.config, row.bot_token), chatId };
}

/** deleteMessage, for every part the message went out in: Telegram lets a bot delete its own messages for 48 hours; later it refuses, and says so. */
export async function deleteTelegramMessage(ctx: ChannelContext, outbound: OutboundMessage): Promise<void> {
  const { botToken, chatId } = await destination(ctx, outbound);
  const parts = (outbound.message.additional_attributes as { provider_message_ids?: unknown } | null)
    ?.provider_message_ids;
  const ids = Array.isArray(parts) && parts.length ? parts : [outbound.message.source_id];
  for (const id of ids)
    await callTelegram(ctx.config, botToken, 'deleteMessage', { chat_id: chatId, message_id: Number(id) });
}

/** sendChatAction `typing`: Telegram shows it for five seconds, or until the bot's next message. */
export async function telegramTyping(
  ctx: ChannelContext,
  target: Pick<OutboundMessage, 'inbox' | 'conversation'>,
): Promise<void> {
  const { botToken, chatId } = await destination(ctx, target);
  await callTelegram(ctx.config, botToken, 'sendChatAction', { chat_id: chatId, action: 'typing' });
}

const unparsable = (error: unknown) => error instanceof ProviderError && /can't parse entities/i.test(error.reason);

/** sendMessage for one part: its markdown as Telegram HTML; when Telegram cannot parse that, the part again as plain text. */
async function sendText(
  ctx: ChannelContext,
  botToken: string,
  chatId: unknown,
  text: string,
  extra: Record<string, unknown>,
): Promise<SentMessage> {
  const html = telegramHtml(text);
  const plain = () =>
    callTelegram<SentMessage>(ctx.config, botToken, 'sendMessage', { chat_id: chatId, text, ...extra });
  if (!html) return plain();
  try {
    return await callTelegram<SentMessage>(ctx.config, botToken, 'sendMessage', {
      chat_id: chatId,
      text: html,
      parse_mode: 'HTML',
      ...extra,
    });
  } catch (error) {
    if (!unparsable(error)) throw error;
    return plain();
  }
}

/** A caption as Telegram HTML (parse_mode with it) when it has markdown, else plain. */
function captionFields(text: string): Record<string, unknown> {
  if (!text) return {};
  const html = telegramHtml(text);
  return html ? { caption: html, parse_mode: 'HTML' } : { caption: text };
}

/** sendPhoto/sendDocument with a caption; when Telegram cannot parse its HTML, again with the caption plain. */
async function sendCaptioned(
  ctx: ChannelContext,
  botToken: string,
  chatId: unknown,
  attachment: Attachment,
  text: string,
  extra: Record<string, unknown>,
): Promise<SentMessage> {
  const fields = captionFields(text);
  try {
    return await sendAttachment(ctx, botToken, chatId, attachment, { ...fields, ...extra });
  } catch (error) {
    if (!fields.parse_mode || !unparsable(error)) throw error;
    return sendAttachment(ctx, botToken, chatId, attachment, { caption: text, ...extra });
  }
}

/** Telegram's albums: 2 to 10 items, photos (and videos) together, documents together. */
const MAX_ALBUM = 10;
const albumKind = (attachment: Attachment) => (attachment.file_type === 'image' ? 'photo' : 'document');

/** The attachments in the albums sendMediaGroup takes: by kind, at most ten each (a lone file is sent alone). */
function albumsOf(attachments: Attachment[]): Attachment[][] {
  const albums: Attachment[][] = [];
  for (const kind of ['photo', 'document']) {
    const same = attachments.filter((a) => albumKind(a) === kind);
    for (let i = 0; i < same.length; i += MAX_ALBUM) albums.push(same.slice(i, i + MAX_ALBUM));
  }
  return albums;
}

/** sendMediaGroup: stored files uploaded as `attach://fileN` parts, linked ones by URL; the caption on the first item. */
async function sendAlbum(
  ctx: ChannelContext,
  botToken: string,
  chatId: unknown,
  album: Attachment[],
  caption: Record<string, unknown>,
  extra: Record<string, unknown>,
): Promise<SentMessage[]> {
  const form = new FormData();
  form.set('chat_id', String(chatId));
  for (const [key, value] of Object.entries(extra))
    form.set(key, typeof value === 'string' ? value : JSON.stringify(value));
  const media = [];
  for (const [i, attachment] of album.entries()) {
    let ref: string;
    if (attachment.storage_key) {
      const stored = await ctx.storage.get(attachment.storage_key);
      if (!stored) throw new ProviderError('attachment file is missing from storage', false);
      form.set(
        `file${i}`,
        new Blob([await buffer(stored.body)], { type: attachment.content_type }),
        attachment.filename,
      );
      ref = `attach://file${i}`;
    } else if (attachment.external_url) {
      ref = attachment.external_url;
    } else {
      throw new ProviderError('attachment has no file', false);
    }
    media.push({ type: albumKind(attachment), media: ref, ...(i === 0 ? caption : {}) });
  }
  form.set('media', JSON.stringify(media));
  return callTelegram<SentMessage[]>(ctx.config, botToken, 'sendMediaGroup', form);
}

/**
 * sendMessage for text (formatted, in parts of 4,096 characters at most: the reply-to on the first, an inline
 * keyboard for choices on the last). With attachments: one file goes with sendPhoto/sendDocument, several as
 * albums (sendMediaGroup); the text is the caption (formatted like text) when it fits 1,024 characters and no
 * keyboard must go on the album, else it follows the files as text. Answers the first Telegram message id, and
 * every part's.
 */
export async function sendTelegramMessage(
  ctx: ChannelContext,
  outbound: OutboundMessage,
): Promise<{ sourceId: string; partIds: string[] }> {
  const { message, attachments } = outbound;
  const { botToken, chatId } = await destination(ctx, outbound);
  const text = message.content ?? '';
  const keyboard = inlineKeyboard(outbound);
  const replyTo = (message.content_attributes as { in_reply_to_external_id?: unknown }).in_reply_to_external_id;
  const markup = keyboard ? { reply_markup: keyboard } : {};
  const reply = replyTo ? { reply_to_message_id: replyTo } : {};
  const ids: number[] = [];
  const albums = albumsOf(attachments);
  const single = attachments.length === 1;
  // An album takes no keyboard: with choices, the text (and its keyboard) follows the files.
  const captioned = attachments.length > 0 && [...text].length <= MAX_CAPTION && (single || !keyboard);
  for (const [i, album] of albums.entries()) {
    const caption = captioned && i === 0 ? text : '';
    const first = i === 0 ? reply : {};
    if (album.length === 1) {
      const sent = await sendCaptioned(ctx, botToken, chatId, album[0], caption, {
        ...first,
        ...(captioned && single ? markup : {}),
      });
      ids.push(sent.message_id);
    } else {
      const sent = await sendAlbum(ctx, botToken, chatId, album, captionFields(caption), first);
      ids.push(...sent.map((m) => m.message_id));
    }
  }
  if (text && !captioned) {
    const parts = splitText(text);
    for (const [i, part] of parts.entries()) {
      const extra = { ...(i === 0 && !attachments.length ? reply : {}), ...(i === parts.length - 1 ? markup : {}) };
      ids.push((await sendText(ctx, botToken, chatId, part, extra)).message_id);
    }
  }
  if (!ids.length) throw new ProviderError('nothing to send', false);
  return { sourceId: String(ids[0]), partIds: ids.map(String) };
}
