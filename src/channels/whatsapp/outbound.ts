import { buffer } from 'node:stream/consumers';
import type { Attachment, ChannelWhatsapp } from '../../db/types.ts';
import { ProviderError, type ChannelContext, type OutboundMessage } from '../adapter.ts';
import { callGraph } from './api.ts';
import { templatePayload } from './template-message.ts';
import { openCredentials } from './credentials.ts';
import { MESSAGE_TYPE } from '../../domain/messages/commands.ts';

interface SentAnswer {
  messages?: { id?: string }[];
}

/** Meta's limits: three reply buttons of 20 characters; ten list rows of 24; a 1,024-character caption. */
const MAX_BUTTONS = 3;
const MAX_BUTTON_TITLE = 20;
const MAX_ROWS = 10;
const MAX_ROW_TITLE = 24;
const MAX_ID = 200;
const MAX_CAPTION = 1024;

const cut = (text: string, max: number) =>
  [...text].length <= max ? text : [...text].slice(0, max - 1).join('') + '…';

type Choice = { title: string; value: string };

/** An input_select message's items (a chatbot step's choices): its buttons, or its list when there are more than three. */
function choicesOf(outbound: OutboundMessage): Choice[] {
  const { message } = outbound;
  const items = (message.content_attributes as { items?: unknown }).items;
  if (message.content_type !== 'input_select' || !Array.isArray(items)) return [];
  return items
    .map((item) => item as { title?: unknown; value?: unknown })
    .filter((item) => typeof item.title === 'string' && item.title)
    .map((item) => ({ title: item.title as string, value: cut(String(item.value ?? item.title), MAX_ID) }));
}

/** Choices as Meta's interactive message: reply buttons (three or fewer), else a list of at most ten rows. */
export function interactivePayload(text: string, choices: Choice[]): Record<string, unknown> {
  const body = { text: cut(text || 'Choose one', 1024) };
  if (choices.length <= MAX_BUTTONS) {
    return {
      type: 'button',
      body,
      action: {
        buttons: choices.map((c) => ({ type: 'reply', reply: { id: c.value, title: cut(c.title, MAX_BUTTON_TITLE) } })),
      },
    };
  }
  const rows = choices.slice(0, MAX_ROWS).map((c) => ({
    id: c.value,
    title: cut(c.title, MAX_ROW_TITLE),
    ...([...c.title].length > MAX_ROW_TITLE ? { description: cut(c.title, 72) } : {}),
  }));
  return { type: 'list', body, action: { button: 'Choose', sections: [{ title: 'Options', rows }] } };
}

const mediaType = (attachment: Attachment) =>
  ['image', 'audio', 'video'].includes(attachment.file_type) ? attachment.file_type : 'document';

/** A stored file is uploaded (POST /{phone_number_id}/media) and sent by id; a linked one is sent by its link. */
async function mediaObject(
  ctx: ChannelContext,
  channel: ChannelWhatsapp,
  attachment: Attachment,
): Promise<Record<string, unknown>> {
  if (!attachment.storage_key) {
    if (!attachment.external_url) throw new ProviderError('attachment has no file', false);
    return { link: attachment.external_url };
  }
  const stored = await ctx.storage.get(attachment.storage_key);
  if (!stored) throw new ProviderError('attachment file is missing from storage', false);
  const form = new FormData();
  form.set('messaging_product', 'whatsapp');
  form.set('type', attachment.content_type);
  form.set('file', new Blob([await buffer(stored.body)], { type: attachment.content_type }), attachment.filename);
  const uploaded = await callGraph<{ id?: string }>(
    ctx.config,
    channel.api_key,
    `${channel.phone_number_id}/media`,
    form,
  );
  if (!uploaded.id) throw new ProviderError('media upload answered no id', true);
  return { id: uploaded.id };
}

/** The inbox's WhatsApp number with its credentials opened. */
async function numberOf(ctx: ChannelContext, inbox: OutboundMessage['inbox']): Promise<ChannelWhatsapp> {
  const channel = await ctx.db
    .selectFrom('channel_whatsapp')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirst();
  if (!channel) throw new ProviderError('the inbox has no WhatsApp number', false);
  return openCredentials(ctx, channel);
}

async function channelOf(
  ctx: ChannelContext,
  outbound: OutboundMessage,
): Promise<{ channel: ChannelWhatsapp; to: string }> {
  const channel = await numberOf(ctx, outbound.inbox);
  const to = await recipientOf(ctx, outbound);
  if (!to) throw new ProviderError('the conversation has no WhatsApp number to write to', false);
  return { channel, to };
}

