import type { Db } from '../db/pool.ts';
import type { Inbox, MessageStatus } from '../db/types.ts';
import { MESSAGE_TYPE, updateMessageStatus } from '../domain/messages/commands.ts';

/** How far a sent message has got: a status never goes back (a late `delivered` after `read` changes nothing). */
const RANK: Record<string, number> = { sent: 1, delivered: 2, read: 3 };

/**
 * A provider's status callback for a message it sent for us (found by its source_id in the inbox): the status
 * is updated (with the provider's reason when it failed) and `message.updated` fired. Unknown ids are ignored.
 */
export async function updateSentStatus(
  db: Db,
  inbox: Inbox,
  sourceId: string,
  status: 'sent' | 'delivered' | 'read' | 'failed',
  reason?: string,
): Promise<boolean> {
  const message = await db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', inbox.account_id)
    .where('inbox_id', '=', inbox.id)
    .where('source_id', '=', sourceId)
    .where('message_type', 'in', [MESSAGE_TYPE.outgoing, MESSAGE_TYPE.template])
    .executeTakeFirst();
  if (!message || message.status === status) return false;
  if (status !== 'failed' && (RANK[message.status] ?? 0) >= RANK[status]) return false;
  await updateMessageStatus(
    db,
    message,
    status as MessageStatus,
    status === 'failed' ? (reason ?? 'failed') : undefined,
  );
  return true;
}
