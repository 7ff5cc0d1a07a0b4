import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { coreStatusesForChatwoot, type ChatwootStatus } from './status.ts';
import { inboxCondition } from '../inboxes/access.ts';

export const CONVERSATIONS_PER_PAGE = 25;

export type AssigneeType = 'me' | 'unassigned' | 'assigned' | 'all';

export interface ConversationQuery {
  userId?: number;
  visibleInboxIds?: number[];
  status?: ChatwootStatus | 'all';
  assigneeType?: AssigneeType;
  inboxId?: number;
  teamId?: number;
  labels?: string[];
  /** Message text search (ignores status, as Chatwoot does). */
  q?: string;
  sourceId?: string;
  conversationType?: 'mention' | 'participating' | 'unattended';
  updatedWithin?: number;
  /** An advanced-filter condition. */
  where?: Expression<SqlBool>;
  sortBy?: string;
  page: number;
  perPage?: number;
}

export interface ConversationCounts {
  mine_count: number;
  assigned_count: number;
  unassigned_count: number;
  all_count: number;
}

const PRIORITY_RANK = sql`CASE c.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`;

const SORTS: Record<string, ReturnType<typeof sql>> = {
  last_activity_at_desc: sql`c.last_activity_at DESC, c.id DESC`,
  last_activity_at_asc: sql`c.last_activity_at ASC, c.id ASC`,
  latest: sql`c.last_activity_at DESC, c.id DESC`,
  created_at_desc: sql`c.created_at DESC, c.id DESC`,
  created_at_asc: sql`c.created_at ASC, c.id ASC`,
  sort_on_created_at: sql`c.created_at ASC, c.id ASC`,
  priority_desc: sql`${PRIORITY_RANK} DESC, c.last_activity_at DESC, c.id DESC`,
  priority_asc: sql`${PRIORITY_RANK} ASC, c.last_activity_at DESC, c.id DESC`,
  sort_on_priority: sql`${PRIORITY_RANK} DESC, c.last_activity_at DESC, c.id DESC`,
  waiting_since_asc: sql`c.waiting_since ASC NULLS LAST, c.id ASC`,
  waiting_since_desc: sql`c.waiting_since DESC NULLS LAST, c.id DESC`,
  sort_on_waiting_since: sql`c.waiting_since ASC NULLS LAST, c.id ASC`,
};
export const SORT_KEYS = Object.keys(SORTS);

function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

/** Conditions shared by the page and the counts: everything but the assignee tab. */
function baseConditions(accountId: number, query: ConversationQuery): ReturnType<typeof sql>[] {
  const conditions = [sql`c.account_id = ${accountId}`];
  if (query.visibleInboxIds) conditions.push(inboxCondition(query.visibleInboxIds, 'c.inbox_id'));
  if (query.q) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.account_id = ${accountId} AND m.content ILIKE ${'%' + escapeLike(query.q) + '%'})`,
    );
  } else if (query.status && query.status !== 'all') {
    const statuses = coreStatusesForChatwoot(query.status);
    // A single status as `=` lets PostgreSQL walk the list index in order instead of sorting every row.
    conditions.push(statuses.length === 1 ? sql`c.status = ${statuses[0]}` : sql`c.status = ANY(${sql.val(statuses)}::text[])`);
  }
  if (query.inboxId) conditions.push(sql`c.inbox_id = ${query.inboxId}`);
  if (query.teamId) conditions.push(sql`c.team_id = ${query.teamId}`);
  if (query.labels?.length) conditions.push(sql`c.labels && ${sql.val(query.labels)}::text[]`);
  if (query.sourceId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM contact_inboxes ci WHERE ci.id = c.contact_inbox_id AND ci.source_id = ${query.sourceId})`);
  }
  if (query.conversationType === 'unattended') conditions.push(sql`c.first_reply_created_at IS NULL`);
  if (query.conversationType === 'participating' && query.userId) {
    conditions.push(sql`(c.assignee_id = ${query.userId} OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.sender_type = 'User' AND m.sender_id = ${query.userId}))`);
  }
  if (query.conversationType === 'mention' && query.userId) {
    conditions.push(sql`EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.private AND m.content LIKE ${'%(mention://user/' + query.userId + '/%'})`);
  }
  if (query.updatedWithin) conditions.push(sql`c.updated_at > now() - make_interval(secs => ${query.updatedWithin})`);
  if (query.where) conditions.push(sql`${query.where}`);
  return conditions;
}

function assigneeCondition(type: AssigneeType | undefined, userId: number | undefined) {
  switch (type) {
    case 'me':
      return userId ? sql`c.assignee_id = ${userId}` : sql`false`;
    case 'unassigned':
      return sql`c.assignee_id IS NULL`;
    case 'assigned':
      return sql`c.assignee_id IS NOT NULL`;
    default:
      return sql`true`;
  }
}

/**
 * One page of conversations plus the tab counts, in two statements whatever the page size. The counts
 * follow every filter except the assignee tab, as Chatwoot's do.
 */
export async function listConversations(
  db: Db,
  accountId: number,
  query: ConversationQuery,
): Promise<{ conversations: Conversation[]; counts: ConversationCounts }> {
  const where = sql.join(baseConditions(accountId, query), sql` AND `);
  const perPage = query.perPage ?? CONVERSATIONS_PER_PAGE;
  const order = SORTS[query.sortBy ?? ''] ?? SORTS.last_activity_at_desc;
  const paging = query.updatedWithin ? sql`` : sql`LIMIT ${perPage} OFFSET ${(query.page - 1) * perPage}`;
  const me = query.userId ?? 0;
  const [page, counts] = await Promise.all([
    sql<Conversation>`SELECT c.* FROM conversations c WHERE ${where} AND ${assigneeCondition(query.assigneeType, query.userId)} ORDER BY ${order} ${paging}`.execute(db),
    sql<{ mine: number; unassigned: number; total: number }>`
      SELECT count(*) FILTER (WHERE c.assignee_id = ${me})::int AS mine,
             count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unassigned,
             count(*)::int AS total
      FROM conversations c WHERE ${where}`.execute(db),
  ]);
  const row = counts.rows[0];
  return {
    conversations: page.rows,
    counts: {
      mine_count: row.mine,
      assigned_count: row.total - row.unassigned,
      unassigned_count: row.unassigned,
      all_count: row.total,
    },
  };
}
