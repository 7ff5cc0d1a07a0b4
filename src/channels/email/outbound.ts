import nodemailer from 'nodemailer';
import type { ChannelEmail } from '../../db/types.ts';
import { ProviderError, type ChannelContext, type OutboundMessage } from '../adapter.ts';
import { markdownToHtml } from './html.ts';
import { domainOf, ownMessageId, replyAddress } from './mail.ts';
import { openNullable } from '../../domain/auth/credentials.ts';

/** Message-IDs kept in References: enough to thread in every client, short enough for any server. */
const MAX_REFERENCES = 20;

async function channelOf(ctx: ChannelContext, outbound: OutboundMessage): Promise<ChannelEmail> {
  const { inbox } = outbound;
  const row = await ctx.db
    .selectFrom('channel_email')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .executeTakeFirst();
  if (!row) throw new ProviderError('the inbox has no email channel', false);
  return row;
}

/** The inbox's SMTP server (its settings), else the server's own SMTP_URL; neither: the message cannot be sent. */
function transportFor(ctx: ChannelContext, channel: ChannelEmail) {
  const timeouts = {
    connectionTimeout: ctx.config.channels.timeoutMs,
    greetingTimeout: ctx.config.channels.timeoutMs,
    socketTimeout: ctx.config.channels.timeoutMs,
  };
  if (channel.smtp_enabled && channel.smtp_address && channel.smtp_port) {
    const auth = channel.smtp_login
      ? { user: channel.smtp_login, pass: openNullable(ctx.config, channel.smtp_password) ?? '' }
      : undefined;
    return nodemailer.createTransport({
      host: channel.smtp_address,
      port: channel.smtp_port,
      secure: channel.smtp_enable_ssl_tls,
      ignoreTLS: !channel.smtp_enable_starttls_auto && !channel.smtp_enable_ssl_tls,
      ...(channel.smtp_domain ? { name: channel.smtp_domain } : {}),
      ...(auth
        ? {
            auth,
            authMethod:
              channel.smtp_authentication === 'login'
                ? 'LOGIN'
                : channel.smtp_authentication === 'cram_md5'
                  ? 'CRAM-MD5'
                  : 'PLAIN',
          }
        : {}),
      ...timeouts,
    });
  }
  if (ctx.config.smtpUrl) return nodemailer.createTransport(ctx.config.smtpUrl);
  throw new ProviderError('the inbox has no SMTP server and SMTP_URL is not set', false);
}

/** The conversation's mail so far: the contact's address, the subject, and the Message-IDs it threads on. */
async function thread(ctx: ChannelContext, outbound: OutboundMessage) {
  const { conversation, message } = outbound;
  const contact = await ctx.db
    .selectFrom('contacts')
    .select(['email', 'name'])
    .where('account_id', '=', conversation.account_id)
    .where('id', '=', conversation.contact_id)
    .executeTakeFirst();
  if (!contact?.email) throw new ProviderError('the contact has no email address', false);
  const earlier = await ctx.db
    .selectFrom('messages')
    .select(['source_id', 'message_type'])
    .where('account_id', '=', conversation.account_id)
    .where('conversation_id', '=', conversation.id)
    .where('id', '<', message.id)
    .where('source_id', 'is not', null)
    .where('private', '=', false)
    .orderBy('id')
    .execute();
  const ids = earlier.map((m) => m.source_id!).filter((id) => /^<[^<>\s]+@[^<>\s]+>$/.test(id));
  const lastIncoming = earlier
    .filter((m) => m.message_type === 0 && /^<[^<>\s]+>$/.test(m.source_id!))
    .at(-1)?.source_id;
  const subject = String((conversation.additional_attributes as { mail_subject?: unknown }).mail_subject ?? '').trim();
  return {
    to: { name: contact.name ?? '', address: contact.email },
    subject,
    inReplyTo: lastIncoming ?? ids.at(-1),
    references: ids.slice(-MAX_REFERENCES),
  };
}

/** An SMTP refusal: 4xx (and network failures) are tried again, 5xx fail the message with the server's words. */
function providerErrorOf(error: unknown): ProviderError {
  const failure = error as { responseCode?: number; response?: string; message?: string; code?: string };
  const reason = failure.response?.trim() || failure.message || String(error);
  if (typeof failure.responseCode === 'number') return new ProviderError(reason, failure.responseCode < 500);
  return new ProviderError(reason, true);
}

/**
 * An agent's reply as a mail from the inbox's address, through the inbox's SMTP server: In-Reply-To the
 * contact's last mail and References the thread, Reply-To the conversation's reply address, our own
 * Message-ID (the same for every attempt at one message; it becomes the message's source_id), the text and
 * its HTML rendering as alternatives, attachments.
 */
export async function sendEmailMessage(ctx: ChannelContext, outbound: OutboundMessage): Promise<{ sourceId: string }> {
  const { inbox, conversation, message, attachments } = outbound;
  const channel = await channelOf(ctx, outbound);
  const { to, subject, inReplyTo, references } = await thread(ctx, outbound);
  const domain = ctx.config.channels.emailReplyDomain ?? domainOf(channel.email);
  const messageId = ownMessageId(conversation.uuid, message.id, domainOf(channel.email));
  const files = [];
  for (const attachment of attachments) {
    if (attachment.storage_key) {
      const stored = await ctx.storage.get(attachment.storage_key);
      if (!stored) throw new ProviderError('attachment file is missing from storage', false);
      files.push({
        filename: attachment.filename ?? 'attachment',
        contentType: attachment.content_type ?? undefined,
        content: stored.body,
      });
    } else if (attachment.external_url) {
      files.push({ filename: attachment.filename ?? 'attachment', path: attachment.external_url });
    }
  }
  const transport = transportFor(ctx, channel);
  try {
    await transport.sendMail({
      from: { name: inbox.business_name || inbox.name, address: channel.email },
      to,
      replyTo: replyAddress(conversation.uuid, domain),
      subject: subject
        ? /^re:/i.test(subject)
          ? subject
          : `Re: ${subject}`
        : `[#${conversation.display_id}] ${inbox.name}`,
      messageId,
      ...(inReplyTo ? { inReplyTo } : {}),
      ...(references.length ? { references } : {}),
      // multipart/alternative: the markdown as typed, and rendered (escaped) for clients that show HTML.
      text: message.content ?? '',
      ...(message.content?.trim() ? { html: markdownToHtml(message.content) } : {}),
      attachments: files,
    });
  } catch (error) {
    throw providerErrorOf(error);
  } finally {
    transport.close();
  }
  return { sourceId: messageId };
}
