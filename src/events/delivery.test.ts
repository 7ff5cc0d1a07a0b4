import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { startReceiver } from '../../test/helpers/receiver.ts';
import { verifySignature } from './signature.ts';

const ctx = await createTestContext(
  {
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_WINDOW_MS: '60000',
    WEBHOOK_TIMEOUT_MS: '2000',
  },
  { worker: true },
);

async function subscribe(f: Awaited<ReturnType<typeof conversationFixture>>, url: string, subscriptions?: string[]) {
  const res = await f.api.post(`${f.base}/webhooks`, { url, ...(subscriptions ? { subscriptions } : {}) });
  expect(res.status).toBe(200);
  return res.body.payload.webhook;
}

describe('webhook delivery', () => {
  it('delivers Chatwoot payloads signed with the exposed secret', async () => {
    const f = await conversationFixture(ctx, 'Signed');
    const receiver = await startReceiver();
    const webhook = await subscribe(f, receiver.url);
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'Where is my order?');
    await receiver.waitFor((r) => r.some((x) => x.body.event === 'message_created'));
    const message = receiver.received.find((x) => x.body.event === 'message_created')!;
    const { headers } = message;
    expect(headers['content-type']).toBe('application/json');
    expect(headers['x-chatwoot-delivery']).toMatch(/^[0-9a-f-]{36}$/);
    expect(Math.abs(Number(headers['x-chatwoot-timestamp']) - Date.now() / 1000)).toBeLessThan(30);
    expect(
      verifySignature(
        webhook.secret,
        headers['x-chatwoot-timestamp'] as string,
        message.raw,
        headers['x-chatwoot-signature'] as string,
      ),
    ).toBe(true);
    expect(message.body).toMatchObject({
      event: 'message_created',
      content: 'Where is my order?',
      message_type: 'incoming',
      private: false,
      account: { id: f.account.account_id, name: 'Signed' },
      inbox: { id: f.inbox.id, name: 'Shop API' },
      sender: { id: f.contact.id, name: 'Jane Roe', account: { id: f.account.account_id } },
      conversation: {
        id: conversation.id,
        inbox_id: f.inbox.id,
        channel: 'Channel::Api',
        status: 'open',
        meta: { sender: { type: 'contact' } },
      },
    });
    expect(message.body.conversation.messages[0]).toMatchObject({ content: 'Where is my order?', message_type: 0 });
    expect(typeof message.body.created_at).toBe('string');
    expect(receiver.received.map((x) => x.body.event)).toContain('conversation_created');
    await f.api.post(`${f.base}/contacts`, { name: 'New Person', email: 'new.person@example.com' });
    const isNewPerson = (x: { body: any }) => x.body.event === 'contact_created' && x.body.name === 'New Person';
    await receiver.waitFor((r) => r.some(isNewPerson));
    const contact = receiver.received.find(isNewPerson)!.body;
    expect(contact).toMatchObject({
      name: 'New Person',
      email: 'new.person@example.com',
      account: { id: f.account.account_id, name: 'Signed' },
      avatar: '',
    });
    expect(contact.type).toBeUndefined();
  });

  it('retries 5xx with the same delivery id and delivers exactly once more after recovery', async () => {
    const f = await conversationFixture(ctx, 'Flaky');
    const receiver = await startReceiver((_req, index) => (index < 3 ? 500 : 200));
    await subscribe(f, receiver.url, ['conversation_created']);
    const conversation = await f.openConversation();
    await receiver.waitFor((r) => r.length >= 4);
    await ctx.worker!.idle();
    expect(receiver.received).toHaveLength(4);
    const ids = new Set(receiver.received.map((x) => x.headers['x-chatwoot-delivery']));
    expect(ids.size).toBe(1);
    expect(receiver.received.every((x) => x.body.id === conversation.id)).toBe(true);
    const webhook = (await f.api.get(`${f.base}/webhooks`)).body.payload.webhooks[0];
    const log = await f.api.get(`${f.base}/webhooks/${webhook.id}/deliveries`);
    expect(log.body.payload[0]).toMatchObject({
      event: 'conversation_created',
      status: 'delivered',
      attempts: 4,
      last_status_code: 200,
    });
    expect(log.body.payload[0].attempt_log.map((a: any) => a.status_code)).toEqual([500, 500, 500, 200]);
    expect(log.body.payload[0].attempt_log[0].response_excerpt).toBe('receiver says no');
  });

  it('keeps a conversation’s events in order while the receiver is down', async () => {
    const f = await conversationFixture(ctx, 'Ordered');
    let down = true;
    const receiver = await startReceiver(() => (down ? 503 : 200));
    await subscribe(f, receiver.url, ['message_created']);
    const conversation = await f.openConversation();
    for (let i = 0; i < 5; i++) await f.incoming(conversation.id, `m${i}`);
    await receiver.waitFor((r) => r.length >= 1);
    await new Promise((r) => setTimeout(r, 200));
    down = false;
    await receiver.waitFor((r) => r.filter((x) => (x as any).status === 200).length >= 5);
    const delivered = receiver.received.filter((x) => (x as any).status === 200).map((x) => x.body.content);
    expect(delivered).toEqual(['m0', 'm1', 'm2', 'm3', 'm4']);
  });

  it('sends the API inbox webhook_url every conversation event, and a redelivery re-sends the same delivery', async () => {
    const f = await conversationFixture(ctx, 'Inbox');
    const receiver = await startReceiver();
    await ctx.database.db
      .updateTable('inboxes')
      .set({ webhook_url: receiver.url })
      .where('id', '=', f.inbox.id)
      .execute();
    const conversation = await f.openConversation();
    await f.api.post(`${f.base}/conversations/${conversation.id}/toggle_status`, { status: 'resolved' });
    await receiver.waitFor(
      (r) =>
        r.some((x) => x.body.event === 'conversation_status_changed') &&
        r.some((x) => x.body.event === 'conversation_updated'),
    );
    const statusChanged = receiver.received.find((x) => x.body.event === 'conversation_status_changed')!;
    expect(statusChanged.body).toMatchObject({ id: conversation.id, status: 'resolved', changed_attributes: null });
    expect(receiver.received.some((x) => x.body.event === 'contact_created')).toBe(false);
    const updated = receiver.received.find((x) => x.body.event === 'conversation_updated')!;
    expect(updated.body.changed_attributes).toEqual([
      { status: { previous_value: 'open', current_value: 'resolved' } },
    ]);

    const hooked = await startReceiver();
    const webhook = await subscribe(f, hooked.url, ['conversation_created']);
    await f.openConversation();
    await hooked.waitFor((r) => r.length === 1);
    const first = hooked.received[0].headers['x-chatwoot-delivery'];
    const again = await f.api.post(`${f.base}/webhooks/${webhook.id}/deliveries/${first}/redeliver`);
    expect(again.status).toBe(200);
    await hooked.waitFor((r) => r.length === 2);
    expect(hooked.received[1].headers['x-chatwoot-delivery']).toBe(first);
    expect(hooked.received[1].raw).toBe(hooked.received[0].raw);
  });
});

