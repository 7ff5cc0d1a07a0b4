import { sql } from 'kysely';
import { ImapFlow } from 'imapflow';
import type { ChannelEmail, Inbox } from '../../db/types.ts';
import type { ChannelContext } from '../adapter.ts';
import { takeRawMail } from './inbound.ts';
import { openNullable } from '../../domain/auth/credentials.ts';

/** Mails taken in per poll of one inbox; the rest wait for the next poll (a full batch polls again at once). */
export const IMAP_BATCH = 100;

export interface PollResult {
  stored: number;
  skipped: number;
  /** More unseen mail was left for the next poll. */
  more: boolean;
}

/**
 * The poll's outcome on the inbox, where both dialects and the dashboard see it (inboxes.channel, merged in
 * SQL): `imap_error` the server's words or null, `reauthorization_required` (Chatwoot's flag) when the login
 * was refused, and when the mailbox was last read.
 */
async function recordOutcome(
  ctx: ChannelContext,
  inbox: Inbox,
  error: { message: string; authentication: boolean } | undefined,
) {
  const state = {
    imap_error: error?.message ?? null,
    reauthorization_required: error?.authentication ?? false,
    imap_checked_at: new Date().toISOString(),
  };
  await ctx.db
    .updateTable('inboxes')
    .set({ channel: sql`coalesce(channel, '{}'::jsonb) || ${JSON.stringify(state)}::jsonb` })
    .where('account_id', '=', inbox.account_id)
    .where('id', '=', inbox.id)
    .execute();
}

/** A failure in words a person can act on: the server's own response when it gave one. */
function describe(error: unknown): { message: string; authentication: boolean } {
  const failure = error as {
    authenticationFailed?: boolean;
    responseText?: string;
    serverResponseCode?: string;
    code?: string;
    message?: string;
  };
  if (failure.authenticationFailed) {
    return {
      message: `IMAP login refused${failure.responseText ? `: ${failure.responseText}` : ''} (check imap_login and imap_password)`,
      authentication: true,
    };
  }
  const words = failure.responseText || failure.message || String(error);
  return { message: `IMAP ${failure.code ? `${failure.code}: ` : ''}${words}`, authentication: false };
}

/** The Return-Path of a delivered mail: `<>` marks a bounce, as an empty MAIL FROM does for the SMTP receiver. */
function returnPath(raw: Buffer): string | undefined {
  const head = raw.subarray(0, Math.min(raw.length, 64 * 1024)).toString('latin1');
  const end = head.search(/\r?\n\r?\n/);
  const found = /^Return-Path:[ \t]*<([^>]*)>/im.exec(end >= 0 ? head.slice(0, end) : head);
  return found ? found[1] : undefined;
}

/**
 * Reads the inbox's IMAP INBOX once: the unseen mails above the last UID taken in (all of them again when the
 * mailbox's UIDVALIDITY changed), oldest first, each through the SMTP receiver's path (inbound.ts: loop
 * protection, threading, once per Message-ID), then flagged \Seen and the UID remembered. A mail that could
 * not be stored stops the batch there, to be tried again next poll. A failure is recorded on the inbox and
 * thrown.
 */
export async function pollImapInbox(ctx: ChannelContext, inboxId: number): Promise<PollResult> {
  const channel = await ctx.db
    .selectFrom('channel_email')
    .selectAll()
    .where('inbox_id', '=', inboxId)
    .where('imap_enabled', '=', true)
    .executeTakeFirst();
  if (!channel?.imap_address || !channel.imap_port) return { stored: 0, skipped: 0, more: false };
  const inbox = await ctx.db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', channel.account_id)
    .where('id', '=', channel.inbox_id)
    .executeTakeFirstOrThrow();
  const timeout = ctx.config.channels.timeoutMs;
  const client = new ImapFlow({
    host: channel.imap_address,
    port: channel.imap_port,
    secure: channel.imap_enable_ssl,
    auth: { user: channel.imap_login ?? channel.email, pass: openNullable(ctx.config, channel.imap_password) ?? '' },
    logger: false,
    disableAutoIdle: true,
    connectionTimeout: timeout,
    greetingTimeout: timeout,
    socketTimeout: timeout,
  });
  // A dropped connection is reported through the command that was waiting on it; the event must not crash the process.
  client.on('error', (error) => ctx.log.warn({ err: error, inbox: inbox.id }, 'email: IMAP connection error'));
  try {
    const result = await readMailbox(ctx, client, channel, inbox);
    await recordOutcome(ctx, inbox, undefined);
    return result;
  } catch (error) {
    const described = describe(error);
    await recordOutcome(ctx, inbox, described).catch(() => {});
    ctx.log.warn({ inbox: inbox.id, reason: described.message }, 'email: IMAP poll failed');
    throw Object.assign(new Error(described.message), { cause: error });
  } finally {
    await client.logout().catch(() => client.close());
  }
}

async function readMailbox(
  ctx: ChannelContext,
  client: ImapFlow,
  channel: ChannelEmail,
  inbox: Inbox,
): Promise<PollResult> {
  await client.connect();
  const lock = await client.getMailboxLock('INBOX');
  try {
    const mailbox = client.mailbox;
    if (!mailbox) throw new Error('INBOX could not be opened');
    const validity = Number(mailbox.uidValidity);
    let lastUid = Number(channel.imap_last_uid);
    if (channel.imap_uid_validity === null || Number(channel.imap_uid_validity) !== validity) {
      // A new mailbox (or one rebuilt by the server): its UIDs start over. Message-IDs keep old mail from coming in twice.
      lastUid = 0;
      await saveUid(ctx, channel, validity, 0);
    }
    const found = (await client.search({ seen: false, uid: `${lastUid + 1}:*` }, { uid: true })) || [];
    const uids = found.filter((uid) => uid > lastUid).sort((a, b) => a - b);
    let stored = 0;
    let skipped = 0;
    for (const uid of uids.slice(0, IMAP_BATCH)) {
      const message = await client.fetchOne(String(uid), { source: true }, { uid: true });
      if (message !== false && message.source) {
        const outcomes = await takeRawMail(ctx, [{ inbox }], message.source, returnPath(message.source));
        if (outcomes[0] === 'stored') stored++;
        else skipped++;
      }
      await client.messageFlagsAdd(String(uid), ['\\Seen'], { uid: true });
      await saveUid(ctx, channel, validity, uid);
    }
    return { stored, skipped, more: uids.length > IMAP_BATCH };
  } finally {
    lock.release();
  }
}

/** The last UID taken in only ever grows (two polls racing cannot move it back) unless UIDVALIDITY changed. */
async function saveUid(ctx: ChannelContext, channel: ChannelEmail, validity: number, uid: number) {
  await ctx.db
    .updateTable('channel_email')
    .set({
      imap_uid_validity: validity,
      imap_last_uid: sql`CASE WHEN imap_uid_validity IS DISTINCT FROM ${validity}::bigint THEN ${uid} ELSE greatest(imap_last_uid, ${uid}) END`,
    })
    .where('id', '=', channel.id)
    .execute();
}
