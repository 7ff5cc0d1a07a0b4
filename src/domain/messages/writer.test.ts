import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { MessageWriter } from './writer.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Batched');
const db = ctx.database.db;
/** A new conversation's row id (the API answers with its display id). */
async function conversationIn(fixture: typeof f): Promise<{ id: number }> {
  const { id: displayId } = await fixture.openConversation();
  return db.selectFrom('conversations').select('id').where('account_id', '=', fixture.account.account_id).where('display_id', '=', displayId).executeTakeFirstOrThrow();
}
const fields = (content: string, extra: Record<string, unknown> = {}) => JSON.stringify({ message_type: 1, content, sender_type: 'User', sender_id: 1, ...extra });

describe('the message writer', () => {
  it('writes messages that arrive while writes are in flight together, each answered with its own message', async () => {
    const conversations = [await conversationIn(f), await conversationIn(f), await conversationIn(f)];
    const writer = new MessageWriter(db);
    const before = ctx.database.counter.count;
    // The first goes at once, alone; the nine that arrive meanwhile go as one statement.
    const stored = await Promise.all(Array.from({ length: 10 }, (_, i) => writer.write(f.account.account_id, conversations[i % 3].id, fields(`m${i}`))));
    expect(ctx.database.counter.count - before).toBe(2);
    expect(stored.map((s) => s?.message.content)).toEqual(Array.from({ length: 10 }, (_, i) => `m${i}`));
    expect(stored.map((s) => s?.message.conversation_id)).toEqual(Array.from({ length: 10 }, (_, i) => conversations[i % 3].id));

    const counts = await db.selectFrom('conversations').select(['id', 'messages_count', 'last_message_id']).where('id', 'in', conversations.map((c) => c.id)).orderBy('id').execute();
    const ids = stored.map((s) => s!.message.id as number);
    expect(counts.map((c) => c.messages_count)).toEqual([4, 3, 3]);
    expect(counts.map((c) => c.last_message_id)).toEqual([ids[9], ids[7], ids[8]]);
    const events = await db.selectFrom('events').select(['seq', 'message_id']).where('account_id', '=', f.account.account_id).orderBy('seq').execute();
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
      expect([free?.message.account_id, free?.message.content, mineDone]).toEqual([other.account.account_id, 'b', false]);
      await blocker.query('COMMIT');
      expect((await held)?.message.content).toBe('a');
    } finally {
      blocker.release();
    }
  });

  it('answers null for a conversation that does not exist, without failing the others', async () => {
    const conversation = await conversationIn(f);
    const writer = new MessageWriter(db);
    const stored = await Promise.all([1, 2, 3, 4].map((i) => writer.write(f.account.account_id, i === 3 ? 987654321 : conversation.id, fields(`n${i}`))));
    expect(stored.map((s) => s?.message.content ?? null)).toEqual(['n1', 'n2', null, 'n4']);
  });

  it('fails a message the database refuses on its own: the rest of its batch is stored', async () => {
    const conversation = await conversationIn(f);
    const writer = new MessageWriter(db);
    const results = await Promise.allSettled([1, 2, 3, 4, 5].map((i) => writer.write(f.account.account_id, conversation.id, fields(`b${i}`, i === 4 ? { status: 'bogus' } : {}))));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'fulfilled', 'fulfilled', 'rejected', 'fulfilled']);
    const contents = (await db.selectFrom('messages').select('content').where('conversation_id', '=', conversation.id).orderBy('id').execute()).map((m) => m.content);
    expect(contents.filter((c) => c?.startsWith('b'))).toEqual(['b1', 'b2', 'b3', 'b5']);
  });
});