const WA_ID = /^\d{5,20}$/;

/** The contact's wa_id: its contact inbox's source_id (Meta's `from`), else its phone's digits (a contact opened elsewhere). */
async function recipientOf(
  ctx: ChannelContext,
  { inbox, conversation }: Pick<OutboundMessage, 'inbox' | 'conversation'>,
): Promise<string | undefined> {
  const contactInbox = conversation.contact_inbox_id
    ? await ctx.db
        .selectFrom('contact_inboxes')
        .select('source_id')
        .where('account_id', '=', inbox.account_id)
        .where('id', '=', conversation.contact_inbox_id)
        .executeTakeFirst()
    : undefined;
  const source = contactInbox?.source_id.replace(/^\+/, '');
  if (source && WA_ID.test(source)) return source;
  if (conversation.contact_id === null) return undefined;
  const contact = await ctx.db
    .selectFrom('contacts')
    .select('phone_number')
    .where('account_id', '=', inbox.account_id)
    .where('id', '=', conversation.contact_id)
    .executeTakeFirst();
  const phone = contact?.phone_number?.replace(/\D/g, '');
  return phone && WA_ID.test(phone) ? phone : undefined;
}

/**
 * POST /{phone_number_id}/messages, one call per part: a template (when the message carries template_params),
 * else text (as interactive buttons or a list for choices), then each attachment (the text as the single
 * file's caption when it fits). Answers the first wamid.
 */
export async function sendWhatsappMessage(
  ctx: ChannelContext,
  outbound: OutboundMessage,
): Promise<{ sourceId: string }> {
  const { message, attachments } = outbound;
  const { channel, to } = await channelOf(ctx, outbound);
  const replyTo = (message.content_attributes as { in_reply_to_external_id?: unknown }).in_reply_to_external_id;
  const base = {
    messaging_product: 'whatsapp',
    recipient_type: 'individual',
    to,
    ...(typeof replyTo === 'string' ? { context: { message_id: replyTo } } : {}),
  };
  const send = async (part: Record<string, unknown>) => {
    const answer = await callGraph<SentAnswer>(ctx.config, channel.api_key, `${channel.phone_number_id}/messages`, {
      ...base,
      ...part,
    });
    const id = answer.messages?.[0]?.id;
    if (!id) throw new ProviderError('WhatsApp answered no message id', true);
    return id;
  };
  const template = templatePayload(outbound);
  if (template) return { sourceId: await send({ type: 'template', template }) };
  const text = message.content ?? '';
  const choices = choicesOf(outbound);
  const ids: string[] = [];
  const captioned =
    attachments.length === 1 &&
    !choices.length &&
    [...text].length <= MAX_CAPTION &&
    mediaType(attachments[0]) !== 'audio';
  if (choices.length) ids.push(await send({ type: 'interactive', interactive: interactivePayload(text, choices) }));
  else if (text && !captioned)
    ids.push(await send({ type: 'text', text: { body: text, preview_url: /https?:\/\//.test(text) } }));
  for (const attachment of attachments) {
    const type = mediaType(attachment);
    const media = await mediaObject(ctx, channel, attachment);
    const extra = {
      ...(captioned && text ? { caption: text } : {}),
      ...(type === 'document' ? { filename: attachment.filename } : {}),
    };
    ids.push(await send({ type, [type]: { ...media, ...extra } }));
  }
  if (!ids.length) throw new ProviderError('nothing to send', false);
  return { sourceId: ids[0] };
}

/**
 * WhatsApp's typing indicator: the contact's last message marked read with `typing_indicator` (Meta shows it for
 * up to 25 seconds, or until the next message). Without a message from the contact there is nothing to mark.
 */
export async function whatsappTyping(
  ctx: ChannelContext,
  target: Pick<OutboundMessage, 'inbox' | 'conversation'>,
): Promise<void> {
  const last = await ctx.db
    .selectFrom('messages')
    .select('source_id')
    .where('account_id', '=', target.conversation.account_id)
    .where('conversation_id', '=', target.conversation.id)
    .where('message_type', '=', MESSAGE_TYPE.incoming)
    .where('source_id', 'is not', null)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!last?.source_id) return;
  const channel = await numberOf(ctx, target.inbox);
  await callGraph(ctx.config, channel.api_key, `${channel.phone_number_id}/messages`, {
    messaging_product: 'whatsapp',
    status: 'read',
    message_id: last.source_id,
    typing_indicator: { type: 'text' },
  });
}
