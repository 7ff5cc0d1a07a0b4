import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { startReceiver } from '../../test/helpers/receiver.ts';

// A long first retry: a failed head of line stays failed (and its followers pending) for the whole test.
const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '600000', WEBHOOK_TIMEOUT_MS: '2000' },
  { worker: true },
);
const BACKLOG = 300;

type Fixture = Awaited<ReturnType<typeof conversationFixture>>;

async function subscribe(f: Fixture, url: string) {
  const res = await f.api.post(`${f.base}/webhooks`, { url, subscriptions: ['message_created'] });
  expect(res.status).toBe(200);
  return res.body.payload.webhook as { id: number };
}

async function pendingFor(webhookId: number): Promise<number> {
  const row = await ctx.database.db
    .selectFrom('webhook_deliveries')
    .select((eb) => eb.fn.countAll<string>().as('count'))
    .where('target_type', '=', 'webhook')
    .where('target_id', '=', webhookId)
    .where('status', '=', 'pending')
    .executeTakeFirstOrThrow();
  return Number(row.count);
}

async function waitUntil(condition: () => Promise<boolean>, timeoutMs = 20_000) {
  const deadline = Date.now() + timeoutMs;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Account B, whose receiver is healthy: its message reaches the receiver while A's backlog is still pending. */
async function expectHealthyAccountServed(name: string, backlogOf: number) {
  const b = await conversationFixture(ctx, name);
  const receiver = await startReceiver();
  await subscribe(b, receiver.url);
  const conversation = await b.openConversation();
  await b.incoming(conversation.id, `${name} says hello`);
  await receiver.waitFor((r) => r.some((x) => x.body.content === `${name} says hello`), 15_000);
  expect(await pendingFor(backlogOf)).toBeGreaterThanOrEqual(BACKLOG - 10);
}

/** BACKLOG messages over a few conversations (written side by side, each conversation's in order). */
async function backlog(f: Fixture, webhookId: number) {
  const conversations = [];
  for (let c = 0; c < 4; c++) conversations.push(await f.openConversation());
  await Promise.all(
    conversations.map(async (conversation, c) => {
      for (let i = c; i < BACKLOG; i += conversations.length) await f.incoming(conversation.id, `backlog ${i}`);
    }),
  );
  await waitUntil(async () => (await pendingFor(webhookId)) >= BACKLOG - conversations.length);
}

describe('one account’s stuck receiver', () => {
  it('a dead receiver with hundreds of pending events does not hold up another account', async () => {
    const a = await conversationFixture(ctx, 'Dead');
    const dead = await startReceiver(() => 503);
    const webhook = await subscribe(a, dead.url);
    await backlog(a, webhook.id);
    await dead.waitFor((r) => r.length >= 4); // every line's head failed and waits for a retry far away
    await expectHealthyAccountServed('Healthy', webhook.id);
  });

  it('a paused webhook with hundreds of held events does not hold up another account', async () => {
    const a = await conversationFixture(ctx, 'Paused');
    const receiver = await startReceiver();
    const webhook = await subscribe(a, receiver.url);
    expect((await a.api.patch(`${a.base}/webhooks/${webhook.id}`, { status: 'paused' })).status).toBe(200);
    await backlog(a, webhook.id);
    await expectHealthyAccountServed('Unpaused', webhook.id);
    expect(receiver.received).toHaveLength(0);
  });

  it('a deleted webhook’s pending deliveries are marked failed, saying why, instead of waiting forever', async () => {
    const a = await conversationFixture(ctx, 'Deleted');
    const receiver = await startReceiver();
    const webhook = await subscribe(a, receiver.url);
    await a.api.patch(`${a.base}/webhooks/${webhook.id}`, { status: 'paused' });
    const conversation = await a.openConversation();
    for (let i = 0; i < 5; i++) await a.incoming(conversation.id, `held ${i}`);
    await waitUntil(async () => (await pendingFor(webhook.id)) === 5);
    expect((await a.api.delete(`${a.base}/webhooks/${webhook.id}`)).status).toBe(200);
    const rows = await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'last_error'])
      .where('target_type', '=', 'webhook')
      .where('target_id', '=', webhook.id)
      .execute();
    expect(rows).toHaveLength(5);
    expect(rows.every((r) => r.status === 'failed' && r.last_error === 'receiver deleted')).toBe(true);
  });

  it('so are a deleted inbox’s webhook_url deliveries, whatever deletes it', async () => {
    const a = await conversationFixture(ctx, 'GoneInbox');
    // A port nobody listens on: the deliveries wait for a retry far away.
    await ctx.database.db
      .updateTable('inboxes')
      .set({ webhook_url: 'http://127.0.0.1:9/gone' })
      .where('id', '=', a.inbox.id)
      .execute();
    const conversation = await a.openConversation();
    await a.incoming(conversation.id, 'into an inbox about to go');
    const inboxDeliveries = ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'last_error'])
      .where('target_type', '=', 'inbox')
      .where('target_id', '=', a.inbox.id);
    await waitUntil(async () => (await inboxDeliveries.execute()).length >= 2);
    await ctx.database.db.deleteFrom('inboxes').where('id', '=', a.inbox.id).execute();
    const rows = await inboxDeliveries.execute();
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    expect(rows.some((r) => r.last_error === 'receiver deleted')).toBe(true);
  });
});

describe('a receiver whose address changes', () => {
  it('sends its held deliveries to the new URL, not to the address it had', async () => {
    const a = await conversationFixture(ctx, 'Moved');
    const old = await startReceiver();
    const moved = await startReceiver();
    const webhook = await subscribe(a, old.url);
    await a.api.patch(`${a.base}/webhooks/${webhook.id}`, { status: 'paused' });
    const conversation = await a.openConversation();
    for (let i = 0; i < 3; i++) await a.incoming(conversation.id, `held for the move ${i}`);
    await waitUntil(async () => (await pendingFor(webhook.id)) === 3);
    expect((await a.api.patch(`${a.base}/webhooks/${webhook.id}`, { url: moved.url, status: 'active' })).status).toBe(
      200,
    );
    await moved.waitFor(
      (r) => r.filter((x) => String(x.body.content).startsWith('held for the move')).length === 3,
      15_000,
    );
    expect(old.received).toHaveLength(0);
    const addresses = await ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['url'])
      .where('target_type', '=', 'webhook')
      .where('target_id', '=', webhook.id)
      .execute();
    expect(new Set(addresses.map((d) => d.url))).toEqual(new Set([moved.url]));
  });

  it('fails, saying why, the pending deliveries of an inbox whose webhook_url is removed', async () => {
    const a = await conversationFixture(ctx, 'Unhooked');
    await ctx.database.db
      .updateTable('inboxes')
      .set({ webhook_url: 'http://127.0.0.1:9/gone' })
      .where('id', '=', a.inbox.id)
      .execute();
    const conversation = await a.openConversation();
    await a.incoming(conversation.id, 'into an inbox about to lose its hook');
    const inboxDeliveries = ctx.database.db
      .selectFrom('webhook_deliveries')
      .select(['status', 'last_error'])
      .where('target_type', '=', 'inbox')
      .where('target_id', '=', a.inbox.id);
    await waitUntil(async () => (await inboxDeliveries.execute()).length >= 2);
    await ctx.database.db.updateTable('inboxes').set({ webhook_url: null }).where('id', '=', a.inbox.id).execute();
    const rows = await inboxDeliveries.execute();
    expect(rows.every((r) => r.status === 'failed')).toBe(true);
    expect(rows.some((r) => r.last_error === 'receiver has no URL any more')).toBe(true);
  });
});
