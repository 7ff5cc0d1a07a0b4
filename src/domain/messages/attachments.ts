import type { Db } from '../../db/pool.ts';
import type { Attachment, Conversation } from '../../db/types.ts';
import { loadMessageDetails, type Sender } from './details.ts';

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
      .select(['a.id', 'a.account_id', 'a.message_id', 'a.file_type', 'a.filename', 'a.content_type', 'a.extension', 'a.file_size', 'a.width', 'a.height', 'a.external_url', 'a.access_key', 'a.created_at'])
      .orderBy('a.id', 'desc')
      .limit(ATTACHMENTS_PER_PAGE)
      .offset((page - 1) * ATTACHMENTS_PER_PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const messageIds = [...new Set(rows.map((r) => r.message_id))];
  const messages = messageIds.length ? await db.selectFrom('messages').selectAll().where('id', 'in', messageIds).execute() : [];
  const senders = new Map<number, Sender | undefined>((await loadMessageDetails(db, conversation.account_id, messages)).map((d) => [d.message.id, d.sender]));
  return {
    total: Number(total.count),
    items: rows.map((row) => ({ attachment: { ...row, data: null } as Attachment, sender: senders.get(row.message_id) })),
  };
}

/** The file itself, for the public download URL (the access key is the credential). */
export async function attachmentFile(db: Db, id: number, accessKey: string) {
  return db
    .selectFrom('attachments')
    .select(['filename', 'content_type', 'data', 'external_url'])
    .where('id', '=', id)
    .where('access_key', '=', accessKey)
    .executeTakeFirst();
}
