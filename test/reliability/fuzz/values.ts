import type { Random } from '../../../src/db/seed/random.ts';

/** A JSON schema as @fastify/swagger writes it into /openapi.json (TypeBox's output, inlined). */
export interface Schema {
  type?: string | string[];
  properties?: Record<string, Schema>;
  required?: string[];
  items?: Schema;
  anyOf?: Schema[];
  oneOf?: Schema[];
  allOf?: Schema[];
  enum?: unknown[];
  const?: unknown;
  format?: string;
  minimum?: number;
  maximum?: number;
  minLength?: number;
  maxLength?: number;
  maxItems?: number;
  nullable?: boolean;
  additionalProperties?: boolean | Schema;
}

/** Strings that break naive code: encodings, invisible and directional characters, injections, lengths. */
export const HOSTILE_STRINGS: readonly string[] = [
  '',
  ' ',
  '\u0000',
  'nul\u0000inside',
  '\ud800',
  'lone low \udfff surrogate',
  'x\ud83d',
  '\u202eevil\u202c',
  'مرحبا بالعالم',
  'שלום עולם',
  '🏳️‍🌈👨‍👩‍👧‍👦🇧🇷',
  'Z̤͔ͧ̑̓ä͖̭̈̇lͮ̒ͫǧ̗͚̚o̙̔ͮ̇͐̇',
  '\ufeffbom',
  '\uffff\ufffe',
  '\r\n\t\u000b\u000c',
  '\u2028\u2029',
  "'; DROP TABLE contacts; --",
  '%s%n%x%d',
  '../../../../etc/passwd',
  '<script>alert(1)</script>',
  // biome-ignore lint/suspicious/noTemplateCurlyInString: a hostile input, literally
  '${jndi:ldap://x}',
  '{{7*7}}',
  'null',
  'true',
  '-1',
  '0',
  '1e309',
  '0x7fffffff',
  '99999999999999999999999999',
  'NaN',
  '2026-13-45T99:99:99Z',
  '0000-00-00',
  'not-an-email@',
  '@',
  'a@b',
  'http://',
  'javascript:alert(1)',
  '00000000-0000-0000-0000-000000000000',
  'ffffffff-ffff-ffff-ffff-ffffffffffff',
  '\\',
  '"',
  '%',
  '%00',
  '*',
  '_',
  '\u0085',
  'ｆｕｌｌｗｉｄｔｈ',
  'İıßẞ',
];

export const HOSTILE_NUMBERS: readonly number[] = [
  0,
  -1,
  -0,
  1.5,
  -1.5,
  2 ** 31,
  2 ** 31 - 1,
  -(2 ** 31),
  2 ** 53 + 2,
  -(2 ** 63),
  1e308,
  -1e308,
  5e-324,
  1e20,
];

/** A long string of a given length, built from a repeating unit so multi-unit characters stay whole. */
export function longString(random: Random, length: number): string {
  const unit = random.pick(['a', 'é', '😀', '\u202e', 'x\u0000', '\ud800', 'ab cd ']);
  return unit.repeat(Math.ceil(length / unit.length)).slice(0, length);
}

function nested(depth: number, kind: 'array' | 'object'): unknown {
  let value: unknown = 'bottom';
  for (let i = 0; i < depth; i++) value = kind === 'array' ? [value] : { a: value };
  return value;
}

/** One hostile value of any JSON type. */
export function hostileValue(random: Random): unknown {
  switch (random.int(10)) {
    case 0:
    case 1:
    case 2:
      return random.pick(HOSTILE_STRINGS);
    case 3:
      return longString(random, random.pick([256, 1_000, 10_000, 100_000, 300_000]));
    case 4:
      return random.pick(HOSTILE_NUMBERS);
    case 5:
      return random.pick([null, true, false]);
    case 6:
      return random.pick([[], [null], [{}], Array.from({ length: 1000 }, (_, i) => i), [random.pick(HOSTILE_STRINGS)]]);
    case 7:
      return random.pick([
        {},
        { __proto__: null, polluted: true },
        JSON.parse('{"__proto__":{"isAdmin":true}}'),
        { constructor: { prototype: { isAdmin: true } } },
      ]);
    case 8:
      return nested(random.pick([50, 500, 2000]), random.chance(0.5) ? 'array' : 'object');
    default:
      return { [random.pick(HOSTILE_STRINGS)]: random.pick(HOSTILE_STRINGS) };
  }
}

