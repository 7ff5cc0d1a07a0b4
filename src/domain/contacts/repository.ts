import { getInAccount } from '../../db/scoped.ts';
import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Contact, ContactInbox, Inbox } from '../../db/types.ts';
import { ownValue } from '../own.ts';

export const CONTACTS_PER_PAGE = 15;

export async function findContact(db: Db, accountId: number, contactId: number): Promise<Contact | undefined> {
  return db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', contactId)
    .executeTakeFirst();
}

export async function getContact(db: Db, accountId: number, contactId: number): Promise<Contact> {
  return getInAccount(db, 'contacts', accountId, contactId);
}

export async function findContactsByIds(db: Db, accountId: number, ids: number[]): Promise<Contact[]> {
  if (!ids.length) return [];
  return db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).where('id', 'in', ids).execute();
}

export type ContactInboxWithInbox = ContactInbox & { inbox: Inbox };

/** Every contact inbox of the given contacts with its inbox, in one query. */
export async function contactInboxesFor(
  db: Db,
  accountId: number,
  contactIds: number[],
): Promise<Map<number, ContactInboxWithInbox[]>> {
  const byContact = new Map<number, ContactInboxWithInbox[]>();
  if (!contactIds.length) return byContact;
  const rows = await db
    .selectFrom('contact_inboxes as ci')
    .innerJoin('inboxes as i', 'i.id', 'ci.inbox_id')
    .selectAll('ci')
    .select(sql<Inbox>`to_jsonb(i)`.as('inbox'))
    .where('ci.account_id', '=', accountId)
    .where('ci.contact_id', 'in', contactIds)
    .orderBy('ci.id')
    .execute();
  for (const row of rows) {
    const list = byContact.get(row.contact_id) ?? [];
    list.push(row as ContactInboxWithInbox);
    byContact.set(row.contact_id, list);
  }
  return byContact;
}

export const CONTACT_SORTS = {
  name: 'name',
  email: 'email',
  phone_number: 'phone_number',
  last_activity_at: 'last_activity_at',
  created_at: 'created_at',
  company: sql`additional_attributes->>'company_name'`,
  city: sql`additional_attributes->>'city'`,
  country: sql`additional_attributes->>'country'`,
} as const;
export type ContactSort = keyof typeof CONTACT_SORTS;

export interface ContactPageQuery {
  page: number;
  sort?: string;
  /** Extra condition, e.g. a search or a filter. */
  where?: Expression<SqlBool>;
  labels?: string[];
  /** Chatwoot lists only contacts that can be reached: with an email, phone number or identifier. */
  resolvedOnly: boolean;
}

/** One page of contacts and the total count: two statements whatever the page size. */
export async function listContacts(
  db: Db,
  accountId: number,
  query: ContactPageQuery,
): Promise<{ contacts: Contact[]; count: number }> {
  let base = db.selectFrom('contacts').where('account_id', '=', accountId);
  if (query.resolvedOnly) {
    base = base.where((eb) =>
      eb.or([eb('email', 'is not', null), eb('phone_number', 'is not', null), eb('identifier', 'is not', null)]),
    );
  }
  if (query.labels?.length) base = base.where(sql<boolean>`labels && ${sql.val(query.labels)}::text[]`);
  if (query.where) base = base.where(query.where);

  const descending = query.sort?.startsWith('-') ?? false;
  const sortKey = (query.sort?.replace(/^-/, '') ?? '') as ContactSort;
  const column = ownValue(CONTACT_SORTS, sortKey);
  let listQuery = base.selectAll();
  if (column) {
    const direction = descending ? sql`DESC NULLS LAST` : sql`ASC NULLS LAST`;
    listQuery = listQuery.orderBy(sql`${typeof column === 'string' ? sql.ref(column) : column} ${direction}`);
  } else {
    listQuery = listQuery.orderBy(sql`last_activity_at DESC NULLS LAST`);
  }
  const [contacts, total] = await Promise.all([
    listQuery
      .orderBy('id', descending ? 'desc' : 'asc')
      .limit(CONTACTS_PER_PAGE)
      .offset((query.page - 1) * CONTACTS_PER_PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  return { contacts, count: Number(total.count) };
}

export function searchCondition(q: string): Expression<SqlBool> {
  const pattern = `%${q.replace(/[\\%_]/g, (c) => '\\' + c)}%`;
  return sql<SqlBool>`(name ILIKE ${pattern} OR email ILIKE ${pattern} OR phone_number ILIKE ${pattern} OR identifier ILIKE ${pattern} OR additional_attributes->>'company_name' ILIKE ${pattern})`;
}

/** The contact owning a source id in an inbox of the account, if any. */
export async function findContactBySource(
  db: Db,
  accountId: number,
  inboxId: number,
  sourceId: string,
): Promise<Contact | undefined> {
  return db
    .selectFrom('contact_inboxes as ci')
    .innerJoin('contacts as c', 'c.id', 'ci.contact_id')
    .selectAll('c')
    .where('ci.account_id', '=', accountId)
    .where('ci.inbox_id', '=', inboxId)
    .where('ci.source_id', '=', sourceId)
    .executeTakeFirst();
}
