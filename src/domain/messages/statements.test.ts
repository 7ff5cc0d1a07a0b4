import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Counted');

async function statements(send: () => Promise<unknown>): Promise<number> {
  const before = ctx.database.counter.count;
  await send();
  return ctx.database.counter.count - before;
}

// The hot path of the event spine: each statement here is paid by every message of every integration.
describe('creating a message through the Chatwoot API', () => {
  it('runs a fixed, small number of statements (auth, lookup, store with aggregates and events; the sender is known)', async () => {
    const conversation = await f.openConversation();
    const url = `${f.base}/conversations/${conversation.id}/messages`;
    // token + account access 1, conversation 1, inbox check 1, insert_message 1 (the contact comes back from it)
    expect(await statements(() => f.api.post(url, { content: 'in', message_type: 'incoming' }))).toBe(4);
    // The first outgoing message of an inbox in this process reads its channel type once (the 24-hour window
    // check, reply-window.ts); from then on: token + account access 1, conversation 1, insert_message 1.
    expect(await statements(() => f.api.post(url, { content: 'first out' }))).toBe(4);
    expect(await statements(() => f.api.post(url, { content: 'out' }))).toBe(3);
    const events = await ctx.database.db
      .selectFrom('events')
      .select(['name', 'seq'])
      .where('account_id', '=', f.account.account_id)
      .orderBy('seq')
      .execute();
    expect(events.slice(-3).map((e) => e.name)).toEqual(['message.created', 'message.created', 'message.created']);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1)); // gap-free
  });

  it('records a reopening message and its status events in one statement, in order', async () => {
    const conversation = await f.openConversation();
    await f.api.post(`${f.base}/conversations/${conversation.id}/toggle_status`, { status: 'resolved' });
    const url = `${f.base}/conversations/${conversation.id}/messages`;
    expect(await statements(() => f.api.post(url, { content: 'back again', message_type: 'incoming' }))).toBe(4);
    const last = await ctx.database.db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('account_id', '=', f.account.account_id)
      .orderBy('seq', 'desc')
      .limit(3)
      .execute();
    expect(last.reverse().map((e) => e.name)).toEqual([
      'message.created',
      'conversation.status_changed',
      'conversation.updated',
    ]);
    expect(last[1].data).toMatchObject({
      changed_attributes: { status: { previous_value: 'resolved', current_value: 'open' } },
    });
  });

  it('reopens a snoozed conversation with the snooze time in the events as JavaScript writes times', async () => {
    const conversation = await f.openConversation();
    const until = Math.floor(Date.now() / 1000) + 3600;
    await f.api.post(`${f.base}/conversations/${conversation.id}/toggle_status`, {
      status: 'snoozed',
      snoozed_until: until,
    });
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, {
      content: 'wake up',
      message_type: 'incoming',
    });
    const [updated] = await ctx.database.db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('account_id', '=', f.account.account_id)
      .orderBy('seq', 'desc')
      .limit(1)
      .execute();
    expect(updated.name).toBe('conversation.updated');
    expect(updated.data).toEqual({
      changed_attributes: {
        status: { previous_value: 'snoozed', current_value: 'open' },
        snoozed_until: { previous_value: new Date(until * 1000).toISOString(), current_value: null },
      },
    });
  });

  it('stores text cut inside an emoji (a lone UTF-16 surrogate) with a replacement character, as before', async () => {
    const conversation = await f.openConversation();
    const res = await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'cut \ud83d here' });
    expect(res.status).toBe(200);
    expect(res.body.content).toBe('cut \ufffd here');
  });

  it('presents the sender it did not read again as a read would (agent and contact)', async () => {
    const conversation = await f.openConversation();
    const url = `${f.base}/conversations/${conversation.id}/messages`;
    const created = [
      (await f.api.post(url, { content: 'out' })).body,
      (await f.api.post(url, { content: 'in', message_type: 'incoming' })).body,
    ];
    const listed = (await f.api.get(url)).body.payload;
    for (const message of created) {
      expect(message.sender).toBeDefined();
      expect(message.sender).toEqual(listed.find((m: { id: number }) => m.id === message.id).sender);
    }
  });
});
