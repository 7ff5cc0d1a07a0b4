import type { Db } from '../../db/pool.ts';
import type { Contact, ContactInbox, Conversation, Inbox } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { createAnonymousContact, updatePublicContact, verifyIdentifierHash } from '../contacts/public.ts';
import { mergeContacts, updateContact, type ContactInput } from '../contacts/commands.ts';
import { widgetContactInbox, widgetInbox } from './events.ts';

/** Who calls the widget API: the inbox its website_token names and the contact its X-Auth-Token names. */
export interface WidgetVisitor {
  inbox: Inbox;
  contactInbox: ContactInbox;
  contact: Contact;
}

export async function widgetVisitor(
  db: Db,
  websiteToken: string,
  authToken: string | undefined,
): Promise<WidgetVisitor> {
  const inbox = await widgetInbox(db, websiteToken);
  const contactInbox = await widgetContactInbox(db, inbox, authToken);
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('id', '=', contactInbox.contact_id)
    .executeTakeFirstOrThrow();
  return { inbox, contactInbox, contact };
}

/** The visitor's current conversation, as Chatwoot's widget has one: the latest of its contact inbox. */
export async function currentConversation(db: Db, visitor: WidgetVisitor): Promise<Conversation | undefined> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', visitor.inbox.account_id)
    .where('contact_inbox_id', '=', visitor.contactInbox.id)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}

export interface SetUserInput extends ContactInput {
  identifier: string;
  identifier_hash?: string;
}

const hmacMandatory = (inbox: Inbox) => Boolean((inbox.channel as { hmac_mandatory?: boolean }).hmac_mandatory);

/**
 * `$chatwoot.setUser(identifier, {...})`. A valid identifier_hash proves the visitor is the site's user with
 * that identifier: the visitor's contact joins the contact that has it (or takes it), and the contact inbox is
 * verified. A wrong hash is refused, and so is a missing one when the inbox enforces verification. Without a
 * hash (an inbox that does not ask for one) the identifier proves nothing: it is kept beside the visitor's own
 * contact as `additional_attributes.unverified_identifier`, never used to find someone else's contact.
 * A visitor already identified as somebody else gets a new contact and a new token (`widget_auth_token`).
 */
export async function setWidgetUser(
  db: Db,
  visitor: WidgetVisitor,
  input: SetUserInput,
): Promise<{ contactInbox: ContactInbox; contact: Contact; switched: boolean }> {
  const { identifier, identifier_hash, ...fields } = input;
  const verified = verifyIdentifierHash(visitor.inbox, identifier, identifier_hash);
  if (identifier_hash && !verified)
    throw new AppError('unauthenticated', 'HMAC failed: Invalid Identifier Hash Provided');
  if (hmacMandatory(visitor.inbox) && !verified)
    throw new AppError('unauthenticated', 'HMAC failed: Identifier hash is required for this inbox');

  let { contactInbox, contact } = visitor;
  const knownAs =
    contact.identifier ?? (contact.additional_attributes as { unverified_identifier?: string }).unverified_identifier;
  const switched = Boolean(knownAs && knownAs !== identifier);
  if (switched) ({ contact, ...contactInbox } = await createAnonymousContact(db, visitor.inbox));

  if (!verified) {
    const updated = await updatePublicContact(db, visitor.inbox, contactInbox.source_id, {
      ...fields,
      additional_attributes: { unverified_identifier: identifier },
    });
    return { contactInbox, contact: updated, switched };
  }
  const owner = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', contact.account_id)
    .where('identifier', '=', identifier)
    .executeTakeFirst();
  if (owner && owner.id !== contact.id) contact = await mergeContacts(db, contact.account_id, owner.id, contact.id);
  contactInbox = await db
    .updateTable('contact_inboxes')
    .set({ hmac_verified: true, updated_at: new Date() })
    .where('id', '=', contactInbox.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  contact = await updateContact(db, contact.account_id, contact.id, { ...fields, identifier });
  return { contactInbox, contact, switched };
}
