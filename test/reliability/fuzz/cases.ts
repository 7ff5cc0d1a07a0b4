import type { Random } from '../../../src/db/seed/random.ts';
import { HOSTILE_STRINGS, hostileValue, longString, mutate, sample, type Schema } from './values.ts';
import { realParam, type World } from './world.ts';
import { isWtsPath } from '../../../src/api/wts/index.ts';

export interface Operation {
  method: string;
  template: string;
  parameters: { in: string; name: string; schema?: Schema }[];
  body?: Schema;
}

export interface FuzzRequest {
  kind: 'body' | 'raw-body' | 'path' | 'query' | 'header' | 'huge' | 'multipart';
  method: string;
  url: string;
  headers: Record<string, string>;
  payload?: string | Buffer;
}

export const BODY_LIMIT = 4 * 1024 * 1024;

/** Path parameters the world had no real row for (filled with a well-formed placeholder instead). */
export const MISSING_PARAMS = new Set<string>();

/** Path segments that are not ids: overflow, encodings (bad, overlong, lone surrogate), traversal, length. */
const HOSTILE_SEGMENTS: readonly string[] = [
  '0',
  '-1',
  '1.5',
  '1e3',
  '99999999999999999999',
  '9223372036854775808',
  'abc',
  'null',
  '%00',
  '%F0%9F%92%A9',
  '%ED%A0%80',
  '%C0%AF',
  '%',
  '%zz',
  '%2e%2e',
  '..%2F..',
  '%201',
  '1%20OR%201%3D1',
  '00000000-0000-0000-0000-000000000000',
  'a'.repeat(600),
  '%E2%80%AE',
];

/** Malformed or hostile JSON text no serializer would produce. */
const RAW_BODIES: readonly (string | Buffer)[] = [
  '{',
  '{"a":',
  '[1,]',
  '{"a":1,}',
  "{'a':1}",
  'nul',
  'undefined',
  '1e400',
  '{"content":1e400,"name":-1e400}',
  '{"id":123456789012345678901234567890}',
  '{"a":"\\ud800"}',
  '{"content":"\\u0000","name":"\\u0000"}',
  '{"a":1,"a":2,"a":{"b":[]}}',
  '\ufeff{"name":"bom"}',
  '"just a string"',
  '[]',
  'null',
  'true',
  '0',
  '[{"__proto__":{"admin":true}}]',
  '{"constructor":{"prototype":{"admin":true}}}',
  '['.repeat(10_000) + ']'.repeat(10_000),
  '{"a":'.repeat(5_000) + '1' + '}'.repeat(5_000),
  Buffer.from([0xff, 0xfe, 0xc3, 0x28, 0xa0, 0xa1]),
  Buffer.concat([Buffer.from('{"content":"'), Buffer.from([0xed, 0xa0, 0x80, 0xc0, 0xaf]), Buffer.from('"}')]),
];

const CONTENT_TYPES: readonly string[] = [
  'text/plain',
  'application/x-www-form-urlencoded',
  'multipart/form-data',
  'multipart/form-data; boundary=x',
  'application/json; charset=utf-16',
  'application/json; charset=latin1',
  'application/xml',
  'application/octet-stream',
  '*/*',
  'application/json, text/plain',
  ';;;',
];

/**
 * Every JSON operation of the OpenAPI document (narrowed to those whose `METHOD /template` contains `only`);
 * operations that delete or suspend what the others need come last.
 */
export function operationsOf(spec: { paths: Record<string, Record<string, any>> }, only?: string): Operation[] {
  const operations: Operation[] = [];
  for (const [template, item] of Object.entries(spec.paths)) {
    for (const [method, operation] of Object.entries(item)) {
      if (!['get', 'post', 'put', 'patch', 'delete'].includes(method)) continue;
      if (only && !`${method.toUpperCase()} ${template}`.includes(only)) continue;
      operations.push({
        method,
        template,
        parameters: operation.parameters ?? [],
        body: operation.requestBody?.content?.['application/json']?.schema,
      });
    }
  }
  const destructive = (o: Operation) => o.method === 'delete' || /reset_access_token|\/token$/.test(o.template);
  return operations.sort((a, b) => Number(destructive(a)) - Number(destructive(b)));
}

export function dialectOf(template: string): 'wts' | 'chatwoot' {
  // The WTS dialect's own list of service prefixes (chat, core, crm), so a new service is fuzzed as WTS.
  return isWtsPath(template) ? 'wts' : 'chatwoot';
}

