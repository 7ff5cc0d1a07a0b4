import { sql } from 'kysely';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import WebSocket, { WebSocketServer } from 'ws';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase, type Db } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { createContact } from '../src/domain/contacts/commands.ts';
import { createConversation } from '../src/domain/conversations/commands.ts';
import { startEventWorker } from '../src/events/worker.ts';
import { recordEvent } from '../src/domain/outbox.ts';

export function percentile(values: number[], p: number): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))] ?? NaN;
}

async function setup(url: string) {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  // The socket bench plays thousands of dashboards of one user from one address: the per-IP and
  // per-identity socket caps (issue 11) are for real clients and are lifted here.
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off', // thousands of requests from one loopback address: the limiter is measured in bench/rate-limit.ts
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_BASE_MS: '200',
    REALTIME_MAX_SOCKETS_PER_IP: '0',
    REALTIME_MAX_SOCKETS_PER_IDENTITY: '10000',
  });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const boot = await bootstrap(database.db, { accountName: `Bench ${Date.now()}` });
  const inbox = await insertInbox(database.db, boot.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
  const { contact } = await createContact(database.db, boot.account_id, {
    name: 'Bench Contact',
    email: `bench${Date.now()}@example.com`,
    inbox_id: inbox.id,
  });
  const conversations = [];
  for (let i = 0; i < 20; i++)
    conversations.push(
      await createConversation(database.db, boot.account_id, { inboxId: inbox.id, contactId: contact.id }),
    );
  return { database, config, app, boot, conversations };
}

/**
 * `lines` conversations' worth of pending deliveries for one webhook, `perLine` each, marked as the fan-out
 * marks them (each line's first is its head); `dueInMs` puts every head's next attempt that far ahead (a dead
 * receiver's heads backing off). Written in one statement, so a 100,000-delivery backlog takes a second.
 */
export async function insertDeliveryBacklog(
  db: Db,
  options: {
    accountId: number;
    webhookId: number;
    lines: number;
    perLine: number;
    firstConversation: number;
    dueInMs?: number;
  },
) {
  const { accountId, webhookId, lines, perLine, firstConversation } = options;
  const seq = await recordEvent(db, { accountId, name: 'contact.created' });
  const event = await db
    .selectFrom('events')
    .select('id')
    .where('account_id', '=', accountId)
    .where('seq', '=', seq)
    .executeTakeFirstOrThrow();
  await sql`
    INSERT INTO webhook_deliveries (account_id, event_id, event_seq, event_name, target_type, target_id, url, conversation_id, payload, head, next_attempt_at)
    SELECT ${accountId}, ${event.id}, n, 'message_created', 'webhook', ${webhookId}, 'http://127.0.0.1:9/dead', c, '{}', n = 1,
      CASE WHEN n = 1 THEN now() + make_interval(secs => ${(options.dueInMs ?? 0) / 1000}) ELSE now() - interval '1 minute' END
    FROM generate_series(${firstConversation}::bigint, ${firstConversation + lines - 1}::bigint) AS c, generate_series(1, ${perLine}) AS n`.execute(
    db,
  );
}

