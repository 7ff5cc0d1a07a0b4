import { sql } from 'kysely';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../../test/helpers/database.ts';
import { openDatabase } from '../../db/pool.ts';
import type { CoreStatus } from '../../db/types.ts';
import { bootstrap } from '../accounts/bootstrap.ts';
import { createContact } from '../contacts/commands.ts';
import { insertInbox } from '../inboxes/repository.ts';
import { createConversation } from './commands.ts';
import { CORE_STATUSES, isEnded, statusAfterMessage } from './status.ts';

/**
 * The state machine's rules live in status.ts; two of them are also applied by the database (insert_message
 * reopens, the sessions trigger keeps ended_at). For every transition, the SQL must answer what status.ts says.
 */
const testDb = await createTestDatabase();
const handle = openDatabase(testDb.url, { max: 2 });
afterAll(async () => {
  await handle.close();
  await testDb.drop();
});
const db = handle.db;
const boot = await bootstrap(db, { accountName: 'State machine' });
const accountId = boot.account_id;

async function conversationIn(withBot: boolean) {
  const inbox = await insertInbox(db, accountId, {
    name: withBot ? 'Bot inbox' : 'Plain inbox',
    channel_type: 'Channel::Api',
  });
  if (withBot) {
    const bot = await db
      .insertInto('agent_bots')
      .values({ account_id: accountId, name: 'Greeter' })
      .returning('id')
      .executeTakeFirstOrThrow();
    await db
      .insertInto('agent_bot_inboxes')
      .values({ account_id: accountId, inbox_id: inbox.id, agent_bot_id: bot.id })
      .execute();
  }
  const { contact } = await createContact(db, accountId, { name: 'Casey', inbox_id: inbox.id });
  const conversation = await createConversation(db, accountId, { inboxId: inbox.id, contactId: contact.id });
  return { conversation, contact };
}

const MESSAGES = [
  { name: 'a contact’s message', incoming: true, private: false, type: 0, sender: 'Contact' },
  { name: 'a private note on an incoming message', incoming: true, private: true, type: 0, sender: 'Contact' },
  { name: 'an agent’s reply', incoming: false, private: false, type: 1, sender: 'User' },
  { name: 'an agent’s private note', incoming: false, private: true, type: 1, sender: 'User' },
  { name: 'an activity message', incoming: false, private: false, type: 2, sender: null },
] as const;

describe('insert_message agrees with statusAfterMessage', () => {
  for (const withBot of [false, true]) {
    it(`for every status and message kind (${withBot ? 'an agent bot serves the inbox' : 'no bot'})`, async () => {
      const { conversation, contact } = await conversationIn(withBot);
      const disagreements: string[] = [];
      for (const prior of CORE_STATUSES) {
        for (const message of MESSAGES) {
          await db.updateTable('conversations').set({ status: prior }).where('id', '=', conversation.id).execute();
          const m = {
            message_type: message.type,
            content: message.name,
            private: message.private,
            sender_type: message.sender,
            sender_id: message.sender === 'Contact' ? contact.id : message.sender === 'User' ? boot.user_id : null,
          };
          await sql`select insert_message(${conversation.id}, ${JSON.stringify(m)}::jsonb)`.execute(db);
          const { status } = await db
            .selectFrom('conversations')
            .select('status')
            .where('id', '=', conversation.id)
            .executeTakeFirstOrThrow();
          const expected = statusAfterMessage(prior, message, withBot);
          if (status !== expected)
            disagreements.push(`${prior} + ${message.name}: SQL ${status}, status.ts ${expected}`);
        }
      }
      expect(disagreements).toEqual([]);
    });
  }
});

describe('the sessions trigger agrees with isEnded', () => {
  it('sets ended_at on entering an ended status, keeps it while ended, clears it on leaving', async () => {
    const { conversation } = await conversationIn(false);
    const disagreements: string[] = [];
    for (const from of CORE_STATUSES) {
      for (const to of CORE_STATUSES) {
        await db.updateTable('conversations').set({ status: from }).where('id', '=', conversation.id).execute();
        const before = await db
          .selectFrom('conversations')
          .select(sql<Date | null>`ended_at`.as('ended_at'))
          .where('id', '=', conversation.id)
          .executeTakeFirstOrThrow();
        await db
          .updateTable('conversations')
          .set({ status: to as CoreStatus })
          .where('id', '=', conversation.id)
          .execute();
        const after = await db
          .selectFrom('conversations')
          .select(sql<Date | null>`ended_at`.as('ended_at'))
          .where('id', '=', conversation.id)
          .executeTakeFirstOrThrow();
        const ok = isEnded(to)
          ? after.ended_at !== null && (!isEnded(from) || after.ended_at.getTime() === before.ended_at?.getTime())
          : after.ended_at === null;
        if (!ok)
          disagreements.push(
            `${from} → ${to}: ended_at ${before.ended_at?.toISOString() ?? 'null'} → ${after.ended_at?.toISOString() ?? 'null'}`,
          );
      }
    }
    expect(disagreements).toEqual([]);
  });
});
