import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { coreStatusesForChatwoot, type ChatwootStatus } from './status.ts';
import { validation } from '../../errors.ts';
import { inboxCondition } from '../inboxes/access.ts';

export const CONVERSATIONS_PER_PAGE = 25;
/** `updated_within` turns paging off (Chatwoot); the answer is still bounded, newest activity first. */
export const UPDATED_WITHIN_LIMIT = 1000;

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
  /** Keyset paging: the rows after this cursor (a previous page's `nextCursor`) instead of a page number. */
  after?: string;
  /** low/medium/high/urgent, or none for conversations without a priority. */
  priority?: string;
  /** Message text, or the contact's name, email, phone number or identifier (ignores status, like q). */
  search?: string;
}

export interface ConversationCounts {
  mine_count: number;
  assigned_count: number;
  unassigned_count: number;
  all_count: number;
}

const PRIORITY_RANK = sql`CASE c.priority WHEN 'urgent' THEN 4 WHEN 'high' THEN 3 WHEN 'medium' THEN 2 WHEN 'low' THEN 1 ELSE 0 END`;

/** One column of a sort: a non-null expression, its direction, and the type its cursor value is read back as. */
interface SortKey {
  expr: ReturnType<typeof sql>;
  desc: boolean;
  type: 'timestamptz' | 'bigint';
}
const key = (expr: ReturnType<typeof sql>, desc: boolean, type: SortKey['type']): SortKey => ({ expr, desc, type });
const ACTIVITY_DESC = key(sql`c.last_activity_at`, true, 'timestamptz');
const ID_DESC = key(sql`c.id`, true, 'bigint');
const ID_ASC = key(sql`c.id`, false, 'bigint');
// NULLS LAST in either direction, written so the key is never null (a keyset compares it).
const WAITING_ASC = key(sql`COALESCE(c.waiting_since, 'infinity')`, false, 'timestamptz');
const WAITING_DESC = key(sql`COALESCE(c.waiting_since, '-infinity')`, true, 'timestamptz');

/** Each sort as its keys: the ORDER BY and the keyset condition of the next page both come from them. */
const SORTS: Record<string, SortKey[]> = {
  last_activity_at_desc: [ACTIVITY_DESC, ID_DESC],
  last_activity_at_asc: [key(sql`c.last_activity_at`, false, 'timestamptz'), ID_ASC],
  latest: [ACTIVITY_DESC, ID_DESC],
  created_at_desc: [key(sql`c.created_at`, true, 'timestamptz'), ID_DESC],
  created_at_asc: [key(sql`c.created_at`, false, 'timestamptz'), ID_ASC],
  sort_on_created_at: [key(sql`c.created_at`, false, 'timestamptz'), ID_ASC],
  priority_desc: [key(PRIORITY_RANK, true, 'bigint'), ACTIVITY_DESC, ID_DESC],
  priority_asc: [key(PRIORITY_RANK, false, 'bigint'), ACTIVITY_DESC, ID_DESC],
  sort_on_priority: [key(PRIORITY_RANK, true, 'bigint'), ACTIVITY_DESC, ID_DESC],
  waiting_since_asc: [WAITING_ASC, ID_ASC],
  waiting_since_desc: [WAITING_DESC, ID_DESC],
  sort_on_waiting_since: [WAITING_ASC, ID_ASC],
};
export const SORT_KEYS = Object.keys(SORTS);

function orderBy(keys: SortKey[]) {
  return sql.join(keys.map((k) => (k.desc ? sql`${k.expr} DESC` : sql`${k.expr} ASC`)));
}

/** The values of a row's sort keys, as text that keeps full precision (microseconds), for the next page's cursor. */
function cursorColumn(keys: SortKey[]) {
  return sql<string>`json_build_array(${sql.join(keys.map((k) => k.expr))})::text`;
}

/** Rows strictly after the cursor in the sort's order (lexicographic over its keys, each in its own direction). */
function afterCursor(keys: SortKey[], values: unknown[]) {
  const typed = keys.map((k, i) =>
    k.type === 'timestamptz' ? sql`${values[i]}::timestamptz` : sql`${values[i]}::bigint`,
  );
  if (keys.every((k) => k.desc === keys[0].desc)) {
    const row = sql`(${sql.join(keys.map((k) => k.expr))})`;
    const cursor = sql`(${sql.join(typed)})`;
    return keys[0].desc ? sql`${row} < ${cursor}` : sql`${row} > ${cursor}`;
  }
  const branches = keys.map((k, i) => {
    const equal = keys.slice(0, i).map((prior, j) => sql`${prior.expr} = ${typed[j]}`);
    const beyond = k.desc ? sql`${k.expr} < ${typed[i]}` : sql`${k.expr} > ${typed[i]}`;
    return sql`(${sql.join([...equal, beyond], sql` AND `)})`;
  });
  return sql`(${sql.join(branches, sql` OR `)})`;
}

