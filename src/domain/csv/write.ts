/**
 * CSV out (RFC 4180: CRLF line ends, a field quoted when it holds a comma, quote or line end, quotes doubled).
 *
 * Spreadsheets run a cell that starts with = + - @ (or a tab or CR before one) as a formula, so a contact
 * named `=HYPERLINK(...)` would run in whoever opens the export: such a cell is written with a leading `'`
 * (OWASP's CSV injection rule), which spreadsheets show as text. Phone numbers (+1555...) get it too.
 */
const FORMULA_START = /^[=+\-@\t\r]/;
const NEEDS_QUOTES = /[",\r\n]/;

export function csvCell(value: string): string {
  const safe = FORMULA_START.test(value) ? `'${value}` : value;
  return NEEDS_QUOTES.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function csvLine(values: string[]): string {
  return values.map(csvCell).join(',') + '\r\n';
}

/** Undoes csvCell's guard on the way back in, so an exported file imports unchanged. */
export function unguardCell(value: string): string {
  return value.length > 1 && value[0] === "'" && FORMULA_START.test(value.slice(1)) ? value.slice(1) : value;
}
