import { describe, expect, it, vi } from 'vitest';
import WebSocket from 'ws';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { connectCable, type CableClient } from '../../test/helpers/cable.ts';
import { conversationId, lastEventSeq, recordBacklog } from '../../test/helpers/backlog.ts';

// Past 6,000 missed events a resuming socket is told to reload; below it, everything is replayed in pages.
const MAX_REPLAY = 6000;
const ctx = await createTestContext({ REALTIME_REPLAY_MAX_EVENTS: String(MAX_REPLAY) });
const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const db = ctx.database.db;

async function agentIdentifier(f: Awaited<ReturnType<typeof conversationFixture>>) {
  const { pubsub_token } = await db
    .selectFrom('users')
    .select('pubsub_token')
    .where('id', '=', f.account.user_id)
    .executeTakeFirstOrThrow();
  return { pubsub_token, account_id: f.account.account_id, user_id: f.account.user_id };
}

/** The distinct sequence numbers of the event frames received, in arrival order. */
function seqsOf(cable: CableClient): number[] {
  const seqs: number[] = [];
  for (const frame of cable.frames) if (frame.seq !== undefined && frame.seq !== seqs.at(-1)) seqs.push(frame.seq);
  return seqs;
}

const range = (from: number, to: number) => Array.from({ length: to - from + 1 }, (_, i) => from + i);

describe('resuming from a cursor', () => {
  it('replays a backlog past 5,000 events completely, in order, then carries on live', async () => {
    const f = await conversationFixture(ctx, 'Backlog');
    const conversation = await f.openConversation();
    const cursor = await lastEventSeq(db, f.account.account_id);
    const last = await recordBacklog(
      db,
      f.account.account_id,
      await conversationId(db, f.account.account_id, conversation.id),
      5200,
    );
    const cable = await connectCable(url);
    expect(await cable.subscribe({ ...(await agentIdentifier(f)), cursor })).toBe('confirm_subscription');
    await f.incoming(conversation.id, 'live after the backlog');
    await cable.waitFor((frames) => frames.some((x) => x.data.content === 'live after the backlog'), 30_000);
    const seqs = seqsOf(cable);
    expect(seqs.slice(0, last - cursor)).toEqual(range(cursor + 1, last));
    expect(seqs).toEqual([...new Set(seqs)].sort((a, b) => a - b));
    expect(cable.frames.some((x) => x.event === 'resync.required')).toBe(false);
    await cable.close();
  }, 60_000);

  it('past REALTIME_REPLAY_MAX_EVENTS sends resync.required instead of skipping, then carries on live', async () => {
    const f = await conversationFixture(ctx, 'Resync');
    const conversation = await f.openConversation();
    const cursor = await lastEventSeq(db, f.account.account_id);
    const last = await recordBacklog(
      db,
      f.account.account_id,
      await conversationId(db, f.account.account_id, conversation.id),
      MAX_REPLAY + 1,
    );
    const cable = await connectCable(url);
    expect(await cable.subscribe({ ...(await agentIdentifier(f)), cursor })).toBe('confirm_subscription');
    await f.incoming(conversation.id, 'live after the resync');
    await cable.waitFor((frames) => frames.some((x) => x.data.content === 'live after the resync'));
    expect(cable.frames[0]).toEqual({
      event: 'resync.required',
      data: { account_id: f.account.account_id, reason: 'replay_too_long', cursor, latest_seq: last },
    });
    // Nothing of the backlog is sent piecemeal: the client reloads instead, and every live event follows.
    expect(cable.frames.slice(1).every((x) => x.seq > last)).toBe(true);
    await cable.close();
  });

  it('stitches replay and live: events committed while the pages are read arrive once, in order', async () => {
    const f = await conversationFixture(ctx, 'Stitch');
    const conversation = await f.openConversation();
    const cursor = await lastEventSeq(db, f.account.account_id);
    await recordBacklog(db, f.account.account_id, await conversationId(db, f.account.account_id, conversation.id), 450);
    // Before every page of the replay is read, a new message commits: it must come through the live stream.
    let commits = 0;
    const replayer = (ctx.app.hub as any).replayer;
    const original = replayer.readPage;
    const readPage = vi.spyOn(replayer, 'readPage').mockImplementation(async (...args: unknown[]) => {
      await f.incoming(conversation.id, `during replay ${++commits}`);
      return original.apply(replayer, args);
    });
    try {
      const cable = await connectCable(url);
      expect(await cable.subscribe({ ...(await agentIdentifier(f)), cursor })).toBe('confirm_subscription');
      await cable.waitFor(
        () => commits > 1 && cable.frames.some((x) => x.data.content === `during replay ${commits}`),
        30_000,
      );
      const end = await lastEventSeq(db, f.account.account_id);
      await cable.waitFor(() => seqsOf(cable).at(-1) === end);
      expect(seqsOf(cable)).toEqual(range(cursor + 1, end));
      const keys = cable.frames.map((x) => `${x.seq}:${x.event}`);
      expect(keys.length).toBe(new Set(keys).size);
      await cable.close();
    } finally {
      readPage.mockRestore();
    }
  }, 60_000);

  it('gives a resuming contact only its own conversation’s public events, across pages', async () => {
    const f = await conversationFixture(ctx, 'Widget');
    const busy = await f.openConversation();
    const busyId = await conversationId(db, f.account.account_id, busy.id);
    const visitor = ctx.client();
    const inbox = `/public/api/v1/inboxes/${f.inbox.identifier}`;
    const contact = (await visitor.post(`${inbox}/contacts`, { name: 'Returning Visitor' })).body;
    const own = (await visitor.post(`${inbox}/contacts/${contact.source_id}/conversations`, {})).body;
    const cursor = await lastEventSeq(db, f.account.account_id);
    await recordBacklog(db, f.account.account_id, busyId, 300);
    await f.api.post(`${f.base}/conversations/${own.id}/messages`, { content: 'secret note', private: true });
    await f.api.post(`${f.base}/conversations/${own.id}/messages`, { content: 'missed reply' });
    await recordBacklog(db, f.account.account_id, busyId, 300);
    const cable = await connectCable(url);
    expect(await cable.subscribe({ pubsub_token: contact.pubsub_token, cursor })).toBe('confirm_subscription');
    await f.api.post(`${f.base}/conversations/${own.id}/messages`, { content: 'live reply' });
    await cable.waitFor((frames) => frames.some((x) => x.data.content === 'live reply'));
    const contents = cable.frames.filter((x) => x.event === 'message.created').map((x) => x.data.content);
    expect(contents).toEqual(['missed reply', 'live reply']);
    expect(cable.frames.every((x) => (x.data.conversation_id ?? x.data.id) === own.id)).toBe(true);
    await cable.close();
  });
});

