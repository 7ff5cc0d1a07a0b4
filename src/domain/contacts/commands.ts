import crypto from 'node:crypto';
import type { Db } from '../../db/pool.ts';
import type { Contact, ContactInbox, Inbox } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { findInbox } from '../inboxes/repository.ts';
import { ensureInboxAccess, type InboxAccess } from '../inboxes/access.ts';
import { cleanContactFields } from './validation.ts';
import { getContact } from './repository.ts';
import { changedAttributes, recordEvent } from '../outbox.ts';
import { definedFields } from '../fields.ts';
import { inTransaction } from '../../db/transaction.ts';

export const CONTACT_TRACKED = [
  'name',
  'email',
  'phone_number',
  'identifier',
  'blocked',
  'avatar_url',
  'additional_attributes',
  'custom_attributes',
  'labels',
];

/** Records contact_updated with what changed; a change that changed nothing records nothing. */
async function contactUpdated(trx: Db, before: Contact, after: Contact): Promise<Contact> {
  const changes = changedAttributes(before, after, CONTACT_TRACKED);
  if (Object.keys(changes).length) {
    await recordEvent(trx, {
      accountId: after.account_id,
      name: 'contact.updated',
      contactId: after.id,
      data: { changed_attributes: changes },
    });
  }
  return after;
}

/** Writes the given columns as they are (no merging) and records contact_updated with what changed. */
export async function saveContact(db: Db, before: Contact, values: Record<string, unknown>): Promise<Contact> {
  return inTransaction(db, async (trx) => {
    const after = await trx
      .updateTable('contacts')
      .set({ ...values, updated_at: new Date() })
      .where('account_id', '=', before.account_id)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return contactUpdated(trx, before, after);
  });
}

export interface ContactInput {
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  identifier?: string | null;
  blocked?: boolean;
  avatar_url?: string | null;
  additional_attributes?: Record<string, unknown>;
  custom_attributes?: Record<string, unknown>;
}

const CONTACT_FIELDS = [
  'name',
  'email',
  'phone_number',
  'identifier',
  'blocked',
  'avatar_url',
  'additional_attributes',
  'custom_attributes',
] as const;

function columns(input: ContactInput) {
  const clean = cleanContactFields(input);
  const out: Record<string, unknown> = definedFields(clean, CONTACT_FIELDS);
  if (out.name === null) out.name = '';
  return out;
}

/**
 * The source id a contact gets in an inbox when none is given: its email in an email inbox, its phone's digits
 * in a WhatsApp inbox (Meta's wa_id, the `to` of every send, as Chatwoot keeps it), else a random one.
 */
function defaultSourceId(contact: Contact, inbox: Inbox): string {
  if (inbox.channel_type === 'Channel::Email' && contact.email) return contact.email;
  const phoneDigits = contact.phone_number?.replace(/\D/g, '');
  if (inbox.channel_type === 'Channel::Whatsapp' && phoneDigits) return phoneDigits;
  return crypto.randomUUID();
}

