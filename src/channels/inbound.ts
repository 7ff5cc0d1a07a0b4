import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { ContactInbox, Conversation, Inbox, Message } from '../db/types.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { addContactInbox, createContact } from '../domain/contacts/commands.ts';
import { createConversation } from '../domain/conversations/commands.ts';
import { addMessageFiles, insertMessage, MESSAGE_TYPE, type NewFile } from '../domain/messages/commands.ts';
import { releaseUnclaimed } from '../domain/attachments/orphans.ts';
import { inTransaction } from '../db/transaction.ts';

/** A message a provider delivered, in the framework's terms. */
export interface InboundMessage {
  /** Unique per inbox for the provider: a redelivery carries the same one. */
  providerMessageId: string;
  /** The message's source_id (the provider's own id for it, e.g. for edits and replies). */
  sourceId: string;
  /**
   * `phoneNumber` (+E.164) or `email`: a contact of the account with it already is the one who writes (Chatwoot
   * finds it so), else one is created with it.
   */
  contact: {
    sourceId: string;
    name: string;
    additionalAttributes: Record<string, unknown>;
    phoneNumber?: string;
    email?: string;
  };
  /** The conversation the provider says the message continues (email threading); used when it is in the inbox. */
  conversationId?: number;
  /** Kept on a new conversation (e.g. Telegram's chat_id, which outbound sends need). */
  conversationAttributes: Record<string, unknown>;
  content: string | null;
  contentAttributes?: Record<string, unknown>;
  files?: NewFile[];
  /**
   * Several provider messages that make one (Telegram's album: a `media_group_id`): the first one stored becomes
   * the message, later ones add their files (and the caption, if it had none) to it.
   */
  groupKey?: string;
}

const UNIQUE_VIOLATION = '23505';

/** Whether a provider message id was already taken in (a cheap look before downloading its media). */
export async function alreadyReceived(db: Db, inbox: Inbox, providerMessageId: string): Promise<boolean> {
  const row = await db
    .selectFrom('channel_receipts')
    .select('inbox_id')
    .where('inbox_id', '=', inbox.id)
    .where('provider_message_id', '=', providerMessageId)
    .executeTakeFirst();
  return Boolean(row);
}

/** The contact's contact inbox, created with its contact on first contact (two deliveries racing find one). */
async function contactInboxFor(db: Db, inbox: Inbox, contact: InboundMessage['contact']): Promise<ContactInbox> {
  const find = () =>
    db
      .selectFrom('contact_inboxes')
      .selectAll()
      .where('account_id', '=', inbox.account_id)
      .where('inbox_id', '=', inbox.id)
      .where('source_id', '=', contact.sourceId)
      .executeTakeFirst();
  const found = await find();
  if (found) return found;
  try {
    const known = contact.phoneNumber
      ? await db
          .selectFrom('contacts')
          .selectAll()
          .where('account_id', '=', inbox.account_id)
          .where('phone_number', '=', contact.phoneNumber)
          .executeTakeFirst()
      : contact.email
        ? await db
            .selectFrom('contacts')
            .selectAll()
            .where('account_id', '=', inbox.account_id)
            .where(sql<boolean>`lower(email) = lower(${contact.email})`)
            .executeTakeFirst()
        : undefined;
    if (known) return await addContactInbox(db, known, inbox, contact.sourceId);
    const created = await createContact(db, inbox.account_id, {
      name: contact.name,
      additional_attributes: contact.additionalAttributes,
      ...(contact.phoneNumber ? { phone_number: contact.phoneNumber } : {}),
      ...(contact.email ? { email: contact.email } : {}),
      inbox_id: inbox.id,
      source_id: contact.sourceId,
    });
    return created.contactInbox!;
  } catch (error) {
    if ((error as { code?: string }).code !== UNIQUE_VIOLATION) throw error;
    const raced = await find();
    if (!raced) throw error;
    return raced;
  }
}

