import type { Db } from '../../db/pool.ts';
import type { Message } from '../../db/types.ts';

export interface MessageCursor {
  before?: number;
  after?: number;
  /** Drop private notes and activity messages. */
  publicOnly?: boolean;
}

/**
 * Chatwoot's message window, oldest first: the latest 20; `before` → the 20 before that id; `after` → up
 * to 100 after it; both → up to 1000 between them.
 */
export async function listMessages(
  db: Db,
  accountId: number,
  conversationId: number,
  cursor: MessageCursor,
): Promise<Message[]> {
  let query = db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('conversation_id', '=', conversationId);
  if (cursor.publicOnly) query = query.where('private', '=', false).where('message_type', '!=', 2);
  if (cursor.before) query = query.where('id', '<', cursor.before);
  if (cursor.after) query = query.where('id', '>', cursor.after);
  if (cursor.after)
    return query
      .orderBy('id', 'asc')
      .limit(cursor.before ? 1000 : 100)
      .execute();
  const latest = await query.orderBy('id', 'desc').limit(20).execute();
  return latest.reverse();
}
