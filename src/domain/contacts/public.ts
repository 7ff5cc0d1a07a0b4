import crypto from 'node:crypto';
import type { Db } from '../../db/pool.ts';
import type { Contact, ContactInbox, Inbox } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { addContactInbox, createContact, updateContact, type ContactInput } from './commands.ts';

/** The inbox named by a Client API path (`inbox_identifier`). */
export async function inboxByIdentifier(db: Db, identifier: string): Promise<Inbox> {
  const inbox = await db.selectFrom('inboxes').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  if (!inbox) throw notFound();
  return inbox;
}

export async function contactInboxBySource(db: Db, inbox: Inbox, sourceId: string): Promise<ContactInbox & { contact: Contact }> {
  const contactInbox = await db.selectFrom('contact_inboxes').selectAll().where('inbox_id', '=', inbox.id).where('source_id', '=', sourceId).executeTakeFirst();
  if (!contactInbox) throw notFound();
  const contact = await db.selectFrom('contacts').selectAll().where('id', '=', contactInbox.contact_id).executeTakeFirstOrThrow();
  return { ...contactInbox, contact };
}

/** identifier_hash = hex HMAC-SHA256(inbox hmac_token, identifier), as the widget SDK computes it. */
export function verifyIdentifierHash(inbox: Inbox, identifier: string | undefined, hash: string | undefined): boolean {
  if (!identifier || !hash) return false;
  const expected = crypto.createHmac('sha256', inbox.hmac_token).update(identifier).digest('hex');
  return expected.length === hash.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(hash));
}

function requireHmac(inbox: Inbox, verified: boolean, hash: string | undefined) {
  const mandatory = Boolean((inbox.channel as { hmac_mandatory?: boolean }).hmac_mandatory);
  if (hash && !verified) throw new AppError('unauthenticated', 'HMAC failed: Invalid Identifier Hash Provided');
  if (mandatory && !verified) throw new AppError('unauthenticated', 'HMAC failed: Identifier hash is required for this inbox');
}

export interface PublicContactInput extends ContactInput {
  source_id?: string;
  identifier_hash?: string;
}

/**
 * Creates (or finds) the contact of a Client API caller in an inbox. A known source id returns its contact
 * inbox unchanged; an identifier already known in the account joins that contact instead of duplicating it.
 */
export async function createPublicContact(db: Db, inbox: Inbox, input: PublicContactInput): Promise<ContactInbox & { contact: Contact }> {
  const { source_id, identifier_hash, ...fields } = input;
  if (source_id) {
    const existing = await db.selectFrom('contact_inboxes').select('id').where('inbox_id', '=', inbox.id).where('source_id', '=', source_id).executeTakeFirst();
    if (existing) return contactInboxBySource(db, inbox, source_id);
  }
  const verified = verifyIdentifierHash(inbox, fields.identifier ?? undefined, identifier_hash);
  requireHmac(inbox, verified, identifier_hash);
  const known = fields.identifier
    ? await db.selectFrom('contacts').selectAll().where('account_id', '=', inbox.account_id).where('identifier', '=', fields.identifier).executeTakeFirst()
    : undefined;
  const contact = known ?? (await createContact(db, inbox.account_id, fields)).contact;
  const contactInbox = await addContactInbox(db, contact, inbox, source_id, verified);
  return { ...contactInbox, contact };
}

export async function updatePublicContact(db: Db, inbox: Inbox, sourceId: string, input: PublicContactInput): Promise<Contact> {
  const { contact } = await contactInboxBySource(db, inbox, sourceId);
  const { source_id: _ignored, identifier_hash, identifier: _identifier, ...fields } = input;
  if (identifier_hash && !verifyIdentifierHash(inbox, contact.identifier ?? undefined, identifier_hash)) {
    throw new AppError('unauthenticated', 'HMAC failed: Invalid Identifier Hash Provided');
  }
  return updateContact(db, inbox.account_id, contact.id, fields);
}
