// Sequence steps and scheduled messages per second, each with N contacts due at once (10,000; 2,000 with
// `--quick`): the contacts are enrolled through the WTS batch route (1,000 per call), then the sender's passes
// (jobs/scheduled-sends.ts: claim with SKIP LOCKED and send in one transaction) run until every step is sent,
// with one sender and with two racing. `npm run bench -- --sequences`.
import { performance } from 'node:perf_hooks';
import { sql } from 'kysely';
import { openDatabase, type Db } from '../src/db/pool.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { sendDueScheduled } from '../src/domain/scheduled_messages/send.ts';
import { advanceDueSequences } from '../src/domain/sequences/run.ts';
import { benchDatabaseUrl, listeningApp } from './bench-app.ts';

const contacts = process.argv.includes('--quick') ? 2_000 : 10_000;
const BATCH = 1_000;

/** Runs passes (as the sender loop does) until one finds nothing more; answers the elapsed ms. */
async function drain(pass: () => Promise<boolean>): Promise<number> {
  const start = performance.now();
  while (await pass());
  return performance.now() - start;
}

/** `senders` loops on their own pools, racing over the same due rows. */
async function drainWith(url: string, senders: number, pass: (db: Db) => Promise<boolean>): Promise<number> {
  const pools = Array.from({ length: senders }, () => openDatabase(url, { max: 2 }));
  try {
    const start = performance.now();
    await Promise.all(pools.map((p) => drain(() => pass(p.db))));
    return performance.now() - start;
  } finally {
    await Promise.all(pools.map((p) => p.close()));
  }
}

const count = async (db: Db, text: string) =>
  Number((await sql<{ n: string }>`SELECT count(*) AS n FROM messages WHERE content = ${text}`.execute(db)).rows[0].n);

const pg = await benchDatabaseUrl();
const rows: [string, string, string][] = [];
try {
  const server = await listeningApp(pg.url, { RATE_LIMIT_STORE: 'off' });
  const { db } = server.database;
  const account = await bootstrap(db, { accountName: 'Sequences bench' });
  const inbox = await insertInbox(db, account.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
  const headers = { authorization: `Bearer ${account.api_access_token}`, 'content-type': 'application/json' };
  const wts = async (method: string, path: string, body: unknown) => {
    const res = await fetch(`${server.base}${path}`, { method, headers, body: JSON.stringify(body) });
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${await res.text()}`);
    return res.json();
  };
  const ids = (
    await sql<{ uuid: string }>`
      INSERT INTO contacts (account_id, name, phone_number, contact_type)
      SELECT ${account.account_id}, 'Bench ' || g, '+55119' || lpad(g::text, 8, '0'), 'lead' FROM generate_series(1, ${contacts}) g
      RETURNING uuid`.execute(db)
  ).rows.map((r) => r.uuid);

  for (const senders of [1, 2]) {
    const text = `passo (${senders})`;
    const sequence = await wts('POST', '/chat/v1/sequence', {
      name: `Bench ${senders}`,
      channelId: inbox.uuid,
      stopOnReply: true,
      steps: [{ delaySeconds: 0, text }],
    });
    const enrolStart = performance.now();
    for (let i = 0; i < ids.length; i += BATCH)
      await wts('POST', `/chat/v1/sequence/${sequence.id}/contact/batch`, { contactIds: ids.slice(i, i + BATCH) });
    const enrolMs = performance.now() - enrolStart;
    if (senders === 1)
      rows.push([
        `enrol ${contacts.toLocaleString('en')} contacts (WTS batch route, ${BATCH} per call)`,
        `${((contacts / enrolMs) * 1000).toFixed(0)} contacts/s`,
        `${(enrolMs / 1000).toFixed(1)} s`,
      ]);
    const ms = await drainWith(pg.url, senders, (p) => advanceDueSequences(p));
    const sent = await count(db, text);
    rows.push([
      `sequence steps sent, ${contacts.toLocaleString('en')} due, ${senders} sender${senders > 1 ? 's' : ''}`,
      `${((sent / ms) * 1000).toFixed(0)} steps/s`,
      `${sent} sent in ${(ms / 1000).toFixed(1)} s (${sent === contacts ? 'each once' : 'COUNT MISMATCH'}); ${senders === 1 ? "each step opens the contact's session" : 'sessions already open'}`,
    ]);
  }

  for (const senders of [1, 2]) {
    const text = `agendada (${senders})`;
    await sql`
      INSERT INTO scheduled_messages (account_id, contact_id, inbox_id, user_id, type, text, scheduled_at)
      SELECT ${account.account_id}, id, ${inbox.id}, ${account.user_id}, 'TEMPLATE', ${text}, now() FROM contacts WHERE account_id = ${account.account_id}`.execute(
      db,
    );
    const ms = await drainWith(pg.url, senders, (p) => sendDueScheduled(p));
    const sent = await count(db, text);
    rows.push([
      `scheduled messages sent, ${contacts.toLocaleString('en')} due, ${senders} sender${senders > 1 ? 's' : ''}`,
      `${((sent / ms) * 1000).toFixed(0)} msgs/s`,
      `${sent} sent in ${(ms / 1000).toFixed(1)} s (${sent === contacts ? 'each once' : 'COUNT MISMATCH'})`,
    ]);
  }
  await server.stop();
} finally {
  await pg.stop();
}

const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'value', 'note'][c].length));
const line = (r: string[]) => r.map((cell, c) => cell.padEnd(width[c])).join(' | ');
console.log(
  '\nSequences and scheduled messages: jobs per second (loopback, embedded PostgreSQL unless BENCH_DATABASE_URL)\n',
);
console.log(line(['figure', 'value', 'note']));
console.log(width.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
