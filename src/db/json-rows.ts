/**
 * A row that came back as JSON (`to_jsonb(row)`, or from a database function) with its timestamps as
 * dates again, as pg gives them for columns: every `*_at`, `*_since` and `*_until` string.
 */
export function reviveRow<T>(row: Record<string, unknown>): T {
  for (const [key, value] of Object.entries(row)) {
    if (typeof value === 'string' && /_(at|since|until)$/.test(key)) row[key] = new Date(value);
  }
  return row as T;
}
