import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';
import { verifySignature } from '../../../../events/signature.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** WTS subscriptions, delivered by the shared machinery (real worker, loopback receivers) in WTS's envelope. */
const ctx = await createTestContext(
  {
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_WINDOW_MS: '60000',
    WEBHOOK_TIMEOUT_MS: '2000',
  },
  { worker: true },
);
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;

/** Waits until the worker has fanned out every event of the session (so deliveries, if any, are planned). */
async function dispatched(sessionUuid: string) {
  const db = ctx.database.db;
  const { id } = await db
    .selectFrom('conversations')
    .select('id')
    .where('uuid', '=', sessionUuid)
    .executeTakeFirstOrThrow();
  for (let i = 0; i < 200; i++) {
    const pending = await db
      .selectFrom('events')
      .select('id')
      .where('conversation_id', '=', id)
      .where('dispatched_at', 'is', null)
      .executeTakeFirst();
    if (!pending) return;
    await new Promise((r) => setTimeout(r, 25));
  }
  throw new Error('events were not dispatched in 5 s');
}

async function subscribe(url: string, events: string[], name = 'n8n') {
  const res = await wts.post('/core/v1/webhook/subscription', { name, url, events });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

describe('subscription CRUD', () => {
  it('creates, lists, shows, updates listed fields and deletes; Chatwoot does not see it', async () => {
    const events = await wts.get('/core/v1/webhook/event');
    expect(events.body.map((e: any) => e.event)).toEqual(
      expect.arrayContaining(['SESSION_NEW', 'MESSAGE_RECEIVED', 'CONTACT_TAG_UPDATE']),
    );
    const created = await subscribe('https://hooks.example.com/wts', ['SESSION_NEW', 'MESSAGE_RECEIVED']);
    expect(created).toMatchObject({
      companyId: f.companyId,
      name: 'n8n',
      url: 'https://hooks.example.com/wts',
      enabled: true,
      events: [{ event: 'SESSION_NEW' }, { event: 'MESSAGE_RECEIVED' }],
    });
    expect(created.secret).toEqual(expect.any(String));
    expect((await wts.get('/core/v1/webhook/subscription')).body.map((s: any) => s.id)).toContain(created.id);

    const updated = await wts.put(`/core/v1/webhook/subscription/${created.id}`, {
      fields: ['Enabled', 'Events'],
      enabled: false,
      events: ['MESSAGE_SENT'],
      name: 'ignored',
    });
    expect(updated.body).toMatchObject({
      name: 'n8n',
      enabled: false,
      events: [{ event: 'MESSAGE_SENT' }],
      pausedReason: null,
    });
    // the same URL may be a Chatwoot webhook too; Chatwoot lists only its own
    expect(
      (await api.post(`${base}/webhooks`, { url: 'https://hooks.example.com/wts', subscriptions: ['message_created'] }))
        .status,
    ).toBe(200);
    const chatwoot = (await api.get(`${base}/webhooks`)).body.payload.webhooks;
    expect(chatwoot).toHaveLength(1);

    expect((await wts.delete(`/core/v1/webhook/subscription/${created.id}`)).status).toBe(200);
    expect((await wts.get(`/core/v1/webhook/subscription/${created.id}`)).status).toBe(404);
  });

  it('refuses unknown events, private URLs when not allowed, and fields without values, by name', async () => {
    const bad = await wts.post('/core/v1/webhook/subscription', {
      name: 'x',
      url: 'https://hooks.example.com/x',
      events: ['SESSION_NEW', 'PAYMENT_NEW'],
    });
    expect(bad).toMatchObject({ status: 400, body: { errors: [{ field: 'events' }] } });
    expect(bad.body.text).toMatch(/events PAYMENT_NEW: not an event Switchboard sends/);
    const s = await subscribe('https://hooks.example.com/y', ['SESSION_NEW']);
    const missing = await wts.put(`/core/v1/webhook/subscription/${s.id}`, { fields: ['Url'] });
    expect(missing.body.text).toBe('url is required when fields lists Url');
    const other = await wtsFixture(ctx, 'Globex');
    expect((await other.wts.get(`/core/v1/webhook/subscription/${s.id}`)).status).toBe(404);
    expect((await other.wts.delete(`/core/v1/webhook/subscription/${s.id}`)).status).toBe(404);
    expect((await other.wts.get('/core/v1/webhook/subscription')).body).toEqual([]);
  });
});

describe('delivery in the WTS envelope', () => {
  it('sends SESSION_NEW, MESSAGE_RECEIVED, MESSAGE_SENT, SESSION_COMPLETE and contact events, signed', async () => {
    const g = await wtsFixture(ctx, 'Hooked');
    const receiver = await startReceiver();
    const sub = await g.wts.post('/core/v1/webhook/subscription', {
      name: 'all',
      url: receiver.url,
      events: [
        'SESSION_NEW',
        'SESSION_COMPLETE',
        'MESSAGE_RECEIVED',
        'MESSAGE_SENT',
        'MESSAGE_UPDATED',
        'CONTACT_NEW',
        'CONTACT_TAG_UPDATE',
      ],
    });
    await g.api.post(`${g.base}/labels`, { title: 'vip', color: '#ff0000' });
    const s = await g.openSession();
    await g.incoming(s.displayId, 'Oi, tudo bem?');
    const reply = await g.wts.post(`/chat/v1/session/${s.id}/message`, { text: 'Tudo ótimo!' });
    const replyId = (
      await ctx.database.db
        .selectFrom('messages')
        .select('id')
        .where('uuid', '=', reply.body.id)
        .executeTakeFirstOrThrow()
    ).id;
    await g.api.patch(`${g.base}/conversations/${s.displayId}/messages/${replyId}`, { status: 'delivered' });
    await g.wts.post(`/chat/v1/session/${s.id}/note`, { text: 'not for webhooks' });
    await g.wts.put(`/chat/v1/session/${s.id}/complete`, {});
    const contact = await g.wts.post('/core/v1/contact', { name: 'Novo', phoneNumber: '+5511944440001' });
    await g.wts.post(`/core/v1/contact/${contact.body.id}/tags`, { tagNames: ['vip'] });
    const types = () => receiver.received.map((r) => r.body.eventType);
    await receiver.waitFor(() =>
      [
        'SESSION_NEW',
        'MESSAGE_RECEIVED',
        'MESSAGE_SENT',
        'MESSAGE_UPDATED',
        'SESSION_COMPLETE',
        'CONTACT_NEW',
        'CONTACT_TAG_UPDATE',
      ].every((t) => types().includes(t)),
    );
    await ctx.worker!.idle();

    const byType = (t: string) => receiver.received.filter((r) => r.body.eventType === t);
    expect(receiver.received.every((r) => typeof r.body.eventType === 'string' && !('event' in r.body))).toBe(true);
    expect(byType('SESSION_NEW')[0].body).toMatchObject({
      eventType: 'SESSION_NEW',
      content: { id: s.id, status: 'PENDING', companyId: g.companyId, channelId: g.channelId },
      changeMetadata: null,
    });
    expect(byType('MESSAGE_RECEIVED')[0].body.content).toMatchObject({
      sessionId: s.id,
      direction: 'FROM_HUB',
      text: 'Oi, tudo bem?',
      senderId: g.contactId,
    });
    expect(byType('MESSAGE_SENT')[0].body.content).toMatchObject({
      sessionId: s.id,
      direction: 'TO_HUB',
      text: 'Tudo ótimo!',
    });
    expect(byType('MESSAGE_SENT')).toHaveLength(1); // the note and activity messages are not WTS messages
    expect(byType('MESSAGE_UPDATED')[0].body).toMatchObject({
      content: { id: reply.body.id, status: 'DELIVERED' },
      changeMetadata: { status: { previousValue: 'sent', currentValue: 'delivered' } },
    });
    expect(byType('SESSION_COMPLETE')[0].body).toMatchObject({
      content: { id: s.id, status: 'COMPLETED' },
      changeMetadata: { status: { previousValue: 'open', currentValue: 'resolved' } },
    });
    expect(byType('CONTACT_NEW').map((r) => r.body.content.name)).toContain('Novo');
    expect(byType('CONTACT_TAG_UPDATE')[0].body.content).toMatchObject({ id: contact.body.id, tagNames: ['vip'] });
    expect(typeof byType('SESSION_NEW')[0].body.date).toBe('string');

    const first = receiver.received[0];
    expect(
      verifySignature(
        sub.body.secret,
        first.headers['x-chatwoot-timestamp'] as string,
        first.raw,
        first.headers['x-chatwoot-signature'] as string,
      ),
    ).toBe(true);
    const log = await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['event_name', 'status'])
      .where('target_type', '=', 'webhook')
      .where('url', '=', receiver.url)
      .execute();
    expect(log.every((d) => d.status === 'delivered')).toBe(true);
    expect(log.map((d) => d.event_name)).toContain('SESSION_COMPLETE');
  });

  it('a disabled subscription hears nothing; enabled again, it hears what happens next', async () => {
    const g = await wtsFixture(ctx, 'Paused');
    const receiver = await startReceiver();
    const sub = await g.wts.post('/core/v1/webhook/subscription', {
      name: 'later',
      url: receiver.url,
      events: ['SESSION_NEW'],
      enabled: false,
    });
    const before = await g.openSession();
    await dispatched(before.id);
    await g.wts.put(`/core/v1/webhook/subscription/${sub.body.id}`, { fields: ['Enabled'], enabled: true });
    const next = await g.openSession();
    await receiver.waitFor((r) => r.length >= 1);
    await ctx.worker!.idle();
    expect(receiver.received.map((r) => r.body.content.id)).toEqual([next.id]);
  });
});

