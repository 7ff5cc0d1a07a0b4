import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { SIMPLE_FLOW } from '../../../../../test/helpers/chatbot-fixture.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** The chatbot flows (made through /chat/v1/chatbot) as a read-only list in the account API, for the dashboard. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Flows');
const other = await wtsFixture(ctx, 'OtherFlows');

describe('GET /api/v1/accounts/:id/chatbots', () => {
  it('lists the account’s flows by name with id, key, version and times; deleted flows and other accounts’ are not listed', async () => {
    const order = (
      await f.wts.post('/chat/v1/chatbot', {
        name: 'Order bot',
        description: 'Where is my order',
        definition: SIMPLE_FLOW,
      })
    ).body;
    const faq = (await f.wts.post('/chat/v1/chatbot', { name: 'FAQ bot', definition: SIMPLE_FLOW })).body;
    const gone = (await f.wts.post('/chat/v1/chatbot', { name: 'Gone bot', definition: SIMPLE_FLOW })).body;
    expect((await f.wts.delete(`/chat/v1/chatbot/${gone.id}`)).status).toBeLessThan(300);
    await other.wts.post('/chat/v1/chatbot', { name: 'Not yours', definition: SIMPLE_FLOW });

    const res = await f.api.get(`${f.base}/chatbots`);
    expect(res.status, res.text).toBe(200);
    expect(res.body.meta).toEqual({ count: 2, current_page: 1 });
    expect(res.body.payload.map((b: { name: string }) => b.name)).toEqual(['FAQ bot', 'Order bot']);
    expect(res.body.payload[1]).toEqual({
      id: order.id,
      key: order.key,
      name: 'Order bot',
      description: 'Where is my order',
      version: 1,
      created_at: expect.stringMatching(/^\d{4}-/),
      updated_at: expect.stringMatching(/^\d{4}-/),
    });
    expect(res.body.payload[0].id).toBe(faq.id);
  });

  it('is readable by agents (as agent bots are), refused to strangers, and pages', async () => {
    const agent = await ctx.member(f.account.account_id, 'agent');
    expect((await agent.api.get(`${f.base}/chatbots`)).body.meta.count).toBe(2);
    expect((await other.api.get(`${f.base}/chatbots`)).status).toBe(401);
    const second = await f.api.get(`${f.base}/chatbots`, { page: 2 });
    expect(second.body).toEqual({ payload: [], meta: { count: 2, current_page: 2 } });
    expect((await f.api.get(`${f.base}/chatbots`, { page: 'x' })).status).toBe(422);
  });
});
