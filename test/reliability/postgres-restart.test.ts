import { Writable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config.ts';
import { migrate } from '../../src/db/migrate.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { buildApp } from '../../src/app.ts';
import { createMailer } from '../../src/domain/mail/mailer.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';
import { startEventWorker } from '../../src/events/worker.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { connectCable } from '../helpers/cable.ts';
import { errorShapeProblem } from './fuzz/shape.ts';
import { startRestartablePostgres } from './support/restartable-postgres.ts';

/**
 * PostgreSQL restarts under a running server (an operator's restart, a failover): while it is down every
 * request fails fast with 503 in its dialect's error shape, and once it is back the same process serves
 * again — requests, and the event worker's webhook deliveries — without being restarted.
 */
const postgres = await startRestartablePostgres();
afterAll(() => postgres.destroy());
await migrate(postgres.url);
const database = openDatabase(postgres.url, { max: 5 });
const config = loadConfig({
  DATABASE_URL: postgres.url,
  LOG_LEVEL: 'silent',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_RETRY_BASE_MS: '100',
});
/** Errors the server logged as unhandled, so an unexpected 500 is reported with its cause. */
const unhandled: string[] = [];
const logStream = new Writable({
  write(chunk, _encoding, done) {
    for (const line of String(chunk).split('\n').filter(Boolean)) {
      const entry = JSON.parse(line);
      if (entry.msg === 'unhandled error')
        unhandled.push(
          `${entry.err?.type}: ${entry.err?.message} (code ${entry.err?.code}) ${String(entry.err?.stack).split('\n').slice(1, 4).join(' | ')}`,
        );
    }
    done();
  },
});
const app = await buildApp({
  config,
  database,
  mailer: createMailer(undefined, config.mailFrom),
  logger: { level: 'error', stream: logStream },
});
const worker = startEventWorker(database, config, { warn() {}, error() {} });
afterAll(async () => {
  await worker.stop();
  await app.close();
  await database.close();
});

const boot = await bootstrap(database.db, { accountName: 'Restart' });
const inbox = await insertInbox(database.db, boot.account_id, { name: 'Restart API', channel_type: 'Channel::Api' });
const receiver = await startReceiver();
const base = `/api/v1/accounts/${boot.account_id}`;
const chatwoot = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };
const wts = { authorization: `Bearer ${boot.api_access_token}` };
const send = (method: 'GET' | 'POST', url: string, headers: Record<string, string>, payload?: object) =>
  app.inject({ method, url, headers, payload });

const contact = await send('POST', `${base}/contacts`, chatwoot, {
  name: 'Restart Roe',
  email: 'restart@example.com',
  inbox_id: inbox.id,
});
const conversation = await send('POST', `${base}/conversations`, chatwoot, {
  inbox_id: inbox.id,
  contact_id: contact.json().payload.contact.id,
});
const displayId = conversation.json().id;
await send('POST', `${base}/webhooks`, chatwoot, { url: receiver.url, subscriptions: ['message_created'] });
// A dashboard connected through the whole restart.
const address = await app.listen({ port: 0, host: '127.0.0.1' });
const user = await database.db
  .selectFrom('users')
  .select('pubsub_token')
  .where('id', '=', boot.user_id)
  .executeTakeFirstOrThrow();
const cable = await connectCable(address);
afterAll(() => cable.close());
await cable.subscribe({ pubsub_token: user.pubsub_token, account_id: boot.account_id, user_id: boot.user_id });

/** The requests replayed in every phase: reads and writes through both dialects, and the health check. */
const probes = [
  { name: 'Chatwoot list', dialect: 'chatwoot', run: () => send('GET', `${base}/conversations`, chatwoot) },
  {
    name: 'Chatwoot message create',
    dialect: 'chatwoot',
    run: () => send('POST', `${base}/conversations/${displayId}/messages`, chatwoot, { content: 'during the outage' }),
  },
  { name: 'Chatwoot profile (auth only)', dialect: 'chatwoot', run: () => send('GET', '/api/v1/profile', chatwoot) },
  { name: 'WTS session list', dialect: 'wts', run: () => send('GET', '/chat/v1/session', wts) },
  { name: 'WTS contact list', dialect: 'wts', run: () => send('GET', '/core/v1/contact', wts) },
] as const;

