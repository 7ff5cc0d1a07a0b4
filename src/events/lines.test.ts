import { sql } from 'kysely';
import { expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { startReceiver } from '../../test/helpers/receiver.ts';
import { claimDueDeliveries } from './claim.ts';
import { attemptDelivery } from './deliver.ts';
import { fanOutEvents, insertDeliveries } from './fanout.ts';

// No worker: the test interleaves a fan-out and the end of an attempt itself.
const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });
const db = ctx.database.db;

async function waitUntil(condition: () => Promise<boolean>) {
  const deadline = Date.now() + 10_000;
  while (!(await condition())) {
    if (Date.now() > deadline) throw new Error('condition not met in time');
    await new Promise((r) => setTimeout(r, 10));
  }
}

it('a line whose head ends while the fan-out adds to it moves on to the new delivery', async () => {
  const f = await conversationFixture(ctx, 'Interleaved');
  const receiver = await startReceiver();
  const webhook = (await f.api.post(`${f.base}/webhooks`, { url: receiver.url, subscriptions: ['message_created'] }))
    .body.payload.webhook;
  const conversation = await f.openConversation();
  await f.incoming(conversation.id, 'first');
  while ((await fanOutEvents(db, ctx.config.publicUrl)).events > 0);
  const [head] = await claimDueDeliveries(db, 10, ctx.config.webhooks.timeoutMs);
  expect(head.payload).toMatchObject({ content: 'first' });

  await f.incoming(conversation.id, 'second');
  const event = await db
    .selectFrom('events')
    .selectAll()
    .where('account_id', '=', f.account.account_id)
    .where('name', '=', 'message.created')
    .orderBy('seq', 'desc')
    .executeTakeFirstOrThrow();
  // The fan-out's transaction inserts the second delivery while the first is still pending: not a head yet.
  let finished: Promise<boolean> | undefined;
  let done = false;
  await db.transaction().execute(async (trx) => {
    await insertDeliveries(trx, [
      {
        event,
        targetType: 'webhook',
        targetId: webhook.id,
        url: receiver.url,
        secret: null,
        eventName: 'message_created',
        payload: { content: 'second' },
      },
    ]);
    // Meanwhile the first delivery goes out and its attempt ends: it must wait for the fan-out to commit.
    finished = attemptDelivery(db, ctx.config, head).finally(() => (done = true));
    await waitUntil(async () => {
      if (done) return true;
      const { rows } = await sql<{
        waiting: number;
      }>`SELECT count(*)::int AS waiting FROM pg_locks WHERE locktype = 'advisory' AND NOT granted`.execute(db);
      return rows[0].waiting > 0;
    });
  });
  expect(await finished).toBe(true);

  const second = await db
    .selectFrom('webhook_deliveries')
    .select(['status', 'head'])
    .where('event_id', '=', event.id)
    .where('target_type', '=', 'webhook')
    .executeTakeFirstOrThrow();
  expect(second).toEqual({ status: 'pending', head: true });
  const [next] = await claimDueDeliveries(db, 10, ctx.config.webhooks.timeoutMs);
  expect(next?.payload).toMatchObject({ content: 'second' });
});
