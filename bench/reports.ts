// Chatwoot v2 reports over a busy account: `npm run bench -- --reports [--quick]`. One account with 100,000 messages
// (10,000 conversations over 30 days, half resolved, every other message an agent's reply, so the triggers record
// first responses, reply times and resolutions) beside a second account as large, which no report may read.
// Times the report summary, a daily series and the per-agent summary over the 30 days (p50/p95 of sequential calls)
// and prints the plan of the summary's largest count, to show it reads the account's index.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { benchDatabaseUrl, listeningApp, median, p95 } from './bench-app.ts';

const quick = process.argv.includes('--quick');
const messages = quick ? 20_000 : 100_000;
const conversations = messages / 10;
const samples = quick ? 20 : 50;
const DAYS = 30;
const db = await benchDatabaseUrl();
try {
  const server = await listeningApp(db.url, { RATE_LIMIT_STORE: 'off' });
  const kdb = server.database.db;
  const seed = async (name: string) => {
    const account = await bootstrap(kdb, { accountName: name });
    const a = account.account_id;
    const started = performance.now();
    await sql`WITH i AS (INSERT INTO inboxes (account_id, name, channel_type, identifier, hmac_token, channel)
        VALUES (${a}, 'API', 'Channel::Api', md5(random()::text), md5(random()::text), '{}') RETURNING id),
      ct AS (INSERT INTO contacts (account_id, name, created_at, updated_at) VALUES (${a}, 'Bench contact', now(), now()) RETURNING id)
      INSERT INTO conversations (account_id, display_id, inbox_id, contact_id, assignee_id, status, created_at, updated_at, last_activity_at, waiting_since)
      SELECT ${a}, n, i.id, ct.id, ${account.user_id}, 'open', t, t, t, t
      FROM i, ct, generate_series(1, ${conversations}) n, LATERAL (SELECT now() - make_interval(secs => n * ${(DAYS * 86400) / conversations}::float8) AS t) x`.execute(
      kdb,
    );
    await sql`INSERT INTO messages (account_id, inbox_id, conversation_id, message_type, content, sender_type, sender_id, created_at, updated_at)
      SELECT c.account_id, c.inbox_id, c.id, k % 2, 'message ' || k, CASE WHEN k % 2 = 1 THEN 'User' END, CASE WHEN k % 2 = 1 THEN ${account.user_id}::bigint END,
        c.created_at + make_interval(secs => k * 60), c.created_at + make_interval(secs => k * 60)
      FROM conversations c, generate_series(0, 9) k WHERE c.account_id = ${a}`.execute(kdb);
    await sql`UPDATE conversations SET status = 'resolved', updated_at = created_at + interval '1 hour' WHERE account_id = ${a} AND display_id % 2 = 0`.execute(
      kdb,
    );
    await sql`ANALYZE`.execute(kdb);
    return { account, seconds: (performance.now() - started) / 1000 };
  };
  const { account, seconds } = await seed('Reports bench');
  await seed('Another account');
  const events = await sql<{
    n: string;
  }>`SELECT count(*) AS n FROM reporting_events WHERE account_id = ${account.account_id}`.execute(kdb);

  const until = Math.floor(Date.now() / 1000) + 60;
  const since = until - DAYS * 86400;
  const headers = { api_access_token: account.api_access_token, accept: 'application/json' };
  const base = `${server.base}/api/v2/accounts/${account.account_id}`;
  const time = async (path: string) => {
    const url = `${base}${path}`;
    const first = await fetch(url, { headers });
    if (first.status !== 200) throw new Error(`${path}: ${first.status} ${await first.text()}`);
    const body = await first.json();
    for (let i = 0; i < 5; i++) await (await fetch(url, { headers })).arrayBuffer();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      await (await fetch(url, { headers })).arrayBuffer();
      times.push(performance.now() - start);
    }
    return { path, body, p50: median(times), p95: p95(times) };
  };
  const range = `since=${since}&until=${until}`;
  const results = [
    await time(`/reports/summary?type=account&${range}`),
    await time(`/reports?metric=conversations_count&type=account&group_by=day&${range}`),
    await time(`/reports?metric=avg_first_response_time&type=account&group_by=day&${range}`),
    await time(`/reports/summary?type=agent&id=${account.user_id}&${range}`),
    await time(`/summary_reports/agent?${range}`),
    await time(`/reports/conversations?type=account`),
  ];
  const plan = await sql<{ 'QUERY PLAN': string }>`EXPLAIN SELECT count(*) FROM messages m
    WHERE m.account_id = ${account.account_id} AND m.message_type = 1 AND m.created_at >= ${new Date(since * 1000)} AND m.created_at < ${new Date(until * 1000)}`.execute(
    kdb,
  );
  await server.stop();

  console.log(
    `Reports over ${messages.toLocaleString('en')} messages / ${conversations.toLocaleString('en')} conversations in one account (a second account as large beside it);`,
  );
  console.log(
    `seeded in ${seconds.toFixed(1)} s with ${Number(events.rows[0].n).toLocaleString('en')} reporting events recorded by the triggers. ${samples} sequential calls each:`,
  );
  console.log(`  ${'request'.padEnd(80)} ${'p50 ms'.padStart(8)} ${'p95 ms'.padStart(8)}`);
  for (const r of results)
    console.log(
      `  ${r.path.replace(range, 'since..until (30 days)').padEnd(80)} ${r.p50.toFixed(1).padStart(8)} ${r.p95.toFixed(1).padStart(8)}`,
    );
  console.log(`\nsummary: ${JSON.stringify(results[0].body)}`);
  console.log(`\nplan of the outgoing-messages count:\n  ${plan.rows.map((r) => r['QUERY PLAN']).join('\n  ')}`);
} finally {
  await db.stop();
}
