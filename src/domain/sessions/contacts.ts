import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Contact } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import type { DateRange } from './list.ts';

/** A contact with the public ids of its tags (the labels table rows its label titles name). */
export type ContactRow = Contact & { tag_uuids: string[] };

/** WTS contact statuses: we block contacts but do not archive them, so ARCHIVED matches none. */
export const CONTACT_STATUSES = ['ACTIVE', 'ARCHIVED', 'BLOCKED'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

const CONTACT_SELECT = sql`
  SELECT ct.*, coalesce((SELECT array_agg(l.uuid::text ORDER BY l.title) FROM labels l
                         WHERE l.account_id = ct.account_id AND l.title = ANY(ct.labels)), '{}') AS tag_uuids
  FROM contacts ct`;

async function selectContacts(db: Db, accountId: number, where: RawBuilder<unknown>, tail: RawBuilder<unknown> = sql``): Promise<ContactRow[]> {
  const { rows } = await sql<ContactRow>`${CONTACT_SELECT} WHERE ct.account_id = ${accountId} AND ${where} ${tail}`.execute(db);
  return rows;
}

/** Contacts by internal id, for the sessions that show them: one statement. */
export async function contactsByIds(db: Db, accountId: number, ids: number[]): Promise<Map<number, ContactRow>> {
  const rows = ids.length ? await selectContacts(db, accountId, sql`ct.id = ANY(${sql.val([...new Set(ids)])}::bigint[])`) : [];
  return new Map(rows.map((r) => [r.id, r]));
}

export async function getContactByUuid(db: Db, accountId: number, uuid: string): Promise<ContactRow> {
  const [row] = await selectContacts(db, accountId, sql`ct.uuid = ${uuid}::uuid`);
  if (!row) throw notFound('Contact');
  return row;
}

const ORDER_COLUMNS: Record<string, RawBuilder<unknown>> = {
  createdat: sql`ct.created_at`,
  updatedat: sql`ct.updated_at`,
  name: sql`lower(ct.name)`,
};

export interface ContactPageQuery {
  status?: ContactStatus;
  createdAt?: DateRange;
  updatedAt?: DateRange;
  orderBy?: string;
  descending?: boolean;
  page: number;
  pageSize: number;
}

/** One page of contacts and the total, in two statements whatever the page size. */
export async function listContactPage(db: Db, accountId: number, q: ContactPageQuery): Promise<{ rows: ContactRow[]; total: number }> {
  const column = ORDER_COLUMNS[(q.orderBy ?? 'createdAt').toLowerCase()];
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt, name', ['OrderBy']);
  const status = q.status ?? 'ACTIVE';
  const where = [status === 'ARCHIVED' ? sql`false` : sql`ct.blocked = ${status === 'BLOCKED'}`];
  for (const [range, field] of [[q.createdAt, sql`ct.created_at`], [q.updatedAt, sql`ct.updated_at`]] as const) {
    if (range?.after) where.push(sql`${field} >= ${range.after}`);
    if (range?.before) where.push(sql`${field} <= ${range.before}`);
  }
  const condition = sql.join(where, sql` AND `);
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    selectContacts(db, accountId, condition, sql`ORDER BY ${column} ${direction}, ct.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`),
    sql<{ total: number }>`SELECT count(*)::int AS total FROM contacts ct WHERE ct.account_id = ${accountId} AND ${condition}`.execute(db),
  ]);
  return { rows, total: count.rows[0].total };
}
