import { isOwnKey, ownValue } from '../../domain/own.ts';

/**
 * Real Chatwoot clients send the same thing many ways: `labels[]=a` (Rails), `labels=["a"]` (n8n JSON
 * params), `inbox_id=0` or `assignee_id=""` for "not given" (n8n defaults), `[null]` for an untouched JSON
 * list, booleans and numbers as text (multipart SDKs), and bodies flat or nested under the resource name.
 * This turns each into one canonical shape, guided by the route's own schema, before validation.
 */
type JsonSchema = {
  type?: string | string[];
  anyOf?: JsonSchema[];
  properties?: Record<string, JsonSchema>;
  items?: JsonSchema;
};

function types(schema: JsonSchema | undefined): Set<string> {
  const out = new Set<string>();
  if (!schema) return out;
  if (typeof schema.type === 'string') out.add(schema.type);
  if (Array.isArray(schema.type)) schema.type.forEach((t) => out.add(t));
  schema.anyOf?.forEach((s) => types(s).forEach((t) => out.add(t)));
  return out;
}

const ID_KEY = /(^|_)ids?$/;

function parseJsonText(value: string, open: string): unknown {
  const trimmed = value.trim();
  if (!trimmed.startsWith(open)) return value;
  try {
    return JSON.parse(trimmed);
  } catch {
    return value;
  }
}

function normalizeValue(key: string, value: unknown, schema: JsonSchema | undefined): unknown {
  const kinds = types(schema);
  if (typeof value === 'string') {
    if (kinds.has('array')) value = parseJsonText(value, '[');
    else if (kinds.has('object')) {
      if (value.trim() === '') return undefined;
      value = parseJsonText(value, '{');
    }
  }
  if (Array.isArray(value)) {
    const items = value.filter((item) => item !== null && item !== '');
    if (items.length === 0 && value.length > 0) return undefined; // [null] / [""] = untouched field
    if (!kinds.has('array') && items.length === 1 && (kinds.has('integer') || kinds.has('string'))) {
      return normalizeValue(key, items[0], schema);
    }
    return items.map((item) => (ID_KEY.test(key) && item === '0' ? undefined : item)).filter((i) => i !== undefined);
  }
  if ((kinds.has('integer') || kinds.has('number')) && !kinds.has('string')) {
    if (value === '') return undefined;
    if (ID_KEY.test(key) && (value === 0 || value === '0')) return undefined;
  }
  if (kinds.has('boolean') && value === '') return undefined;
  return value;
}

export function normalizeObject(
  input: unknown,
  schema: JsonSchema | undefined,
  wrapper?: string,
): Record<string, unknown> | unknown {
  if (input === null || typeof input !== 'object' || Array.isArray(input)) return input;
  const source = { ...(input as Record<string, unknown>) };
  // Rails-style nesting: {"label": {"title": ...}} is the same request as {"title": ...}.
  if (wrapper && source[wrapper] && typeof source[wrapper] === 'object' && !Array.isArray(source[wrapper])) {
    const nested = source[wrapper] as Record<string, unknown>;
    if (types(ownValue(schema?.properties, wrapper)).has('object') === false) {
      delete source[wrapper];
      Object.assign(source, nested);
    }
  }
  const out: Record<string, unknown> = {};
  for (const [rawKey, rawValue] of Object.entries(source)) {
    const key = rawKey.endsWith('[]') ? rawKey.slice(0, -2) : rawKey;
    // `out.__proto__ = value` would set out's prototype, not a field (a query string can still name it).
    if (key === '__proto__') continue;
    const propertySchema = ownValue(schema?.properties, key);
    // n8n sends every displayed field, an untouched one as "": that means "not given", never "clear it".
    if (rawValue === '') continue;
    const value = normalizeValue(key, rawValue, propertySchema);
    if (value === undefined) continue;
    if (isOwnKey(out, key) && rawKey.endsWith('[]')) {
      out[key] = ([] as unknown[]).concat(out[key], value);
    } else {
      out[key] = value;
    }
  }
  return out;
}
