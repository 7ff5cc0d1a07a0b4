import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { inboxCondition } from '../inboxes/access.ts';

/** A conversation by its per-account display id, hidden from agents outside its inbox. */
export async function getConversation(
  db: Db,
  accountId: number,
  displayId: number,
  visibleInboxIds?: number[],
): Promise<Conversation> {
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('display_id', '=', displayId)
    .where(inboxCondition(visibleInboxIds))
    .executeTakeFirst();
  if (!conversation) throw notFound();
  return conversation;
}

export async function getConversationById(db: Db, accountId: number, id: number): Promise<Conversation> {
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!conversation) throw notFound();
  return conversation;
}

/** The contact's conversations, most recently active first (Chatwoot shows at most 20). */
export async function contactConversations(
  db: Db,
  accountId: number,
  contactId: number,
  visibleInboxIds?: number[],
): Promise<Conversation[]> {
  return db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('contact_id', '=', contactId)
    .where(inboxCondition(visibleInboxIds))
    .orderBy('last_activity_at', 'desc')
    .orderBy('id', 'desc')
    .limit(20)
    .execute();
}