/** A next-page cursor is the last row's sort-key values; anything else a client sends is refused. */
export function decodeCursor(sortBy: string | undefined, cursor: string): unknown[] {
  const keys = SORTS[sortBy ?? ''] ?? SORTS.last_activity_at_desc;
  let values: unknown;
  try {
    values = JSON.parse(Buffer.from(cursor, 'base64url').toString('utf8'));
  } catch {
    values = undefined;
  }
  const valid =
    Array.isArray(values) &&
    values.length === keys.length &&
    keys.every((k, i) =>
      k.type === 'bigint'
        ? Number.isSafeInteger(values[i])
        : typeof values[i] === 'string' && /^(-?infinity|\d{4}-\d\d-\d\dT[\d:.]+([+-]\d\d(:\d\d)?|Z))$/.test(values[i]),
    );
  if (!valid) throw validation('after is not a cursor this list gave out', ['after']);
  return values as unknown[];
}

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
  } else if (query.search) {
    const pattern = '%' + escapeLike(query.search) + '%';
    conditions.push(sql`(EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.account_id = ${accountId} AND m.content ILIKE ${pattern})
      OR EXISTS (SELECT 1 FROM contacts ct WHERE ct.id = c.contact_id AND ct.account_id = ${accountId}
        AND (ct.name ILIKE ${pattern} OR ct.email ILIKE ${pattern} OR ct.phone_number ILIKE ${pattern} OR ct.identifier ILIKE ${pattern})))`);
  } else if (query.status && query.status !== 'all') {
    const statuses = coreStatusesForChatwoot(query.status);
    // A single status as `=` lets PostgreSQL walk the list index in order instead of sorting every row.
    conditions.push(
      statuses.length === 1 ? sql`c.status = ${statuses[0]}` : sql`c.status = ANY(${sql.val(statuses)}::text[])`,
    );
  }
  if (query.inboxId) conditions.push(sql`c.inbox_id = ${query.inboxId}`);
  if (query.teamId) conditions.push(sql`c.team_id = ${query.teamId}`);
  if (query.priority)
    conditions.push(query.priority === 'none' ? sql`c.priority IS NULL` : sql`c.priority = ${query.priority}`);
  if (query.labels?.length) conditions.push(sql`c.labels && ${sql.val(query.labels)}::text[]`);
  if (query.sourceId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM contact_inboxes ci WHERE ci.id = c.contact_inbox_id AND ci.source_id = ${query.sourceId})`,
    );
  }
  if (query.conversationType === 'unattended') conditions.push(sql`c.first_reply_created_at IS NULL`);
  if (query.conversationType === 'participating' && query.userId) {
    conditions.push(
      sql`(c.assignee_id = ${query.userId} OR EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.sender_type = 'User' AND m.sender_id = ${query.userId}))`,
    );
  }
  if (query.conversationType === 'mention' && query.userId) {
    conditions.push(
      sql`EXISTS (SELECT 1 FROM messages m WHERE m.conversation_id = c.id AND m.private AND m.content LIKE ${'%(mention://user/' + query.userId + '/%'})`,
    );
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
): Promise<{ conversations: Conversation[]; counts: ConversationCounts; nextCursor: string | null }> {
  const where = sql.join(baseConditions(accountId, query), sql` AND `);
  const perPage = query.perPage ?? CONVERSATIONS_PER_PAGE;
  const keys = SORTS[query.sortBy ?? ''] ?? SORTS.last_activity_at_desc;
  const keyset = query.after ? sql`AND ${afterCursor(keys, decodeCursor(query.sortBy, query.after))}` : sql``;
  const paging = query.updatedWithin
    ? sql`LIMIT ${UPDATED_WITHIN_LIMIT}`
    : query.after
      ? sql`LIMIT ${perPage}`
      : sql`LIMIT ${perPage} OFFSET ${(query.page - 1) * perPage}`;
  const me = query.userId ?? 0;
  const [page, counts] = await Promise.all([
    sql<Conversation & { sort_cursor: string }>`
      SELECT c.*, ${cursorColumn(keys)} AS sort_cursor FROM conversations c
      WHERE ${where} AND ${assigneeCondition(query.assigneeType, query.userId)} ${keyset}
      ORDER BY ${orderBy(keys)} ${paging}`.execute(db),
    sql<{ mine: number; unassigned: number; total: number }>`
      SELECT count(*) FILTER (WHERE c.assignee_id = ${me})::int AS mine,
             count(*) FILTER (WHERE c.assignee_id IS NULL)::int AS unassigned,
             count(*)::int AS total
      FROM conversations c WHERE ${where}`.execute(db),
  ]);
  const row = counts.rows[0];
  const last = page.rows.length === perPage && perPage > 0 ? page.rows[page.rows.length - 1] : undefined;
  return {
    conversations: page.rows.map(({ sort_cursor: _, ...conversation }) => conversation as Conversation),
    nextCursor: last ? Buffer.from(last.sort_cursor).toString('base64url') : null,
    counts: {
      mine_count: row.mine,
      assigned_count: row.total - row.unassigned,
      unassigned_count: row.unassigned,
      all_count: row.total,
    },
  };
}
