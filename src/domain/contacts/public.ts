import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Contact, ContactInbox, Inbox } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { addContactInbox, createContact, updateContact, type ContactInput } from './commands.ts';
import { visitorName } from './visitor-name.ts';

/**
 * Who a Client API (and widget) caller is. These callers hold no token: the inbox identifier is public and a
 * contact inbox's source id is the only credential. So an existing contact is handed out only to a caller who
 * proves the contact's identity with identifier_hash (HMAC-SHA256 of the identifier with the inbox's
 * hmac_token, computed by the website's backend); anyone else gets a contact of their own. With the inbox's
 * hmac_mandatory on, every call naming a contact must carry that proof.
 */

/** The inbox named by a Client API path (`inbox_identifier`). */
export async function inboxByIdentifier(db: Db, identifier: string): Promise<Inbox> {
  const inbox = await db.selectFrom('inboxes').selectAll().where('identifier', '=', identifier).executeTakeFirst();
  if (!inbox) throw notFound();
  return inbox;
}

/** The contact inbox a source id names in the inbox, whoever asks (the widget's signed token names it too). */
export async function contactInboxBySource(
  db: Db,
  inbox: Inbox,
  sourceId: string,
): Promise<ContactInbox & { contact: Contact }> {
  const contactInbox = await db
    .selectFrom('contact_inboxes')
    .selectAll()
    .where('inbox_id', '=', inbox.id)
    .where('source_id', '=', sourceId)
    .executeTakeFirst();
  if (!contactInbox) throw notFound();
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('id', '=', contactInbox.contact_id)
    .executeTakeFirstOrThrow();
  return { ...contactInbox, contact };
}

/** identifier_hash = hex HMAC-SHA256(inbox hmac_token, identifier), as the widget SDK computes it. */
export function verifyIdentifierHash(
  inbox: Inbox,
  identifier: string | null | undefined,
  hash: string | undefined,
): boolean {
  if (!identifier || !hash) return false;
  const expected = crypto.createHmac('sha256', inbox.hmac_token).update(identifier).digest('hex');
  return expected.length === hash.length && crypto.timingSafeEqual(Buffer.from(expected), Buffer.from(hash));
}

const hmacMandatory = (inbox: Inbox) => Boolean((inbox.channel as { hmac_mandatory?: boolean }).hmac_mandatory);
const invalidHash = () => new AppError('unauthenticated', 'HMAC failed: Invalid Identifier Hash Provided');
const hashRequired = () => new AppError('unauthenticated', 'HMAC failed: Identifier hash is required for this inbox');

/** A hash that does not verify is refused; without one, only an inbox that mandates it refuses. */
function requireHmac(inbox: Inbox, verified: boolean, hash: string | undefined): void {
  if (hash && !verified) throw invalidHash();
  if (hmacMandatory(inbox) && !verified) throw hashRequired();
}

/**
 * The contact inbox a Client API call names by source id. With hmac_mandatory the source id alone is not
 * enough: the contact inbox must have been verified with an identifier_hash when it was created or identified.
 */
export async function callerContactInbox(
  db: Db,
  inbox: Inbox,
  sourceId: string,
): Promise<ContactInbox & { contact: Contact }> {
  const contactInbox = await contactInboxBySource(db, inbox, sourceId);
  if (hmacMandatory(inbox) && !contactInbox.hmac_verified) throw hashRequired();
  return contactInbox;
}

/**
 * A call that shows or changes the contact itself proves who it is when it can: an identifier_hash must match
 * the contact's own identifier (then the contact inbox is verified from now on), and is required under
 * hmac_mandatory.
 */
async function proveContact(
  db: Db,
  inbox: Inbox,
  contactInbox: ContactInbox & { contact: Contact },
  hash: string | undefined,
): Promise<void> {
  const verified = verifyIdentifierHash(inbox, contactInbox.contact.identifier, hash);
  requireHmac(inbox, verified, hash);
  if (verified && !contactInbox.hmac_verified) {
    await db
      .updateTable('contact_inboxes')
      .set({ hmac_verified: true, updated_at: new Date() })
      .where('id', '=', contactInbox.id)
      .execute();
  }
}

export async function showPublicContact(
  db: Db,
  inbox: Inbox,
  sourceId: string,
  hash?: string,
): Promise<ContactInbox & { contact: Contact }> {
  const contactInbox = await callerContactInbox(db, inbox, sourceId);
  await proveContact(db, inbox, contactInbox, hash);
  return contactInbox;
}

export interface PublicContactInput extends ContactInput {
  source_id?: string;
  identifier_hash?: string;
}

