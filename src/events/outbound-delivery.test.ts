import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { cleanUpAfterFile } from '../../test/helpers/cleanup.ts';

const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_TIMEOUT_MS: '5000', WEBHOOK_RETRY_BASE_MS: '600000' },
  { worker: true },
);

/** A receiver that answers `status` with a body that never ends. */
async function endlessReceiver(status: number) {
  const s = http.createServer((req, res) => {
    req.resume();
    req.on('end', () => {
      res.writeHead(status, { 'content-type': 'text/plain' });
      const chunk = Buffer.alloc(16 * 1024, 'x');
      const pump = () => {
        while (!res.destroyed && res.write(chunk));
        if (!res.destroyed) res.once('drain', pump);
      };
      pump();
    });
  });
  await new Promise<void>((resolve) => s.listen(0, '127.0.0.1', resolve));
  cleanUpAfterFile(() => {
    s.closeAllConnections();
    return new Promise<void>((resolve) => s.close(() => resolve()));
  });
  return `http://127.0.0.1:${(s.address() as AddressInfo).port}/hook`;
}

async function attemptsOf(webhookId: number) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const rows = await ctx.database.db
      .selectFrom('webhook_attempts as a')
      .innerJoin('webhook_deliveries as d', 'd.id', 'a.delivery_id')
      .select(['a.status_code', 'a.error', 'a.response_excerpt', 'd.status'])
      .where('d.target_type', '=', 'webhook')
      .where('d.target_id', '=', webhookId)
      .execute();
    if (rows.length) return rows;
    if (Date.now() > deadline) throw new Error('no attempt recorded');
    await new Promise((r) => setTimeout(r, 25));
  }
}

it.each([200, 500])(
  'a receiver answering %i with an endless body: the excerpt is kept, the rest is never read',
  async (status) => {
    const f = await conversationFixture(ctx, `Endless${status}`);
    const webhook = (
      await f.api.post(`${f.base}/webhooks`, {
        url: await endlessReceiver(status),
        subscriptions: ['conversation_created'],
      })
    ).body.payload.webhook;
    await f.openConversation();
    const [attempt] = await attemptsOf(webhook.id);
    expect(attempt).toMatchObject({
      status_code: status,
      error: status === 200 ? null : 'HTTP 500',
      response_excerpt: 'x'.repeat(500),
      status: status === 200 ? 'delivered' : 'pending',
    });
  },
);