function typeOf(schema: Schema): string | undefined {
  return Array.isArray(schema.type) ? schema.type[0] : schema.type;
}

function sampleString(random: Random, schema: Schema): string {
  switch (schema.format) {
    case 'email':
      return `fuzz${random.int(1e9)}@example.com`;
    case 'uri':
    case 'url':
      return `https://example.com/${random.int(1e6)}`;
    case 'date-time':
      return new Date(Date.UTC(2026, 0, 1 + random.int(300))).toISOString();
    case 'date':
      return '2026-05-17';
    case 'uuid': {
      // From the seeded generator (not crypto.randomUUID) so a seed replays the same requests.
      const hex = Array.from({ length: 32 }, () => random.int(16).toString(16)).join('');
      return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-4${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20)}`;
    }
  }
  const max = schema.maxLength ?? 40;
  const min = schema.minLength ?? 0;
  const length = Math.max(min, Math.min(max, 1 + random.int(20)));
  return 'fuzz value '.repeat(4).slice(0, length).padEnd(min, 'x');
}

/** A value that satisfies the schema (as far as a fuzzer needs): the starting point mutations corrupt. */
export function sample(random: Random, schema: Schema, depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return random.pick(schema.enum);
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return sample(random, random.pick(union), depth);
  if (schema.allOf?.length) return Object.assign({}, ...schema.allOf.map((s) => sample(random, s, depth)));
  switch (typeOf(schema)) {
    case 'string':
      return sampleString(random, schema);
    case 'integer':
      return Math.max(schema.minimum ?? 1, Math.min(schema.maximum ?? 1000, 1 + random.int(50)));
    case 'number':
      return Math.max(schema.minimum ?? 0, Math.min(schema.maximum ?? 1000, random.next() * 100));
    case 'boolean':
      return random.chance(0.5);
    case 'null':
      return null;
    case 'array':
      return depth > 4 || !schema.items
        ? []
        : Array.from({ length: random.int(3) }, () => sample(random, schema.items!, depth + 1));
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        if (schema.required?.includes(key) || random.chance(0.6))
          out[key] = depth > 4 ? null : sample(random, property, depth + 1);
      }
      return out;
    }
    default:
      return random.pick(['x', 1, true]);
  }
}

/** The same value with one place corrupted: a field of the wrong type or hostile content, a field removed, an unknown field. */
export function mutate(random: Random, value: unknown, schema: Schema): unknown {
  if (value === null || typeof value !== 'object' || Array.isArray(value) || random.chance(0.1)) {
    return random.chance(0.5) ? hostileValue(random) : wrongType(random, schema);
  }
  const record = { ...(value as Record<string, unknown>) };
  const keys = Object.keys(schema.properties ?? {});
  const roll = random.int(10);
  if (roll === 0 && Object.keys(record).length) {
    delete record[random.pick(Object.keys(record))];
  } else if (roll === 1) {
    record[random.pick(HOSTILE_STRINGS) || 'empty'] = hostileValue(random);
  } else if (keys.length) {
    const key = random.pick(keys);
    const property = schema.properties![key];
    const inner = record[key] ?? sample(random, property);
    record[key] =
      typeof inner === 'object' && inner !== null && random.chance(0.5)
        ? mutate(random, inner, property)
        : random.chance(0.5)
          ? hostileValue(random)
          : wrongType(random, property);
  } else {
    record[random.pick(['content', 'name', 'id', 'email', 'status'])] = hostileValue(random);
  }
  return record;
}

/** A value of some other JSON type than the schema asks for, or a boundary of the right type. */
export function wrongType(random: Random, schema: Schema): unknown {
  const type = typeOf(schema);
  const candidates: unknown[] = [null, 'string', 12345, -1, true, [], {}, [1, 2], 1.5];
  if (type === 'string')
    candidates.push(longString(random, (schema.maxLength ?? 255) + 1), random.pick(HOSTILE_STRINGS));
  if (type === 'integer' || type === 'number')
    // biome-ignore lint/correctness/noPrecisionLoss: 2^53 + 1, beyond a double's exact integers on purpose
    candidates.push((schema.maximum ?? 2 ** 62) + 1, (schema.minimum ?? -(2 ** 62)) - 1, '12', '1e3', 9007199254740993);
  if (type === 'array')
    candidates.push(
      Array.from({ length: (schema.maxItems ?? 1000) + 1 }, () => 'x'),
      'a,b,c',
    );
  return random.pick(candidates.filter((c) => typeof c !== type));
}
