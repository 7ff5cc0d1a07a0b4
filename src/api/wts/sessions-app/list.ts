import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import { validation } from '../../../errors.ts';
import { CORE_STATUSES, toWtsStatus, type WtsStatus } from '../../../domain/conversations/status.ts';
import { SESSION_SELECT, visibleTo, type SessionRow } from '../../../domain/conversations/with-public-ids.ts';
import { ownValue } from '../../../domain/own.ts';
import { rangeConditions, type DateRange } from '../../../domain/listing.ts';

/** The session times a list filters on, and the column each one is. */
const DATE_COLUMNS = {
  createdAt: sql`c.created_at`,
  updatedAt: sql`c.updated_at`,
  activeAt: sql`c.active_at`,
  endAt: sql`c.ended_at`,
  lastInteractionAt: sql`c.last_activity_at`,
};
export type SessionDateField = keyof typeof DATE_COLUMNS;
export const SESSION_DATE_FIELDS = Object.keys(DATE_COLUMNS) as SessionDateField[];

/** OrderBy values (matched case-insensitively): the session's own field names. */
const ORDER_COLUMNS: Record<string, RawBuilder<unknown>> = {
  createdat: sql`c.created_at`,
  startat: sql`c.created_at`,
  updatedat: sql`c.updated_at`,
  activeat: sql`c.active_at`,
  endat: sql`c.ended_at`,
  lastinteractiondate: sql`c.last_activity_at`,
  lastinteractionat: sql`c.last_activity_at`,
  number: sql`c.display_id`,
};
export const SESSION_ORDER_FIELDS = [
  'createdAt',
  'startAt',
  'updatedAt',
  'activeAt',
  'endAt',
  'lastInteractionDate',
  'number',
];

export interface SessionQuery {
  visibleInboxIds?: number[];
  statuses?: WtsStatus[];
  /** Tags by label uuid and by name (WTS name or title): a session matches when it carries any of them. */
  tagIds?: string[];
  tagNames?: string[];
  userId?: string;
  departmentId?: string;
  contactId?: string;
  channelIds?: string[];
  ranges?: Partial<Record<SessionDateField, DateRange>>;
  orderBy?: string;
  descending?: boolean;
  page: number;
  pageSize: number;
}

/**
 * The rows whose WTS status is one of `statuses`, derived from toWtsStatus over every (core status,
 * has assignee) pair, so status.ts stays the one table for both directions.
 */
function statusCondition(statuses: WtsStatus[]): RawBuilder<unknown> {
  const pairs = CORE_STATUSES.flatMap((core) =>
    [false, true]
      .filter((assigned) => statuses.includes(toWtsStatus(core, assigned)))
      .map((assigned) => sql`(c.status = ${core} AND c.assignee_id IS ${assigned ? sql`NOT NULL` : sql`NULL`})`),
  );
  return pairs.length ? sql`(${sql.join(pairs, sql` OR `)})` : sql`false`;
}

const uuids = (values: string[]) => sql`${sql.val(values)}::uuid[]`;

function conditions(accountId: number, q: SessionQuery): RawBuilder<unknown>[] {
  const where = [sql`c.account_id = ${accountId}`, visibleTo(q.visibleInboxIds)];
  if (q.statuses?.length) where.push(statusCondition(q.statuses));
  if (q.tagIds?.length || q.tagNames?.length) {
    // Names are WTS tag names or label titles (always lower-case), matched ignoring case.
    const names = sql.val((q.tagNames ?? []).map((n) => n.toLowerCase()));
    where.push(sql`c.labels && ((
      SELECT coalesce(array_agg(l.title), '{}') FROM labels l WHERE l.account_id = ${accountId}
        AND (l.uuid = ANY(${uuids(q.tagIds ?? [])}) OR lower(l.display_name) = ANY(${names}::text[]))
    ) || ${names}::text[])`);
  }
  if (q.userId) where.push(sql`c.assignee_id = (SELECT id FROM users WHERE uuid = ${q.userId}::uuid)`);
  if (q.departmentId)
    where.push(
      sql`c.team_id = (SELECT id FROM teams WHERE account_id = ${accountId} AND uuid = ${q.departmentId}::uuid)`,
    );
  if (q.contactId)
    where.push(
      sql`c.contact_id = (SELECT id FROM contacts WHERE account_id = ${accountId} AND uuid = ${q.contactId}::uuid)`,
    );
  if (q.channelIds?.length) {
    where.push(
      sql`c.inbox_id IN (SELECT id FROM inboxes WHERE account_id = ${accountId} AND uuid = ANY(${uuids(q.channelIds)}))`,
    );
  }
  where.push(...rangeConditions(SESSION_DATE_FIELDS.map((field) => [q.ranges?.[field], DATE_COLUMNS[field]])));
  return where;
}

function ordering(q: SessionQuery): RawBuilder<unknown> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation(`OrderBy must be one of: ${SESSION_ORDER_FIELDS.join(', ')}`, ['OrderBy']);
  const direction = q.descending ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
  return sql`${column} ${direction}, c.id ${q.descending ? sql`DESC` : sql`ASC`}`;
}

/** One page of sessions and the total, in two statements whatever the page size. */
export async function listSessions(
  db: Db,
  accountId: number,
  q: SessionQuery,
): Promise<{ rows: SessionRow[]; total: number }> {
  const order = ordering(q);
  if (q.visibleInboxIds && !q.visibleInboxIds.length) return { rows: [], total: 0 };
  const where = sql.join(conditions(accountId, q), sql` AND `);
  const [page, count] = await Promise.all([
    sql<SessionRow>`${SESSION_SELECT} WHERE ${where} ORDER BY ${order} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`.execute(
      db,
    ),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM conversations c WHERE ${where}`.execute(db),
  ]);
  return { rows: page.rows, total: count.rows[0].total };
}
