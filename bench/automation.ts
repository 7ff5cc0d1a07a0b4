// Standalone: node bench/automation.ts [--quick] — events/s the automation engine sustains with 50 active
// message_created rules (49 whose condition does not hold, 1 that acts), beside webhook fan-out of the same
// events to one loopback receiver. Embedded PostgreSQL, one process.
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { performance } from 'node:perf_hooks';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase, type Db } from '../src/db/pool.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { createContact } from '../src/domain/contacts/commands.ts';
import { createConversation } from '../src/domain/conversations/commands.ts';
import { createMessage, MESSAGE_TYPE } from '../src/domain/messages/commands.ts';
import { startEventWorker } from '../src/events/worker.ts';
import { startAutomationEngine } from '../src/jobs/automations.ts';
import { createStorage } from '../src/storage/create.ts';
import { tempDataDir } from './startup.ts';
import '../src/dialects.ts'; // the webhook planners the event worker fans out with

const quick = process.argv.includes('--quick');
const EVENTS = quick ? 300 : 2000;
const RULES = 50;
const silent = { warn() {}, error() {} };

async function until(check: () => Promise<boolean>) {
  while (!(await check())) await new Promise((r) => setTimeout(r, 20));
}

async function seed(db: Db, accountName: string) {
  const boot = await bootstrap(db, { accountName });
  const inbox = await insertInbox(db, boot.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
  const { contact } = await createContact(db, boot.account_id, {
    name: 'Bench',
    email: `bench-${Date.now()}@example.com`,
    inbox_id: inbox.id,
  });
  const conversations = [];
  for (let i = 0; i < 20; i++)
    conversations.push(await createConversation(db, boot.account_id, { inboxId: inbox.id, contactId: contact.id }));
  return { accountId: boot.account_id, conversations };
}

async function offer(db: Db, conversations: { id: number; account_id: number }[]) {
  const started = performance.now();
  await Promise.all(
    Array.from({ length: 10 }, async (_, worker) => {
      for (let i = worker; i < EVENTS; i += 10) {
        await createMessage(db, conversations[i % conversations.length], {
          messageType: MESSAGE_TYPE.incoming,
          content: i % 10 === 0 ? 'refund please' : 'hello there',
        });
      }
    }),
  );
  return started;
}

const dir = tempDataDir();
const pg = await startEmbeddedPostgres(dir, { owner: true });
try {
  await migrate(pg.url);
  const database = openDatabase(pg.url, { max: 8 });
  const { db } = database;
  const config = loadConfig({
    DATABASE_URL: pg.url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off',
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  });
  const worker = startEventWorker(database, config, silent);
  const engine = startAutomationEngine(
    database,
    config,
    createMailer(undefined, config.mailFrom),
    silent,
    createStorage(config),
  );

  // Webhook fan-out: one account webhook on a loopback receiver, every message_created delivered.
  let received = 0;
  const server = http.createServer((req, res) => req.resume().on('end', () => (received++, res.end('ok'))));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const hooked = await seed(db, 'Bench webhooks');
  await db
    .insertInto('webhooks')
    .values({
      account_id: hooked.accountId,
      url: `http://127.0.0.1:${(server.address() as AddressInfo).port}/hook`,
      subscriptions: ['message_created'],
      secret: 's',
    })
    .execute();
  await worker.idle();
  received = 0;
  let started = await offer(db, hooked.conversations);
  await until(async () => received >= EVENTS);
  const webhookSeconds = (performance.now() - started) / 1000;

  // Automation: 50 active message_created rules; 49 never hold, 1 labels the conversation on "refund".
  const ruled = await seed(db, 'Bench automation');
  for (let i = 0; i < RULES; i++) {
    const acts = i === RULES - 1;
    await db
      .insertInto('automation_rules')
      .values({
        account_id: ruled.accountId,
        name: `rule ${i}`,
        event_name: 'message_created',
        conditions: JSON.stringify([
          {
            attribute_key: 'content',
            filter_operator: 'contains',
            values: [acts ? 'refund' : `never-${i}`],
            query_operator: null,
          },
        ]),
        actions: JSON.stringify([{ action_name: 'add_label', action_params: ['refund'] }]),
      })
      .execute();
  }
  await worker.idle();
  await engine.idle(60_000);
  started = await offer(db, ruled.conversations);
  const runs = async () =>
    Number(
      (
        await db
          .selectFrom('automation_runs')
          .select(db.fn.countAll<number>().as('n'))
          .where('account_id', '=', ruled.accountId)
          .where('status', 'in', ['succeeded', 'skipped', 'failed'])
          .executeTakeFirstOrThrow()
      ).n,
    );
  await until(async () => (await runs()) >= EVENTS * RULES);
  const automationSeconds = (performance.now() - started) / 1000;

  console.log(
    JSON.stringify({
      events: EVENTS,
      rules: RULES,
      webhookFanOut: { seconds: +webhookSeconds.toFixed(2), eventsPerSecond: Math.round(EVENTS / webhookSeconds) },
      automation: {
        seconds: +automationSeconds.toFixed(2),
        eventsPerSecond: Math.round(EVENTS / automationSeconds),
        runsPerSecond: Math.round((EVENTS * RULES) / automationSeconds),
      },
    }),
  );
  await engine.stop();
  await worker.stop();
  server.close();
  await database.close();
} finally {
  await pg.stop();
  fs.rmSync(dir, { recursive: true, force: true });
}
