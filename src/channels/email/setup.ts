import { sealCredential } from '../../domain/auth/credentials.ts';
import type { Inbox } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { createInbox, type InboxInput } from '../../domain/inboxes/commands.ts';
import type { ChannelContext } from '../adapter.ts';

export const EMAIL_CHANNEL_TYPE = 'Channel::Email';

/** The settings presented with the inbox (Chatwoot's Channel::Email fields); the passwords are never among them. */
export const EMAIL_PRESENTED_KEYS = [
  'email',
  'imap_enabled',
  'imap_address',
  'imap_port',
  'imap_login',
  'imap_enable_ssl',
  'smtp_enabled',
  'smtp_address',
  'smtp_port',
  'smtp_login',
  'smtp_domain',
  'smtp_enable_starttls_auto',
  'smtp_enable_ssl_tls',
  'smtp_authentication',
] as const;

const ADDRESS = /^[^\s@<>()",;:]{1,64}@[A-Za-z0-9.-]{1,253}\.[A-Za-z0-9-]{2,63}$/;
const HOST = /^[A-Za-z0-9.-]{1,253}$/;
const SMTP_AUTHENTICATION = ['plain', 'login', 'cram_md5', 'xoauth2'];

const text = (value: unknown) => (typeof value === 'string' && value.trim() ? value.trim() : null);
const flag = (value: unknown, fallback: boolean) => (typeof value === 'boolean' ? value : fallback);

function port(value: unknown, field: string): number | null {
  if (value === undefined || value === null || value === '') return null;
  const number = Number(value);
  if (!Number.isInteger(number) || number < 1 || number > 65_535)
    throw validation(`${field.replace('channel.', '')} is not a valid port`, [field]);
  return number;
}

function host(value: unknown, field: string): string | null {
  const given = text(value);
  if (given && !HOST.test(given)) throw validation(`${field.replace('channel.', '')} is not a valid host`, [field]);
  return given;
}

/** Chatwoot's `channel` body for `type: "email"`, checked: an enabled server needs its address and port. */
function emailSettings(channel: Record<string, unknown>) {
  const email = text(channel.email)?.toLowerCase();
  if (!email) throw validation("Email can't be blank", ['channel.email']);
  if (!ADDRESS.test(email)) throw validation('Email is invalid', ['channel.email']);
  const settings = {
    email,
    imap_enabled: flag(channel.imap_enabled, false),
    imap_address: host(channel.imap_address, 'channel.imap_address'),
    imap_port: port(channel.imap_port, 'channel.imap_port'),
    imap_login: text(channel.imap_login),
    imap_password: text(channel.imap_password),
    imap_enable_ssl: flag(channel.imap_enable_ssl, true),
    smtp_enabled: flag(channel.smtp_enabled, false),
    smtp_address: host(channel.smtp_address, 'channel.smtp_address'),
    smtp_port: port(channel.smtp_port, 'channel.smtp_port'),
    smtp_login: text(channel.smtp_login),
    smtp_password: text(channel.smtp_password),
    smtp_domain: host(channel.smtp_domain, 'channel.smtp_domain'),
    smtp_enable_starttls_auto: flag(channel.smtp_enable_starttls_auto, true),
    smtp_enable_ssl_tls: flag(channel.smtp_enable_ssl_tls, false),
    smtp_authentication: text(channel.smtp_authentication),
  };
  if (settings.imap_enabled && (!settings.imap_address || !settings.imap_port))
    throw validation("Imap address and port can't be blank", ['channel.imap_address']);
  if (settings.smtp_enabled && (!settings.smtp_address || !settings.smtp_port))
    throw validation("Smtp address and port can't be blank", ['channel.smtp_address']);
  if (settings.smtp_authentication && !SMTP_AUTHENTICATION.includes(settings.smtp_authentication)) {
    throw validation('Smtp authentication is not included in the list', ['channel.smtp_authentication']);
  }
  return settings;
}

/**
 * Chatwoot's email inbox: the address (unique: the built-in SMTP receiver routes mail by it) and, optionally,
 * the IMAP server polled for new mail and the SMTP server replies go out through. The passwords are kept sealed in
 * channel_email for logging in; inboxes.channel holds the rest, which is what is presented.
 */
export async function createEmailInbox(
  ctx: ChannelContext,
  accountId: number,
  input: InboxInput,
  channel: Record<string, unknown>,
): Promise<Inbox> {
  const settings = emailSettings(channel);
  const openable = (password: string | null | undefined) => (password ? sealCredential(ctx.config, password) : null);
  const taken = await ctx.db
    .selectFrom('channel_email')
    .select('id')
    .where((eb) => eb(eb.fn('lower', ['email']), '=', settings.email))
    .executeTakeFirst();
  if (taken) throw validation('Email has already been taken', ['channel.email']);
  const presented = Object.fromEntries(EMAIL_PRESENTED_KEYS.map((key) => [key, settings[key]]));
  return createInbox(ctx.db, accountId, EMAIL_CHANNEL_TYPE, { ...input, channel: presented }, async (trx, inbox) => {
    const sealed = { imap_password: openable(settings.imap_password), smtp_password: openable(settings.smtp_password) };
    await trx
      .insertInto('channel_email')
      .values({ account_id: accountId, inbox_id: inbox.id, ...settings, ...sealed })
      .execute();
  });
}

/** Nothing to undo at a provider: the channel row goes with the inbox. */
export async function beforeEmailDelete(): Promise<() => Promise<void>> {
  return async () => {};
}

/** The inboxes IMAP polling reads: enabled, with a server to read. */
export async function imapInboxIds(ctx: Pick<ChannelContext, 'db'>): Promise<number[]> {
  const rows = await ctx.db
    .selectFrom('channel_email')
    .select('inbox_id')
    .where('imap_enabled', '=', true)
    .where('imap_address', 'is not', null)
    .where('imap_port', 'is not', null)
    .orderBy('inbox_id')
    .execute();
  return rows.map((row) => Number(row.inbox_id));
}
