import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { SIMPLE_FLOW } from '../../../../../test/helpers/chatbot-fixture.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** Chatwoot knows webhook agent bots only: the chatbot engine's flow bots stay out of its agent-bot API. */
const ctx = await createTestContext();

describe('flow bots in the Chatwoot agent-bot API', () => {
  it('are not listed, shown, changed, deleted or attached; webhook bots are', async () => {
    const f = await wtsFixture(ctx, 'FlowBots');
    const flow = await f.wts.post('/chat/v1/chatbot', { name: 'Order bot', definition: SIMPLE_FLOW });
    expect(flow.status, flow.text).toBe(201);
    const flowBot = await ctx.database.db
      .selectFrom('agent_bots')
      .selectAll()
      .where('uuid', '=', flow.body.id)
      .executeTakeFirstOrThrow();
    expect(flowBot.bot_type).toBe('flow');
    const webhook = (
      await f.api.post(`${f.base}/agent_bots`, { name: 'Triage', outgoing_url: 'https://bots.example/triage' })
    ).body;

    const listed = (await f.api.get(`${f.base}/agent_bots`)).body;
    expect(listed.map((b: any) => b.id)).toEqual([webhook.id]);

    const path = `${f.base}/agent_bots/${flowBot.id}`;
    expect((await f.api.get(path)).status).toBe(404);
    expect((await f.api.patch(path, { name: 'Renamed' })).status).toBe(404);
    expect((await f.api.delete(`${path}/avatar`)).status).toBe(404);
    expect((await f.api.post(`${path}/reset_access_token`)).status).toBe(404);
    expect((await f.api.delete(path)).status).toBe(404);
    expect((await f.api.post(`${f.base}/inboxes/${f.inbox.id}/set_agent_bot`, { agent_bot: flowBot.id })).status).toBe(
      404,
    );
    expect((await f.api.get(`${f.base}/inboxes/${f.inbox.id}/agent_bot`)).body).toEqual({});

    // the flow bot is untouched and still the chatbot API's
    expect((await f.wts.get(`/chat/v1/chatbot/${flow.body.id}`)).body).toMatchObject({
      id: flow.body.id,
      name: 'Order bot',
    });
    expect((await f.api.post(`${f.base}/inboxes/${f.inbox.id}/set_agent_bot`, { agent_bot: webhook.id })).status).toBe(
      200,
    );
    expect((await f.api.get(`${f.base}/inboxes/${f.inbox.id}/agent_bot`)).body.agent_bot).toMatchObject({
      id: webhook.id,
    });
  });
});