/** Opens the contact in an inbox; API and widget inboxes get a random source id when none is given. */
export async function addContactInbox(
  db: Db,
  contact: Contact,
  inbox: Inbox,
  sourceId?: string | null,
  hmacVerified = false,
): Promise<ContactInbox> {
  const source = sourceId || defaultSourceId(contact, inbox);
  return db
    .insertInto('contact_inboxes')
    .values({
      account_id: contact.account_id,
      contact_id: contact.id,
      inbox_id: inbox.id,
      source_id: source,
      pubsub_token: randomToken(),
      hmac_verified: hmacVerified,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** `inboxAccess`: the inboxes the caller may act in (undefined: all); an `inbox_id` must be one of them. */
export async function createContact(
  db: Db,
  accountId: number,
  input: ContactInput & { inbox_id?: number; source_id?: string | null },
  inboxAccess?: InboxAccess,
): Promise<{ contact: Contact; contactInbox?: ContactInbox; inbox?: Inbox }> {
  const { inbox_id, source_id, ...fields } = input;
  if (inbox_id) ensureInboxAccess(inboxAccess, inbox_id);
  return inTransaction(db, async (trx) => {
    const inbox = inbox_id ? await findInbox(trx, accountId, inbox_id) : undefined;
    if (inbox_id && !inbox) throw validation('Inbox does not exist', ['inbox_id']);
    const contact = await trx
      .insertInto('contacts')
      .values({
        account_id: accountId,
        ...columns(fields),
        contact_type: fields.email || fields.phone_number ? 'lead' : 'visitor',
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, { accountId, name: 'contact.created', contactId: contact.id });
    const contactInbox = inbox ? await addContactInbox(trx, contact, inbox, source_id) : undefined;
    return { contact, contactInbox, inbox };
  });
}

/**
 * What a contact may keep in each attribute object. Updates are merged into what is stored, so updates that
 * are each small (the Client API lets anyone holding a contact's source id send them) would add up forever.
 */
export const MAX_STORED_ATTRIBUTES_BYTES = 64 * 1024;

function merged(
  field: 'additional_attributes' | 'custom_attributes',
  stored: Record<string, unknown>,
  update: Record<string, unknown>,
) {
  const value = { ...stored, ...update };
  if (Buffer.byteLength(JSON.stringify(value)) > MAX_STORED_ATTRIBUTES_BYTES) {
    const name = field === 'custom_attributes' ? 'Custom attributes' : 'Additional attributes';
    throw validation(`${name} would exceed ${MAX_STORED_ATTRIBUTES_BYTES} bytes as JSON: remove keys first`, [field]);
  }
  return value;
}

/** The contact, locked until the caller's transaction ends: attribute merges read what they write over. */
async function lockedContact(trx: Db, accountId: number, contactId: number): Promise<Contact> {
  const contact = await trx
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', contactId)
    .forUpdate()
    .executeTakeFirst();
  if (!contact) throw notFound();
  return contact;
}

/** Updates a contact; additional and custom attributes are merged into what is stored. */
export async function updateContact(
  db: Db,
  accountId: number,
  contactId: number,
  input: ContactInput,
): Promise<Contact> {
  // Under the row's lock: two concurrent merges of different keys both land.
  return inTransaction(db, async (trx) => {
    const current = await lockedContact(trx, accountId, contactId);
    const values = columns(input);
    if (input.additional_attributes)
      values.additional_attributes = merged(
        'additional_attributes',
        current.additional_attributes,
        input.additional_attributes,
      );
    if (input.custom_attributes)
      values.custom_attributes = merged('custom_attributes', current.custom_attributes, input.custom_attributes);
    return saveContact(trx, current, values);
  });
}

export async function removeCustomAttributes(
  db: Db,
  accountId: number,
  contactId: number,
  keys: string[],
): Promise<Contact> {
  return inTransaction(db, async (trx) => {
    const current = await lockedContact(trx, accountId, contactId);
    const kept = Object.fromEntries(Object.entries(current.custom_attributes).filter(([k]) => !keys.includes(k)));
    return saveContact(trx, current, { custom_attributes: kept });
  });
}

export async function deleteContact(db: Db, accountId: number, contactId: number): Promise<void> {
  await inTransaction(db, async (trx) => {
    const result = await trx
      .deleteFrom('contacts')
      .where('account_id', '=', accountId)
      .where('id', '=', contactId)
      .executeTakeFirst();
    if (!result.numDeletedRows) throw notFound();
    await recordEvent(trx, { accountId, name: 'contact.deleted', contactId, data: { id: contactId } });
  });
}

export async function setContactLabels(
  db: Db,
  accountId: number,
  contactId: number,
  labels: string[],
): Promise<string[]> {
  const unique = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
  const current = await getContact(db, accountId, contactId);
  return (await saveContact(db, current, { labels: unique })).labels;
}

/**
 * Folds `mergee` into `base`: conversations, contact inboxes, notes and CSAT answers move over, attributes the base lacks
 * are filled from the mergee, labels are united, and the mergee is deleted. One transaction.
 */
export async function mergeContacts(db: Db, accountId: number, baseId: number, mergeeId: number): Promise<Contact> {
  if (baseId === mergeeId) throw validation('Base and mergee contacts must differ', ['mergee_contact_id']);
  return inTransaction(db, async (trx) => {
    const base = await getContact(trx, accountId, baseId);
    const mergee = await getContact(trx, accountId, mergeeId);
    await trx
      .updateTable('conversations')
      .set({ contact_id: base.id })
      .where('account_id', '=', accountId)
      .where('contact_id', '=', mergee.id)
      .execute();
    await trx
      .updateTable('contact_inboxes')
      .set({ contact_id: base.id })
      .where('account_id', '=', accountId)
      .where('contact_id', '=', mergee.id)
      .execute();
    await trx
      .updateTable('contact_notes')
      .set({ contact_id: base.id })
      .where('account_id', '=', accountId)
      .where('contact_id', '=', mergee.id)
      .execute();
    // CSAT answers follow their conversations (the mergee's deletion would cascade to them).
    await trx
      .updateTable('csat_survey_responses')
      .set({ contact_id: base.id })
      .where('account_id', '=', accountId)
      .where('contact_id', '=', mergee.id)
      .execute();
    await trx.deleteFrom('contacts').where('id', '=', mergee.id).execute();
    await recordEvent(trx, {
      accountId,
      name: 'contact.deleted',
      contactId: mergee.id,
      data: { id: mergee.id, merged_into: base.id },
    });
    const merged = await trx
      .updateTable('contacts')
      .set({
        name: base.name || mergee.name,
        email: base.email ?? mergee.email,
        phone_number: base.phone_number ?? mergee.phone_number,
        identifier: base.identifier ?? mergee.identifier,
        avatar_url: base.avatar_url ?? mergee.avatar_url,
        additional_attributes: { ...mergee.additional_attributes, ...base.additional_attributes },
        custom_attributes: { ...mergee.custom_attributes, ...base.custom_attributes },
        labels: [...new Set([...base.labels, ...mergee.labels])],
        updated_at: new Date(),
      })
      .where('id', '=', base.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    return contactUpdated(trx, base, merged);
  });
}