describe('confirm_subscription', () => {
  it('is sent only once the subscriber receives live events: an event committed on confirm is delivered', async () => {
    // A fresh account, so this process does not serve it yet and the subscriber's starting point is read anew.
    const f = await conversationFixture(ctx, 'Race');
    const conversation = await f.openConversation();
    const cable = await connectCable(url);
    let committed: Promise<unknown> | undefined;
    const confirmed = new Promise<void>((resolve) =>
      cable.onControl((message) => {
        if (message.type !== 'confirm_subscription') return;
        committed = f.incoming(conversation.id, 'right after confirm');
        resolve();
      }),
    );
    // Forces the race: should the server tell the client "confirmed" before the hub has registered it, the
    // client's first event commits exactly then, before the registration goes on.
    const sent = vi.spyOn(WebSocket.prototype, 'send');
    const hub = ctx.app.hub;
    const subscribe = hub.subscribe.bind(hub);
    const spy = vi.spyOn(hub, 'subscribe').mockImplementation(async (...args: Parameters<typeof hub.subscribe>) => {
      if (sent.mock.calls.some(([data]) => String(data).includes('confirm_subscription'))) {
        await confirmed;
        await committed;
      }
      return subscribe(...args);
    });
    try {
      expect(await cable.subscribe(await agentIdentifier(f))).toBe('confirm_subscription');
      await confirmed;
      await committed;
      await cable.waitFor((frames) => frames.some((x) => x.data.content === 'right after confirm'), 5000);
    } finally {
      spy.mockRestore();
      sent.mockRestore();
      await cable.close();
    }
  });
});
