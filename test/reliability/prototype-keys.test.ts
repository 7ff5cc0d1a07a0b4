import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/db/seed/random.ts';
import { createTestContext } from '../helpers/context.ts';
import { authHeaders, dialectOf, fillPath, operationsOf, type Operation } from './fuzz/cases.ts';
import { errorLog } from './fuzz/error-log.ts';
import { errorShapeProblem } from './fuzz/shape.ts';
import { sample, type Schema } from './fuzz/values.ts';
import { createWorld, type World } from './fuzz/world.ts';
import { conversationFixture } from '../helpers/fixtures.ts';

/**
 * Names every plain object inherits. A request-supplied key looked up with `object[key]` or `key in object`
 * finds them on Object.prototype (`fields['constructor']` is a function), and the code after the lookup
 * answered 500. Each name goes through every query and path parameter and every string (and free-form
 * object key) of every JSON body of the OpenAPI document, both dialects; no answer may be 5xx.
 */
const INHERITED_NAMES = ['constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf'];

const log = errorLog();
// Every route is driven from one address: the anonymous write budget would turn the Client API's cases into 429s.
const ctx = await createTestContext({ PUBLIC_API_RATE_LIMIT: '0' }, { logger: { level: 'error', stream: log.stream } });
const operations = operationsOf((await ctx.client().get('/openapi.json')).body);

const random = createRandom(11);

/** A body with every property present and one element in every list, so each field can be replaced in turn. */
function fullSample(schema: Schema, depth = 0): unknown {
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return fullSample(union.find((s) => s.type !== 'null') ?? union[0], depth);
  const type = Array.isArray(schema.type) ? schema.type[0] : schema.type;
  if (depth > 5) return sample(random, schema, 5);
  if (type === 'object' && schema.properties)
    return Object.fromEntries(
      Object.entries(schema.properties).map(([key, property]) => [key, fullSample(property, depth + 1)]),
    );
  if (type === 'array' && schema.items) return [fullSample(schema.items, depth + 1)];
  return sample(random, schema, depth);
}

type Path = (string | number)[];

/** Where a name can go in a body: every string value, and a new key in every object. */
function placesIn(value: unknown, path: Path = []): { path: Path; as: 'value' | 'key' }[] {
  if (typeof value === 'string') return [{ path, as: 'value' }];
  if (Array.isArray(value)) return value.flatMap((item, index) => placesIn(item, [...path, index]));
  if (value && typeof value === 'object') {
    return [
      { path, as: 'key' as const },
      ...Object.entries(value).flatMap(([key, item]) => placesIn(item, [...path, key])),
    ];
  }
  return [];
}

/** The body as JSON text with `name` put at the place; built as text so `__proto__` stays an ordinary key. */
function bodyWith(body: unknown, place: { path: Path; as: 'value' | 'key' }, name: string): string {
  const marker = '\u0000place\u0000';
  const copy = structuredClone(body) as any;
  let parent = copy;
  for (const step of place.path.slice(0, -1)) parent = parent[step];
  const last = place.path.at(-1);
  if (place.as === 'key') {
    const target = last === undefined ? copy : parent[last];
    target[marker] = 'x';
    return JSON.stringify(copy).replace(JSON.stringify(marker), JSON.stringify(name));
  }
  if (last === undefined) return JSON.stringify(name);
  parent[last] = marker;
  return JSON.stringify(copy).replace(JSON.stringify(marker), JSON.stringify(name));
}

interface Case {
  where: string;
  url: string;
  payload?: string;
}

function casesFor(world: World, operation: Operation): Case[] {
  const base = fillPath(world, operation.template);
  const body = operation.body ? fullSample(operation.body) : undefined;
  const payload = body === undefined ? undefined : JSON.stringify(body);
  const cases: Case[] = [];
  for (const name of INHERITED_NAMES) {
    for (const parameter of operation.parameters.filter((p) => p.in === 'query')) {
      cases.push({
        where: `query ${parameter.name}=${name}`,
        url: `${base}?${new URLSearchParams({ [parameter.name]: name })}`,
        payload,
      });
    }
    const segments = operation.template.split('/');
    segments.forEach((segment, index) => {
      if (segment.startsWith('{'))
        cases.push({
          where: `path ${segment}=${name}`,
          url: fillPath(world, operation.template, { index, segment: name }),
          payload,
        });
    });
    for (const place of placesIn(body)) {
      cases.push({
        where: `body ${place.as} at ${place.path.join('.') || '(root)'} = ${name}`,
        url: base,
        payload: bodyWith(body, place, name),
      });
    }
  }
  return cases;
}

