/**
 * The Switchboard Trigger node: activation subscribes the workflow's webhook URL (a WTS webhook subscription
 * or a Chatwoot account webhook), real deliveries from Switchboard's event worker reach it signed, each is
 * emitted once by delivery id (a redelivery is acknowledged, not emitted), a forged one is refused, and
 * deactivation unsubscribes.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { wtsFixture } from '../helpers/wts-fixture.ts';
import { createHarness, type TriggerRun } from './harness.ts';

const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true });
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const f = await wtsFixture(ctx, 'N8nTrigger');
const n8n = createHarness({ baseUrl: origin, apiToken: f.account.api_access_token, accountId: 0 });

async function until(condition: () => boolean, what: string, timeoutMs = 10_000) {
  const deadline = Date.now() + timeoutMs;
  while (!condition()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

/** Replays a received delivery byte for byte (what a retry looks like), optionally with other headers. */
async function replay(run: TriggerRun, index: number, headers: Record<string, string> = {}) {
  const { headers: original, raw } = run.responses[index];
  const pick = ['content-type', 'x-chatwoot-delivery', 'x-chatwoot-timestamp', 'x-chatwoot-signature'];
  const sent = Object.fromEntries(pick.filter((h) => original[h]).map((h) => [h, String(original[h])]));
  return (await fetch(run.url, { method: 'POST', headers: { ...sent, ...headers }, body: raw })).status;
}

describe('Switchboard Trigger: WTS dialect', () => {
  it('subscribes on activation, emits a real delivery once, refuses a forged one, unsubscribes on deactivation', async () => {
    expect((await n8n.loadOptions('getWtsEvents')).map((e) => e.value)).toContain('SESSION_NEW');
    const run = await n8n.trigger({ dialect: 'wts', wtsEvents: ['SESSION_NEW'] });
    expect(await run.checkExists()).toBe(false);
    expect(await run.activate()).toBe(true);
    expect(await run.checkExists()).toBe(true);
    const subscriptions = (await f.wts.get('/core/v1/webhook/subscription')).body as any[];
    expect(subscriptions).toEqual([
      expect.objectContaining({
        id: run.staticData.webhookId,
        url: run.url,
        events: [expect.objectContaining({ event: 'SESSION_NEW' })],
      }),
    ]);

    const session = await f.openSession();
    await until(() => run.emitted.length === 1, 'the SESSION_NEW delivery');
    expect(run.emitted[0]).toMatchObject({
      eventType: 'SESSION_NEW',
      content: expect.objectContaining({ id: session.id }),
      deliveryId: expect.any(String),
    });
    expect(run.responses[0].status).toBe(200);

    expect(await replay(run, 0)).toBe(200);
    expect(
      await replay(run, 0, { 'x-chatwoot-delivery': 'another-id', 'x-chatwoot-signature': 'sha256=' + '0'.repeat(64) }),
    ).toBe(401);
    expect(run.emitted).toHaveLength(1);

    // Other events chosen later: the old subscription is dropped and activation makes a new one.
    const changed = await n8n.trigger(
      { dialect: 'wts', wtsEvents: ['SESSION_NEW', 'MESSAGE_RECEIVED'] },
      run.staticData,
    );
    expect(await changed.checkExists()).toBe(false);
    expect((await f.wts.get('/core/v1/webhook/subscription')).body).toEqual([]);
    expect(await changed.activate()).toBe(true);
    const resubscribed = (await f.wts.get('/core/v1/webhook/subscription')).body as any[];
    expect(resubscribed.map((s) => s.events.map((e: any) => e.event))).toEqual([['SESSION_NEW', 'MESSAGE_RECEIVED']]);

    expect(await changed.deactivate()).toBe(true);
    expect((await f.wts.get('/core/v1/webhook/subscription')).body).toEqual([]);
    expect(await changed.checkExists()).toBe(false);
    await run.close();
    await changed.close();
  });
});

describe('Switchboard Trigger: Chatwoot dialect', () => {
  it('registers an account webhook, emits message_created once even when Switchboard redelivers it', async () => {
    const run = await n8n.trigger({ dialect: 'chatwoot', chatwootEvents: ['message_created'] });
    expect(await run.activate()).toBe(true);
    const hooks = (await f.api.get(`${f.base}/webhooks`)).body.payload.webhooks as any[];
    expect(hooks).toEqual([
      expect.objectContaining({ id: run.staticData.webhookId, url: run.url, subscriptions: ['message_created'] }),
    ]);

    const { displayId } = await f.openSession();
    await f.incoming(displayId, 'Hi from the contact');
    await until(() => run.emitted.length === 1, 'the message_created delivery');
    expect(run.emitted[0]).toMatchObject({ event: 'message_created', content: 'Hi from the contact' });

    // Switchboard's own redelivery sends the same delivery id again: acknowledged, not emitted.
    const deliveryId = run.responses[0].deliveryId;
    const redelivered = await f.api.post(
      `${f.base}/webhooks/${run.staticData.webhookId}/deliveries/${deliveryId}/redeliver`,
    );
    expect(redelivered.status).toBe(200);
    await until(() => run.responses.length === 2, 'the redelivery');
    expect(run.responses[1]).toMatchObject({ status: 200, deliveryId });
    expect(run.emitted).toHaveLength(1);

    expect(await run.deactivate()).toBe(true);
    expect((await f.api.get(`${f.base}/webhooks`)).body.payload.webhooks).toEqual([]);
    await run.close();
  });
});