/** The conversation the message joins: the contact's latest one still going (any, if the inbox keeps one), else a new one. */
async function conversationFor(
  trx: Db,
  inbox: Inbox,
  contactInbox: ContactInbox,
  attributes: Record<string, unknown>,
  threadedId?: number,
): Promise<Conversation> {
  if (threadedId !== undefined) {
    const threaded = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('account_id', '=', inbox.account_id)
      .where('inbox_id', '=', inbox.id)
      .where('id', '=', threadedId)
      .executeTakeFirst();
    if (threaded) return threaded;
  }
  let latest = trx
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('contact_inbox_id', '=', contactInbox.id);
  if (!inbox.lock_to_single_conversation) latest = latest.where('status', 'not in', ['resolved', 'hidden']);
  const going = await latest.orderBy('id', 'desc').executeTakeFirst();
  if (going) return going;
  return createConversation(trx, inbox.account_id, {
    sourceId: contactInbox.source_id,
    inboxId: inbox.id,
    additionalAttributes: attributes,
  });
}

/**
 * Takes a provider's message in: contact + contact inbox + conversation + incoming message, once. The receipt
 * and the message commit together, so a redelivery (even one racing the first) stores nothing; its files,
 * already in storage, are released.
 */
export async function receiveInbound(
  db: Db,
  storage: ObjectStorage,
  inbox: Inbox,
  inbound: InboundMessage,
): Promise<Message | undefined> {
  const keys = (inbound.files ?? []).map((file) => file.storageKey);
  try {
    const contactInbox = await contactInboxFor(db, inbox, inbound.contact);
    return await inTransaction(db, async (trx) => {
      // One message of a contact at a time: two first messages arriving together open one conversation, not two.
      await trx.selectFrom('contact_inboxes').select('id').where('id', '=', contactInbox.id).forUpdate().execute();
      const receipt = await trx
        .insertInto('channel_receipts')
        .values({ inbox_id: inbox.id, provider_message_id: inbound.providerMessageId, account_id: inbox.account_id })
        .onConflict((oc) => oc.columns(['inbox_id', 'provider_message_id']).doNothing())
        .returning('inbox_id')
        .executeTakeFirst();
      if (!receipt) return undefined;
      // The contact's lock above serializes an album's parts, however concurrently they are delivered.
      const group = inbound.groupKey ? await receivedMessage(trx, inbox, inbound.groupKey) : undefined;
      if (group) {
        const message = await addMessageFiles(trx, group, inbound.files ?? [], inbound.content);
        await trx
          .updateTable('channel_receipts')
          .set({ message_id: message.id })
          .where('inbox_id', '=', inbox.id)
          .where('provider_message_id', '=', inbound.providerMessageId)
          .execute();
        return message;
      }
      const conversation = await conversationFor(
        trx,
        inbox,
        contactInbox,
        inbound.conversationAttributes,
        inbound.conversationId,
      );
      const { message } = await insertMessage(trx, conversation.id, {
        messageType: MESSAGE_TYPE.incoming,
        content: inbound.content,
        contentAttributes: inbound.contentAttributes,
        sender: { type: 'Contact', id: contactInbox.contact_id },
        sourceId: inbound.sourceId,
        files: inbound.files,
      });
      await trx
        .updateTable('channel_receipts')
        .set({ message_id: message.id })
        .where('inbox_id', '=', inbox.id)
        .where('provider_message_id', '=', inbound.providerMessageId)
        .execute();
      if (inbound.groupKey) {
        await trx
          .insertInto('channel_receipts')
          .values({
            inbox_id: inbox.id,
            provider_message_id: inbound.groupKey,
            account_id: inbox.account_id,
            message_id: message.id,
          })
          .execute();
      }
      return message;
    });
  } finally {
    await releaseUnclaimed(db, storage, keys).catch(() => {});
  }
}

/** The incoming message a provider id names in the inbox (edits find their message this way). */
export async function receivedMessage(db: Db, inbox: Inbox, providerMessageId: string): Promise<Message | undefined> {
  return db
    .selectFrom('channel_receipts')
    .innerJoin('messages', 'messages.id', 'channel_receipts.message_id')
    .selectAll('messages')
    .where('channel_receipts.inbox_id', '=', inbox.id)
    .where('channel_receipts.provider_message_id', '=', providerMessageId)
    .where('messages.account_id', '=', inbox.account_id)
    .executeTakeFirst();
}
