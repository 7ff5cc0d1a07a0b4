import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import type { Contact } from '../../../db/types.ts';
import { notFound, validation } from '../../../errors.ts';
import { like, rangeConditions, type ListWindow } from '../../../domain/listing.ts';
import { ownValue } from '../../../domain/own.ts';

/**
 * A contact with the public ids of its tags (the labels table rows its label titles name) and the WTS names
 * of those whose name is not their title ({title: name}).
 */
export type ContactRow = Contact & {
  tag_uuids: string[];
  tag_names: Record<string, string>;
  portfolio: { id: string; name: string } | null;
};

/** WTS contact statuses: we block contacts but do not archive them, so ARCHIVED matches none. */
export const CONTACT_STATUSES = ['ACTIVE', 'ARCHIVED', 'BLOCKED'] as const;
export type ContactStatus = (typeof CONTACT_STATUSES)[number];

const CONTACT_SELECT = sql`
  SELECT ct.*, coalesce((SELECT array_agg(l.uuid::text ORDER BY l.title) FROM labels l
                         WHERE l.account_id = ct.account_id AND l.title = ANY(ct.labels)), '{}') AS tag_uuids,
         coalesce((SELECT jsonb_object_agg(l.title, l.display_name) FROM labels l
                   WHERE l.account_id = ct.account_id AND l.title = ANY(ct.labels) AND l.display_name IS NOT NULL), '{}') AS tag_names,
         (SELECT jsonb_build_object('id', p.uuid, 'name', p.name) FROM portfolio_contacts pc JOIN portfolios p ON p.id = pc.portfolio_id
          WHERE pc.account_id = ct.account_id AND pc.contact_id = ct.id) AS portfolio
  FROM contacts ct`;

async function selectContacts(
  db: Db,
  accountId: number,
  where: RawBuilder<unknown>,
  tail: RawBuilder<unknown> = sql``,
): Promise<ContactRow[]> {
  const { rows } =
    await sql<ContactRow>`${CONTACT_SELECT} WHERE ct.account_id = ${accountId} AND ${where} ${tail}`.execute(db);
  return rows;
}

/** Contacts by internal id, for the sessions that show them: one statement. */
export async function contactsByIds(db: Db, accountId: number, ids: number[]): Promise<Map<number, ContactRow>> {
  const rows = ids.length
    ? await selectContacts(db, accountId, sql`ct.id = ANY(${sql.val([...new Set(ids)])}::bigint[])`)
    : [];
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

/** `POST /core/v1/contact/filter`'s narrowing, beside the list's status and dates. */
export interface ContactMatch {
  text?: string;
  name?: string;
  phone?: string;
  email?: string;
  instagram?: string;
  /** Label titles: a contact matches when it carries any of them. */
  tags?: string[];
  /** Custom field values and metadata (one store): a contact matches when it has all of them. */
  attributes?: Record<string, unknown>;
  /** Every contact here was created by a user; the other WTS origins match none. */
  origin?: string;
}

function matchConditions(m: ContactMatch): RawBuilder<unknown>[] {
  const where: RawBuilder<unknown>[] = [];
  if (m.text) {
    const p = like(m.text);
    where.push(
      sql`(ct.name ILIKE ${p} OR ct.email ILIKE ${p} OR ct.phone_number ILIKE ${p} OR ct.identifier ILIKE ${p})`,
    );
  }
  if (m.name) where.push(sql`ct.name ILIKE ${like(m.name)}`);
  if (m.email) where.push(sql`ct.email ILIKE ${like(m.email)}`);
  if (m.phone)
    where.push(
      sql`regexp_replace(coalesce(ct.phone_number, ''), '[^0-9]', '', 'g') LIKE ${like(m.phone.replace(/\D/g, ''))}`,
    );
  if (m.instagram)
    where.push(
      sql`ct.additional_attributes->'social_profiles'->>'instagram' ILIKE ${like(m.instagram.replace(/^@/, ''))}`,
    );
  if (m.tags) where.push(sql`ct.labels && ${sql.val(m.tags)}::text[]`);
  if (m.attributes && Object.keys(m.attributes).length)
    where.push(sql`ct.custom_attributes @> ${JSON.stringify(m.attributes)}::jsonb`);
  if (m.origin && m.origin !== 'CREATED_BY_USER') where.push(sql`false`);
  return where;
}

/** A contact by phone number, whatever its formatting (WTS clients send digits, with or without +). */
export async function getContactByPhone(db: Db, accountId: number, phone: string): Promise<ContactRow> {
  const digits = phone.replace(/\D/g, '');
  const [row] = digits ? await selectContacts(db, accountId, sql`ct.phone_number = ${`+${digits}`}`) : [];
  if (!row) throw notFound('Contact');
  return row;
}

export interface ContactPageQuery extends ListWindow {
  match?: ContactMatch;
  status?: ContactStatus;
}

/** One page of contacts and the total, in two statements whatever the page size. */
export async function listContactPage(
  db: Db,
  accountId: number,
  q: ContactPageQuery,
): Promise<{ rows: ContactRow[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, (q.orderBy ?? 'createdAt').toLowerCase());
  if (!column) throw validation('OrderBy must be one of: createdAt, updatedAt, name', ['OrderBy']);
  const status = q.status ?? 'ACTIVE';
  const where = [
    status === 'ARCHIVED' ? sql`false` : sql`ct.blocked = ${status === 'BLOCKED'}`,
    ...matchConditions(q.match ?? {}),
  ];
  where.push(
    ...rangeConditions([
      [q.createdAt, sql`ct.created_at`],
      [q.updatedAt, sql`ct.updated_at`],
    ]),
  );
  const condition = sql.join(where, sql` AND `);
  const direction = q.descending ? sql`DESC` : sql`ASC`;
  const [rows, count] = await Promise.all([
    selectContacts(
      db,
      accountId,
      condition,
      sql`ORDER BY ${column} ${direction}, ct.id ${direction} LIMIT ${q.pageSize} OFFSET ${(q.page - 1) * q.pageSize}`,
    ),
    sql<{
      total: number;
    }>`SELECT count(*)::int AS total FROM contacts ct WHERE ct.account_id = ${accountId} AND ${condition}`.execute(db),
  ]);
  return { rows, total: count.rows[0].total };
}
