import { describe, expect, inject, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { connectCable } from '../../test/helpers/cable.ts';
import { startServerProcess } from '../../test/helpers/server-process.ts';

// This process listens on Redis, the other one announces on NATS: no signal ever crosses, so only the
// catch-up read of the events table can bring the other process's event here.
const redisUrl = inject('redisUrl');
const natsUrl = inject('natsUrl');
const maybeCtx =
  redisUrl && natsUrl
    ? await createTestContext({ REALTIME_TRANSPORT: 'redis', REDIS_URL: redisUrl, REALTIME_CATCHUP_MS: '300' })
    : undefined;

describe.skipIf(!maybeCtx)('realtime catch-up', () => {
  const ctx = maybeCtx!;
  it('delivers an event whose signal was lost, from the events table', async () => {
    const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const f = await conversationFixture(ctx, 'Lossy');
    const { pubsub_token } = await ctx.database.db
      .selectFrom('users')
      .select('pubsub_token')
      .where('id', '=', f.account.user_id)
      .executeTakeFirstOrThrow();
    const conversation = await f.openConversation();
    const other = await startServerProcess(ctx.config.databaseUrl!, { REALTIME_TRANSPORT: 'nats', NATS_URL: natsUrl });
    try {
      const cable = await connectCable(url);
      expect(await cable.subscribe({ pubsub_token, account_id: f.account.account_id })).toBe('confirm_subscription');
      for (const content of ['lost signal 1', 'lost signal 2']) {
        const response = await fetch(`${other.url}${f.base}/conversations/${conversation.id}/messages`, {
          method: 'POST',
          headers: { 'content-type': 'application/json', api_access_token: f.account.api_access_token },
          body: JSON.stringify({ content, message_type: 'incoming' }),
        });
        expect(response.status).toBe(200);
      }
      await cable.waitFor((frames) => frames.filter((x) => x.event === 'message.created').length === 2, 5000);
      expect(cable.frames.filter((x) => x.event === 'message.created').map((x) => x.data.content)).toEqual([
        'lost signal 1',
        'lost signal 2',
      ]);
      await cable.close();
    } finally {
      await other.stop();
    }
  }, 60_000);
});
