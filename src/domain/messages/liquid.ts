/**
 * The part of Liquid that Chatwoot's message variables use, as a data lookup only (nothing is executed):
 * `{{ contact.name }}`, `{{ contact.custom_attribute.plan }}`, `{{ contact.first_name | default: 'there' }}`,
 * `{%raw%}…{%endraw%}`, and text between backticks left as written (Chatwoot protects code that way).
 *
 * As Chatwoot's lax Liquid: a name that resolves to nothing renders empty, an unknown filter is ignored, and a
 * template it cannot parse (an unclosed `{{`, a tag other than raw) is sent exactly as written.
 */
export type Drops = Record<string, unknown>;

const FILTERS: Record<string, (value: unknown, args: unknown[]) => unknown> = {
  default: (value, [fallback]) =>
    value === undefined || value === null || value === '' || value === false || (Array.isArray(value) && !value.length)
      ? fallback
      : value,
  upcase: (value) => text(value).toUpperCase(),
  downcase: (value) => text(value).toLowerCase(),
  capitalize: (value) => capitalize(text(value)),
  strip: (value) => text(value).trim(),
  append: (value, [suffix]) => text(value) + text(suffix),
  prepend: (value, [prefix]) => text(prefix) + text(value),
};

/** Ruby's String#capitalize: the first character up, the rest down. */
export function capitalize(word: string): string {
  return word ? word[0]!.toUpperCase() + word.slice(1).toLowerCase() : word;
}

function text(value: unknown): string {
  if (value === undefined || value === null) return '';
  if (Array.isArray(value)) return value.map(text).join('');
  if (typeof value === 'object') return JSON.stringify(value);
  return String(value);
}

class TemplateError extends Error {}

/** `'a'`, `"a"`, a number, or a dotted path with optional `["key"]` parts. */
function evaluate(expression: string, drops: Drops): unknown {
  const literal = /^(?:'([^']*)'|"([^"]*)")$/.exec(expression);
  if (literal) return literal[1] ?? literal[2];
  if (/^-?\d+(\.\d+)?$/.test(expression)) return Number(expression);
  if (!/^[A-Za-z_][\w-]*(\s*(\.\s*[\w-]+|\[\s*(?:'[^']*'|"[^"]*"|\d+)\s*\]))*\??$/.test(expression))
    throw new TemplateError(`cannot read ${expression}`);
  const parts = [...expression.matchAll(/([A-Za-z_][\w-]*)|\[\s*(?:'([^']*)'|"([^"]*)"|(\d+))\s*\]/g)].map(
    (m) => m[1] ?? m[2] ?? m[3] ?? m[4]!,
  );
  let value: unknown = drops;
  for (const part of parts) {
    if (value === null || value === undefined || typeof value !== 'object') return undefined;
    value = Object.hasOwn(value, part) ? (value as Record<string, unknown>)[part] : undefined;
  }
  return value;
}

/** Splits on `sep` outside quotes. */
function splitOutsideQuotes(source: string, sep: string): string[] {
  const out: string[] = [];
  let quote: string | null = null;
  let current = '';
  for (const ch of source) {
    if (quote) {
      if (ch === quote) quote = null;
    } else if (ch === '"' || ch === "'") quote = ch;
    else if (ch === sep) {
      out.push(current);
      current = '';
      continue;
    }
    current += ch;
  }
  if (quote) throw new TemplateError('unterminated quote');
  out.push(current);
  return out;
}

function output(markup: string, drops: Drops): string {
  const [head, ...filters] = splitOutsideQuotes(markup, '|').map((s) => s.trim());
  if (!head) return '';
  let value = evaluate(head, drops);
  for (const filter of filters) {
    const colon = filter.indexOf(':');
    const name = (colon < 0 ? filter : filter.slice(0, colon)).trim();
    const args =
      colon < 0 ? [] : splitOutsideQuotes(filter.slice(colon + 1), ',').map((a) => evaluate(a.trim(), drops));
    const apply = Object.hasOwn(FILTERS, name) ? FILTERS[name] : undefined;
    if (apply) value = apply(value, args);
  }
  return text(value);
}

const TOKEN = /(\{\{-?)([\s\S]*?)(-?\}\})|(\{%-?)\s*(\w+)\s*(-?%\})/g;

function renderPlain(source: string, drops: Drops): string {
  let out = '';
  let at = 0;
  let rawFrom: number | null = null;
  for (const match of source.matchAll(TOKEN)) {
    const index = match.index;
    if (rawFrom !== null) {
      if (match[5] === 'endraw') {
        out += source.slice(rawFrom, index);
        rawFrom = null;
        at = index + match[0].length;
      }
      continue;
    }
    let before = source.slice(at, index);
    if (match[1]?.endsWith('-') || match[4]?.endsWith('-')) before = before.trimEnd();
    if (before.includes('{{') || before.includes('{%')) throw new TemplateError('unterminated tag');
    out += before;
    at = index + match[0].length;
    if (match[1]) {
      out += output(match[2]!, drops);
      if (match[3]!.startsWith('-')) at += /^\s*/.exec(source.slice(at))![0].length;
    } else if (match[5] === 'raw') {
      rawFrom = at;
    } else {
      throw new TemplateError(`tag ${match[5]} is not supported`);
    }
  }
  if (rawFrom !== null) throw new TemplateError('raw is not closed');
  const rest = source.slice(at);
  if (rest.includes('{{') || rest.includes('{%')) throw new TemplateError('unterminated tag');
  return out + rest;
}

/** True when the text has anything to render (so plain messages cost no lookup). */
export const hasPlaceholders = (source: string) => source.includes('{{') || source.includes('{%');

export function renderLiquid(source: string, drops: Drops): string {
  if (!hasPlaceholders(source)) return source;
  try {
    // Text between backticks is code: kept as written.
    return source
      .split(/(`[\s\S]*?`)/)
      .map((piece) =>
        piece.startsWith('`') && piece.endsWith('`') && piece.length > 1 ? piece : renderPlain(piece, drops),
      )
      .join('');
  } catch (error) {
    if (error instanceof TemplateError) return source;
    throw error;
  }
}
