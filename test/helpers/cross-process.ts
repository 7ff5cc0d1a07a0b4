import { expect, it } from 'vitest';
import type { TestContext } from './context.ts';
import { conversationFixture } from './fixtures.ts';
import { connectCable } from './cable.ts';
import { startServerProcess } from './server-process.ts';

/**
 * The multi-process promise of a realtime transport: with a second server process on the same database,
 * an event committed through either process's API reaches a socket connected to the other.
 */
export function crossProcessTests(ctx: TestContext, env: Record<string, string>, transport: string): void {
  it(`carries events both ways between two server processes (${transport})`, async () => {
    expect(ctx.app.hub.transport.name).toBe(transport);
    const url = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
    const f = await conversationFixture(ctx, `Cross${transport}`);
    const { pubsub_token } = await ctx.database.db
      .selectFrom('users')
      .select('pubsub_token')
      .where('id', '=', f.account.user_id)
      .executeTakeFirstOrThrow();
    const identifier = { pubsub_token, account_id: f.account.account_id, user_id: f.account.user_id };
    const other = await startServerProcess(ctx.config.databaseUrl!, env);
    try {
      const there = await connectCable(other.url);
      expect(await there.subscribe(identifier)).toBe('confirm_subscription');
      const here = await connectCable(url);
      expect(await here.subscribe(identifier)).toBe('confirm_subscription');

      const conversation = await f.openConversation();
      await f.incoming(conversation.id, 'from this process');
      await there.waitFor((frames) => frames.some((x) => x.data.content === 'from this process'), 5000);

      const response = await fetch(`${other.url}${f.base}/conversations/${conversation.id}/messages`, {
        method: 'POST',
        headers: { 'content-type': 'application/json', api_access_token: f.account.api_access_token },
        body: JSON.stringify({ content: 'from the other process', message_type: 'incoming' }),
      });
      expect(response.status).toBe(200);
      await here.waitFor((frames) => frames.some((x) => x.data.content === 'from the other process'), 5000);
      await there.waitFor((frames) => frames.some((x) => x.data.content === 'from the other process'), 5000);

      // Presence: an agent connecting to the other process shows up on this one's dashboard at once
      // (sooner than any heartbeat: the transport carried the change).
      const agent = await ctx.member(f.account.account_id, 'agent', 'Remote Agent');
      const { pubsub_token: agentToken } = await ctx.database.db
        .selectFrom('users')
        .select('pubsub_token')
        .where('id', '=', agent.userId)
        .executeTakeFirstOrThrow();
      const remote = await connectCable(other.url);
      expect(
        await remote.subscribe({ pubsub_token: agentToken, account_id: f.account.account_id, user_id: agent.userId }),
      ).toBe('confirm_subscription');
      await here.waitFor(() => here.presence.some((p) => p.data.users?.[agent.userId] === 'online'), 5000);
      await Promise.all([here.close(), there.close(), remote.close()]);
    } finally {
      await other.stop();
    }
  }, 60_000);
}
