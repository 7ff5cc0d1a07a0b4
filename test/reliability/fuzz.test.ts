import { describe, expect, it } from 'vitest';
import { createRandom } from '../../src/db/seed/random.ts';
import { createTestContext } from '../helpers/context.ts';
import { MISSING_PARAMS, dialectOf, fuzzRequest, kindsFor, operationsOf, type FuzzRequest } from './fuzz/cases.ts';
import { errorLog } from './fuzz/error-log.ts';
import { errorShapeProblem } from './fuzz/shape.ts';
import { createWorld } from './fuzz/world.ts';

/**
 * Every operation of the generated OpenAPI document, fuzzed as an administrator of a real account with real
 * ids: malformed and hostile bodies, path and query parameters, headers, and bodies past the 4 MiB limit.
 * No request may answer 5xx or hang; every 4xx must be in its dialect's error shape.
 *
 * Reproduce a run with FUZZ_SEED=<seed printed below>; narrow it with FUZZ_ONLY="POST /api/v1/..." (one
 * operation's cases depend only on the seed and the operation). RELIABILITY_LONG=1 runs the long form.
 */
const long = process.env.RELIABILITY_LONG === '1';
const seed = Number(process.env.FUZZ_SEED ?? (long ? Math.floor(Math.random() * 2 ** 31) : 20261123));
const perOperation = Number(process.env.FUZZ_CASES ?? (long ? 150 : 40));
const only = process.env.FUZZ_ONLY;
const REQUEST_TIMEOUT_MS = 10_000;

const log = errorLog();
// Every route is driven from one address: the anonymous write budget would turn the Client API's cases into 429s.
const ctx = await createTestContext({ PUBLIC_API_RATE_LIMIT: '0' }, { logger: { level: 'error', stream: log.stream } });

const spec = (await ctx.client().get('/openapi.json')).body;
const operations = operationsOf(spec, only);

function hash(text: string): number {
  let h = 2166136261;
  for (let i = 0; i < text.length; i++) h = Math.imul(h ^ text.charCodeAt(i), 16777619);
  return h >>> 0;
}

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T | 'timeout'> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise,
    new Promise<'timeout'>((resolve) => (timer = setTimeout(() => resolve('timeout'), ms))),
  ]).finally(() => clearTimeout(timer));
}

function describeRequest(request: FuzzRequest): string {
  const payload =
    request.payload === undefined ? '' : ` body(${request.payload.length}): ${String(request.payload).slice(0, 80)}`;
  const headers = Object.entries(request.headers)
    .filter(([name]) => name !== 'api_access_token' && name !== 'authorization')
    .map(([name, value]) => `${name}=${value.slice(0, 40)}`)
    .join(' ');
  return `${request.kind} ${request.method} ${request.url.slice(0, 160)}${headers ? ` [${headers}]` : ''}${payload}`;
}

describe(`fuzzing every route of the OpenAPI document (seed ${seed}, ${perOperation} cases per operation)`, () => {
  it('finds the operations to fuzz', () => {
    expect(operations.length).toBeGreaterThan(only ? 0 : 150);
  });

  it(
    'never answers 5xx, never hangs, and answers 4xx in the dialect’s error shape',
    async () => {
      console.log(
        `fuzz: seed ${seed} (reproduce with FUZZ_SEED=${seed}), ${operations.length} operations × ${perOperation} cases`,
      );
      const failures = new Map<string, string[]>();
      const fail = (key: string, detail: string) => failures.set(key, [...(failures.get(key) ?? []), detail]);
      const statuses = new Map<number, number>();
      let world = await createWorld(ctx, 'Fuzz0');
      let rebuilds = 0;
      let requests = 0;
      const started = Date.now();
      for (const operation of operations) {
        const name = `${operation.method.toUpperCase()} ${operation.template}`;
        const random = createRandom(seed ^ hash(name));
        for (const [index, kind] of kindsFor(random, perOperation).entries()) {
          const request = fuzzRequest(random, world, operation, kind);
          const seen = log.entries.length;
          const response = await withTimeout(
            ctx.app.inject({
              method: request.method as 'GET',
              url: request.url,
              headers: request.headers,
              payload: request.payload,
            }),
            REQUEST_TIMEOUT_MS,
          );
          requests++;
          const where = `${name} case ${index}: ${describeRequest(request)}`;
          if (response === 'timeout') {
            fail(`${name} hangs`, where);
            continue;
          }
          statuses.set(response.statusCode, (statuses.get(response.statusCode) ?? 0) + 1);
          if (response.statusCode >= 500) {
            const cause = log.causeSince(seen);
            fail(
              `${name} → ${response.statusCode} ${cause?.message.split('\n')[0] ?? response.body.slice(0, 120)}`,
              `${where}\n      ${cause?.stack?.split('\n').slice(1, 4).join(' | ') ?? ''}`,
            );
          } else if (response.statusCode >= 400) {
            const problem = errorShapeProblem(
              dialectOf(operation.template),
              response.statusCode,
              response.body,
              operation.template,
            );
            if (problem)
              fail(`${name} → ${response.statusCode} ${problem}`, `${where} → ${response.body.slice(0, 160)}`);
          }
        }
        if (!(await world.intact())) {
          rebuilds++;
          world = await createWorld(ctx, `Fuzz${rebuilds}`);
        }
      }
      const seconds = ((Date.now() - started) / 1000).toFixed(1);
      console.log(
        `fuzz: ${requests} requests in ${seconds} s; statuses ${JSON.stringify(Object.fromEntries([...statuses].sort((a, b) => a[0] - b[0])))}; world rebuilt ${rebuilds} times`,
      );
      if (MISSING_PARAMS.size)
        console.log(`fuzz: no real row for ${[...MISSING_PARAMS].join(', ')} (placeholder used)`);
      const report = [...failures].map(([key, cases]) => `${key} (${cases.length}×)\n    e.g. ${cases[0]}`);
      expect(report, `seed ${seed}: reproduce with FUZZ_SEED=${seed}`).toEqual([]);
    },
    long ? 3_600_000 : 180_000,
  );
});
