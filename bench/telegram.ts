// Standalone: node bench/telegram.ts [--quick] — Telegram channel throughput against the loopback fake Bot API:
// inbound webhook updates accepted and stored per second (over HTTP, 8 at a time), and outbound sends per second
// (outgoing messages → fan-out → pg-boss jobs → sendMessage → source id stored).
// Uses DATABASE_URL when set, else an embedded PostgreSQL in a temporary folder.
import fs from 'node:fs';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { startFakeTelegramServer } from '../test/helpers/fake-telegram-server.ts';
import { measureOutboundSends } from './channel-outbound.ts';
import { tempDataDir } from './startup.ts';

const quick = process.argv.includes('--quick');
const UPDATES = quick ? 300 : 2000;
const CHATS = 50;
const SENDS = quick ? 100 : 500;
const CONCURRENCY = 8;

const dir = process.env.DATABASE_URL ? undefined : tempDataDir();
const embedded = dir ? await startEmbeddedPostgres(dir, { owner: true }) : undefined;
const url = process.env.DATABASE_URL ?? embedded!.url;
const fake = await startFakeTelegramServer();
try {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off',
    PORT: '0',
    TELEGRAM_API_BASE_URL: fake.url,
    ...(dir ? { DATA_DIR: dir } : {}),
  });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const address = await app.listen({ port: 0, host: '127.0.0.1' });
  const { db } = database;
  const account = await bootstrap(db, { accountName: 'Bench' });
  const token = fake.addBot('bench_bot');
  const created = await app.inject({
    method: 'POST',
    url: `/api/v1/accounts/${account.account_id}/inboxes`,
    headers: { api_access_token: account.api_access_token },
    payload: { name: 'Bench', channel: { type: 'telegram', bot_token: token } },
  });
  const inboxId = JSON.parse(created.body).id as number;
  const secret = fake.callsTo('setWebhook', token)[0].body.secret_token as string;

  // Inbound: distinct updates from CHATS contacts, over real HTTP.
  let next = 0;
  const inboundStarted = performance.now();
  await Promise.all(
    Array.from({ length: CONCURRENCY }, async () => {
      while (next < UPDATES) {
        const i = next++;
        const chat = 10_000 + (i % CHATS);
        const response = await fetch(`${address}/webhooks/telegram/${token}`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-telegram-bot-api-secret-token': secret },
          body: JSON.stringify({
            update_id: i,
            message: {
              message_id: i + 1,
              from: { id: chat, first_name: `C${chat}` },
              chat: { id: chat, type: 'private' },
              date: 1,
              text: `hello ${i}`,
            },
          }),
        });
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

  // Outbound: agent replies spread over the conversations, sent through the fake.
  const outboundSeconds = await measureOutboundSends(database, config, app, inboxId, account.user_id, SENDS);

  console.log(
    `inbound: ${UPDATES} Telegram updates (${CHATS} chats, ${CONCURRENCY} at a time) in ${inboundSeconds.toFixed(2)} s = ${(UPDATES / inboundSeconds).toFixed(0)} updates/s accepted and stored (${stored.n} messages)`,
  );
  console.log(
    `outbound: ${SENDS} replies created, fanned out and sent through the fake in ${outboundSeconds.toFixed(2)} s = ${(SENDS / outboundSeconds).toFixed(0)} sends/s (sendMessage calls: ${fake.callsTo('sendMessage').length})`,
  );
  await app.close();
  await database.close();
} finally {
  await fake.close();
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
