import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { recordEvent, recordEvents } from './outbox.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const db = ctx.database.db;

const eventsOf = (accountId: number) =>
  db
    .selectFrom('events')
    .select(['seq', 'name', 'conversation_id', 'message_id', 'data'])
    .where('account_id', '=', accountId)
    .orderBy('seq')
    .execute();

describe('outbox', () => {
  it('writes several events in one statement, numbered in order, data intact', async () => {
    const { account_id } = await ctx.account('Batch');
    const tricky = {
      text: 'quote " backslash \\ brace { comma , ünïcødé 🚀',
      list: [1, null, 'x'],
      nested: { 'a"b': [{}] },
    };
    const before = ctx.database.counter.count;
    const seqs = await db.transaction().execute((trx) =>
      recordEvents(trx, account_id, [
        { name: 'contact.created', contactId: 7, data: tricky },
        { name: 'contact.updated', contactId: 7 },
        { name: 'conversation.read', conversationId: 9, inboxId: 3 },
      ]),
    );
    expect(ctx.database.counter.count - before).toBe(1);
    const events = await eventsOf(account_id);
    expect(seqs).toEqual(events.map((e) => e.seq));
    expect(events.map((e) => [e.name, e.conversation_id])).toEqual([
      ['contact.created', null],
      ['contact.updated', null],
      ['conversation.read', 9],
    ]);
    expect(events[0].data).toEqual(tricky);
    expect(events[1].data).toEqual({});
    expect(
      await db
        .transaction()
        .execute((trx) => recordEvent(trx, { accountId: account_id, name: 'contact.deleted', contactId: 7 })),
    ).toBe(seqs[2] + 1);
  });

  it('records every change as an event with a gap-free per-account sequence', async () => {
    const c = await f.openConversation(f.api, { message: { content: 'hello' } });
    await f.incoming(c.id, 'hi back');
    await f.api.post(`${f.base}/conversations/${c.id}/toggle_status`, { status: 'resolved' });
    await f.api.post(`${f.base}/conversations/${c.id}/labels`, { labels: ['vip'] });
    await f.api.post(`${f.base}/conversations/${c.id}/toggle_typing_status`, { typing_status: 'on' });
    const events = await eventsOf(f.account.account_id);
    expect(events.map((e) => e.seq)).toEqual(events.map((_, i) => i + 1));
    const names = events.map((e) => e.name);
    expect(names.slice(0, 2)).toEqual(['contact.created', 'conversation.created']);
    expect(names).toContain('message.created');
    expect(names).toContain('conversation.status_changed');
    expect(names.at(-1)).toBe('conversation.typing_on');
    const labelled = events.find(
      (e) => e.name === 'conversation.updated' && 'label_list' in (e.data.changed_attributes as object),
    );
    expect(labelled?.data.changed_attributes).toEqual({ label_list: { previous_value: [], current_value: ['vip'] } });
    const resolved = events.find((e) => e.name === 'conversation.status_changed');
    expect(resolved?.data.changed_attributes).toMatchObject({
      status: { previous_value: 'open', current_value: 'resolved' },
    });
  });

  it('writes nothing when the change rolls back', async () => {
    const before = (await eventsOf(f.account.account_id)).length;
    await expect(
      db.transaction().execute(async (trx) => {
        await recordEvent(trx, { accountId: f.account.account_id, name: 'contact.updated' });
        throw new Error('boom');
      }),
    ).rejects.toThrow('boom');
    expect((await eventsOf(f.account.account_id)).length).toBe(before);
  });

  it('records no update for a change that changes nothing', async () => {
    const before = (await eventsOf(f.account.account_id)).length;
    await f.api.patch(`${f.base}/contacts/${f.contact.id}`, { name: f.contact.name });
    expect((await eventsOf(f.account.account_id)).length).toBe(before);
  });
});
