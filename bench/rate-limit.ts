// The shared rate limiter's cost per request: the same authenticated GET with the limiter off, counting in
// PostgreSQL, and counting in Redis (REDIS_URL, default redis://127.0.0.1:6379). `npm run bench -- --rate-limit`.
import { performance } from 'node:perf_hooks';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { benchDatabaseUrl, listeningApp, median, p95 } from './bench-app.ts';

const samples = process.argv.includes('--quick') ? 300 : 2_000;
const redisUrl = process.env.REDIS_URL ?? 'redis://127.0.0.1:6379';
const stores: [string, Record<string, string>][] = [
  ['off', { RATE_LIMIT_STORE: 'off' }],
  ['postgres', { RATE_LIMIT_STORE: 'postgres' }],
  ['redis', { RATE_LIMIT_STORE: 'redis', REDIS_URL: redisUrl, REALTIME_TRANSPORT: 'postgres' }],
];
const huge = { RATE_LIMIT_PER_IP: '100000000', RATE_LIMIT_PER_TOKEN: '100000000' };

const db = await benchDatabaseUrl();
const results: Record<string, { p50: number; p95: number }> = {};
try {
  for (const [name, env] of stores) {
    const server = await listeningApp(db.url, { ...env, ...huge });
    const account = await bootstrap(server.database.db, { accountName: `Rate ${name}` });
    const get = () =>
      fetch(`${server.base}/api/v1/profile`, { headers: { api_access_token: account.api_access_token } }).then((r) =>
        r.arrayBuffer(),
      );
    for (let i = 0; i < 100; i++) await get();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      await get();
      times.push(performance.now() - start);
    }
    results[name] = { p50: median(times), p95: p95(times) };
    await server.stop();
  }
} finally {
  await db.stop();
}
console.log(`GET /api/v1/profile, ${samples} sequential requests over HTTP, per store:`);
for (const [name, { p50, p95: high }] of Object.entries(results)) {
  const added = name === 'off' ? '' : `  (+${(p50 - results.off.p50).toFixed(3)} ms p50 over off)`;
  console.log(`  ${name.padEnd(9)} p50 ${p50.toFixed(3)} ms  p95 ${high.toFixed(3)} ms${added}`);
}