describe('one store, two dialects, the same events', () => {
  it('a session started through WTS is a Chatwoot conversation, and a Chatwoot conversation is a WTS session', async () => {
    const g = await wtsFixture(ctx, 'Both');
    const wtsHooks = await startReceiver();
    const chatwootHooks = await startReceiver();
    await g.wts.post('/core/v1/webhook/subscription', {
      name: 'wts',
      url: wtsHooks.url,
      events: ['SESSION_NEW', 'MESSAGE_SENT'],
    });
    await g.api.post(`${g.base}/webhooks`, {
      url: chatwootHooks.url,
      subscriptions: ['conversation_created', 'message_created'],
    });

    const sent = await g.wts.post('/chat/v1/message/send', { to: '+5511933330001', body: { text: 'Started in WTS' } });
    expect(sent.status, sent.text).toBe(200);
    const fromWts = await ctx.database.db
      .selectFrom('conversations')
      .selectAll()
      .where('uuid', '=', sent.body.sessionId)
      .executeTakeFirstOrThrow();
    const conversations = (await g.api.get(`${g.base}/conversations`)).body.data.payload;
    expect(conversations.map((c: any) => c.id)).toContain(fromWts.display_id);

    const fromChatwoot = await g.openSession();
    const sessions = (await g.wts.get('/chat/v1/session', { PageSize: 100 })).body.items;
    expect(sessions.map((s: any) => s.id)).toEqual(expect.arrayContaining([sent.body.sessionId, fromChatwoot.id]));

    // the same outbox events: a conversation opened and answered through Chatwoot records what the WTS send did
    await g.api.post(`${g.base}/conversations/${fromChatwoot.displayId}/messages`, { content: 'Started in Chatwoot' });
    const eventNames = async (uuid: string) => {
      const { id } = await ctx.database.db
        .selectFrom('conversations')
        .select('id')
        .where('uuid', '=', uuid)
        .executeTakeFirstOrThrow();
      return (
        await ctx.database.db
          .selectFrom('events')
          .select('name')
          .where('conversation_id', '=', id)
          .orderBy('seq')
          .execute()
      ).map((e) => e.name);
    };
    expect(await eventNames(sent.body.sessionId)).toEqual(['conversation.created', 'message.created']);
    expect(await eventNames(fromChatwoot.id)).toEqual(await eventNames(sent.body.sessionId));
    await wtsHooks.waitFor(
      (r) =>
        r.filter((x) => x.body.eventType === 'SESSION_NEW').length === 2 &&
        r.filter((x) => x.body.eventType === 'MESSAGE_SENT').length === 2,
    );
    await chatwootHooks.waitFor(
      (r) =>
        r.filter((x) => x.body.event === 'conversation_created').length === 2 &&
        r.filter((x) => x.body.event === 'message_created').length === 2,
    );
    expect(
      wtsHooks.received
        .filter((x) => x.body.eventType === 'MESSAGE_SENT')
        .map((x) => x.body.content.text)
        .sort(),
    ).toEqual(['Started in Chatwoot', 'Started in WTS']);
    expect(
      wtsHooks.received
        .filter((x) => x.body.eventType === 'SESSION_NEW')
        .map((x) => x.body.content.id)
        .sort(),
    ).toEqual([sent.body.sessionId, fromChatwoot.id].sort());
    expect(
      chatwootHooks.received
        .filter((x) => x.body.event === 'conversation_created')
        .map((x) => x.body.id)
        .sort(),
    ).toEqual([fromWts.display_id, fromChatwoot.displayId].sort());
    expect(
      chatwootHooks.received
        .filter((x) => x.body.event === 'message_created')
        .map((x) => x.body.content)
        .sort(),
    ).toEqual(['Started in Chatwoot', 'Started in WTS']);
  });
});

describe('send-sync waits for an API channel’s webhook', () => {
  it('answers SENT once the channel took it, and FAILED with the reason when it refuses', async () => {
    const accepting = await startReceiver();
    const refusing = await startReceiver(() => 422);
    for (const [receiver, expected] of [
      [accepting, { status: 'SENT', failedReason: null }],
      [refusing, { status: 'FAILED', failedReason: 'HTTP 422' }],
    ] as const) {
      const inbox = await insertInbox(ctx.database.db, f.account.account_id, {
        name: `Hooked ${expected.status}`,
        channel_type: 'Channel::Api',
        webhook_url: receiver.url,
      });
      const conversation = (await api.post(`${base}/conversations`, { inbox_id: inbox.id, contact_id: f.contact.id }))
        .body;
      const res = await wts.post(`/chat/v1/session/${conversation.uuid}/message/sync`, {
        text: `to ${expected.status}`,
      });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ text: `to ${expected.status}`, ...expected });
      expect(
        receiver.received.some((r) => r.body.event === 'message_created' && r.body.content === `to ${expected.status}`),
      ).toBe(true);
    }
  });
});
