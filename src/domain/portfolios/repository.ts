import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { notFound, validation } from '../../errors.ts';
import type { DateRange } from '../listing.ts';

/** A portfolio with its owner's public ids and how many contacts it holds. */
export interface PortfolioRow {
  id: number;
  uuid: string;
  account_id: number;
  name: string;
  user_id: number | null;
  team_id: number | null;
  user_uuid: string | null;
  team_uuid: string | null;
  contacts_count: number;
  created_at: Date;
  updated_at: Date;
}

/** A contact's membership of a portfolio, with what WTS shows of the contact. */
export interface PortfolioContactRow {
  uuid: string;
  portfolio_uuid: string;
  contact_uuid: string;
  name: string;
  email: string | null;
  phone_number: string | null;
  additional_attributes: unknown;
  created_at: Date;
  updated_at: Date;
}

export interface PageWindow {
  page: number;
  pageSize: number;
  descending: boolean;
}

function portfolios(db: Db, accountId: number) {
  return db
    .selectFrom('portfolios as p')
    .leftJoin('users as u', 'u.id', 'p.user_id')
    .leftJoin('teams as t', 't.id', 'p.team_id')
    .select([
      'p.id',
      'p.uuid',
      'p.account_id',
      'p.name',
      'p.user_id',
      'p.team_id',
      'p.created_at',
      'p.updated_at',
      'u.uuid as user_uuid',
      't.uuid as team_uuid',
    ])
    .select(
      sql<number>`(SELECT count(*)::int FROM portfolio_contacts pc WHERE pc.portfolio_id = p.id)`.as('contacts_count'),
    )
    .where('p.account_id', '=', accountId);
}

/** One page of the account's portfolios and their total: two statements whatever the page size. */
export async function listPortfolios(
  db: Db,
  accountId: number,
  w: PageWindow & { orderBy: 'created_at' | 'updated_at' | 'name'; createdAt: DateRange; updatedAt: DateRange },
) {
  const within = (alias: string) => {
    const conditions = [];
    for (const [column, range] of [
      ['created_at', w.createdAt],
      ['updated_at', w.updatedAt],
    ] as const) {
      if (range.after) conditions.push(sql<boolean>`${sql.ref(`${alias}.${column}`)} >= ${range.after}`);
      if (range.before) conditions.push(sql<boolean>`${sql.ref(`${alias}.${column}`)} <= ${range.before}`);
    }
    return conditions.length ? sql<boolean>`${sql.join(conditions, sql` AND `)}` : sql<boolean>`true`;
  };
  const rows = await portfolios(db, accountId)
    .where(within('p'))
    .orderBy(`p.${w.orderBy}`, w.descending ? 'desc' : 'asc')
    .orderBy('p.id', w.descending ? 'desc' : 'asc')
    .limit(w.pageSize)
    .offset((w.page - 1) * w.pageSize)
    .execute();
  const { total } = await db
    .selectFrom('portfolios')
    .select(sql<number>`count(*)::int`.as('total'))
    .where('account_id', '=', accountId)
    .where(within('portfolios'))
    .executeTakeFirstOrThrow();
  return { rows: rows as PortfolioRow[], total };
}

/** The account's portfolio with that public id, else 404 (another account's is as unknown as a made-up one). */
export async function getPortfolio(db: Db, accountId: number, uuid: string): Promise<PortfolioRow> {
  const row = await portfolios(db, accountId).where('p.uuid', '=', uuid).executeTakeFirst();
  if (!row) throw notFound('Portfolio');
  return row as PortfolioRow;
}

/** One page of a portfolio's contacts (optionally only some contacts) and their total. */
export async function listPortfolioContacts(
  db: Db,
  accountId: number,
  portfolioId: number,
  w: PageWindow,
  contactUuids?: string[],
) {
  const base = db
    .selectFrom('portfolio_contacts as pc')
    .innerJoin('contacts as c', 'c.id', 'pc.contact_id')
    .where('pc.account_id', '=', accountId)
    .where('pc.portfolio_id', '=', portfolioId)
    .$if(Boolean(contactUuids?.length), (q) => q.where('c.uuid', 'in', contactUuids!));
  const rows = await base
    .innerJoin('portfolios as p', 'p.id', 'pc.portfolio_id')
    .select([
      'pc.uuid',
      'p.uuid as portfolio_uuid',
      'c.uuid as contact_uuid',
      'c.name',
      'c.email',
      'c.phone_number',
      'c.additional_attributes',
      'pc.created_at',
      'pc.updated_at',
    ])
    .orderBy('pc.id', w.descending ? 'desc' : 'asc')
    .limit(w.pageSize)
    .offset((w.page - 1) * w.pageSize)
    .execute();
  const { total } = await base.select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow();
  return { rows: rows as PortfolioContactRow[], total };
}

/**
 * The contacts a WTS filter names (public ids and/or phone numbers, any formatting), all of this account;
 * an unknown one is a 400 naming it, so a batch is all or nothing.
 */
export async function contactIdsOf(
  db: Db,
  accountId: number,
  filter: { contactIds?: string[]; phoneNumbers?: string[] },
): Promise<number[]> {
  const uuids = [...new Set(filter.contactIds ?? [])];
  const phones = [...new Set((filter.phoneNumbers ?? []).map((p) => `+${p.replace(/\D/g, '')}`))];
  if (!uuids.length && !phones.length)
    throw validation('Name the contacts: contactId(s) or phoneNumber(s)', ['contactIds', 'phoneNumbers']);
  const rows = await db
    .selectFrom('contacts')
    .select(['id', 'uuid', 'phone_number'])
    .where('account_id', '=', accountId)
    .where((eb) =>
      eb.or([
        ...(uuids.length ? [eb('uuid', 'in', uuids)] : []),
        ...(phones.length ? [eb('phone_number', 'in', phones)] : []),
      ]),
    )
    .execute();
  const unknownId = uuids.find((uuid) => !rows.some((r) => r.uuid === uuid));
  if (unknownId) throw validation(`contactId ${unknownId} is not a contact of this company`, ['contactIds']);
  const unknownPhone = phones.find((phone) => !rows.some((r) => r.phone_number === phone));
  if (unknownPhone) throw validation(`phoneNumber ${unknownPhone} is not a contact of this company`, ['phoneNumbers']);
  return [...new Set(rows.map((r) => r.id))];
}

/**
 * Who a new conversation of this contact goes to first: its portfolio's owner, an agent still in the
 * account or a team. One statement on the (account_id, contact_id) unique index; nothing when the contact
 * is in no portfolio.
 */
export async function portfolioOwnerOf(
  db: Db,
  accountId: number,
  contactId: number,
): Promise<{ assigneeId: number | null; teamId: number | null } | undefined> {
  const row = await db
    .selectFrom('portfolio_contacts as pc')
    .innerJoin('portfolios as p', 'p.id', 'pc.portfolio_id')
    .leftJoin('account_users as au', (join) =>
      join.onRef('au.user_id', '=', 'p.user_id').onRef('au.account_id', '=', 'p.account_id'),
    )
    .select(['au.user_id as assigneeId', 'p.team_id as teamId'])
    .where('pc.account_id', '=', accountId)
    .where('pc.contact_id', '=', contactId)
    .executeTakeFirst();
  return row && (row.assigneeId || row.teamId) ? row : undefined;
}