/** Percent-encodes any string, lone surrogates included (as UTF-8 replacement characters), where encodeURIComponent throws. */
function encodeSegment(text: string): string {
  return [...Buffer.from(text, 'utf8')]
    .map((byte) =>
      /[A-Za-z0-9\-_.~]/.test(String.fromCharCode(byte))
        ? String.fromCharCode(byte)
        : `%${byte.toString(16).toUpperCase().padStart(2, '0')}`,
    )
    .join('');
}

export function authHeaders(world: World, template: string): Record<string, string> {
  if (template.startsWith('/public/')) return {};
  if (dialectOf(template) === 'wts') return { authorization: `Bearer ${world.userToken}` };
  return { api_access_token: template.startsWith('/platform/') ? world.platformToken : world.userToken };
}

/** The path with every `{param}` filled with its real value, or with `hostile` for the param at `hostileIndex`. */
export function fillPath(world: World, template: string, hostile?: { index: number; segment: string }): string {
  const segments = template.split('/');
  return segments
    .map((segment, index) => {
      const match = /^\{(.+)\}$/.exec(segment);
      if (!match) return segment;
      if (hostile?.index === index) return hostile.segment;
      const real = realParam(world, template, segments, index, match[1]);
      if (real !== undefined) return encodeURIComponent(real);
      // A route newer than the world: still fuzzed (past validation, to the lookup), and reported, so the
      // gap is visible and test/reliability/fuzz/world.ts can be taught a real row for it.
      MISSING_PARAMS.add(`{${match[1]}} in ${template}`);
      return dialectOf(template) === 'wts' ? '00000000-0000-4000-8000-000000000001' : '1';
    })
    .join('/');
}