/** Another account whose only webhook is dead, with `deliveries` pending for it (heads backing off). */
async function deadAccount(db: Db, deliveries: number) {
  const boot = await bootstrap(db, { accountName: `Dead ${Date.now()}` });
  const webhook = await db
    .insertInto('webhooks')
    .values({
      account_id: boot.account_id,
      url: 'http://127.0.0.1:9/dead',
      subscriptions: ['message_created'],
      secret: 'dead',
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  const perLine = 10;
  await insertDeliveryBacklog(db, {
    accountId: boot.account_id,
    webhookId: webhook.id,
    lines: Math.ceil(deliveries / perLine),
    perLine,
    firstConversation: 1_000_000_000,
    dueInMs: 3_600_000,
  });
}

export interface WebhookMeasurement {
  events: number;
  targetRate: number;
  p50Ms: number;
  p99Ms: number;
  throughput: number;
  rawPostP50Ms: number;
  /** Messages the API actually created per second while the load was offered. */
  createdPerSecond: number;
  /** This process's CPU time (API + worker, not PostgreSQL) per event, creation to delivery. */
  cpuMsPerEvent: number;
}

/**
 * Message → webhook receiver latency: messages are created through the API at `rate` per second and a
 * loopback receiver notes when each `message_created` arrives. The ceiling is a bare POST to the same
 * receiver, measured in the same run. `deadBacklog`: another account's dead webhook has that many deliveries
 * pending meanwhile (claims must not slow down for them).
 */
export async function measureWebhooks(
  url: string,
  events: number,
  rate: number,
  options: { deadBacklog?: number } = {},
): Promise<WebhookMeasurement> {
  const { database, config, app, boot, conversations } = await setup(url);
  if (options.deadBacklog) await deadAccount(database.db, options.deadBacklog);
  const sentAt = new Map<string, number>();
  const latencies: number[] = [];
  let lastArrival = 0;
  const receiver = http.createServer((req, res) => {
    let raw = '';
    req.on('data', (c) => (raw += c));
    req.on('end', () => {
      res.end('ok');
      const body = raw ? JSON.parse(raw) : {};
      const started = sentAt.get(String(body.content));
      if (body.event === 'message_created' && started !== undefined) {
        latencies.push(performance.now() - started);
        lastArrival = performance.now();
      }
    });
  });
  await new Promise<void>((r) => receiver.listen(0, '127.0.0.1', r));
  const hookUrl = `http://127.0.0.1:${(receiver.address() as AddressInfo).port}/hook`;
  const headers = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };
  const base = `/api/v1/accounts/${boot.account_id}`;
  await app.inject({
    method: 'POST',
    url: `${base}/webhooks`,
    headers,
    payload: { url: hookUrl, subscriptions: ['message_created'] },
  });
  const worker = startEventWorker(database, config, { warn() {}, error() {} });
  try {
    const raw: number[] = [];
    for (let i = 0; i < 200; i++) {
      const t = performance.now();
      await fetch(hookUrl, { method: 'POST', body: '{}', headers: { 'content-type': 'application/json' } });
      raw.push(performance.now() - t);
    }
    const started = performance.now();
    const cpuBefore = process.cpuUsage();
    const interval = 1000 / rate;
    const inFlight: Promise<unknown>[] = [];
    for (let i = 0; i < events; i++) {
      const due = started + i * interval;
      const wait = due - performance.now();
      if (wait > 1) await new Promise((r) => setTimeout(r, wait));
      const content = `bench-${i}`;
      sentAt.set(content, performance.now());
      const conversation = conversations[i % conversations.length];
      inFlight.push(
        app.inject({
          method: 'POST',
          url: `${base}/conversations/${conversation.display_id}/messages`,
          headers,
          payload: { content },
        }),
      );
    }
    await Promise.all(inFlight);
    const createdMs = performance.now() - started;
    if (process.env.BENCH_DEBUG)
      console.error(`created ${events} messages in ${createdMs.toFixed(0)} ms; delivered so far ${latencies.length}`);
    const deadline = performance.now() + 60_000;
    while (latencies.length < events && performance.now() < deadline) await new Promise((r) => setTimeout(r, 20));
    const cpu = process.cpuUsage(cpuBefore);
    return {
      events: latencies.length,
      targetRate: rate,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      throughput: latencies.length / ((lastArrival - started) / 1000),
      rawPostP50Ms: percentile(raw, 50),
      createdPerSecond: events / (createdMs / 1000),
      cpuMsPerEvent: (cpu.user + cpu.system) / 1000 / Math.max(1, latencies.length),
    };
  } finally {
    await worker.stop();
    await new Promise<void>((r) => receiver.close(() => r()));
    await app.close();
    await database.close();
  }
}

export interface SocketMeasurement {
  sockets: number;
  messages: number;
  p50Ms: number;
  p99Ms: number;
  rawBroadcastP50Ms: number;
}

async function openSockets(url: string, count: number, onFrame: (data: any) => void, subscribe?: string) {
  const sockets: WebSocket[] = [];
  for (let i = 0; i < count; i++) {
    const socket = new WebSocket(url);
    await new Promise<void>((resolve, reject) => {
      socket.once('error', reject);
      socket.on('message', (raw) => {
        const message = JSON.parse(String(raw));
        if (message.type === 'confirm_subscription' || (message.type === 'welcome' && !subscribe)) resolve();
        else if (message.type === 'welcome') socket.send(subscribe!);
        else if (message.message) onFrame(message.message);
        else if (message.bench) onFrame(message);
      });
    });
    sockets.push(socket);
  }
  return sockets;
}

/**
 * Message → socket latency with `count` dashboards connected: each message is created through the API
 * and timed until every socket has its `message.created` frame. The ceiling is a bare `ws` server
 * broadcasting one frame to the same number of sockets, measured in the same run.
 */
export async function measureSockets(url: string, count: number, messages: number): Promise<SocketMeasurement> {
  const { database, app, boot, conversations } = await setup(url);
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const user = await database.db
    .selectFrom('users')
    .select('pubsub_token')
    .where('id', '=', boot.user_id)
    .executeTakeFirstOrThrow();
  const identifier = JSON.stringify({
    channel: 'RoomChannel',
    pubsub_token: user.pubsub_token,
    account_id: boot.account_id,
    user_id: boot.user_id,
  });
  const subscribe = JSON.stringify({ command: 'subscribe', identifier });
  const latencies: number[] = [];
  let pending: { content: string; started: number; remaining: number; done: () => void } | undefined;
  const onFrame = (frame: any) => {
    if (pending && frame.event === 'message.created' && frame.data.content === pending.content) {
      latencies.push(performance.now() - pending.started);
      if (--pending.remaining === 0) pending.done();
    }
  };
  const sockets = await openSockets(address.replace('http', 'ws') + '/cable', count, onFrame, subscribe);

  const raw: number[] = [];
  let bare: WebSocketServer | undefined;
  let rawSockets: WebSocket[] = [];
  try {
    const headers = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };
    for (let i = 0; i < messages; i++) {
      const content = `socket-bench-${i}`;
      await new Promise<void>((done) => {
        pending = { content, started: performance.now(), remaining: count, done };
        void app.inject({
          method: 'POST',
          url: `/api/v1/accounts/${boot.account_id}/conversations/${conversations[i % conversations.length].display_id}/messages`,
          headers,
          payload: { content },
        });
      });
    }
    // Both ends of both socket sets at once would need 4 × count descriptors (past a 20,000 limit at 5,000
    // sockets): the dashboards close before the ceiling's sockets open.
    for (const s of sockets) s.terminate();
    bare = new WebSocketServer({ port: 0, host: '127.0.0.1' });
    await new Promise((r) => bare!.once('listening', r));
    bare.on('connection', (s) => s.send(JSON.stringify({ type: 'welcome' })));
    let rawPending: { started: number; remaining: number; done: () => void } | undefined;
    rawSockets = await openSockets(`ws://127.0.0.1:${(bare.address() as AddressInfo).port}`, count, () => {
      if (rawPending) {
        raw.push(performance.now() - rawPending.started);
        if (--rawPending.remaining === 0) rawPending.done();
      }
    });
    for (let i = 0; i < messages; i++) {
      await new Promise<void>((done) => {
        rawPending = { started: performance.now(), remaining: count, done };
        const frame = JSON.stringify({ bench: true, content: `socket-bench-${i}` });
        for (const client of bare!.clients) client.send(frame);
      });
    }
    return {
      sockets: count,
      messages,
      p50Ms: percentile(latencies, 50),
      p99Ms: percentile(latencies, 99),
      rawBroadcastP50Ms: percentile(raw, 50),
    };
  } finally {
    for (const s of [...sockets, ...rawSockets]) s.terminate();
    if (bare) await new Promise<void>((r) => bare!.close(() => r()));
    await app.close();
    await database.close();
  }
}
