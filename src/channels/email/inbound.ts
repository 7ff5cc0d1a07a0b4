import { Readable } from 'node:stream';
import { simpleParser, type ParsedMail } from 'mailparser';
import type { Inbox } from '../../db/types.ts';
import type { NewFile } from '../../domain/messages/commands.ts';
import { receiveFile } from '../../domain/attachments/upload.ts';
import type { ChannelContext } from '../adapter.ts';
import { alreadyReceived, receiveInbound } from '../inbound.ts';
import { EMAIL_CHANNEL_TYPE } from './setup.ts';
import { conversationUuidOf, emailContent, fromAddress, loopReason, mailKey, references } from './mail.ts';

/** Where a recipient address leads: an email inbox (by its address), and a conversation (by its reply address). */
export interface MailDestination {
  inbox: Inbox;
  conversationId?: number;
}

/** The inbox (and conversation) an address names, or undefined: the inbox's own address or a reply+<uuid> address. */
export async function destinationOf(ctx: ChannelContext, address: string): Promise<MailDestination | undefined> {
  const { db } = ctx;
  const uuid = conversationUuidOf(address);
  if (uuid) {
    const row = await db
      .selectFrom('conversations')
      .innerJoin('inboxes', 'inboxes.id', 'conversations.inbox_id')
      .selectAll('inboxes')
      .select('conversations.id as conversation_id')
      .where('conversations.uuid', '=', uuid)
      .where('inboxes.channel_type', '=', EMAIL_CHANNEL_TYPE)
      .whereRef('inboxes.account_id', '=', 'conversations.account_id')
      .executeTakeFirst();
    if (row) {
      const { conversation_id: conversationId, ...inbox } = row;
      return { inbox, conversationId };
    }
    return undefined;
  }
  const channel = await db
    .selectFrom('channel_email')
    .select(['inbox_id', 'account_id'])
    .where((eb) => eb(eb.fn('lower', ['email']), '=', address.toLowerCase()))
    .executeTakeFirst();
  if (!channel) return undefined;
  const inbox = await db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', channel.account_id)
    .where('id', '=', channel.inbox_id)
    .executeTakeFirst();
  return inbox && { inbox };
}

/** The conversation of the inbox that one of the mail's In-Reply-To / References ids belongs to (ours or theirs). */
async function threadedConversation(ctx: ChannelContext, inbox: Inbox, mail: ParsedMail): Promise<number | undefined> {
  const ids = [
    ...new Set([mail.inReplyTo, ...references(mail)].filter((id): id is string => Boolean(id)).map((id) => id.trim())),
  ].slice(-50);
  if (!ids.length) return undefined;
  const row = await ctx.db
    .selectFrom('messages')
    .select('conversation_id')
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .where('source_id', 'in', ids)
    .orderBy('id', 'desc')
    .executeTakeFirst();
  return row?.conversation_id;
}

async function storeAttachments(ctx: ChannelContext, mail: ParsedMail): Promise<NewFile[]> {
  const files: NewFile[] = [];
  for (const attachment of mail.attachments) {
    files.push(
      await receiveFile(
        ctx.db,
        ctx.storage,
        Readable.from(attachment.content),
        { filename: attachment.filename ?? 'attachment', mimetype: attachment.contentType },
        ctx.config.uploads.authenticated.maxFileBytes,
      ),
    );
  }
  return files;
}

export type MailOutcome = 'stored' | 'duplicate' | 'dropped';

/**
 * One mail for one destination: dropped when it could start a mail loop (mail.ts's loopReason), else the
 * sender's contact (by address, named by the display name), the conversation it continues (reply address,
 * then In-Reply-To/References, then the contact's open one) and an incoming message holding the new text
 * (the full mail in content_attributes.email), its attachments stored; once per Message-ID.
 */
export async function takeMail(
  ctx: ChannelContext,
  destination: MailDestination,
  mail: ParsedMail,
  raw: Buffer,
  envelopeFrom?: string,
): Promise<MailOutcome> {
  const { inbox } = destination;
  const reason = loopReason(mail, envelopeFrom);
  const from = fromAddress(mail);
  if (reason || !from) {
    ctx.log.warn({ inbox: inbox.id, reason: reason ?? 'no From address' }, 'email: mail dropped');
    return 'dropped';
  }
  const key = mailKey(mail, raw);
  if (await alreadyReceived(ctx.db, inbox, key)) return 'duplicate';
  const conversationId = destination.conversationId ?? (await threadedConversation(ctx, inbox, mail));
  const { content, email } = emailContent(mail);
  const files = await storeAttachments(ctx, mail);
  const stored = await receiveInbound(ctx.db, ctx.storage, inbox, {
    providerMessageId: key,
    sourceId: key,
    contact: {
      sourceId: from.address,
      email: from.address,
      name: from.name || from.address.split('@')[0],
      additionalAttributes: {},
    },
    conversationAttributes: { mail_subject: mail.subject ?? '' },
    conversationId,
    content: content ?? (files.length ? null : ''),
    contentAttributes: { email },
    files,
  });
  return stored ? 'stored' : 'duplicate';
}

/** Parses a raw mail and takes it in for each destination. */
export async function takeRawMail(
  ctx: ChannelContext,
  destinations: MailDestination[],
  raw: Buffer,
  envelopeFrom?: string,
): Promise<MailOutcome[]> {
  const mail = await simpleParser(raw, { skipTextToHtml: true });
  const outcomes: MailOutcome[] = [];
  for (const destination of destinations) outcomes.push(await takeMail(ctx, destination, mail, raw, envelopeFrom));
  return outcomes;
}