function queryString(random: Random, operation: Operation): string {
  const params = new URLSearchParams();
  const declared = operation.parameters.filter((p) => p.in === 'query');
  for (const parameter of declared) {
    if (!random.chance(0.5)) continue;
    const roll = random.int(4);
    const value =
      roll === 0
        ? sample(random, parameter.schema ?? {})
        : roll === 1
          ? random.pick(HOSTILE_STRINGS)
          : roll === 2
            ? longString(random, random.pick([300, 5_000]))
            : hostileValue(random);
    const values = Array.isArray(value) ? value : [value];
    for (const v of values.slice(0, 50))
      params.append(parameter.name, typeof v === 'object' ? JSON.stringify(v) : String(v));
  }
  if (random.chance(0.4) || declared.length === 0) {
    params.append(
      random.pick([
        'page',
        'per_page',
        '__proto__[admin]',
        'labels[]',
        'sort',
        'q',
        'status',
        'PageSize',
        'PageNumber',
      ]),
      random.pick(HOSTILE_STRINGS),
    );
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function jsonBody(random: Random, operation: Operation): string {
  const start = operation.body ? sample(random, operation.body) : {};
  const value = operation.body ? mutate(random, start, operation.body) : hostileValue(random);
  return JSON.stringify(value) ?? 'null';
}

/** A well-formed multipart body (as generated SDKs send messages) whose fields and files are hostile. */
function multipartBody(random: Random, operation: Operation): { type: string; body: Buffer } {
  const boundary = `fuzz${random.int(1e9)}`;
  const parts: Buffer[] = [];
  const fields = Object.keys(operation.body?.properties ?? { content: {} });
  for (let i = 0; i < 1 + random.int(3); i++) {
    const name = random.chance(0.8) ? random.pick(fields) : random.pick(HOSTILE_STRINGS) || 'x';
    const value = String(
      random.chance(0.5) ? random.pick(HOSTILE_STRINGS) : (JSON.stringify(hostileValue(random)) ?? ''),
    );
    parts.push(Buffer.from(`--${boundary}\r\ncontent-disposition: form-data; name="${name}"\r\n\r\n${value}\r\n`));
  }
  if (random.chance(0.6)) {
    const filename = random.pick([
      'a.png',
      '../../etc/passwd',
      'nul\u0000.txt',
      '🏳️‍🌈.pdf',
      '',
      'x'.repeat(300),
      '\u202etxt.exe',
    ]);
    const type = random.pick(['image/png', 'application/octet-stream', 'text/html', '', 'x/y; charset=\u0000']);
    const data = Buffer.from(Array.from({ length: random.pick([0, 1, 100, 70_000]) }, () => random.int(256)));
    parts.push(
      Buffer.from(
        `--${boundary}\r\ncontent-disposition: form-data; name="attachments[]"; filename="${filename}"\r\ncontent-type: ${type}\r\n\r\n`,
      ),
      data,
      Buffer.from('\r\n'),
    );
  }
  parts.push(Buffer.from(`--${boundary}--\r\n`));
  return { type: `multipart/form-data; boundary=${boundary}`, body: Buffer.concat(parts) };
}

/** One fuzzed request for the operation; `kind` picks what is corrupted, everything else stays real. */
export function fuzzRequest(
  random: Random,
  world: World,
  operation: Operation,
  kind: FuzzRequest['kind'],
): FuzzRequest {
  const { method, template } = operation;
  const headers: Record<string, string> = { ...authHeaders(world, template) };
  const withBody = method !== 'GET';
  const request: FuzzRequest = { kind, method: method.toUpperCase(), url: fillPath(world, template), headers };
  const json = (payload: string | Buffer) => {
    headers['content-type'] = 'application/json';
    request.payload = payload;
  };
  switch (kind) {
    case 'body':
      json(jsonBody(random, operation));
      break;
    case 'raw-body':
      json(random.pick(RAW_BODIES));
      break;
    case 'path': {
      const segments = template.split('/');
      const indexes = segments.map((s, i) => (s.startsWith('{') ? i : -1)).filter((i) => i >= 0);
      if (indexes.length) {
        const segment = random.chance(0.8)
          ? random.pick(HOSTILE_SEGMENTS)
          : encodeSegment(random.pick(HOSTILE_STRINGS));
        request.url = fillPath(world, template, { index: random.pick(indexes), segment });
      } else {
        request.url += random.pick(['/', '//', '/%00', '/..', '/' + 'x'.repeat(600), '/%zz']);
      }
      if (withBody && operation.body) json(JSON.stringify(sample(random, operation.body)));
      break;
    }
    case 'query':
      request.url += queryString(random, operation);
      if (withBody && operation.body) json(JSON.stringify(sample(random, operation.body)));
      break;
    case 'header': {
      const roll = random.int(6);
      const body = operation.body ? JSON.stringify(sample(random, operation.body)) : '{}';
      if (roll === 0) {
        delete headers.api_access_token;
        delete headers.authorization;
        const name = random.pick(['api_access_token', 'authorization']);
        headers[name] = random.pick([
          '',
          ' ',
          'Bearer',
          'Bearer  ',
          'Basic Zm9vOmJhcg==',
          'x'.repeat(8_000),
          'null',
          `${world.userToken}, ${world.userToken}`,
          `Bearer ${world.platformToken}`,
        ]);
      }
      if (roll === 1) {
        headers['content-type'] = random.pick(CONTENT_TYPES);
        request.payload = random.chance(0.5) ? body : random.pick(HOSTILE_STRINGS) || 'x';
      } else if (roll === 2) {
        headers['content-type'] = 'application/json';
        headers['content-encoding'] = random.pick(['gzip', 'br', 'deflate', 'identity', 'x-unknown']);
        request.payload = body;
      } else if (roll === 3) {
        headers[random.pick(['accept', 'accept-language', 'x-forwarded-for', 'user-agent', 'origin', 'x-request-id'])] =
          random.pick(['', 'x'.repeat(8_000), '*/*;q=abc', '::::', '999.999.999.999']);
        if (withBody) json(body);
      } else if (roll === 4 && withBody) {
        json(body);
        headers['content-length'] = String(random.pick([0, 1, Buffer.byteLength(body) + 10]));
      } else if (withBody) {
        json(body);
      }
      break;
    }
    case 'multipart': {
      const { type, body } = multipartBody(random, operation);
      headers['content-type'] = type;
      request.payload = body;
      break;
    }
    case 'huge': {
      const size = random.chance(0.7) ? BODY_LIMIT + 1 + random.int(1024 * 1024) : BODY_LIMIT - 1024;
      const field = operation.body?.properties ? random.pick(Object.keys(operation.body.properties)) : 'content';
      const prefix = `{"${field}":"`;
      json(prefix + 'x'.repeat(size - prefix.length - 2) + '"}');
      break;
    }
  }
  return request;
}

/** The kinds an operation is fuzzed with, in proportion; huge bodies are costly and few. */
export function kindsFor(random: Random, count: number): FuzzRequest['kind'][] {
  const kinds: FuzzRequest['kind'][] = ['huge'];
  const weighted: FuzzRequest['kind'][] = [
    'body',
    'body',
    'body',
    'body',
    'raw-body',
    'path',
    'path',
    'query',
    'query',
    'header',
    'header',
    'multipart',
  ];
  while (kinds.length < count) kinds.push(random.pick(weighted));
  return kinds;
}
