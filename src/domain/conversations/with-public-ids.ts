import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import { inboxCondition } from '../inboxes/access.ts';

/**
 * A conversation with its public ids: the row, its session times (migration
 * 20261123110000_sessions) and the public ids and message aggregates a session shows, in one statement.
 */
export type SessionRow = Conversation & {
  contact_uuid: string;
  inbox_uuid: string;
  team_uuid: string | null;
  user_uuid: string | null;
  bot_uuid: string | null;
  last_message_text: string | null;
  last_message_in_at: Date | null;
  last_message_out_at: Date | null;
};

const lastOf = (types: number[]) =>
  sql`(SELECT m.created_at FROM messages m WHERE m.conversation_id = c.id AND NOT m.private
       AND m.message_type = ANY(${sql.val(types)}::smallint[]) ORDER BY m.id DESC LIMIT 1)`;

/** `SELECT … FROM conversations c …` with every column a SessionRow has; callers add WHERE/ORDER/LIMIT. */
export const SESSION_SELECT = sql`
  SELECT c.*, ct.uuid::text AS contact_uuid, i.uuid::text AS inbox_uuid, t.uuid::text AS team_uuid,
         u.uuid::text AS user_uuid, b.uuid::text AS bot_uuid, lm.content AS last_message_text,
         ${lastOf([MESSAGE_TYPE.incoming])} AS last_message_in_at,
         ${lastOf([MESSAGE_TYPE.outgoing, MESSAGE_TYPE.template])} AS last_message_out_at
  FROM conversations c
  JOIN contacts ct ON ct.id = c.contact_id
  JOIN inboxes i ON i.id = c.inbox_id
  LEFT JOIN teams t ON t.id = c.team_id
  LEFT JOIN users u ON u.id = c.assignee_id
  LEFT JOIN agent_bots b ON b.id = c.assignee_agent_bot_id
  LEFT JOIN messages lm ON lm.id = c.last_non_activity_message_id`;

export function visibleTo(visibleInboxIds: number[] | undefined): RawBuilder<unknown> {
  return inboxCondition(visibleInboxIds, 'c.inbox_id');
}

/** A session by its public id, hidden from agents outside its inbox. */
export async function getSession(
  db: Db,
  accountId: number,
  uuid: string,
  visibleInboxIds?: number[],
): Promise<SessionRow> {
  const { rows } = await sql<SessionRow>`${SESSION_SELECT}
    WHERE c.account_id = ${accountId} AND c.uuid = ${uuid}::uuid AND ${visibleTo(visibleInboxIds)}`.execute(db);
  if (!rows[0]) throw notFound('Session');
  return rows[0];
}

/** The same session re-read after a command changed it. */
export async function reloadSession(db: Db, conversation: Conversation): Promise<SessionRow> {
  const { rows } =
    await sql<SessionRow>`${SESSION_SELECT} WHERE c.account_id = ${conversation.account_id} AND c.id = ${conversation.id}`.execute(
      db,
    );
  if (!rows[0]) throw notFound('Session');
  return rows[0];
}

/** Sessions by internal id (for the events of a batch), in one statement. */
export async function sessionsByIds(db: Db, ids: number[]): Promise<Map<number, SessionRow>> {
  if (!ids.length) return new Map();
  const { rows } =
    await sql<SessionRow>`${SESSION_SELECT} WHERE c.id = ANY(${sql.val([...new Set(ids)])}::bigint[])`.execute(db);
  return new Map(rows.map((r) => [r.id, r]));
}