describe('keys named after Object.prototype members (constructor, __proto__, toString, ...)', () => {
  it('are answered 2xx or the dialect’s 4xx by every operation, never 5xx', async () => {
    let world = await createWorld(ctx, 'Proto0');
    let rebuilds = 0;
    let requests = 0;
    const failures: string[] = [];
    for (const operation of operations) {
      const name = `${operation.method.toUpperCase()} ${operation.template}`;
      for (const request of casesFor(world, operation)) {
        const seen = log.entries.length;
        const headers: Record<string, string> = { ...authHeaders(world, operation.template) };
        if (request.payload !== undefined) headers['content-type'] = 'application/json';
        const response = await ctx.app.inject({
          method: operation.method.toUpperCase() as 'GET',
          url: request.url,
          headers,
          payload: request.payload,
        });
        requests++;
        if (response.statusCode >= 500) {
          const cause = log.causeSince(seen);
          failures.push(
            `${name} ${request.where} → ${response.statusCode} ${cause?.message.split('\n')[0] ?? response.body.slice(0, 120)}`,
          );
        } else if (response.statusCode >= 400) {
          const problem = errorShapeProblem(
            dialectOf(operation.template),
            response.statusCode,
            response.body,
            operation.template,
          );
          if (problem) failures.push(`${name} ${request.where} → ${response.statusCode} ${problem}`);
        }
      }
      if (!(await world.intact())) world = await createWorld(ctx, `Proto${++rebuilds}`);
    }
    console.log(
      `prototype keys: ${requests} requests over ${operations.length} operations; world rebuilt ${rebuilds} times`,
    );
    expect(failures).toEqual([]);
  }, 300_000);
});

describe('a `__proto__` key in a request body', () => {
  // JSON.parse keeps `__proto__` as an ordinary key; copied onto another object by assignment it became that
  // object's prototype, and every field the client left out was read from it, past the schema's defaults.
  it('sets nothing: a message stays an outgoing public message, an agent stays an agent', async () => {
    const f = await conversationFixture(ctx, 'ProtoBody');
    const conversation = await f.openConversation(f.api, { message: { content: 'hi' } });
    const message = await f.api.post(
      `${f.base}/conversations/${conversation.id}/messages`,
      '{"__proto__":{"private":true,"message_type":"incoming"},"content":"polluted"}',
    );
    expect(message.status).toBe(200);
    expect(message.body).toMatchObject({ content: 'polluted', private: false, message_type: 1 });
    const agent = await f.api.post(
      `${f.base}/agents`,
      '{"name":"Eve","email":"eve-proto@example.com","__proto__":{"role":"administrator"}}',
    );
    expect(agent.status).toBe(200);
    expect(agent.body.role).toBe('agent');
    const query = await f.api.get(`${f.base}/conversations?__proto__[status]=resolved&__proto__[]=x`);
    expect(query.status).toBe(200);
  });
});

describe('stored names that look like inherited members', () => {
  it('a contact tagged `constructor` is still shown by the WTS dialect', async () => {
    const f = await conversationFixture(ctx, 'ProtoTags');
    for (const title of ['constructor', 'tostring'])
      expect((await f.api.post(`${f.base}/labels`, { title })).status).toBe(200);
    expect(
      (await f.api.post(`${f.base}/contacts/${f.contact.id}/labels`, { labels: ['constructor', 'tostring'] })).status,
    ).toBe(200);
    const wts = ctx.client(undefined, { authorization: `Bearer ${f.account.api_access_token}` });
    const uuid = (
      await ctx.database.db
        .selectFrom('contacts')
        .select('uuid')
        .where('id', '=', f.contact.id)
        .executeTakeFirstOrThrow()
    ).uuid;
    const shown = await wts.get(`/core/v1/contact/${uuid}`, { IncludeDetails: 'Tags' });
    expect(shown.status).toBe(200);
    expect(shown.body.tagNames).toEqual(['constructor', 'tostring']);
  });
});
