import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { connectCable } from '../../test/helpers/cable.ts';

const ctx = await createTestContext();
const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const db = ctx.database.db;
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');

async function userPubsub(userId: number) {
  return (await db.selectFrom('users').select('pubsub_token').where('id', '=', userId).executeTakeFirstOrThrow())
    .pubsub_token;
}

describe('realtime (ActionCable /cable)', () => {
  it('pushes message.created to an agent with a sequence number and push-shaped data', async () => {
    const cable = await connectCable(url);
    expect(
      await cable.subscribe({
        pubsub_token: await userPubsub(f.account.user_id),
        account_id: f.account.account_id,
        user_id: f.account.user_id,
      }),
    ).toBe('confirm_subscription');
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'live hello');
    await cable.waitFor((frames) =>
      frames.some((x) => x.event === 'message.created' && x.data.content === 'live hello'),
    );
    const frame = cable.frames.find((x) => x.event === 'message.created' && x.data.content === 'live hello')!;
    expect(frame.seq).toEqual(expect.any(Number));
    expect(frame.data).toMatchObject({
      account_id: f.account.account_id,
      conversation_id: conversation.id,
      message_type: 0,
      sender: { type: 'contact' },
    });
    expect(cable.frames.some((x) => x.event === 'conversation.created' && x.data.id === conversation.id)).toBe(true);
    await cable.close();
  });

  it('replays everything missed after a reconnect with the last seq, in order', async () => {
    const identifier = {
      pubsub_token: await userPubsub(f.account.user_id),
      account_id: f.account.account_id,
      user_id: f.account.user_id,
    };
    const first = await connectCable(url);
    await first.subscribe(identifier);
    const conversation = await f.openConversation();
    await first.waitFor((frames) =>
      frames.some((x) => x.event === 'conversation.created' && x.data.id === conversation.id),
    );
    const cursor = first.frames.at(-1)!.seq;
    await first.close();
    for (let i = 0; i < 5; i++) await f.incoming(conversation.id, `missed ${i}`);
    const second = await connectCable(url);
    await second.subscribe({ ...identifier, cursor });
    await f.incoming(conversation.id, 'after reconnect');
    await second.waitFor((frames) => frames.some((x) => x.data.content === 'after reconnect'));
    const contents = second.frames.filter((x) => x.event === 'message.created').map((x) => x.data.content);
    expect(contents).toEqual(['missed 0', 'missed 1', 'missed 2', 'missed 3', 'missed 4', 'after reconnect']);
    const seqs = second.frames.map((x) => x.seq);
    expect(seqs).toEqual([...seqs].sort((a, b) => a - b));
    expect(seqs[0]).toBe(cursor + 1);
    await second.close();
  });

  it('keeps accounts apart and rejects a token for an account it is not a member of', async () => {
    const theirs = await connectCable(url);
    await theirs.subscribe({
      pubsub_token: await userPubsub(other.account.user_id),
      account_id: other.account.account_id,
      user_id: other.account.user_id,
    });
    const sneaky = await connectCable(url);
    expect(
      await sneaky.subscribe({
        pubsub_token: await userPubsub(f.account.user_id),
        account_id: other.account.account_id,
      }),
    ).toBe('reject_subscription');
    expect(await sneaky.subscribe({ pubsub_token: 'nope' })).toBe('reject_subscription');
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'acme only');
    await other.incoming((await other.openConversation()).id, 'globex marker');
    await theirs.waitFor((frames) => frames.some((x) => x.data.content === 'globex marker'));
    expect(theirs.frames.every((x) => x.data.account_id === other.account.account_id)).toBe(true);
    await theirs.close();
    await sneaky.close();
  });

  it('gives a contact only its own conversation’s public events', async () => {
    const visitor = ctx.client();
    const inbox = `/public/api/v1/inboxes/${f.inbox.identifier}`;
    const contact = (await visitor.post(`${inbox}/contacts`, { name: 'Cable Visitor' })).body;
    const conversation = (await visitor.post(`${inbox}/contacts/${contact.source_id}/conversations`, {})).body;
    const cable = await connectCable(url);
    expect(await cable.subscribe({ pubsub_token: contact.pubsub_token })).toBe('confirm_subscription');
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'secret note', private: true });
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'public reply' });
    await f.incoming((await f.openConversation()).id, 'someone else');
    // A last public message of its own conversation: once it is in, anything wrongly sent before it is too.
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'closing reply' });
    await cable.waitFor((frames) => frames.some((x) => x.data.content === 'closing reply'));
    const contents = cable.frames.filter((x) => x.event === 'message.created').map((x) => x.data.content);
    expect(contents).toEqual(['public reply', 'closing reply']);
    await cable.close();
  });
});