describe('a webhook that keeps failing', () => {
  it('is paused visibly after the retry window, holds later events, and delivers them when resumed', async () => {
    const paused = await createTestContext(
      { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '20', WEBHOOK_RETRY_WINDOW_MS: '300' },
      { worker: true },
    );
    const f = await conversationFixture(paused, 'Doomed');
    let healthy = false;
    const receiver = await startReceiver(() => (healthy ? 200 : 500));
    const webhook = await subscribe(f, receiver.url, ['conversation_created']);
    await f.openConversation();
    const deadline = Date.now() + 10_000;
    let state = webhook;
    while (state.status !== 'paused' && Date.now() < deadline) {
      await new Promise((r) => setTimeout(r, 50));
      state = (await f.api.get(`${f.base}/webhooks/${webhook.id}`)).body.payload.webhook;
    }
    expect(state.status).toBe('paused');
    expect(state.paused_reason).toMatch(/failed/);
    const log = (await f.api.get(`${f.base}/webhooks/${webhook.id}/deliveries`)).body.payload;
    expect(log[0].status).toBe('failed');

    const before = receiver.received.length;
    await f.openConversation();
    await ctx.worker!.idle();
    expect(receiver.received.length).toBe(before); // held while paused, not dropped
    healthy = true;
    await f.api.patch(`${f.base}/webhooks/${webhook.id}`, { status: 'active' });
    await receiver.waitFor((r) => r.some((x) => (x as any).status === 200));
    // The receiver answers before the worker records the attempt: wait for the record, not for the answer.
    let latest = '';
    for (
      const until = Date.now() + 10_000;
      latest !== 'delivered' && Date.now() < until;
      await new Promise((r) => setTimeout(r, 25))
    ) {
      latest = (await f.api.get(`${f.base}/webhooks/${webhook.id}/deliveries`)).body.payload[0].status;
    }
    expect(latest).toBe('delivered');
  });
});

describe('several workers on one database', () => {
  it('deliver every event once, in order per conversation', async () => {
    const { startEventWorker } = await import('./worker.ts');
    const second = startEventWorker(ctx.database, ctx.config, { warn() {}, error() {} });
    try {
      const f = await conversationFixture(ctx, 'Busy');
      const receiver = await startReceiver();
      await subscribe(f, receiver.url, ['message_created']);
      const conversations = [await f.openConversation(), await f.openConversation(), await f.openConversation()];
      await Promise.all(
        conversations.map(async (c) => {
          for (let i = 0; i < 20; i++) await f.incoming(c.id, `c${c.id}-m${i}`);
        }),
      );
      await receiver.waitFor((r) => r.length >= 60);
      await Promise.all([ctx.worker!.idle(), second.idle()]);
      expect(receiver.received).toHaveLength(60);
      expect(new Set(receiver.received.map((x) => x.headers['x-chatwoot-delivery'])).size).toBe(60);
      for (const c of conversations) {
        const seen = receiver.received.filter((x) => x.body.conversation.id === c.id).map((x) => x.body.content);
        expect(seen).toEqual(Array.from({ length: 20 }, (_, i) => `c${c.id}-m${i}`));
      }
    } finally {
      await second.stop();
    }
  });
});
