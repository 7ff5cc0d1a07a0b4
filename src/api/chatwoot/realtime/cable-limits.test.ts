import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../test/helpers/fixtures.ts';
import { connectCable, type CableClient } from '../../../../test/helpers/cable.ts';

const ctx = await createTestContext({
  REALTIME_MAX_SOCKETS_PER_IP: '6',
  REALTIME_MAX_SOCKETS_PER_IDENTITY: '3',
  REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: '4',
  REALTIME_MAX_FRAMES_PER_SECOND: '10',
});
const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const f = await conversationFixture(ctx, 'Limits');

async function visitorToken(name: string): Promise<string> {
  const inbox = `/public/api/v1/inboxes/${f.inbox.identifier}`;
  return (await ctx.client().post(`${inbox}/contacts`, { name })).body.pubsub_token;
}

/** A welcomed socket; retried while sockets a previous test closed are still being counted by the server. */
async function openCable(): Promise<CableClient> {
  const deadline = Date.now() + 5000;
  for (;;) {
    const cable = await connectCable(url);
    if (cable.greeting.type === 'welcome') return cable;
    if (Date.now() > deadline) throw new Error(`cable refused: ${JSON.stringify(cable.greeting)}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

describe('/cable limits', () => {
  it('refuses a socket past REALTIME_MAX_SOCKETS_PER_IP with ActionCable’s disconnect, reconnect: false', async () => {
    const open = [];
    for (let i = 0; i < 6; i++) open.push(await openCable());
    const refused = await connectCable(url);
    expect(refused.greeting).toEqual({ type: 'disconnect', reason: 'too_many_connections', reconnect: false });
    expect((await refused.closed).code).toBe(1008);
    await open.pop()!.close();
    const again = await openCable(); // a place freed by a close is taken again
    await Promise.all([...open, again].map((c) => c.close()));
  });

  it('rejects subscriptions past REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET; an unsubscribe frees a place', async () => {
    const pubsub_token = await visitorToken('Many Tabs');
    const cable = await openCable();
    for (let n = 0; n < 4; n++) expect(await cable.subscribe({ pubsub_token, n })).toBe('confirm_subscription');
    expect(await cable.subscribe({ pubsub_token, n: 4 })).toBe('reject_subscription');
    cable.unsubscribe({ pubsub_token, n: 0 });
    expect(await cable.subscribe({ pubsub_token, n: 5 })).toBe('confirm_subscription');
    await cable.close();
  });

  it('rejects a subscription on a socket past REALTIME_MAX_SOCKETS_PER_IDENTITY for that identity', async () => {
    const pubsub_token = await visitorToken('Many Sockets');
    const sockets = [];
    for (let i = 0; i < 3; i++) {
      const cable = await openCable();
      expect(await cable.subscribe({ pubsub_token })).toBe('confirm_subscription');
      expect(await cable.subscribe({ pubsub_token, again: true })).toBe('confirm_subscription'); // the same socket counts once
      sockets.push(cable);
    }
    const fourth = await openCable();
    expect(await fourth.subscribe({ pubsub_token })).toBe('reject_subscription');
    expect(await fourth.subscribe({ pubsub_token: await visitorToken('Someone Else') })).toBe('confirm_subscription');
    await sockets.pop()!.close();
    const deadline = Date.now() + 5000;
    while ((await fourth.subscribe({ pubsub_token })) !== 'confirm_subscription') {
      if (Date.now() > deadline) throw new Error('the closed socket’s place was not freed');
      await new Promise((r) => setTimeout(r, 50));
    }
    await Promise.all([...sockets, fourth].map((c) => c.close()));
  });

  it('disconnects a socket sending more than REALTIME_MAX_FRAMES_PER_SECOND', async () => {
    const cable = await openCable();
    for (let i = 0; i < 40; i++)
      cable.sendRaw(JSON.stringify({ command: 'message', identifier: '{}', data: '{"action":"update_presence"}' }));
    expect((await cable.closed).code).toBe(1008);
    expect(cable.control).toContainEqual({ type: 'disconnect', reason: 'too_many_messages', reconnect: false });
  });

  it('closes a socket sending a frame larger than any ActionCable command needs', async () => {
    const cable = await openCable();
    cable.sendRaw(JSON.stringify({ command: 'message', identifier: '{}', data: 'x'.repeat(9 * 1024) }));
    expect((await cable.closed).code).toBe(1009);
  });
});
