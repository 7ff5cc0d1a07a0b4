import { AppError, unprocessable } from '../../errors.ts';
import { unguardCell } from '../csv/write.ts';
import { cleanContactFields } from './validation.ts';

/**
 * From CSV records to rows an import can write: the header row names the columns (`name`, `email`,
 * `phone_number`, `identifier` and `labels` are the contact's; the export's read-only `id`, `created_at`,
 * `last_activity_at` are ignored, so an exported file imports unchanged; any other column is a custom
 * attribute), and each data row is checked on its own: a bad row is reported and skipped, never the file.
 */
export const MAX_IMPORT_COLUMNS = 200;

const KEYS = ['identifier', 'email', 'phone_number'] as const;
export type ContactKey = (typeof KEYS)[number];
/** The order an existing contact is looked for: identifier, then email, then phone number. */
export const MATCH_ORDER: readonly ContactKey[] = KEYS;
const FIELDS = ['name', ...KEYS] as const;
type Field = (typeof FIELDS)[number];
const IGNORED = ['id', 'created_at', 'last_activity_at'];
const MAX_LENGTH: Record<Field, number> = { name: 255, email: 255, phone_number: 40, identifier: 255 };
const KEY_WORDS: Record<ContactKey, string> = {
  identifier: 'identifier',
  email: 'email',
  phone_number: 'phone number',
};

type Column =
  | { kind: 'field'; field: Field }
  | { kind: 'labels' }
  | { kind: 'custom'; key: string }
  | { kind: 'ignored' };

export interface ImportRow {
  /** As a spreadsheet numbers it: the header is row 1. */
  row: number;
  name?: string;
  email?: string;
  phone_number?: string;
  identifier?: string;
  labels: string[];
  custom: Record<string, string>;
}

export interface SkippedRow {
  row: number;
  error: string;
}

export const isBlankRecord = (record: string[]) => record.every((cell) => cell.trim() === '');

function readHeader(record: string[]): Column[] {
  if (record.length > MAX_IMPORT_COLUMNS)
    throw unprocessable(`The file has ${record.length} columns; an import reads at most ${MAX_IMPORT_COLUMNS}`, [
      'import_file',
    ]);
  const seen = new Set<string>();
  const columns = record.map((cell): Column => {
    const name = unguardCell(cell).trim();
    const lower = name.toLowerCase();
    if (!name) return { kind: 'ignored' };
    if (seen.has(lower))
      throw unprocessable(`The column ${name} appears more than once in the header row`, ['import_file']);
    seen.add(lower);
    if ((FIELDS as readonly string[]).includes(lower)) return { kind: 'field', field: lower as Field };
    if (lower === 'labels') return { kind: 'labels' };
    if (IGNORED.includes(lower)) return { kind: 'ignored' };
    return { kind: 'custom', key: name };
  });
  if (!columns.some((c) => c.kind === 'field' && c.field !== 'name')) {
    throw unprocessable(
      'The header row needs an email, phone_number or identifier column: rows are matched to contacts by them',
      ['import_file'],
    );
  }
  return columns;
}

/** Reads the header, then checks each data row, remembering keys to catch a row repeating an earlier one. */
export class RowReader {
  private readonly columns: Column[];
  private readonly seen: Record<ContactKey, Map<string, number>> = {
    identifier: new Map(),
    email: new Map(),
    phone_number: new Map(),
  };

  constructor(header: string[]) {
    this.columns = readHeader(header);
  }

  read(record: string[], row: number): ImportRow | SkippedRow {
    if (record.slice(this.columns.length).some((cell) => cell.trim() !== '')) {
      return { row, error: `The row has ${record.length} cells; the header has ${this.columns.length}` };
    }
    const out: ImportRow = { row, labels: [], custom: {} };
    const fields: Partial<Record<Field, string>> = {};
    this.columns.forEach((column, i) => {
      const cell = unguardCell(record[i] ?? '');
      if (column.kind === 'field') {
        if (cell.trim()) fields[column.field] = cell.trim();
      } else if (column.kind === 'labels') {
        out.labels = [
          ...new Set(
            cell
              .split(',')
              .map((l) => l.trim())
              .filter(Boolean),
          ),
        ];
      } else if (column.kind === 'custom' && cell !== '') out.custom[column.key] = cell;
    });
    for (const field of FIELDS) {
      if ((fields[field]?.length ?? 0) > MAX_LENGTH[field])
        return { row, error: `${field} is longer than ${MAX_LENGTH[field]} characters` };
    }
    try {
      Object.assign(out, cleanContactFields(fields));
    } catch (error) {
      if (error instanceof AppError) return { row, error: error.message };
      throw error;
    }
    if (!KEYS.some((key) => out[key])) return { row, error: 'A row needs an email, phone_number or identifier' };
    for (const key of KEYS) {
      const earlier = out[key] ? this.seen[key].get(out[key]) : undefined;
      if (earlier) return { row, error: `Duplicate of row ${earlier} (same ${KEY_WORDS[key]})` };
    }
    for (const key of KEYS) if (out[key]) this.seen[key].set(out[key], row);
    return out;
  }
}

export const keyWord = (key: ContactKey) => KEY_WORDS[key];
