import crypto from 'node:crypto';
import { createRequire } from 'node:module';
import type SanitizeHtml from 'sanitize-html';
import type { AddressObject, ParsedMail } from 'mailparser';

const require = createRequire(import.meta.url);
let sanitizer: typeof SanitizeHtml | undefined;
/** sanitize-html, loaded with the first mail read: a process without email inboxes never pays for it. */
const sanitizeHtml = (): typeof SanitizeHtml => (sanitizer ??= require('sanitize-html') as typeof SanitizeHtml);

/** Our Message-IDs: `<sb.<conversation uuid>.<message id>@domain>`; the same message always gets the same one. */
const OWN_MESSAGE_ID = /^<?sb\.[0-9a-f-]{36}\.\d+@/i;

export function ownMessageId(conversationUuid: string, messageId: number, domain: string): string {
  return `<sb.${conversationUuid}.${messageId}@${domain}>`;
}

export const isOwnMessageId = (id: string) => OWN_MESSAGE_ID.test(id.trim());

/** A conversation's reply address: replies to it thread into the conversation whatever their headers say. */
export function replyAddress(conversationUuid: string, domain: string): string {
  return `reply+${conversationUuid}@${domain}`;
}

const REPLY_ADDRESS = /^reply\+([0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12})@/i;

export function conversationUuidOf(address: string): string | undefined {
  return REPLY_ADDRESS.exec(address)?.[1]?.toLowerCase();
}

export const domainOf = (address: string) => address.slice(address.lastIndexOf('@') + 1).toLowerCase();

const header = (mail: ParsedMail, name: string) => {
  const value = mail.headers.get(name);
  return typeof value === 'string'
    ? value
    : value && typeof value === 'object' && 'value' in value
      ? String(value.value)
      : '';
};

/**
 * Why the mail must not be taken in (mail loops: an auto-reply answering our reply, answered again...), or
 * undefined: automatic mail (`Auto-Submitted` other than "no"), bulk and list mail (`Precedence`), bounces
 * (an empty return path, or from the mailer daemon) and mail carrying our own Message-ID (our mail come back).
 */
export function loopReason(mail: ParsedMail, envelopeFrom: string | undefined): string | undefined {
  const autoSubmitted = header(mail, 'auto-submitted').trim().toLowerCase();
  if (autoSubmitted && autoSubmitted !== 'no') return `Auto-Submitted: ${autoSubmitted}`;
  const precedence = header(mail, 'precedence').trim().toLowerCase();
  if (['bulk', 'junk', 'list', 'auto_reply'].includes(precedence)) return `Precedence: ${precedence}`;
  if (header(mail, 'x-autoreply') || header(mail, 'x-autorespond')) return 'auto-reply header';
  if (envelopeFrom !== undefined && envelopeFrom.trim() === '') return 'bounce (empty return path)';
  const from = fromAddress(mail)?.address ?? '';
  if (/^(mailer-daemon|postmaster)@/i.test(from)) return 'bounce (mailer daemon)';
  if (mail.messageId && isOwnMessageId(mail.messageId)) return 'our own Message-ID';
  return undefined;
}

function firstAddress(field: AddressObject | AddressObject[] | undefined) {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  for (const object of list)
    for (const entry of object.value)
      if (entry.address) return { address: entry.address.toLowerCase(), name: entry.name?.trim() ?? '' };
  return undefined;
}

export const fromAddress = (mail: ParsedMail) => firstAddress(mail.from);

export function addressList(field: AddressObject | AddressObject[] | undefined): string[] {
  const list = Array.isArray(field) ? field : field ? [field] : [];
  return list.flatMap((object) =>
    object.value.map((entry) => entry.address?.toLowerCase()).filter((a): a is string => Boolean(a)),
  );
}

/** Where the quoted history of a plain-text reply starts: "On … wrote:", an Outlook header block, or ">" lines. */
const QUOTE_STARTS = [
  /^On\b.{0,300}\bwrote:\s*$/m,
  /^-{2,}\s*Original Message\s*-{2,}\s*$/im,
  /^_{10,}\s*$/m,
  /^From:\s.*\n(?:Sent|Date):\s/m,
  /^>/m,
];

/** The new part of a plain-text mail; the quoted history below it is folded away. */
export function replyPart(text: string): string {
  let cut = text.length;
  for (const pattern of QUOTE_STARTS) {
    const found = pattern.exec(text);
    if (found && found.index < cut && text.slice(0, found.index).trim()) cut = found.index;
  }
  return text.slice(0, cut).trim();
}

/** HTML with nothing active: no scripts, styles, handlers, forms or frames; links and images keep http(s)/cid/mailto. */
export function sanitiseHtml(html: string): string {
  return sanitizeHtml()(html, {
    allowedTags: [...sanitizeHtml().defaults.allowedTags, 'img', 'span', 'font', 'center'],
    allowedAttributes: { a: ['href', 'title'], img: ['src', 'alt', 'title', 'width', 'height'], '*': ['dir', 'align'] },
    allowedSchemes: ['http', 'https', 'mailto', 'cid'],
    disallowedTagsMode: 'discard',
  });
}

/** The new part of an HTML mail: quoted blocks (blockquote, Gmail's and Outlook's quote wrappers) removed. */
function htmlReplyPart(html: string): string {
  const cut = html.search(/<div[^>]+class="?gmail_quote|<blockquote|<div[^>]+id="?(divRplyFwdMsg|appendonsend)/i);
  return sanitiseHtml(cut > 0 ? html.slice(0, cut) : html);
}

/** Chatwoot's `content_attributes.email` of an incoming mail, and the message content (the new text only). */
export function emailContent(mail: ParsedMail) {
  const text = mail.text ?? '';
  const html = typeof mail.html === 'string' ? mail.html : '';
  const textReply = text ? replyPart(text) : '';
  const htmlText =
    !text && html
      ? sanitizeHtml()(html, { allowedTags: [], allowedAttributes: {} })
          .replace(/\n{3,}/g, '\n\n')
          .trim()
      : '';
  const content = textReply || (htmlText ? replyPart(htmlText) : '') || null;
  const from = fromAddress(mail);
  return {
    content,
    email: {
      subject: mail.subject ?? null,
      from: from ? [from.address] : [],
      to: addressList(mail.to),
      cc: addressList(mail.cc),
      date: mail.date?.toISOString() ?? null,
      message_id: mail.messageId ?? null,
      in_reply_to: mail.inReplyTo ?? null,
      references: references(mail),
      text_content: text ? { full: text, reply: textReply } : null,
      html_content: html ? { full: sanitiseHtml(html), reply: htmlReplyPart(html) } : null,
      number_of_attachments: mail.attachments.length,
    },
  };
}

export function references(mail: ParsedMail): string[] {
  const refs = mail.references;
  return (Array.isArray(refs) ? refs : refs ? refs.split(/\s+/) : []).filter(Boolean);
}

/** The mail's Message-ID, or (for mail without one) a digest of its bytes: the key redeliveries share. */
export function mailKey(mail: ParsedMail, raw: Buffer): string {
  return mail.messageId?.trim() || `sha256:${crypto.createHash('sha256').update(raw).digest('hex')}`;
}
