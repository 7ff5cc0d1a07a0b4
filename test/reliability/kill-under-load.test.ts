import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../helpers/database.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { freePort } from '../../bench/startup.ts';
import { bootstrap } from '../../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';
import { createContact } from '../../src/domain/contacts/commands.ts';
import { createConversation } from '../../src/domain/conversations/commands.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { migrate } from '../../src/db/migrate.ts';
import { startServerProcess, type ServerProcess } from './support/server-process.ts';

/**
 * kill -9 of the server while clients are creating messages, then a restart: every message that got a 2xx is
 * stored, every stored message's event reaches the webhook receiver (ids compared, not just counts), and a
 * message reaching it twice is the same delivery sent again (same X-Chatwoot-Delivery id) — the at-least-once
 * contract, never a second event. RELIABILITY_LONG=1 runs more kill cycles under a longer load.
 */
const long = process.env.RELIABILITY_LONG === '1';
const CYCLES = long ? 5 : 1;
const CLIENTS = 4;
const LOAD_MS = long ? 3_000 : 1_200;

const database = await createTestDatabase();
afterAll(() => database.drop());
await migrate(database.url);
const handle = openDatabase(database.url, { max: 2 });
afterAll(() => handle.close());
const boot = await bootstrap(handle.db, { accountName: 'Kill Load' });
const inbox = await insertInbox(handle.db, boot.account_id, { name: 'Kill API', channel_type: 'Channel::Api' });
const { contact } = await createContact(handle.db, boot.account_id, {
  name: 'Load Roe',
  email: 'load@example.com',
  inbox_id: inbox.id,
});
const conversations: number[] = [];
for (let i = 0; i < 5; i++)
  conversations.push(
    (await createConversation(handle.db, boot.account_id, { inboxId: inbox.id, contactId: contact.id })).display_id,
  );
const receiver = await startReceiver();

const port = await freePort();
const env = {
  DATABASE_URL: database.url,
  PORT: String(port),
  HOST: '127.0.0.1',
  WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
  WEBHOOK_RETRY_BASE_MS: '100',
  WEBHOOK_TIMEOUT_MS: '2000',
};
const base = `http://127.0.0.1:${port}/api/v1/accounts/${boot.account_id}`;
const headers = { api_access_token: boot.api_access_token, 'content-type': 'application/json' };

interface Outcomes {
  /** content → message id, for every 2xx */
  acknowledged: Map<string, number>;
  /** contents whose request failed without an answer (in flight at the kill): stored or not, both are right */
  unknown: Set<string>;
  other: string[];
}

/** CLIENTS loops creating messages until `stop()`; each records what it was told. */
function steadyLoad(cycle: number, outcomes: Outcomes) {
  let running = true;
  const client = async (n: number) => {
    for (let i = 0; running; i++) {
      const content = `load ${cycle}-${n}-${i}`;
      try {
        const res = await fetch(`${base}/conversations/${conversations[i % conversations.length]}/messages`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ content }),
        });
        if (res.status === 200) outcomes.acknowledged.set(content, (await res.json()).id);
        else outcomes.other.push(`${res.status} ${await res.text()}`);
      } catch {
        outcomes.unknown.add(content);
        await new Promise((r) => setTimeout(r, 20));
      }
    }
  };
  const clients = Array.from({ length: CLIENTS }, (_, n) => client(n));
  return async () => {
    running = false;
    await Promise.all(clients);
  };
}

describe('kill -9 under a steady message load', () => {
  it(
    'keeps every acknowledged message and delivers every stored message’s event, duplicates only as redeliveries',
    async () => {
      const outcomes: Outcomes = { acknowledged: new Map(), unknown: new Set(), other: [] };
      let server: ServerProcess = await startServerProcess(env);
      try {
        const webhook = await fetch(`${base}/webhooks`, {
          method: 'POST',
          headers,
          body: JSON.stringify({ url: receiver.url, subscriptions: ['message_created'] }),
        });
        expect(webhook.status).toBe(200);
        for (let cycle = 0; cycle < CYCLES; cycle++) {
          const stop = steadyLoad(cycle, outcomes);
          // At least LOAD_MS of load and 30 more acknowledged messages, however slow the machine is today.
          const target = outcomes.acknowledged.size + 30;
          const loadStarted = Date.now();
          while (
            (Date.now() - loadStarted < LOAD_MS || outcomes.acknowledged.size < target) &&
            Date.now() - loadStarted < 20_000
          ) {
            await new Promise((r) => setTimeout(r, 50));
          }
          server.child.kill('SIGKILL');
          await server.exited;
          await stop();
          server = await startServerProcess(env);
        }
        expect(outcomes.other).toEqual([]);
        expect(outcomes.acknowledged.size).toBeGreaterThanOrEqual(30 * CYCLES);

        // Every 2xx is stored; anything else stored was in flight at a kill.
        const stored = await handle.db
          .selectFrom('messages')
          .select(['id', 'content'])
          .where('account_id', '=', boot.account_id)
          .where('content', 'like', 'load %')
          .execute();
        const storedByContent = new Map(stored.map((m) => [m.content!, m.id]));
        const lost = [...outcomes.acknowledged].filter(([content, id]) => storedByContent.get(content) !== id);
        expect(lost).toEqual([]);
        const unexplained = stored.filter(
          (m) => !outcomes.acknowledged.has(m.content!) && !outcomes.unknown.has(m.content!),
        );
        expect(unexplained).toEqual([]);

        // Every stored message's event arrives, after the restart at the latest.
        const storedIds = new Set(stored.map((m) => m.id));
        const deliveredIds = () =>
          new Set(receiver.received.filter((r) => r.body?.event === 'message_created').map((r) => r.body.id as number));
        await receiver.waitFor(() => [...storedIds].every((id) => deliveredIds().has(id)), 30_000).catch(() => {});
        const missing = [...storedIds].filter((id) => !deliveredIds().has(id));
        expect(missing).toEqual([]);
        expect([...deliveredIds()].filter((id) => !storedIds.has(id))).toEqual([]);

        // A message seen twice is the same delivery sent again: one delivery id per message.
        const deliveriesPerMessage = new Map<number, Set<string>>();
        for (const r of receiver.received.filter((r) => r.body?.event === 'message_created')) {
          const ids = deliveriesPerMessage.get(r.body.id) ?? new Set();
          ids.add(String(r.headers['x-chatwoot-delivery']));
          deliveriesPerMessage.set(r.body.id, ids);
        }
        const twoDeliveries = [...deliveriesPerMessage].filter(([, ids]) => ids.size !== 1);
        expect(twoDeliveries).toEqual([]);
        const redelivered =
          receiver.received.filter((r) => r.body?.event === 'message_created').length - deliveriesPerMessage.size;
        console.log(
          `kill -9 under load: ${CYCLES} kill(s), ${outcomes.acknowledged.size} acknowledged, ${outcomes.unknown.size} in flight at a kill, ` +
            `${stored.length} stored, ${deliveriesPerMessage.size} delivered, ${redelivered} redelivered (same delivery id)`,
        );
      } finally {
        server.child.kill('SIGKILL');
        await server.exited;
      }
    },
    long ? 600_000 : 90_000,
  );
});
