import type { Db } from '../../db/pool.ts';
import type { Contact, Conversation, Inbox } from '../../db/types.ts';
import { AppError, validation } from '../../errors.ts';
import { createContact } from '../contacts/commands.ts';
import { cleanContactFields } from '../contacts/validation.ts';
import { listAccountInboxes } from '../inboxes/visible.ts';
import { inboxCondition } from '../inboxes/access.ts';
import { ACTIVE_STATUSES } from './status.ts';
import { isUuid } from '../uuid.ts';

/**
 * How a sender addresses a contact in a channel — `from` (the channel) and `to` (the contact) — resolved once for
 * every sender: `/chat/v1/message/send` (and the typed senders) and `/chat/v1/chatbot/send`.
 */

const digits = (value: string) => value.replace(/\D/g, '');
const PHONE = /^\+?[\d\s().-]+$/;
/** The error for a `from` that names no channel; each endpoint words it as its clients expect. */
export type UnknownChannel = (from: string) => AppError;

const notAChannel: UnknownChannel = (from) => validation(`from ${from} is not a channel of this company`, ['from']);

/**
 * The channel `from` names: its id, its phone number (any formatting), its email address or its name. WTS
 * makes `from` optional on message sends; without it the company's first channel sends, as a one-channel
 * company expects.
 */
export async function channelFor(
  db: Db,
  accountId: number,
  from: string | undefined,
  visibleInboxIds?: number[],
  unknown: UnknownChannel = notAChannel,
): Promise<Inbox> {
  const inboxes = await listAccountInboxes(db, accountId, visibleInboxIds);
  if (!from?.trim()) {
    if (!inboxes[0]) throw validation('from is required: the company has no channel to send from', ['from']);
    return inboxes[0];
  }
  const wanted = from.trim().toLowerCase();
  const match = inboxes.find((inbox) => {
    const channel = (inbox.channel ?? {}) as Record<string, unknown>;
    const phone = typeof channel.phone_number === 'string' ? channel.phone_number : '';
    const email = typeof channel.email === 'string' ? channel.email.toLowerCase() : '';
    return (
      inbox.uuid === wanted ||
      (phone && digits(wanted) && digits(phone) === digits(wanted)) ||
      email === wanted ||
      inbox.name.toLowerCase() === wanted
    );
  });
  if (!match) throw unknown(from.trim());
  return match;
}

/** What `to` names: a phone number (to E.164), an email address, or a username (`@name` or `name`). */
export type RecipientKey = { phone_number: string } | { email: string } | { username: string };

export function recipientOf(to: string): RecipientKey {
  const value = to.trim();
  if (!value) throw validation('to is required', ['to']);
  if (PHONE.test(value)) {
    try {
      return { phone_number: cleanContactFields({ phone_number: `+${digits(value)}` }).phone_number! };
    } catch {
      throw validation(`to ${to} is not a valid phone number`, ['to']);
    }
  }
  if (value.includes('@') && !value.startsWith('@')) {
    try {
      return { email: cleanContactFields({ email: value }).email! };
    } catch {
      throw validation(`to ${to} is not a valid email address`, ['to']);
    }
  }
  return { username: value.replace(/^@/, '') };
}

/** A username is the contact's identifier; identifiers stored with the `@` match too. */
async function findRecipient(db: Db, accountId: number, key: RecipientKey): Promise<Contact | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where((eb) =>
      'phone_number' in key
        ? eb('phone_number', '=', key.phone_number)
        : 'email' in key
          ? eb('email', '=', key.email)
          : eb('identifier', 'in', [key.username, `@${key.username}`]),
    )
    .orderBy('id')
    .executeTakeFirst();
}

/** The contact `to` names when the company knows it already (nothing is created). */
export async function knownContactFor(db: Db, accountId: number, to: string): Promise<Contact | undefined> {
  return findRecipient(db, accountId, recipientOf(to));
}

/** The contact `to` names, created (in the sending channel) when the company does not know it yet, as WTS does. */
export async function contactFor(db: Db, accountId: number, inbox: Inbox, to: string): Promise<Contact> {
  const key = recipientOf(to);
  const known = await findRecipient(db, accountId, key);
  if (known) return known;
  const fields = 'username' in key ? { identifier: key.username } : key;
  try {
    return (await createContact(db, accountId, { ...fields, name: to.trim(), inbox_id: inbox.id })).contact;
  } catch (error) {
    // Two sends to the same new address at once: the other one created it.
    const created = await findRecipient(db, accountId, key);
    if (created) return created;
    throw error;
  }
}

/** The contact's session in the channel that is still going (not completed or hidden), newest first. */
export async function openSessionOf(
  db: Db,
  accountId: number,
  contactId: number,
  inboxId: number,
): Promise<Conversation | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where('inbox_id', '=', inboxId)
    .where('status', 'in', ACTIVE_STATUSES)
    .orderBy('id', 'desc')
    .executeTakeFirst();
}

/** A session named by `sessionId` in a send's body: a 404 naming the field when it is not the company's. */
export async function sessionNamed(
  db: Db,
  accountId: number,
  uuid: string,
  visibleInboxIds?: number[],
): Promise<Conversation> {
  const conversation = isUuid(uuid)
    ? await db
        .selectFrom('conversations')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('uuid', '=', uuid)
        .where(inboxCondition(visibleInboxIds))
        .executeTakeFirst()
    : undefined;
  if (!conversation) throw new AppError('not_found', `Session ${uuid} could not be found (sessionId)`, ['sessionId']);
  return conversation;
}
