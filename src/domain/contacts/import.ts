import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Contact, NewContact } from '../../db/types.ts';
import { AppError, translateError, unprocessable } from '../../errors.ts';
import { changedAttributes, recordEvents, type NewEvent } from '../outbox.ts';
import { tooLarge } from '../attachments/upload.ts';
import { CsvParseError, CsvParser } from '../csv/parse.ts';
import { CONTACT_TRACKED, MAX_STORED_ATTRIBUTES_BYTES } from './commands.ts';
import { attributeText } from './export.ts';
import { isBlankRecord, keyWord, MATCH_ORDER, RowReader, type ImportRow, type SkippedRow } from './import-rows.ts';
import { inTransaction } from '../../db/transaction.ts';

/** Rows one request imports at once; a longer file is refused whole (413) before anything is written. */
export const MAX_IMPORT_ROWS = 10_000;
/** Rows per transaction: a constant number of statements each (lock the matches, update, insert, events). */
export const IMPORT_BATCH_SIZE = 500;

export interface ImportReport {
  created: number;
  updated: number;
  /** Rows that matched a contact already holding every value they carry. */
  unchanged: number;
  skipped: SkippedRow[];
}

/**
 * Reads a CSV upload (UTF-8, a BOM allowed) chunk by chunk into checked rows. Whole-file problems are
 * errors: not text (415), no header or a bad one, a quote never closed (422), too many rows (413).
 */
export async function readImportFile(
  source: AsyncIterable<Uint8Array>,
): Promise<{ rows: ImportRow[]; skipped: SkippedRow[] }> {
  const decoder = new TextDecoder('utf-8', { fatal: true });
  const parser = new CsvParser();
  const rows: ImportRow[] = [];
  const skipped: SkippedRow[] = [];
  let reader: RowReader | undefined;
  let record = 0;
  let dataRows = 0;
  const take = (records: string[][]) => {
    for (const cells of records) {
      record++;
      if (isBlankRecord(cells)) continue;
      if (!reader) {
        reader = new RowReader(cells);
        continue;
      }
      if (++dataRows > MAX_IMPORT_ROWS)
        throw tooLarge(`The file has more than ${MAX_IMPORT_ROWS} rows: split it into smaller files`);
      const result = reader.read(cells, record);
      if ('error' in result) skipped.push(result);
      else rows.push(result);
    }
  };
  const notText = () =>
    new AppError('unsupported_media_type', 'The file is not UTF-8 text: save it as "CSV UTF-8" and import that', [
      'import_file',
    ]);
  try {
    for await (const chunk of source) {
      const text = decoder.decode(chunk, { stream: true });
      if (text.includes('\u0000')) throw notText();
      take(parser.push(text));
    }
    take(parser.push(decoder.decode()));
    take(parser.end());
  } catch (error) {
    if (error instanceof CsvParseError) throw unprocessable(error.message, ['import_file']);
    if (error instanceof TypeError && (error as { code?: string }).code === 'ERR_ENCODING_INVALID_ENCODED_DATA')
      throw notText();
    throw error;
  }
  if (!reader) throw unprocessable('File is blank', ['import_file']);
  return { rows, skipped };
}

/** Custom attributes after a row: a cell equal to what the export writes for the stored value changes nothing. */
function withCustom(stored: Record<string, unknown>, cells: Record<string, string>): Record<string, unknown> {
  const out = { ...stored };
  for (const [key, value] of Object.entries(cells)) if (attributeText(stored[key]) !== value) out[key] = value;
  return out;
}

const tooBig = (attributes: Record<string, unknown>) =>
  Buffer.byteLength(JSON.stringify(attributes)) > MAX_STORED_ATTRIBUTES_BYTES;

interface Plan {
  creates: { row: ImportRow; values: Omit<NewContact, 'account_id'> }[];
  updates: { before: Contact; after: Contact }[];
  unchanged: number;
  skipped: SkippedRow[];
}

/** Decides what each row of a batch does, given the contacts its keys already name. */
function planBatch(rows: ImportRow[], existing: Contact[], claimed: Map<number, number>): Plan {
  const owners: Record<string, Map<string, Contact>> = {
    identifier: new Map(),
    email: new Map(),
    phone_number: new Map(),
  };
  for (const c of existing) {
    if (c.identifier) owners.identifier.set(c.identifier, c);
    if (c.email) owners.email.set(c.email.toLowerCase(), c);
    if (c.phone_number) owners.phone_number.set(c.phone_number, c);
  }
  const plan: Plan = { creates: [], updates: [], unchanged: 0, skipped: [] };
  for (const row of rows) {
    const skip = (error: string) => plan.skipped.push({ row: row.row, error });
    const match = MATCH_ORDER.map((key) => (row[key] ? owners[key].get(row[key]) : undefined)).find(Boolean);
    const conflict = MATCH_ORDER.find(
      (key) => row[key] && owners[key].get(row[key]!) && owners[key].get(row[key]!) !== match,
    );
    if (conflict) {
      const word = keyWord(conflict);
      skip(
        `${word[0].toUpperCase()}${word.slice(1)} belongs to another contact (#${owners[conflict].get(row[conflict]!)!.id})`,
      );
      continue;
    }
    if (!match) {
      if (tooBig(row.custom)) {
        skip(`Custom attributes would exceed ${MAX_STORED_ATTRIBUTES_BYTES} bytes as JSON`);
        continue;
      }
      plan.creates.push({
        row,
        values: {
          name: row.name ?? '',
          email: row.email ?? null,
          phone_number: row.phone_number ?? null,
          identifier: row.identifier ?? null,
          labels: row.labels,
          custom_attributes: row.custom,
          contact_type: row.email || row.phone_number ? 'lead' : 'visitor',
        },
      });
      continue;
    }
    const earlier = claimed.get(match.id);
    if (earlier) {
      skip(`Matches the same contact as row ${earlier}`);
      continue;
    }
    claimed.set(match.id, row.row);
    const after: Contact = {
      ...match,
      name: row.name ?? match.name,
      email: row.email && row.email !== match.email?.toLowerCase() ? row.email : match.email,
      phone_number: row.phone_number ?? match.phone_number,
      identifier: row.identifier ?? match.identifier,
      labels: [...new Set([...match.labels, ...row.labels])],
      custom_attributes: withCustom(match.custom_attributes, row.custom),
    };
    if (tooBig(after.custom_attributes))
      skip(`Custom attributes would exceed ${MAX_STORED_ATTRIBUTES_BYTES} bytes as JSON`);
    else if (Object.keys(changedAttributes(match, after, CONTACT_TRACKED)).length === 0) plan.unchanged++;
    else plan.updates.push({ before: match, after });
  }
  return plan;
}

