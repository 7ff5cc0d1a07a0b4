// Standalone: node bench/chatbot.ts [--quick] — chatbot engine throughput and reply latency.
// Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase, type DatabaseHandle } from '../src/db/pool.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { createChatbot } from '../src/domain/chatbots/commands.ts';
import { dispatchChatbot } from '../src/domain/chatbots/dispatch.ts';
import { busyRunCount } from '../src/domain/chatbots/runs.ts';
import { createMessage, MESSAGE_TYPE } from '../src/domain/messages/commands.ts';
import { startEventWorker } from '../src/events/worker.ts';
import { startChatbotEngine } from '../src/jobs/chatbots.ts';
import { percentile } from './events.ts';
import { tempDataDir } from './startup.ts';
import '../src/dialects.ts'; // the webhook planners the event worker fans out with

const quick = process.argv.includes('--quick');
const RUNS = quick ? 20 : 60;
const STEPS_PER_RUN = 20;
const REPLIES = quick ? 100 : 400;
const CONCURRENCY = 4;
/** `--accounts=N` spreads the step runs over N accounts (an account's events are numbered one at a time). */
const ACCOUNTS = Number(process.argv.find((a) => a.startsWith('--accounts='))?.split('=')[1] ?? 1);
const quiet = { warn() {}, error() {} };

/** A flow of `n` steps that never waits: messages (a stored, evented outgoing message each) and variable sets. */
function straightFlow(n: number) {
  const steps = Array.from({ length: n }, (_, i) =>
    i % 2 === 0
      ? {
          id: `s${i}`,
          kind: 'message',
          text: `step ${i} for {{contact.name}}`,
          next: i + 1 < n ? `s${i + 1}` : undefined,
        }
      : {
          id: `s${i}`,
          kind: 'set',
          target: 'var',
          key: `v${i}`,
          value: '{{contact.name}}',
          next: i + 1 < n ? `s${i + 1}` : undefined,
        },
  );
  return { start: 's0', steps };
}

/** Ask, answer with an echo, ask again: every reply is answered by one bot message. */
const ECHO_FLOW = {
  start: 'ask',
  steps: [
    { id: 'ask', kind: 'ask', saveAs: 'said', next: 'echo' },
    { id: 'echo', kind: 'message', text: 'you said {{said}}', next: 'ask' },
  ],
};

async function waitUntil(ok: () => Promise<boolean>, timeoutMs: number, pollMs = 5) {
  const deadline = performance.now() + timeoutMs;
  while (!(await ok())) {
    if (performance.now() > deadline) throw new Error('bench: timed out');
    await new Promise((r) => setTimeout(r, pollMs));
  }
}

