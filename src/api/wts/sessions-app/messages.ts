import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import type { Attachment, Message } from '../../../db/types.ts';
import { notFound, validation } from '../../../errors.ts';
import { loadAttachments } from '../../../domain/messages/details.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import { rangeConditions, type ListWindow } from '../../../domain/listing.ts';
import { ownValue } from '../../../domain/own.ts';
import { inboxCondition } from '../../../domain/inboxes/access.ts';
import { isUuid } from '../../../domain/uuid.ts';

/**
 * A message as the WTS dialect reads it: the row with the public ids WTS shows (session, sending user or
 * contact) and its files. Activity messages are not WTS messages; private notes are read as notes.
 */
export type SessionMessageRow = Message & {
  session_uuid: string;
  user_uuid: string | null;
  contact_uuid: string | null;
  attachments: Attachment[];
};

const MESSAGE_SELECT = sql`
  SELECT m.*, c.uuid::text AS session_uuid,
         CASE WHEN m.sender_type = 'User' THEN u.uuid::text END AS user_uuid,
         CASE WHEN m.sender_type = 'Contact' THEN ct.uuid::text END AS contact_uuid
  FROM messages m
  JOIN conversations c ON c.id = m.conversation_id
  LEFT JOIN users u ON m.sender_type = 'User' AND u.id = m.sender_id
  LEFT JOIN contacts ct ON m.sender_type = 'Contact' AND ct.id = m.sender_id`;

export type MessageKind = 'message' | 'note';

function kindCondition(kind: MessageKind): RawBuilder<unknown> {
  return kind === 'note'
    ? sql`m.private AND coalesce(m.content_attributes->>'deleted', 'false') <> 'true'`
    : sql`NOT m.private AND m.message_type <> ${MESSAGE_TYPE.activity}`;
}

function visible(visibleInboxIds: number[] | undefined): RawBuilder<unknown> {
  return inboxCondition(visibleInboxIds, 'm.inbox_id');
}

async function withAttachments(
  db: Db,
  accountId: number,
  rows: Omit<SessionMessageRow, 'attachments'>[],
): Promise<SessionMessageRow[]> {
  const attachments = await loadAttachments(
    db,
    accountId,
    rows.map((r) => r.id),
  );
  return rows.map((r) => ({ ...r, attachments: attachments.get(r.id) ?? [] }));
}

const ORDER_COLUMNS: Record<string, RawBuilder<unknown>> = {
  createdat: sql`m.created_at`,
  timestamp: sql`m.created_at`,
  updatedat: sql`m.updated_at`,
};

export interface SessionMessageQuery extends ListWindow {
  kind: MessageKind;
}

/** One page of a session's messages (or notes) and the total: three statements whatever the page size. */
export async function listSessionMessages(db: Db, accountId: number, conversationId: number, q: SessionMessageQuery) {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt, timestamp', ['OrderBy']);
  const where = [sql`m.account_id = ${accountId}`, sql`m.conversation_id = ${conversationId}`, kindCondition(q.kind)];
  where.push(
    ...rangeConditions([
      [q.createdAt, sql`m.created_at`],
      [q.updatedAt, sql`m.updated_at`],
    ]),
  );
  const condition = sql.join(where, sql` AND `);
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [page, count] = await Promise.all([
    sql<Omit<SessionMessageRow, 'attachments'>>`${MESSAGE_SELECT} WHERE ${condition}
      ORDER BY ${column} ${direction}, m.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      db,
    ),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM messages m WHERE ${condition}`.execute(db),
  ]);
  return { rows: await withAttachments(db, accountId, page.rows), total: count.rows[0].total };
}

/** A message (or note) by its public id, hidden from agents outside its inbox. */
export async function getSessionMessage(
  db: Db,
  accountId: number,
  uuid: string,
  kind: MessageKind,
  visibleInboxIds?: number[],
): Promise<SessionMessageRow> {
  const { rows } = await sql<Omit<SessionMessageRow, 'attachments'>>`${MESSAGE_SELECT}
    WHERE m.account_id = ${accountId} AND m.uuid = ${uuid}::uuid AND ${kindCondition(kind)} AND ${visible(visibleInboxIds)}`.execute(
    db,
  );
  if (!rows[0]) throw notFound(kind === 'note' ? 'Note' : 'Message');
  return (await withAttachments(db, accountId, rows))[0];
}

/**
 * A sent message by its public id or by the client's own id for it (`senderId` at send time; the latest when a
 * client reused one), hidden from agents outside its inbox.
 */
export async function getSentMessage(
  db: Db,
  accountId: number,
  idOrClientId: string,
  visibleInboxIds?: number[],
): Promise<SessionMessageRow> {
  const byId = isUuid(idOrClientId) ? sql`OR m.uuid = ${idOrClientId}::uuid` : sql``;
  const { rows } = await sql<Omit<SessionMessageRow, 'attachments'>>`${MESSAGE_SELECT}
    WHERE m.account_id = ${accountId} AND m.message_type = ${MESSAGE_TYPE.outgoing} AND ${visible(visibleInboxIds)}
      AND ((m.additional_attributes ? 'client_id' AND m.additional_attributes ->> 'client_id' = ${idOrClientId}) ${byId})
    ORDER BY m.id DESC LIMIT 1`.execute(db);
  if (!rows[0]) throw notFound('Message');
  return (await withAttachments(db, accountId, rows))[0];
}

/** The same message re-read by internal id (after a command stored or changed it). */
export async function reloadSessionMessage(db: Db, message: Message): Promise<SessionMessageRow> {
  const { rows } = await sql<
    Omit<SessionMessageRow, 'attachments'>
  >`${MESSAGE_SELECT} WHERE m.account_id = ${message.account_id} AND m.id = ${message.id}`.execute(db);
  if (!rows[0]) throw notFound('Message');
  return (await withAttachments(db, message.account_id, rows))[0];
}

/** Messages by internal id (for the events of a batch), with their files: two statements. */
export async function sessionMessagesByIds(
  db: Db,
  accountId: number,
  ids: number[],
): Promise<Map<number, SessionMessageRow>> {
  if (!ids.length) return new Map();
  const { rows } = await sql<Omit<SessionMessageRow, 'attachments'>>`${MESSAGE_SELECT}
    WHERE m.account_id = ${accountId} AND m.id = ANY(${sql.val([...new Set(ids)])}::bigint[])`.execute(db);
  return new Map((await withAttachments(db, accountId, rows)).map((r) => [r.id, r]));
}
