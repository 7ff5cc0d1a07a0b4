/**
 * WTS servers bind query keys the ASP.NET way, and real clients lean on it: the n8n node sends
 * `Status=PENDING&Status=IN_PROGRESS` in the URL and the same filters again as axios params
 * (`status[]=PENDING`, `pageNumber=2`, `activeAtAfter=…` beside `ActiveAt.After=…`), n8n's untouched
 * fields as "" and older versions an unset id as "null". This turns that into one canonical object keyed
 * by the route schema's own names before validation:
 * - keys match case-insensitively, ignoring a `[]` suffix and the dots (`ActiveAt.After` = `activeAtAfter`);
 * - repeated keys and aliases merge into one de-duplicated list for list fields, first value otherwise;
 * - "", "null" and "undefined" mean "not given";
 * - enum values match case-insensitively (`in_progress` = `IN_PROGRESS`);
 * - keys the route does not know are dropped, not refused.
 */
type JsonSchema = {
  type?: string | string[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
  anyOf?: JsonSchema[];
  enum?: unknown[];
  const?: unknown;
};

const canonical = (key: string) =>
  key
    .replace(/\[\]$/, '')
    .replace(/[._\-\s]/g, '')
    .toLowerCase();
const NOT_GIVEN = new Set(['', 'null', 'undefined']);

function isList(schema: JsonSchema): boolean {
  return schema.type === 'array' || (Array.isArray(schema.type) && schema.type.includes('array'));
}

function allowedValues(schema: JsonSchema | undefined): string[] | undefined {
  if (!schema) return undefined;
  if (schema.enum) return schema.enum.map(String);
  const consts = schema.anyOf?.filter((s) => typeof s.const === 'string').map((s) => s.const as string);
  return consts?.length ? consts : undefined;
}

function given(value: unknown): boolean {
  if (value === null || value === undefined) return false;
  return typeof value !== 'string' || !NOT_GIVEN.has(value.trim());
}

export function canonicalInput(input: unknown, schema: JsonSchema | undefined): unknown {
  if (!schema?.properties || input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const names = new Map(Object.keys(schema.properties).map((name) => [canonical(name), name]));
  const out: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(input as Record<string, unknown>)) {
    const name = names.get(canonical(rawKey));
    if (!name) continue;
    const property = schema.properties[name];
    const list = isList(property);
    const allowed = allowedValues(list ? property.items : property);
    const values = (Array.isArray(rawValue) ? rawValue : [rawValue])
      .filter(given)
      .map((v) =>
        allowed && typeof v === 'string' ? (allowed.find((a) => a.toLowerCase() === v.trim().toLowerCase()) ?? v) : v,
      );
    if (!values.length) {
      // An empty list sent as one (`"items": []`) is a value: "none" (ReplaceAll with nothing clears).
      if (list && Array.isArray(rawValue) && !rawValue.length && !(name in out)) out[name] = [];
      continue;
    }
    if (list) out[name] = [...new Set([...((out[name] as unknown[]) ?? []), ...values])];
    else if (!(name in out)) out[name] = values[0];
  }
  return out;
}
