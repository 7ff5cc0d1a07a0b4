// Message create through the Chatwoot API (stored, conversation bumped, event queued in the outbox) at 1, 10
// and 50 concurrent clients, against a raw Fastify + pg single-row insert server on the same database,
// measured level by level in the same run. Both servers run as their own processes; the load comes over
// loopback with keep-alive. Also the Switchboard process's RSS idle and under the heaviest load.
import { spawn, type ChildProcess } from 'node:child_process';
import http from 'node:http';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { createContact } from '../src/domain/contacts/commands.ts';
import { createConversation } from '../src/domain/conversations/commands.ts';
import { freePort, rssKiB } from './startup.ts';
import { percentile } from './events.ts';

const ROOT = path.resolve(import.meta.dirname, '..');

export interface LoadResult {
  clients: number;
  requests: number;
  errors: number;
  throughput: number;
  p50Ms: number;
  p99Ms: number;
}

export interface MessageCreateMeasurement {
  levels: {
    clients: number;
    switchboard: LoadResult;
    raw: LoadResult;
    ratio: number;
    sameWork: LoadResult;
    sameWorkRatio: number;
  }[];
  idleRssKiB: number;
  loadedRssKiB: number;
  /** SQL statements one message create runs (auth included), against the ceiling's one INSERT. */
  statements: number;
  /** Messages the API acknowledged vs rows and message_created events found afterwards. */
  acknowledged: number;
  stored: number;
  eventsQueued: number;
}

