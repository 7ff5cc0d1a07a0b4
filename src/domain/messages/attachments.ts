import type { Db } from '../../db/pool.ts';
import type { Attachment, Conversation } from '../../db/types.ts';
import { loadMessageDetails, type Sender } from './details.ts';
import { ATTACHMENT_COLUMNS } from '../attachments/repository.ts';

export const ATTACHMENTS_PER_PAGE = 100;

/** A page of a conversation's attachments with their messages' senders: three statements plus sender lookups. */
export async function conversationAttachments(db: Db, conversation: Conversation, page: number) {
  const base = db
    .selectFrom('attachments as a')
    .innerJoin('messages as m', 'm.id', 'a.message_id')
    .where('a.account_id', '=', conversation.account_id)
    .where('m.conversation_id', '=', conversation.id);
  const [rows, total] = await Promise.all([
    base
      .select(ATTACHMENT_COLUMNS.map((column) => `a.${column}` as const))
      .orderBy('a.id', 'desc')
      .limit(ATTACHMENTS_PER_PAGE)
      .offset((page - 1) * ATTACHMENTS_PER_PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const messageIds = [...new Set(rows.map((r) => r.message_id))];
  const messages = messageIds.length
    ? await db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute()
    : [];
  const senders = new Map<number, Sender | undefined>(
    (await loadMessageDetails(db, conversation.account_id, messages)).map((d) => [d.message.id, d.sender]),
  );
  return {
    total: Number(total.count),
    items: rows.map((row): { attachment: Attachment; sender: Sender | undefined } => ({
      attachment: row,
      sender: senders.get(row.message_id),
    })),
  };
}
