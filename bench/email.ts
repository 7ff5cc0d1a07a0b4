// `npm run bench -- --email [--quick]` — the email channel's throughput on loopback: inbound mails per second
// accepted by the built-in SMTP receiver and stored as messages (8 SMTP connections at once, each mail's latency
// from MAIL FROM to the 250 after DATA), and outbound sends per second (outgoing messages → fan-out → pg-boss jobs
// → nodemailer → a loopback smtp-server). Bounded (fixed counts, a timeout). Uses DATABASE_URL when set, else an
// embedded PostgreSQL.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import nodemailer from 'nodemailer';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { startEmailReceiver } from '../src/channels/email/receiver.ts';
import { startSmtpServer } from '../test/helpers/smtp.ts';
import { measureOutboundSends } from './channel-outbound.ts';
import { tempDataDir } from './startup.ts';

const quick = process.argv.includes('--quick');
const MAILS = quick ? 300 : 2000;
const CONTACTS = 50;
const SENDS = quick ? 100 : 500;
const CONCURRENCY = 8;

const percentile = (sorted: number[], p: number) =>
  sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];

const dir = process.env.DATABASE_URL ? undefined : tempDataDir();
const embedded = dir ? await startEmbeddedPostgres(dir, { owner: true }) : undefined;
const url = process.env.DATABASE_URL ?? embedded!.url;
const smtp = await startSmtpServer();
try {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off',
    PORT: '0',
    ...(dir ? { DATA_DIR: dir } : {}),
  });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const { db } = database;
  const account = await bootstrap(db, { accountName: 'Bench' });
  const email = 'support@bench.example';
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${account.account_id}/inboxes`,
    headers: { api_access_token: account.api_access_token },
    payload: {
      name: 'Bench mail',
      channel: {
        type: 'email',
        email,
        smtp_enabled: true,
        smtp_address: '127.0.0.1',
        smtp_port: Number(new URL(smtp.url).port),
        smtp_enable_starttls_auto: false,
      },
    },
  });
  if (created.statusCode !== 200) throw new Error(`bench: inbox create answered ${created.statusCode} ${created.body}`);
  const inboxId = JSON.parse(created.body).id as number;

  // Inbound: distinct mails from CONTACTS addresses, CONCURRENCY SMTP connections kept open (nodemailer's pool).
  const receiver = await startEmailReceiver(
    { db, config, storage: app.deps.storage, log: { warn() {} } },
    0,
    '127.0.0.1',
  );
  const sender = nodemailer.createTransport({
    host: '127.0.0.1',
    port: receiver.port,
    secure: false,
    ignoreTLS: true,
    pool: true,
    maxConnections: CONCURRENCY,
    maxMessages: Infinity,
  });
  let next = 0;
  const latencies: number[] = [];
  const inboundStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < MAILS) {
        const i = next++;
        const started = performance.now();
        await sender.sendMail({
          from: `Customer ${i % CONTACTS} <c${i % CONTACTS}@customer.example>`,
          to: email,
          subject: `Order ${i % CONTACTS}`,
          text: `hello ${i}`,
          messageId: `<bench-${i}@customer.example>`,
        });
        latencies.push(performance.now() - started);
      }
    }),
  );
  const inboundSeconds = (performance.now() - inboundStarted) / 1000;
  sender.close();
  await receiver.stop();
  const stored = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .where('inbox_id', '=', inboxId)
    .executeTakeFirstOrThrow();
  if (Number(stored.n) !== MAILS) throw new Error(`bench: ${stored.n} of ${MAILS} mails stored`);
  latencies.sort((a, b) => a - b);

  // Outbound: agent replies spread over the conversations, each a threaded multipart mail through the loopback server.
  const outboundSeconds = await measureOutboundSends(database, config, app, inboxId, account.user_id, SENDS);

  const fmt = (ms: number) => `${ms.toFixed(1)} ms`;
  console.log(
    `\nEmail channel bench (${quick ? 'quick' : 'full'}), loopback SMTP, ${CONCURRENCY} concurrent SMTP connections inbound\n`,
  );
  console.table([
    {
      measure: 'inbound SMTP mails → stored messages',
      count: MAILS,
      seconds: inboundSeconds.toFixed(2),
      'per second': (MAILS / inboundSeconds).toFixed(0),
      p50: fmt(percentile(latencies, 50)),
      p95: fmt(percentile(latencies, 95)),
      note: `${stored.n} messages, ${CONTACTS} contacts`,
    },
    {
      measure: 'outbound sends (job → SMTP)',
      count: SENDS,
      seconds: outboundSeconds.toFixed(2),
      'per second': (SENDS / outboundSeconds).toFixed(0),
      p50: '',
      p95: '',
      note: `${smtp.received.length} mails received`,
    },
  ]);
  await app.close();
  await database.close();
} finally {
  await smtp.close();
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