async function startProcess(args: string[], env: Record<string, string>, ready: string): Promise<ChildProcess> {
  const child = spawn(process.execPath, args, {
    cwd: ROOT,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  // A bench that fails or is interrupted leaves no server behind.
  const killOnExit = () => child.kill('SIGKILL');
  process.once('exit', killOnExit);
  child.once('exit', () => process.off('exit', killOnExit));
  let output = '';
  const collect = (chunk: Buffer) => {
    output += chunk;
    if (output.includes(ready)) child.stdout!.off('data', collect).resume(); // read on, keep nothing
  };
  child.stdout!.on('data', collect);
  const deadline = Date.now() + 60_000;
  while (!output.includes(ready)) {
    if (child.exitCode !== null || Date.now() > deadline) {
      child.kill('SIGKILL');
      throw new Error(`${args.join(' ')} did not start: ${output}`);
    }
    await new Promise((r) => setTimeout(r, 25));
  }
  return child;
}

async function stopProcess(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  const exited = new Promise((r) => child.once('exit', r));
  child.kill('SIGTERM');
  await exited;
}

/** `clients` loops POSTing messages over keep-alive connections for `durationMs`; `onTick` runs every 100 ms. */
async function load(
  port: number,
  pathFor: (i: number) => string,
  headers: Record<string, string>,
  clients: number,
  durationMs: number,
  onTick = () => {},
): Promise<LoadResult & { ids: number[] }> {
  const agent = new http.Agent({ keepAlive: true, maxSockets: clients });
  const latencies: number[] = [];
  const ids: number[] = [];
  let errors = 0;
  const post = (i: number) =>
    new Promise<void>((resolve) => {
      const body = JSON.stringify({ content: `bench message ${i} — the quick brown fox jumps over the lazy dog` });
      const started = performance.now();
      const request = http.request(
        {
          host: '127.0.0.1',
          port,
          path: pathFor(i),
          method: 'POST',
          agent,
          headers: { ...headers, 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          let text = '';
          res.on('data', (c) => (text += c));
          res.on('end', () => {
            if (res.statusCode === 200) {
              latencies.push(performance.now() - started);
              ids.push(JSON.parse(text).id);
            } else errors++;
            resolve();
          });
        },
      );
      request.on('error', () => {
        errors++;
        resolve();
      });
      request.end(body);
    });
  const ticker = setInterval(onTick, 100);
  const started = performance.now();
  const end = started + durationMs;
  let next = 0;
  await Promise.all(
    Array.from({ length: clients }, async () => {
      while (performance.now() < end) await post(next++);
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  clearInterval(ticker);
  agent.destroy();
  return {
    clients,
    requests: latencies.length,
    errors,
    throughput: latencies.length / seconds,
    p50Ms: percentile(latencies, 50),
    p99Ms: percentile(latencies, 99),
    ids,
  };
}

/** Statements per message create, counted in-process on the same database (the figure that explains the ratio). */
async function statementsPerCreate(url: string, accountId: number, token: string, displayId: number): Promise<number> {
  const database = openDatabase(url, { max: 2 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_STORE: 'off' });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  try {
    const send = () =>
      app.inject({
        method: 'POST',
        url: `/api/v1/accounts/${accountId}/conversations/${displayId}/messages`,
        headers: { api_access_token: token },
        payload: { content: 'counted' },
      });
    await send();
    const before = database.counter.count;
    for (let i = 0; i < 10; i++) await send();
    return (database.counter.count - before) / 10;
  } finally {
    await app.close();
    await database.close();
  }
}

export async function measureMessageCreate(
  url: string,
  options: { levels: number[]; durationMs: number },
): Promise<MessageCreateMeasurement> {
  await migrate(url);
  const database = openDatabase(url, { max: 2 });
  const boot = await bootstrap(database.db, { accountName: `Message bench ${Date.now()}` });
  const inbox = await insertInbox(database.db, boot.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
  const { contact } = await createContact(database.db, boot.account_id, {
    name: 'Bench Roe',
    email: `bench-${Date.now()}@example.com`,
    inbox_id: inbox.id,
  });
  const conversations: number[] = [];
  const conversationIds: number[] = [];
  for (let i = 0; i < 50; i++) {
    const conversation = await createConversation(database.db, boot.account_id, {
      inboxId: inbox.id,
      contactId: contact.id,
    });
    conversations.push(conversation.display_id);
    conversationIds.push(conversation.id);
  }

  const statements = await statementsPerCreate(url, boot.account_id, boot.api_access_token, conversations[0]);

  const [port, rawPort] = [await freePort(), await freePort()];
  const switchboard = await startProcess(
    [path.join(ROOT, 'bin/switchboard.js'), 'start'],
    { DATABASE_URL: url, PORT: String(port), HOST: '127.0.0.1', LOG_LEVEL: 'warn' },
    'is ready at',
  );
  const raw = await startProcess(
    [path.join(ROOT, 'bench/raw-insert-server.ts')],
    { DATABASE_URL: url, PORT: String(rawPort) },
    'raw insert server ready',
  ).catch(async (error: unknown) => {
    await stopProcess(switchboard);
    throw error;
  });
  try {
    const apiPath = (i: number) =>
      `/api/v1/accounts/${boot.account_id}/conversations/${conversations[i % conversations.length]}/messages`;
    const rawPath = (i: number) => `/conversations/${conversations[i % conversations.length]}/messages`;
    const sameWorkPath = (i: number) => `/conversations/${conversationIds[i % conversationIds.length]}/stored-messages`;
    const auth = { api_access_token: boot.api_access_token };
    // Warm both (JIT, pool connections) before anything counts.
    await load(port, apiPath, auth, 10, 1_000);
    await load(rawPort, rawPath, {}, 10, 1_000);
    await load(rawPort, sameWorkPath, {}, 10, 1_000);
    await new Promise((r) => setTimeout(r, 2_000));
    const idleRssKiB = rssKiB(switchboard.pid!);
    let loadedRssKiB = 0;
    const acknowledged: number[] = [];
    const levels: MessageCreateMeasurement['levels'] = [];
    for (const clients of options.levels) {
      const sampleRss = () => (loadedRssKiB = Math.max(loadedRssKiB, rssKiB(switchboard.pid!)));
      const ours = await load(port, apiPath, auth, clients, options.durationMs, sampleRss);
      const ceiling = await load(rawPort, rawPath, {}, clients, options.durationMs);
      const floor = await load(rawPort, sameWorkPath, {}, clients, options.durationMs);
      acknowledged.push(...ours.ids);
      const { ids: _ours, ...switchboardResult } = ours;
      const { ids: _raw, ...rawResult } = ceiling;
      const { ids: _same, ...sameWork } = floor;
      levels.push({
        clients,
        switchboard: switchboardResult,
        raw: rawResult,
        ratio: ours.throughput / ceiling.throughput,
        sameWork,
        sameWorkRatio: ours.throughput / floor.throughput,
      });
    }
    const count = async (sql: string) => Number((await database.pool.query(sql, [acknowledged])).rows[0].n);
    const stored = await count('SELECT count(*) AS n FROM messages WHERE id = any($1::bigint[])');
    const eventsQueued = await count(
      "SELECT count(*) AS n FROM events WHERE name = 'message.created' AND message_id = any($1::bigint[])",
    );
    return { levels, idleRssKiB, loadedRssKiB, statements, acknowledged: acknowledged.length, stored, eventsQueued };
  } finally {
    await stopProcess(switchboard);
    await stopProcess(raw);
    await database.close();
  }
}
