import { sql, type Expression, type SqlBool } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { Readable } from 'node:stream';
import type { Account, Contact } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { csvLine } from '../csv/write.ts';

/** The columns every export has (Switchboard's own list; Chatwoot's job exports id, name, email, phone_number). */
export const EXPORT_COLUMNS = [
  'id',
  'name',
  'email',
  'phone_number',
  'identifier',
  'labels',
  'created_at',
  'last_activity_at',
] as const;
type StandardColumn = (typeof EXPORT_COLUMNS)[number];

/** Contacts read per statement: memory holds one page, whatever the account's size. */
export const EXPORT_PAGE_SIZE = 1000;

export interface ExportOptions {
  /** Only these columns, in this order (standard ones or custom attribute keys); unknown names are dropped. */
  columns?: string[];
  /** Only contacts with this label. */
  label?: string;
  /** Only contacts matching this condition (a filter payload, domain/contacts/filter.ts). */
  where?: Expression<SqlBool>;
}

function scoped(db: Db, accountId: number, options: ExportOptions) {
  let query = db.selectFrom('contacts').where('account_id', '=', accountId);
  if (options.label) query = query.where(sql<boolean>`labels @> ARRAY[${options.label}]::text[]`);
  if (options.where) query = query.where(options.where);
  return query;
}

/** A custom attribute value as the export writes it: text as it is, anything else as JSON. */
export function attributeText(value: unknown): string {
  if (value === null || value === undefined) return '';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

function standardCell(contact: Contact, column: StandardColumn): string {
  switch (column) {
    case 'id':
      return String(contact.id);
    case 'labels':
      return contact.labels.join(',');
    case 'created_at':
      return contact.created_at.toISOString();
    case 'last_activity_at':
      return contact.last_activity_at?.toISOString() ?? '';
    default:
      return contact[column] ?? '';
  }
}

const isStandard = (column: string): column is StandardColumn => (EXPORT_COLUMNS as readonly string[]).includes(column);

/**
 * The account's contacts as CSV text, one chunk per page: the header (standard columns, then one per custom
 * attribute key any exported contact has, alphabetically), then the rows in id order. Pages are read by
 * keyset (id > last), one statement each, only when the consumer asks for more (a slow download holds
 * no connection and no transaction between pages).
 */
export async function* contactsCsv(db: Db, accountId: number, options: ExportOptions = {}): AsyncGenerator<string> {
  const keys = await scoped(db, accountId, options)
    .select(sql<string>`jsonb_object_keys(custom_attributes)`.as('key'))
    .distinct()
    .orderBy('key')
    .execute();
  const available = [...EXPORT_COLUMNS, ...keys.map((k) => k.key).filter((key) => !isStandard(key))];
  const wanted = options.columns?.filter((c) => available.includes(c));
  const columns = wanted?.length ? [...new Set(wanted)] : available;
  yield csvLine(columns);

  let after = 0;
  for (;;) {
    const page = await scoped(db, accountId, options)
      .selectAll()
      .where('id', '>', after)
      .orderBy('id')
      .limit(EXPORT_PAGE_SIZE)
      .execute();
    if (page.length) {
      const cells = (contact: Contact) =>
        columns.map((c) => (isStandard(c) ? standardCell(contact, c) : attributeText(contact.custom_attributes[c])));
      yield page.map((contact) => csvLine(cells(contact))).join('');
      after = page[page.length - 1].id;
    }
    if (page.length < EXPORT_PAGE_SIZE) return;
  }
}

/** Chatwoot's way: the export goes to the asking administrator by email, the CSV attached (streamed). */
export async function mailContactsCsv(
  mailer: Mailer,
  account: Account,
  to: string,
  filename: string,
  csv: AsyncGenerator<string>,
): Promise<void> {
  await mailer.send({
    to,
    subject: `[${account.name}] Contacts export`,
    text: `The contacts of ${account.name} are attached as ${filename}.`,
    attachments: [{ filename, contentType: 'text/csv; charset=utf-8', content: Readable.from(csv) }],
  });
}

/** `Acme_1_contacts.csv`, as Chatwoot names the file. */
export function exportFileName(account: Account): string {
  return `${account.name}_${account.id}_contacts.csv`;
}
