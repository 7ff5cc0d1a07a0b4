import crypto from 'node:crypto';
import type { ChannelWhatsapp, Inbox } from '../../db/types.ts';
import type { NewFile } from '../../domain/messages/commands.ts';
import { receiveFile } from '../../domain/attachments/upload.ts';
import { AppError } from '../../errors.ts';
import { openCredentials } from './credentials.ts';
import type { ChannelContext } from '../adapter.ts';
import { alreadyReceived, receiveInbound } from '../inbound.ts';
import { updateSentStatus } from '../status.ts';
import { downloadMedia } from './api.ts';
import {
  contentOf,
  MEDIA_TYPES,
  type WhatsappChangeValue,
  type WhatsappInboundMessage,
  type WhatsappStatus,
  type WhatsappWebhook,
} from './payload.ts';

export interface WhatsappInbox {
  inbox: Inbox;
  channel: ChannelWhatsapp;
}

/** The inbox a phone number names; unknown: 404 (as Chatwoot answers). */
export async function whatsappInboxFor(ctx: ChannelContext, phoneNumber: string): Promise<WhatsappInbox> {
  const channel = await ctx.db
    .selectFrom('channel_whatsapp')
    .selectAll()
    .where('phone_number', '=', phoneNumber)
    .executeTakeFirst();
  const inbox =
    channel &&
    (await ctx.db
      .selectFrom('inboxes')
      .selectAll()
      .where('account_id', '=', channel.account_id)
      .where('id', '=', channel.inbox_id)
      .executeTakeFirst());
  if (!channel || !inbox) throw new AppError('not_found', 'Inbox not found');
  return { inbox, channel: openCredentials(ctx, channel) };
}

const equalTexts = (a: string, b: string) => {
  const left = crypto.createHash('sha256').update(a).digest();
  const right = crypto.createHash('sha256').update(b).digest();
  return crypto.timingSafeEqual(left, right);
};

/** Meta's handshake: `hub.verify_token` must be the inbox's webhook_verify_token. */
export function verifiesToken(whatsapp: WhatsappInbox, token: string | undefined): boolean {
  return typeof token === 'string' && equalTexts(token, whatsapp.channel.webhook_verify_token);
}

/**
 * `X-Hub-Signature-256: sha256=<hex>`, the HMAC-SHA256 of the raw body with the app secret (the inbox's own
 * `app_secret`, else WHATSAPP_APP_SECRET). No secret configured: every call is refused, never taken unchecked.
 */
export function signatureHolds(
  ctx: ChannelContext,
  whatsapp: WhatsappInbox,
  rawBody: string,
  header: string | undefined,
): boolean {
  const secret = whatsapp.channel.app_secret ?? ctx.config.channels.whatsappAppSecret;
  if (!secret || !header?.startsWith('sha256=')) return false;
  const expected = 'sha256=' + crypto.createHmac('sha256', secret).update(rawBody).digest('hex');
  return equalTexts(header, expected);
}

async function fetchMedia(
  ctx: ChannelContext,
  whatsapp: WhatsappInbox,
  message: WhatsappInboundMessage,
): Promise<NewFile | undefined> {
  const media = MEDIA_TYPES.includes(message.type as never)
    ? message[message.type as (typeof MEDIA_TYPES)[number]]
    : undefined;
  if (!media?.id) return undefined;
  const { body, mimeType } = await downloadMedia(ctx.config, whatsapp.channel.api_key, media.id);
  const extension = (media.mime_type ?? mimeType ?? '').split('/')[1]?.split(';')[0] ?? 'bin';
  const filename = media.filename ?? `${message.type}-${media.id}.${extension}`;
  return receiveFile(
    ctx.db,
    ctx.storage,
    body,
    { filename, mimetype: media.mime_type ?? mimeType },
    ctx.config.uploads.authenticated.maxFileBytes,
  );
}

async function takeMessage(
  ctx: ChannelContext,
  whatsapp: WhatsappInbox,
  value: WhatsappChangeValue,
  message: WhatsappInboundMessage,
): Promise<void> {
  if (!message.id || !message.from) return;
  if (await alreadyReceived(ctx.db, whatsapp.inbox, message.id)) return;
  const { content, attributes } = contentOf(message);
  const file = await fetchMedia(ctx, whatsapp, message);
  if (!content && !file) return; // unsupported types (system, order, unknown...) are not taken in
  const profile = value.contacts?.find((c) => c.wa_id === message.from) ?? value.contacts?.[0];
  const phone = `+${message.from}`;
  await receiveInbound(ctx.db, ctx.storage, whatsapp.inbox, {
    providerMessageId: message.id,
    sourceId: message.id,
    contact: {
      sourceId: message.from,
      name: profile?.profile?.name || phone,
      additionalAttributes: {},
      phoneNumber: phone,
    },
    conversationAttributes: {},
    content,
    contentAttributes: attributes,
    files: file ? [file] : [],
  });
}

/** Meta's statuses, mapped onto ours; a failure keeps Meta's "title: message" as the reason. */
async function takeStatus(ctx: ChannelContext, whatsapp: WhatsappInbox, status: WhatsappStatus): Promise<void> {
  if (!['sent', 'delivered', 'read', 'failed'].includes(status.status)) return;
  const error = status.errors?.[0];
  const reason = error
    ? [error.title, error.message ?? error.error_data?.details].filter(Boolean).join(': ') || `error ${error.code}`
    : undefined;
  await updateSentStatus(
    ctx.db,
    whatsapp.inbox,
    status.id,
    status.status as 'sent' | 'delivered' | 'read' | 'failed',
    reason,
  );
}

/** One webhook call: every message and status of every change. An error answers 5xx, so Meta delivers again (receipts make that safe). */
export async function handleWhatsappWebhook(
  ctx: ChannelContext,
  whatsapp: WhatsappInbox,
  payload: WhatsappWebhook,
): Promise<void> {
  for (const entry of payload.entry ?? []) {
    for (const change of entry.changes ?? []) {
      const value = change.value;
      if (!value || (change.field && change.field !== 'messages')) continue;
      if (value.metadata?.phone_number_id && value.metadata.phone_number_id !== whatsapp.channel.phone_number_id)
        continue;
      for (const message of value.messages ?? []) await takeMessage(ctx, whatsapp, value, message);
      for (const status of value.statuses ?? []) await takeStatus(ctx, whatsapp, status);
    }
  }
}
