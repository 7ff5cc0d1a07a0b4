// `npm run bench -- --whatsapp [--quick]` — WhatsApp Cloud API channel throughput against the loopback fake Graph
// API: inbound signed webhooks accepted and stored per second over HTTP (8 at a time, with each call's latency),
// and outbound sends per second (outgoing messages → fan-out → pg-boss jobs → POST /messages → wamid stored).
// Bounded (fixed counts, a timeout) and loopback only. Uses DATABASE_URL when set, else an embedded PostgreSQL.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { signWhatsapp, startFakeWhatsappServer, whatsappWebhook } from '../test/helpers/fake-whatsapp-server.ts';
import { measureOutboundSends } from './channel-outbound.ts';
import { tempDataDir } from './startup.ts';

const quick = process.argv.includes('--quick');
const WEBHOOKS = quick ? 300 : 2000;
const CONTACTS = 50;
const SENDS = quick ? 100 : 500;
const CONCURRENCY = 8;
const APP_SECRET = 'bench-app-secret';

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const dir = process.env.DATABASE_URL ? undefined : tempDataDir();
const embedded = dir ? await startEmbeddedPostgres(dir, { owner: true }) : undefined;
const url = process.env.DATABASE_URL ?? embedded!.url;
const fake = await startFakeWhatsappServer();
try {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off',
    PORT: '0',
    WHATSAPP_CLOUD_BASE_URL: fake.url,
    WHATSAPP_APP_SECRET: APP_SECRET,
    ...(dir ? { DATA_DIR: dir } : {}),
  });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const { db } = database;
  const account = await bootstrap(db, { accountName: 'Bench' });
  const number = fake.addNumber('+15550001111');
  fake.setTemplates(number.businessAccountId, []);
  const providerConfig = {
    api_key: number.apiKey,
    phone_number_id: number.phoneNumberId,
    business_account_id: number.businessAccountId,
    webhook_verify_token: 'bench',
  };
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${account.account_id}/inboxes`,
    headers: { api_access_token: account.api_access_token },
    payload: {
      name: 'Bench',
      channel: {
        type: 'whatsapp',
        phone_number: number.phoneNumber,
        provider: 'whatsapp_cloud',
        provider_config: providerConfig,
      },
    },
  });
  if (created.statusCode !== 200) throw new Error(`bench: inbox create answered ${created.statusCode} ${created.body}`);
  const inboxId = JSON.parse(created.body).id as number;

  // Inbound: distinct signed text webhooks from CONTACTS numbers, over real HTTP.
  let next = 0;
  const latencies: number[] = [];
  const inboundStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < WEBHOOKS) {
        const i = next++;
        const from = String(447_000_000_000 + (i % CONTACTS));
        const raw = JSON.stringify(
          whatsappWebhook(number, {
            contacts: [{ profile: { name: `C${from}` }, wa_id: from }],
            messages: [
              { from, id: `wamid.bench${i}`, timestamp: '1760000000', type: 'text', text: { body: `hello ${i}` } },
            ],
          }),
        );
        const started = performance.now();
        const response = await fetch(`${address}/webhooks/whatsapp/${encodeURIComponent(number.phoneNumber)}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsapp(raw, APP_SECRET) },
          body: raw,
        });
        await response.arrayBuffer();
        latencies.push(performance.now() - started);
        if (response.status !== 200) throw new Error(`bench: webhook answered ${response.status}`);
      }
    }),
  );
  const inboundSeconds = (performance.now() - inboundStarted) / 1000;
  const stored = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('inbox_id', '=', inboxId)
    .executeTakeFirstOrThrow();
  latencies.sort((a, b) => a - b);

  // Outbound: agent replies spread over the conversations (all inside the 24-hour window), sent through the fake.
  const outboundSeconds = await measureOutboundSends(database, config, app, inboxId, account.user_id, SENDS);

  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `\nWhatsApp channel bench (${quick ? 'quick' : 'full'}), loopback fake Graph API, ${CONCURRENCY} concurrent webhook posters\n`,
  );
  console.table([
    {
      measure: 'inbound webhooks → stored messages',
      count: WEBHOOKS,
      seconds: inboundSeconds.toFixed(2),
      'per second': (WEBHOOKS / inboundSeconds).toFixed(0),
      p50: fmt(percentile(latencies, 50)),
      p95: fmt(percentile(latencies, 95)),
      note: `${stored.n} messages, ${CONTACTS} contacts`,
    },
    {
      measure: 'outbound sends (job → POST /messages)',
      count: SENDS,
      seconds: outboundSeconds.toFixed(2),
      'per second': (SENDS / outboundSeconds).toFixed(0),
      p50: '',
      p95: '',
      note: `${fake.callsTo('messages').length} Graph calls`,
    },
  ]);
  await app.close();
  await database.close();
} finally {
  await fake.close();
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