describe('PostgreSQL restart while serving', () => {
  it('serves before the restart', async () => {
    for (const probe of probes.filter((p) => p.name !== 'Chatwoot message create'))
      expect((await probe.run()).statusCode, probe.name).toBe(200);
    expect((await send('GET', '/health', {})).statusCode).toBe(200);
  });

  it('answers 503 in the dialect’s error shape, fast, while PostgreSQL is down', async () => {
    const messagesBefore = await database.pool.query('SELECT count(*)::int AS n FROM messages');
    await postgres.stop();
    try {
      const problems: string[] = [];
      for (let round = 0; round < 3; round++) {
        for (const probe of probes) {
          const started = Date.now();
          const response = await probe.run();
          const ms = Date.now() - started;
          if (response.statusCode !== 503)
            problems.push(`${probe.name}: ${response.statusCode} ${response.body.slice(0, 120)}`);
          const shape = errorShapeProblem(probe.dialect, response.statusCode, response.body, '');
          if (shape) problems.push(`${probe.name}: ${shape}`);
          if (probe.dialect === 'wts' && response.json().key !== 'ERROR_SERVICE_UNAVAILABLE')
            problems.push(`${probe.name}: key ${response.json().key}`);
          if (ms > 5_000) problems.push(`${probe.name}: took ${ms} ms`);
        }
      }
      const health = await send('GET', '/health', {});
      expect(health.statusCode).toBe(503);
      expect(problems).toEqual([]);
    } finally {
      await postgres.start();
    }
    // Nothing written during the outage appears afterwards.
    const messagesAfter = await database.pool.query('SELECT count(*)::int AS n FROM messages');
    expect(messagesAfter.rows[0].n).toBe(messagesBefore.rows[0].n);
  });

  it('recovers without a server restart: requests, then webhook deliveries', async () => {
    const started = Date.now();
    let recovered = false;
    while (!recovered && Date.now() - started < 15_000) {
      recovered = (await probes[0].run()).statusCode === 200;
      if (!recovered) await new Promise((r) => setTimeout(r, 100));
    }
    expect(recovered).toBe(true);
    console.log(`postgres restart: serving again ${Date.now() - started} ms after PostgreSQL accepted connections`);
    for (const probe of probes) expect((await probe.run()).statusCode, probe.name).toBe(200);
    const created = await send('POST', `${base}/conversations/${displayId}/messages`, chatwoot, {
      content: 'after the restart',
    });
    expect(created.statusCode).toBe(200);
    await receiver.waitFor((received) => received.some((r) => r.body?.id === created.json().id), 15_000);
    await cable.waitFor(
      (frames) => frames.some((f) => f.event === 'message.created' && f.data.id === created.json().id),
      15_000,
    );
  }, 40_000);

  it('under a steady write load through the restart: only 2xx or 503, and every 2xx message is stored', async () => {
    let running = true;
    const acknowledged: number[] = [];
    const unexpected: string[] = [];
    let unavailable = 0;
    const client = async (n: number) => {
      for (let i = 0; running; i++) {
        const response = await send('POST', `${base}/conversations/${displayId}/messages`, chatwoot, {
          content: `load ${n}-${i}`,
        });
        if (response.statusCode === 200) acknowledged.push(response.json().id);
        else if (response.statusCode === 503) {
          unavailable++;
          await new Promise((r) => setTimeout(r, 20));
        } else unexpected.push(`${response.statusCode} ${response.body.slice(0, 120)}`);
      }
    };
    const clients = [1, 2, 3, 4].map(client);
    await new Promise((r) => setTimeout(r, 300));
    await postgres.stop();
    await new Promise((r) => setTimeout(r, 500));
    await postgres.start();
    await new Promise((r) => setTimeout(r, 1_000));
    running = false;
    await Promise.all(clients);
    console.log(
      `postgres restart under load: ${acknowledged.length} messages acknowledged, ${unavailable} answered 503`,
    );
    expect([...unexpected, ...unhandled].join('\n')).toBe('');
    expect(unavailable).toBeGreaterThan(0);
    const stored = await database.db.selectFrom('messages').select('id').where('id', 'in', acknowledged).execute();
    expect(stored.length).toBe(acknowledged.length);
  }, 40_000);
});
