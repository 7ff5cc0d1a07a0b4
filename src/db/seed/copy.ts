// COPY ... FROM STDIN in PostgreSQL's text format, fed by a generator of rows.
import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type pg from 'pg';
import { from as copyFrom } from 'pg-copy-streams';

const SPECIAL = /[\\\t\n\r]/;
const SPECIAL_ALL = /[\\\t\n\r]/g;
const ESCAPES: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };

/** One field in COPY text format: null as \N, special characters escaped. */
export function field(value: string | number | boolean | null | undefined): string {
  if (value === null || value === undefined) return '\\N';
  if (typeof value !== 'string') return String(value);
  return SPECIAL.test(value) ? value.replace(SPECIAL_ALL, (c) => ESCAPES[c]) : value;
}

export function timestamp(ms: number): string {
  return Number.isNaN(ms) ? '\\N' : new Date(ms).toISOString();
}

/** A text[] literal; elements are plain words (label titles), so no quoting is needed. */
export function textArray(items: readonly string[]): string {
  return `{${items.join(',')}}`;
}

export function json(value: unknown): string {
  return field(JSON.stringify(value));
}

const CHUNK = 256 * 1024;

/**
 * Streams `rows` (each a finished line without its newline) into `table (columns)`. `onRows` hears how many
 * rows went out with each chunk, for progress.
 */
export async function copyRows(
  client: pg.ClientBase,
  table: string,
  columns: readonly string[],
  rows: Iterable<string>,
  onRows: (n: number) => void = () => {},
): Promise<void> {
  function* chunks() {
    let buffer = '';
    let count = 0;
    for (const row of rows) {
      buffer += row + '\n';
      count++;
      if (buffer.length >= CHUNK) {
        yield buffer;
        onRows(count);
        buffer = '';
        count = 0;
      }
    }
    if (buffer) {
      yield buffer;
      onRows(count);
    }
  }
  const sink = client.query(copyFrom(`COPY ${table} (${columns.join(', ')}) FROM STDIN`));
  await pipeline(Readable.from(chunks(), { objectMode: false }), sink);
}