/**
 * Creates (or finds) the contact of a Client API caller in an inbox.
 * - A known source id returns its contact inbox (the source id is the credential); under hmac_mandatory only
 *   to a caller proving that contact's identifier.
 * - A verified identifier joins the contact with that identifier (or creates it): the caller proved it.
 * - Anything else creates a new contact. An unproven identifier is neither looked up nor stored (Chatwoot's
 *   Client API does not take it either): stored, it would let a stranger claim a customer's identity before
 *   the customer arrives. An email or phone another contact has is kept as unverified (withoutTakenAddresses).
 */
export async function createPublicContact(
  db: Db,
  inbox: Inbox,
  input: PublicContactInput,
): Promise<ContactInbox & { contact: Contact }> {
  const { source_id, identifier_hash, identifier, ...fields } = input;
  const verified = verifyIdentifierHash(inbox, identifier, identifier_hash);
  requireHmac(inbox, verified, identifier_hash);
  if (source_id) {
    const existing = await db
      .selectFrom('contact_inboxes')
      .select('id')
      .where('inbox_id', '=', inbox.id)
      .where('source_id', '=', source_id)
      .executeTakeFirst();
    if (existing) {
      const contactInbox = await contactInboxBySource(db, inbox, source_id);
      const proven = verified && contactInbox.contact.identifier === identifier;
      if (hmacMandatory(inbox) && !proven) throw invalidHash();
      if (proven && !contactInbox.hmac_verified) await proveContact(db, inbox, contactInbox, identifier_hash);
      return contactInbox;
    }
  }
  if (!verified) return createAnonymousContact(db, inbox, fields, source_id);
  const known = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('identifier', '=', identifier!)
    .executeTakeFirst();
  const contact = known ?? (await createContact(db, inbox.account_id, { ...fields, identifier })).contact;
  const contactInbox = await addContactInbox(db, contact, inbox, source_id, true);
  return { ...contactInbox, contact };
}

/**
 * An unproven caller's email or phone number that another contact of the account already has: kept beside the
 * contact as `additional_attributes.unverified_email` / `unverified_phone_number` (an agent sees it and may
 * merge the two), not refused — a refusal would tell anyone which addresses are customers', and would stop a
 * returning visitor on a new device from starting a chat.
 */
async function withoutTakenAddresses(
  db: Db,
  accountId: number,
  fields: ContactInput,
  ownContactId?: number,
): Promise<ContactInput> {
  const email = fields.email?.trim() || undefined;
  const phone = fields.phone_number?.trim() || undefined;
  if (!email && !phone) return fields;
  let taken = db
    .selectFrom('contacts')
    .select(['email', 'phone_number'])
    .where('account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        ...(email ? [eb(sql`lower(email)`, '=', email.toLowerCase())] : []),
        ...(phone ? [eb('phone_number', '=', phone)] : []),
      ]),
    );
  if (ownContactId !== undefined) taken = taken.where('id', '!=', ownContactId);
  const rows = await taken.execute();
  const emailTaken = Boolean(email && rows.some((r) => r.email?.toLowerCase() === email.toLowerCase()));
  const phoneTaken = Boolean(phone && rows.some((r) => r.phone_number === phone));
  if (!emailTaken && !phoneTaken) return fields;
  const { email: _email, phone_number: _phone, ...rest } = fields;
  return {
    ...rest,
    ...(emailTaken ? {} : { email: fields.email }),
    ...(phoneTaken ? {} : { phone_number: fields.phone_number }),
    additional_attributes: {
      ...fields.additional_attributes,
      ...(emailTaken ? { unverified_email: email } : {}),
      ...(phoneTaken ? { unverified_phone_number: phone } : {}),
    },
  };
}

/** A new contact of the caller's own, proving nothing (the widget's first visit, an unidentified caller). */
export async function createAnonymousContact(
  db: Db,
  inbox: Inbox,
  fields: ContactInput = {},
  sourceId?: string,
): Promise<ContactInbox & { contact: Contact }> {
  const own = await withoutTakenAddresses(db, inbox.account_id, fields);
  const name = own.name?.trim() || visitorName();
  const { contact, contactInbox } = await createContact(db, inbox.account_id, {
    ...own,
    name,
    identifier: undefined,
    inbox_id: inbox.id,
    source_id: sourceId,
  });
  return { ...contactInbox!, contact };
}

/** The caller updates its own contact; the identifier never changes here, and a hash must match the contact's. */
export async function updatePublicContact(
  db: Db,
  inbox: Inbox,
  sourceId: string,
  input: PublicContactInput,
): Promise<Contact> {
  const contactInbox = await callerContactInbox(db, inbox, sourceId);
  const { source_id: _ignored, identifier_hash, identifier: _identifier, ...fields } = input;
  await proveContact(db, inbox, contactInbox, identifier_hash);
  // A caller proven to be this contact may take any address (a duplicate is then the plain 422); others may not.
  const own = contactInbox.hmac_verified
    ? fields
    : await withoutTakenAddresses(db, inbox.account_id, fields, contactInbox.contact.id);
  return updateContact(db, inbox.account_id, contactInbox.contact.id, own);
}
