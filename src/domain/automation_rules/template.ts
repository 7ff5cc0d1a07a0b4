/**
 * `{{conversation.id}}`-style placeholders of http_request (URL, headers, JSON body). Variables are a flat map
 * of names to values (variables.ts builds it); an unknown name becomes empty text.
 */
const PLACEHOLDER = /\{\{\s*([\w.-]+)\s*\}\}/g;
const WHOLE = /^\{\{\s*([\w.-]+)\s*\}\}$/;

export type Variables = Record<string, unknown>;

function asText(value: unknown): string {
  if (value === undefined || value === null) return '';
  return typeof value === 'object' ? JSON.stringify(value) : String(value);
}

export function fillText(text: string, variables: Variables, encode: (s: string) => string = (s) => s): string {
  return text.replace(PLACEHOLDER, (_, name: string) => encode(asText(variables[name])));
}

/**
 * Fills every string of a JSON value. A string that is one placeholder alone takes the variable's own JSON
 * type (`"{{conversation.id}}"` → 42, an attribute object stays an object); placeholders inside longer text
 * are written as text. Keys are left as they are.
 */
export function fillJson(value: unknown, variables: Variables): unknown {
  if (typeof value === 'string') {
    const whole = WHOLE.exec(value);
    if (whole) return variables[whole[1]] ?? null;
    return fillText(value, variables);
  }
  if (Array.isArray(value)) return value.map((v) => fillJson(v, variables));
  if (value && typeof value === 'object')
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, fillJson(v, variables)]));
  return value;
}
