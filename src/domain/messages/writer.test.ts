import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { MessageWriter, refusedByDatabase } from './writer.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Batched');
const db = ctx.database.db;
/** A new conversation's row id (the API answers with its display id). */
async function conversationIn(fixture: typeof f): Promise<{ id: number }> {
  const { id: displayId } = await fixture.openConversation();
  return db
    .selectFrom('conversations')
    .select('id')
    .where('account_id', '=', fixture.account.account_id)
    .where('display_id', '=', displayId)
    .executeTakeFirstOrThrow();
}
const fields = (content: string, extra: Record<string, unknown> = {}) =>
  JSON.stringify({ message_type: 1, content, sender_type: 'User', sender_id: 1, ...extra });

describe('the message writer', () => {
  it('writes messages that arrive while writes are in flight together, each answered with its own message', async () => {
    const conversations = [await conversationIn(f), await conversationIn(f), await conversationIn(f)];
    const writer = new MessageWriter(db);
    const before = ctx.database.counter.count;
    // The first goes at once, alone; the nine that arrive meanwhile go as one statement.
    const stored = await Promise.all(
      Array.from({ length: 10 }, (_, i) =>
        writer.write(f.account.account_id, conversations[i % 3].id, fields(`m${i}`)),
      ),
    );
    expect(ctx.database.counter.count - before).toBe(2);
    expect(stored.map((s) => s?.message.content)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(stored.map((s) => s?.message.conversation_id)).toEqual(
      Array.from({ length: 10 }, (_, i) => conversations[i % 3].id),
    );

    const counts = await db
      .selectFrom('conversations')
      .select(['id', 'messages_count', 'last_message_id'])
      .where(
        'id',
        'in',
        conversations.map((c) => c.id),
      )
      .orderBy('id')
      .execute();
    const ids = stored.map((s) => s!.message.id as number);
    expect(counts.map((c) => c.messages_count)).toEqual([4, 3, 3]);
    expect(counts.map((c) => c.last_message_id)).toEqual([ids[9], ids[7], ids[8]]);
    const events = await db
      .selectFrom('events')
      .select(['seq', 'message_id'])
      .where('account_id', '=', f.account.account_id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // still gap-free
    expect(events.filter((e) => ids.includes(e.message_id!)).length).toBe(10);
  });

  it('writes for different accounts side by side: one account held up does not hold up another', async () => {
    const other = await conversationFixture(ctx, 'Other');
    const mine = await conversationIn(f);
    const theirs = await conversationIn(other);
    const writer = new MessageWriter(db);
    const blocker = await ctx.database.pool.connect();
    try {
      await blocker.query('BEGIN');
      await blocker.query('SELECT 1 FROM conversations WHERE id = $1 FOR UPDATE', [mine.id]);
      let mineDone = false;
      const held = writer.write(f.account.account_id, mine.id, fields('a')).then((s) => ((mineDone = true), s));
      const free = await writer.write(other.account.account_id, theirs.id, fields('b'));
      expect([free?.message.account_id, free?.message.content, mineDone]).toEqual([
        other.account.account_id,
        'b',
        false,
      ]);
      await blocker.query('COMMIT');
      expect((await held)?.message.content).toBe('a');
    } finally {
      blocker.release();
    }
  });

  it('answers null for a conversation that does not exist, without failing the others', async () => {
    const conversation = await conversationIn(f);
    const writer = new MessageWriter(db);
    const stored = await Promise.all(
      [1, 2, 3, 4].map((i) =>
        writer.write(f.account.account_id, i === 3 ? 987654321 : conversation.id, fields(`n${i}`)),
      ),
    );
    expect(stored.map((s) => s?.message.content ?? null)).toEqual(['n1', 'n2', null, 'n4']);
  });

  it('fails a message the database refuses on its own: the rest of its batch is stored', async () => {
    const conversation = await conversationIn(f);
    const writer = new MessageWriter(db);
    const results = await Promise.allSettled(
      [1, 2, 3, 4, 5].map((i) =>
        writer.write(f.account.account_id, conversation.id, fields(`b${i}`, i === 4 ? { status: 'bogus' } : {})),
      ),
    );
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const contents = (
      await db
        .selectFrom('messages')
        .select('content')
        .where('conversation_id', '=', conversation.id)
        .orderBy('id')
        .execute()
    ).map((m) => m.content);
    expect(contents.filter((c) => c?.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b5']);
  });

  it('takes its locks in the order single writers do: a contact edit that goes on to record events does not deadlock with it', async () => {
    const conversation = await conversationIn(f);
    const contactId = f.contact.id;
    const incoming = (content: string) =>
      JSON.stringify({ message_type: 0, content, sender_type: 'Contact', sender_id: contactId });
    const editor = await ctx.database.pool.connect();
    const batcher = await ctx.database.pool.connect();
    try {
      await editor.query('BEGIN');
      await editor.query('UPDATE contacts SET name = name WHERE id = $1', [contactId]);
      const pid = (await batcher.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
      const batch = batcher.query('SELECT insert_messages($1::bigint[], $2::jsonb[])', [
        [conversation.id, conversation.id],
        [incoming('x'), incoming('y')],
      ]);
      // The batch waits for the contact...
      for (let waiting = false; !waiting; ) {
        await new Promise((r) => setTimeout(r, 20));
        waiting =
          (
            (await db
              .selectFrom('pg_stat_activity' as never)
              .select('wait_event_type' as never)
              .where('pid' as never, '=', pid as never)
              .executeTakeFirst()) as { wait_event_type?: string } | undefined
          )?.wait_event_type === 'Lock';
      }
      // ...while the edit goes on to take the account's next event number: it must not find the account held.
      await editor.query(
        `SELECT * FROM record_events($1, ARRAY['contact.updated'], ARRAY[NULL]::bigint[], ARRAY[$2]::bigint[], ARRAY[NULL]::bigint[], ARRAY[NULL]::bigint[], ARRAY['{}']::jsonb[])`,
        [f.account.account_id, contactId],
      );
      await editor.query('COMMIT');
      expect((await batch).rows).toHaveLength(2);
    } finally {
      editor.release();
      batcher.release();
    }
  });

  it('writes a refused batch again one by one only when the database refused it (a lost connection may have committed it)', () => {
    expect(refusedByDatabase({ code: '23514' })).toBe(true); // a check constraint
    expect(refusedByDatabase({ code: '40P01' })).toBe(true); // a deadlock victim: rolled back
    expect(refusedByDatabase({ code: 'ECONNRESET' })).toBe(false);
    expect(refusedByDatabase({ code: '57P01' })).toBe(false);
    expect(refusedByDatabase(new Error('Connection terminated unexpectedly'))).toBe(false);
  });
});
