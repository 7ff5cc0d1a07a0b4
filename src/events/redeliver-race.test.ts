import { expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { startReceiver } from '../../test/helpers/receiver.ts';
import { redeliver } from '../domain/webhooks/deliveries.ts';
import { attemptDelivery } from './deliver.ts';
import { claimDueDeliveries } from './claim.ts';
import { fanOutEvents } from './fanout.ts';

// No worker: the test drives claim, redeliver and attempt itself to pin down their order.
const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });

it('a redeliver asked for while the attempt is in flight is not swallowed by that attempt’s record', async () => {
  const f = await conversationFixture(ctx, 'Race');
  const receiver = await startReceiver();
  const webhook = (
    await f.api.post(`${f.base}/webhooks`, { url: receiver.url, subscriptions: ['conversation_created'] })
  ).body.payload.webhook;
  await f.openConversation();
  while ((await fanOutEvents(ctx.database.db, ctx.config.publicUrl)).events > 0);

  const [claimed] = await claimDueDeliveries(ctx.database.db, 10, ctx.config.webhooks.timeoutMs);
  expect(claimed).toBeDefined();
  // The receiver has the delivery, the worker has not recorded it yet, and a user presses "redeliver".
  await redeliver(ctx.database.db, f.account.account_id, webhook.id, claimed.id);
  expect(await attemptDelivery(ctx.database.db, ctx.config, claimed)).toBe(true);

  const [again] = await claimDueDeliveries(ctx.database.db, 10, ctx.config.webhooks.timeoutMs);
  expect(again?.id).toBe(claimed.id);
  await attemptDelivery(ctx.database.db, ctx.config, again);
  expect(receiver.received.map((r) => r.headers['x-chatwoot-delivery'])).toEqual([claimed.id, claimed.id]);
  const stored = await ctx.database.db
    .selectFrom('webhook_deliveries')
    .select(['status'])
    .where('id', '=', claimed.id)
    .executeTakeFirstOrThrow();
  expect(stored.status).toBe('delivered');
  const attempts = await ctx.database.db
    .selectFrom('webhook_attempts')
    .select('id')
    .where('delivery_id', '=', claimed.id)
    .execute();
  expect(attempts).toHaveLength(2);
});
