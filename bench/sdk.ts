// @switchboard/sdk's cost: one simple GET through the SDK beside the same raw fetch (p50/p95), and walking
// 10,000 contacts with the SDK's iterator beside a raw fetch loop over the same pages (items/s).
// `npm run bench -- --sdk [--quick]`. Runs the SDK's sources (what dist/ is compiled from).
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { createClient } from '../packages/sdk/src/index.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { benchDatabaseUrl, listeningApp, median, p95 } from './bench-app.ts';

const quick = process.argv.includes('--quick');
const samples = quick ? 200 : 1000;
const contacts = quick ? 2_000 : 10_000;
const db = await benchDatabaseUrl();
try {
  const server = await listeningApp(db.url, { RATE_LIMIT_STORE: 'off' });
  const account = await bootstrap(server.database.db, { accountName: 'SDK bench' });
  await sql`INSERT INTO contacts (account_id, name, email, created_at, updated_at)
    SELECT ${account.account_id}, 'Contact ' || n, 'c' || n || '@example.com', now(), now() FROM generate_series(1, ${contacts}) n`.execute(
    server.database.db,
  );
  const account_id = account.account_id;
  const client = createClient({ baseUrl: server.base, token: account.api_access_token });
  const headers = { api_access_token: account.api_access_token, accept: 'application/json' };
  const profileUrl = `${server.base}/api/v1/profile`;

  // Interleaved: each round times both, in alternating order, so neither gets the warmer process or the quieter moment.
  const measurePair = async (a: () => Promise<unknown>, b: () => Promise<unknown>) => {
    for (let i = 0; i < 50; i++) await Promise.all([a(), b()]);
    const times: [number[], number[]] = [[], []];
    const time = async (work: () => Promise<unknown>, into: number[]) => {
      const start = performance.now();
      await work();
      into.push(performance.now() - start);
    };
    for (let i = 0; i < samples; i++) {
      if (i % 2) {
        await time(a, times[0]);
        await time(b, times[1]);
      } else {
        await time(b, times[1]);
        await time(a, times[0]);
      }
    }
    return times.map((t) => ({ p50: median(t), p95: p95(t) }));
  };
  const [raw, viaSdk] = await measurePair(
    () => fetch(profileUrl, { headers }).then((r) => r.json()),
    () => client.get('/api/v1/profile'),
  );

  const walk = async (name: string, run: () => Promise<number>) => {
    const start = performance.now();
    const count = await run();
    const seconds = (performance.now() - start) / 1000;
    if (count !== contacts) throw new Error(`${name}: walked ${count} of ${contacts}`);
    return { name, count, seconds, rate: count / seconds };
  };
  const rawLoop = async () => {
    let n = 0;
    for (let page = 1; ; page++) {
      const body = await (
        await fetch(`${server.base}/api/v1/accounts/${account_id}/contacts?page=${page}`, { headers })
      ).json();
      if (body.payload.length === 0) return n;
      n += body.payload.length;
      if (n >= body.meta.count) return n;
    }
  };
  const sdkLoop = async () => {
    let n = 0;
    for await (const _ of client.paginate('/api/v1/accounts/{account_id}/contacts', { path: { account_id } })) n++;
    return n;
  };
  // Two walks each, in the order raw, SDK, SDK, raw; the faster of each pair is reported.
  const faster = (a: Awaited<ReturnType<typeof walk>>, b: Awaited<ReturnType<typeof walk>>) =>
    a.rate >= b.rate ? a : b;
  const raw1 = await walk('raw fetch loop (page=1..n)', rawLoop);
  const sdk1 = await walk('SDK client.paginate', sdkLoop);
  const sdkWalk = faster(sdk1, await walk('SDK client.paginate', sdkLoop));
  const rawWalk = faster(raw1, await walk('raw fetch loop (page=1..n)', rawLoop));
  await server.stop();

  console.log(`SDK call overhead, GET /api/v1/profile, ${samples} sequential calls each (after 50 warm-up):`);
  console.log(`  ${'client'.padEnd(22)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const [name, r] of [
    ['raw fetch + json()', raw],
    ['SDK client.get', viaSdk],
  ] as const)
    console.log(`  ${name.padEnd(22)} ${r.p50.toFixed(3).padStart(8)} ${r.p95.toFixed(3).padStart(8)}`);
  console.log(
    `  ${'SDK overhead'.padEnd(22)} ${(viaSdk.p50 - raw.p50).toFixed(3).padStart(8)} ${(viaSdk.p95 - raw.p95).toFixed(3).padStart(8)}`,
  );
  console.log(`\nWalking ${contacts} contacts (Chatwoot list, 15 a page; faster of two walks):`);
  for (const w of [rawWalk, sdkWalk])
    console.log(
      `  ${w.name.padEnd(28)} ${w.seconds.toFixed(2).padStart(7)} s ${Math.round(w.rate).toString().padStart(7)} items/s`,
    );
} finally {
  await db.stop();
}
