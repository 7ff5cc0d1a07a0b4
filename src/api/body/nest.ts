import { AppError } from '../../errors.ts';

/**
 * Form field names the way Rack (and so Rails) reads them: `contact[name]=Jane` is `{contact: {name: 'Jane'}}`,
 * `labels[]=a&labels[]=b` is `{labels: ['a', 'b']}`, `items[][x]=1&items[][x]=2` a list of two objects.
 * Urlencoded and multipart bodies both go through here, so a form decodes to the object JSON would have sent.
 */

/** Rack's param_depth_limit: `a[b][c]…` deeper than this is refused, not walked. */
export const MAX_FORM_DEPTH = 32;
/** Fields per form (Rack 3.1 counts them too); a form past it is refused before any is decoded. */
export const MAX_FORM_FIELDS = 1000;

/** Keys that would reach an object's prototype once copied by assignment: dropped wherever they appear. */
const PROTOTYPE_KEYS = new Set(['__proto__', 'constructor', 'prototype']);

type Params = Record<string, unknown>;

const isParams = (value: unknown): value is Params =>
  value !== null && typeof value === 'object' && !Array.isArray(value) && Object.getPrototypeOf(value) === null;
const makeParams = (): Params => Object.create(null) as Params;

function conflict(key: string, expected: string): AppError {
  return new AppError('bad_request', `The form field ${key} is used both as ${expected} and as something else`, [key]);
}

/** Whether `key` (`a[b]`) already leads to a value inside `params` (Rack's params_hash_has_key?). */
function hasPath(params: Params, key: string): boolean {
  if (key.includes('[]')) return false;
  let current: unknown = params;
  for (const part of key.split(/[[\]]+/)) {
    if (part === '') continue;
    if (!isParams(current) || !(part in current)) return false;
    current = current[part];
  }
  return true;
}

/** Puts `value` into `params` under the bracketed `name` (Rack's normalize_params), answering the container. */
function place(params: Params, name: string, value: unknown, depth: number): unknown {
  if (depth >= MAX_FORM_DEPTH)
    throw new AppError('bad_request', `Form fields may be nested at most ${MAX_FORM_DEPTH} levels deep`);
  let key: string;
  let after: string;
  if (depth === 0) {
    const start = name.indexOf('[', 1);
    key = start > 0 ? name.slice(0, start) : name;
    after = start > 0 ? name.slice(start) : '';
  } else if (name.startsWith('[]')) {
    key = '[]';
    after = name.slice(2);
  } else if (name.startsWith('[') && name.indexOf(']', 1) > 0) {
    const end = name.indexOf(']', 1);
    key = name.slice(1, end);
    after = name.slice(end + 1);
  } else {
    key = name;
    after = '';
  }
  if (key === '' || PROTOTYPE_KEYS.has(key)) return params;

  if (after === '') {
    if (key === '[]' && depth !== 0) return [value];
    const previous = params[key];
    // Rack keeps the last of `a=1&a=2`; files repeated under one plain name (`attachments`, twice) are all kept.
    if (previous === undefined) params[key] = value;
    else if (isParams(previous)) throw conflict(key, 'an object');
    else params[key] = Array.isArray(previous) ? [...previous, value] : [previous, value];
  } else if (after === '[') {
    params[name] = value;
  } else if (after === '[]') {
    const list = (params[key] ??= []);
    if (!Array.isArray(list)) throw conflict(key, 'a list');
    list.push(value);
  } else if (after.startsWith('[]')) {
    // `items[][x]`: a list of objects, a new object whenever the last one already has `x`.
    const inner = after.slice(3, -1);
    const childKey =
      after[2] === '[' && after.endsWith(']') && inner !== '' && !/[[\]]/.test(inner) ? inner : after.slice(2);
    const list = (params[key] ??= []);
    if (!Array.isArray(list)) throw conflict(key, 'a list');
    const last: unknown = list[list.length - 1];
    if (isParams(last) && !hasPath(last, childKey)) place(last, childKey, value, depth + 1);
    else list.push(place(makeParams(), childKey, value, depth + 1));
  } else {
    const child = (params[key] ??= makeParams());
    if (!isParams(child)) throw conflict(key, 'an object');
    params[key] = place(child, after, value, depth + 1);
  }
  return params;
}

/** Form fields in the order they came, as one nested object (plain objects throughout, prototype keys gone). */
export function nestFormFields(fields: Iterable<readonly [string, unknown]>): Record<string, unknown> {
  const params = makeParams();
  let count = 0;
  for (const [name, value] of fields) {
    if (++count > MAX_FORM_FIELDS)
      throw new AppError('bad_request', `A form may carry at most ${MAX_FORM_FIELDS} fields`);
    place(params, name, value, 0);
  }
  return toPlain(params) as Record<string, unknown>;
}

/** Null-prototype objects (safe while building) become ordinary ones for the validator and the handlers. */
function toPlain(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(toPlain);
  if (!isParams(value)) return value;
  const out: Record<string, unknown> = {};
  for (const key of Object.keys(value))
    Object.defineProperty(out, key, {
      value: toPlain(value[key]),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  return out;
}