/** The ceiling: single-row INSERT transactions on the same database, as many at once as the engine runs jobs. */
async function rawInsertCeiling(url: string, rows: number) {
  const clients = await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      const c = new pg.Client({ connectionString: url });
      await c.connect();
      return c;
    }),
  );
  await clients[0].query(
    'CREATE TABLE IF NOT EXISTS bench_chatbot_ceiling (id bigserial PRIMARY KEY, body text, at timestamptz DEFAULT now())',
  );
  const latencies: number[] = [];
  let next = 0;
  const started = performance.now();
  await Promise.all(
    clients.map(async (c) => {
      while (next++ < rows) {
        const t = performance.now();
        await c.query('INSERT INTO bench_chatbot_ceiling (body) VALUES ($1)', ['x'.repeat(40)]);
        latencies.push(performance.now() - t);
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  await clients[0].query('DROP TABLE bench_chatbot_ceiling');
  await Promise.all(clients.map((c) => c.end()));
  return { perSecond: rows / seconds, p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

async function setup(database: DatabaseHandle) {
  const boot = await bootstrap(database.db, { accountName: `Chatbot bench ${Date.now()}` });
  const inbox = await insertInbox(database.db, boot.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
  return { accountId: boot.account_id, inboxUuid: inbox.uuid };
}

/** Steps per second of execution: from the first run's start to the last one's end (dispatching is timed apart). */
async function measureSteps(database: DatabaseHandle, accounts: { accountId: number; inboxUuid: string }[]) {
  const bots = await Promise.all(
    accounts.map((a) =>
      createChatbot(database.db, a.accountId, { name: 'Straight', definition: straightFlow(STEPS_PER_RUN) }),
    ),
  );
  const started = performance.now();
  await Promise.all(
    Array.from({ length: RUNS }, (_, i) => {
      const n = i % accounts.length;
      return dispatchChatbot(
        database.db,
        { accountId: accounts[n].accountId },
        { botId: bots[n].uuid, from: accounts[n].inboxUuid, to: `+55119${String(i).padStart(8, '0')}` },
      );
    }),
  );
  const dispatchSeconds = (performance.now() - started) / 1000;
  await waitUntil(async () => (await busyRunCount(database.db)) === 0, 120_000, 10);
  const { rows } = await database.pool.query<{ steps: number; failed: number; seconds: number }>(
    `SELECT coalesce(sum(steps_executed), 0)::int AS steps, count(*) FILTER (WHERE status <> 'completed')::int AS failed,
            extract(epoch FROM max(finished_at) - min(started_at))::float8 AS seconds
     FROM chatbot_runs WHERE chatbot_id = ANY($1)`,
    [bots.map((b) => b.id)],
  );
  if (rows[0].failed) throw new Error(`bench: ${rows[0].failed} runs did not complete`);
  return {
    steps: rows[0].steps,
    perSecond: rows[0].steps / rows[0].seconds,
    dispatchesPerSecond: RUNS / dispatchSeconds,
  };
}

async function measureReplies(database: DatabaseHandle, accountId: number, inboxUuid: string) {
  const bot = await createChatbot(database.db, accountId, { name: 'Echo', definition: ECHO_FLOW });
  const sessions: number[] = [];
  for (let i = 0; i < 10; i++) {
    const run = await dispatchChatbot(
      database.db,
      { accountId },
      { botId: bot.uuid, from: inboxUuid, to: `+55218${String(i).padStart(8, '0')}` },
    );
    sessions.push(run.conversation_id!);
  }
  await waitUntil(async () => (await busyRunCount(database.db)) === 0, 30_000, 10);
  const latencies: number[] = [];
  for (let i = 0; i < REPLIES; i++) {
    const conversationId = sessions[i % sessions.length];
    const t = performance.now();
    const { message } = await createMessage(
      database.db,
      { id: conversationId, account_id: accountId },
      { messageType: MESSAGE_TYPE.incoming, content: `r${i}`, sender: null },
    );
    await waitUntil(
      async () => {
        const { rows } = await database.pool.query(
          'SELECT 1 FROM messages WHERE conversation_id = $1 AND id > $2 AND message_type = 1 LIMIT 1',
          [conversationId, message.id],
        );
        return rows.length > 0;
      },
      10_000,
      2,
    );
    latencies.push(performance.now() - t);
  }
  if (process.env.BENCH_DEBUG)
    console.log(
      'slowest replies (ms):',
      [...latencies]
        .sort((a, b) => b - a)
        .slice(0, 12)
        .map((l) => Math.round(l))
        .join(' '),
    );
  return { p50: percentile(latencies, 50), p99: percentile(latencies, 99) };
}

const dir = process.env.DATABASE_URL ? undefined : tempDataDir();
const embedded = dir ? await startEmbeddedPostgres(dir, { owner: true }) : undefined;
const url = process.env.DATABASE_URL ?? embedded!.url;
try {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_STORE: 'off' });
  const worker = startEventWorker(database, config, quiet);
  const engine = await startChatbotEngine(database, config, quiet);
  try {
    const accounts = [];
    for (let i = 0; i < ACCOUNTS; i++) accounts.push(await setup(database));
    const { accountId, inboxUuid } = accounts[0];
    const ceiling = await rawInsertCeiling(url, quick ? 2000 : 8000);
    const steps = await measureSteps(database, accounts);
    const replies = await measureReplies(database, accountId, inboxUuid);
    const f = (n: number, digits = 1) => n.toFixed(digits).padStart(10);
    console.log(
      `\nChatbot engine (${quick ? 'quick' : 'full'}: ${RUNS} runs x ${STEPS_PER_RUN} steps over ${ACCOUNTS} account(s), up to 8 runs at once; ${REPLIES} replies one at a time)`,
    );
    console.log(
      '| measure                                   |      value |    ceiling | ceiling is                       |',
    );
    console.log(
      '|-------------------------------------------|------------|------------|----------------------------------|',
    );
    console.log(
      `| bot steps / s                             | ${f(steps.perSecond, 0)} | ${f(ceiling.perSecond, 0)} | raw 1-row INSERTs / s (${CONCURRENCY} conns)  |`,
    );
    console.log(
      `| chatbot/send dispatches / s (concurrent)  | ${f(steps.dispatchesPerSecond, 0)} |            |                                  |`,
    );
    console.log(
      `| reply -> bot answer p50 (ms)              | ${f(replies.p50)} | ${f(ceiling.p50, 2)} | raw INSERT round trip p50        |`,
    );
    console.log(
      `| reply -> bot answer p99 (ms)              | ${f(replies.p99)} | ${f(ceiling.p99, 2)} | raw INSERT round trip p99        |`,
    );
    console.log(
      `\n${JSON.stringify({ chatbot: { stepsPerSecond: Math.round(steps.perSecond), steps: steps.steps, dispatchesPerSecond: Math.round(steps.dispatchesPerSecond), replyP50Ms: replies.p50, replyP99Ms: replies.p99, ceiling } })}`,
    );
  } finally {
    await engine.stop();
    await worker.stop();
    await database.close();
  }
} finally {
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