/** One transaction: lock the contacts the rows name, update the matched, insert the new, record their events. */
async function writeBatch(db: Db, accountId: number, rows: ImportRow[], claimed: Map<number, number>): Promise<Plan> {
  const values = (key: 'identifier' | 'email' | 'phone_number') =>
    sql.val(rows.flatMap((r) => (r[key] ? [r[key]] : [])));
  return inTransaction(db, async (trx) => {
    const existing = await trx
      .selectFrom('contacts')
      .selectAll()
      .where('account_id', '=', accountId)
      .where(
        sql<boolean>`(identifier = ANY(${values('identifier')}::text[]) OR lower(email) = ANY(${values('email')}::text[]) OR phone_number = ANY(${values('phone_number')}::text[]))`,
      )
      .forUpdate()
      .execute();
    const plan = planBatch(rows, existing, claimed);
    const events: Omit<NewEvent, 'accountId'>[] = [];
    if (plan.updates.length) {
      const changes = plan.updates.map(({ after: a }) => ({
        id: a.id,
        name: a.name,
        email: a.email,
        phone_number: a.phone_number,
        identifier: a.identifier,
        labels: a.labels,
        custom_attributes: a.custom_attributes,
      }));
      const { rows: saved } = await sql<Contact>`
        UPDATE contacts AS c SET name = v.name, email = v.email, phone_number = v.phone_number, identifier = v.identifier,
          labels = v.labels, custom_attributes = v.custom_attributes, updated_at = now()
        FROM jsonb_to_recordset(${JSON.stringify(changes)}::jsonb)
          AS v(id bigint, name text, email text, phone_number text, identifier text, labels text[], custom_attributes jsonb)
        WHERE c.account_id = ${accountId} AND c.id = v.id
        RETURNING c.*`.execute(trx);
      const before = new Map(plan.updates.map((u) => [u.before.id, u.before]));
      for (const after of saved) {
        events.push({
          name: 'contact.updated',
          contactId: after.id,
          data: { changed_attributes: changedAttributes(before.get(after.id)!, after, CONTACT_TRACKED) },
        });
      }
    }
    if (plan.creates.length) {
      const created = await trx
        .insertInto('contacts')
        .values(plan.creates.map((c) => ({ account_id: accountId, ...c.values })))
        .returning('id')
        .execute();
      for (const { id } of created) events.push({ name: 'contact.created', contactId: id });
    }
    await recordEvents(trx, accountId, events);
    return plan;
  });
}

/**
 * Upserts checked rows: a contact with the row's identifier, else email, else phone number is updated (blank
 * cells keep what is stored, labels are added, custom attributes merged), else a contact is created. A row
 * whose other keys belong to a different contact is skipped. Contact events fire as for any other change.
 */
export async function importContacts(
  db: Db,
  accountId: number,
  source: AsyncIterable<Uint8Array>,
): Promise<ImportReport> {
  const { rows, skipped } = await readImportFile(source);
  const report: ImportReport = { created: 0, updated: 0, unchanged: 0, skipped };
  const claimed = new Map<number, number>();
  for (let start = 0; start < rows.length; start += IMPORT_BATCH_SIZE) {
    const batch = rows.slice(start, start + IMPORT_BATCH_SIZE);
    let plan: Plan | undefined;
    // A contact created by someone else between the lock and the insert breaks a unique key: read again once.
    for (let attempt = 1; !plan; attempt++) {
      const claimedBefore = new Map(claimed);
      try {
        plan = await writeBatch(db, accountId, batch, claimed);
      } catch (error) {
        claimed.clear();
        claimedBefore.forEach((row, id) => claimed.set(id, row));
        if ((error as { code?: string }).code !== '23505') throw error;
        if (attempt === 2) {
          const reason = translateError(error).message;
          report.skipped.push(...batch.map((r) => ({ row: r.row, error: reason })));
          break;
        }
      }
    }
    if (!plan) continue;
    report.created += plan.creates.length;
    report.updated += plan.updates.length;
    report.unchanged += plan.unchanged;
    report.skipped.push(...plan.skipped);
  }
  report.skipped.sort((a, b) => a.row - b.row);
  return report;
}
