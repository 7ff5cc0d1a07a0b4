import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { createContact } from '../src/domain/contacts/commands.ts';
import { createConversation } from '../src/domain/conversations/commands.ts';
import { createMessage } from '../src/domain/messages/commands.ts';

function percentile(sorted: number[], p: number): number {
  return sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
}

export interface ListMeasurement {
  statementsOne: number;
  statementsPage: number;
  conversations: number;
  listP50Ms: number;
  listP95Ms: number;
  rawSelectP50Ms: number;
}

/** Seeds `count` conversations on `url` and measures the conversation list in-process. */
export async function measureConversationList(url: string, count = 200, samples = 200): Promise<ListMeasurement> {
  await migrate(url);
  const database = openDatabase(url, { max: 4 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', RATE_LIMIT_STORE: 'off' });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  try {
    const { db } = database;
    const boot = await bootstrap(db, { accountName: 'Bench' });
    const inbox = await insertInbox(db, boot.account_id, { name: 'Bench API', channel_type: 'Channel::Api' });
    for (let i = 0; i < count; i++) {
      const { contact } = await createContact(db, boot.account_id, {
        name: `Contact ${i}`,
        email: `c${i}@bench.test`,
        inbox_id: inbox.id,
      });
      const conversation = await createConversation(db, boot.account_id, {
        inboxId: inbox.id,
        contactId: contact.id,
        assigneeId: boot.user_id,
        message: { messageType: 1, content: `hello ${i}`, sender: { type: 'User', id: boot.user_id } },
      });
      await createMessage(db, conversation, {
        messageType: 0,
        content: `reply ${i}`,
        sender: { type: 'Contact', id: contact.id },
      });
      if (i === 0)
        await db
          .updateTable('conversations')
          .set({ labels: ['single'] })
          .where('id', '=', conversation.id)
          .execute();
    }
    const headers = { api_access_token: boot.api_access_token };
    const path = `/api/v1/accounts/${boot.account_id}/conversations`;
    const statements = async (query: string) => {
      const before = database.counter.count;
      const res = await app.inject({ method: 'GET', url: path + query, headers });
      if (res.statusCode !== 200) throw new Error(`list failed: ${res.statusCode} ${res.body}`);
      return database.counter.count - before;
    };
    const statementsOne = await statements('?labels[]=single');
    const statementsPage = await statements('');
    const timings: number[] = [];
    const raw: number[] = [];
    for (let i = 0; i < samples; i++) {
      let t = performance.now();
      await app.inject({ method: 'GET', url: `${path}?page=${1 + (i % 4)}`, headers });
      timings.push(performance.now() - t);
      t = performance.now();
      await database.pool.query('SELECT id FROM conversations WHERE account_id = $1 LIMIT 1', [boot.account_id]);
      raw.push(performance.now() - t);
    }
    timings.sort((a, b) => a - b);
    raw.sort((a, b) => a - b);
    return {
      statementsOne,
      statementsPage,
      conversations: count,
      listP50Ms: percentile(timings, 50),
      listP95Ms: percentile(timings, 95),
      rawSelectP50Ms: percentile(raw, 50),
    };
  } finally {
    await app.close();
    await database.close();
  }
}
