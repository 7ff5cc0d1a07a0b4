import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { ContactInbox, Conversation, Inbox, Message } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { recordEvent } from '../outbox.ts';
import { loadMessageDetails, type MessageDetails } from '../messages/details.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import { createConversation } from './commands.ts';
import { inTransaction } from '../../db/transaction.ts';
import { csatAnswerOf, recordCsatAnswer } from '../csat/responses.ts';

/** A Client API caller's conversation: only those of its own contact inbox. */
export async function publicConversation(db: Db, contactInbox: ContactInbox, displayId: number): Promise<Conversation> {
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', contactInbox.account_id)
    .where('display_id', '=', displayId)
    .where('contact_inbox_id', '=', contactInbox.id)
    .executeTakeFirst();
  if (!conversation) throw notFound();
  return conversation;
}

/**
 * What a Client API list shows: anyone holding a contact's source id may ask for it as often as they like,
 * and a contact may have written for years. Chatwoot shows everything; older messages are still one call
 * away (`GET …/messages?before=`).
 */
export const PUBLIC_LIST_CONVERSATIONS = 100;
export const PUBLIC_LIST_MESSAGES = 100;

/** The contact inbox's latest conversations (oldest first), each with its latest public messages: three statements plus sender lookups. */
export async function publicConversations(
  db: Db,
  contactInbox: ContactInbox,
  only?: Conversation,
): Promise<{ conversation: Conversation; messages: MessageDetails[] }[]> {
  const conversations = only
    ? [only]
    : (
        await db
          .selectFrom('conversations')
          .selectAll()
          .where('account_id', '=', contactInbox.account_id)
          .where('contact_inbox_id', '=', contactInbox.id)
          .orderBy('id', 'desc')
          .limit(PUBLIC_LIST_CONVERSATIONS)
          .execute()
      ).reverse();
  if (!conversations.length) return [];
  const { rows: messages } = await sql<Message>`
    SELECT m.* FROM unnest(${sql.val(conversations.map((c) => c.id))}::bigint[]) AS listed(id)
    CROSS JOIN LATERAL (
      SELECT * FROM messages
      WHERE account_id = ${contactInbox.account_id} AND conversation_id = listed.id AND NOT private AND message_type <> ${MESSAGE_TYPE.activity}
      ORDER BY id DESC LIMIT ${PUBLIC_LIST_MESSAGES}
    ) m
    ORDER BY m.id`.execute(db);
  const details = await loadMessageDetails(db, contactInbox.account_id, messages);
  return conversations.map((conversation) => ({
    conversation,
    messages: details.filter((d) => d.message.conversation_id === conversation.id),
  }));
}

/** Opens a conversation for the contact; an inbox locked to a single conversation returns the last one. */
export async function openPublicConversation(
  db: Db,
  inbox: Inbox,
  contactInbox: ContactInbox,
  customAttributes?: Record<string, unknown>,
): Promise<Conversation> {
  if (inbox.lock_to_single_conversation) {
    const last = await db
      .selectFrom('conversations')
      .selectAll()
      .where('contact_inbox_id', '=', contactInbox.id)
      .orderBy('id', 'desc')
      .executeTakeFirst();
    if (last) return last;
  }
  return createConversation(db, inbox.account_id, {
    sourceId: contactInbox.source_id,
    inboxId: inbox.id,
    customAttributes,
  });
}

export async function contactSeen(db: Db, conversation: Conversation): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ contact_last_seen_at: new Date() })
    .where('id', '=', conversation.id)
    .execute();
}

/** A contact's answer to a form, select or CSAT message (a CSAT answer is stored as a csat_survey_response too). */
export async function submitValues(
  db: Db,
  message: Message,
  submitted: unknown[] | Record<string, unknown>,
): Promise<Message> {
  const csat = message.content_type === 'input_csat' ? csatAnswerOf(submitted) : undefined;
  return inTransaction(db, async (trx) => {
    if (csat) await recordCsatAnswer(trx, message, csat);
    const updated = await trx
      .updateTable('messages')
      .set({
        content_attributes: { ...message.content_attributes, submitted_values: submitted },
        updated_at: new Date(),
      })
      .where('id', '=', message.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await recordEvent(trx, {
      accountId: message.account_id,
      name: 'message.updated',
      conversationId: message.conversation_id,
      inboxId: message.inbox_id,
      messageId: message.id,
      data: {
        previous_changes: {
          content_attributes: { previous_value: message.content_attributes, current_value: updated.content_attributes },
        },
      },
    });
    return updated;
  });
}
