import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { chatbotFixture, SIMPLE_FLOW } from '../../../../../test/helpers/chatbot-fixture.ts';

/** The Send API's chatbot senders: `POST /chat/v1/send/chatbot` and `POST /chat/v1/send/chatbot/batch`. */
const ctx = await createTestContext({}, { worker: true, chatbots: true });

describe('POST /chat/v1/send/chatbot', () => {
  it('answers the dispatch (PublicRespSendMessageDTO fields included) that GET /chat/v1/send/chatbot/{id} follows', async () => {
    const f = await chatbotFixture(ctx, 'SendApi');
    const bot = await f.createBot(SIMPLE_FLOW);
    const sent = await f.wts.post('/chat/v1/send/chatbot', {
      botKey: bot.key,
      from: f.channelId,
      to: '+55 11 98888-1001',
      senderId: 'crm-1',
      sessionMetadata: { order: '77' },
    });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({
      id: expect.any(String),
      companyId: f.companyId,
      sessionId: expect.any(String),
      senderId: 'crm-1',
      status: 'QUEUED',
      failedReason: null,
      waitReply: false,
      statusUrl: expect.stringContaining(`/chat/v1/send/chatbot/${sent.body.id}`),
    });
    expect(sent.body.session).toBeUndefined();
    const done = await f.dispatchIn(sent.body.id, ['COMPLETED', 'WAITING_REPLY']);
    expect(done).toMatchObject({ id: sent.body.id, companyId: f.companyId, sentAt: expect.any(String) });
    const session = await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`);
    expect(session.body.metadata).toMatchObject({ order: '77' });
  });
});

describe('POST /chat/v1/send/chatbot/batch', () => {
  it('dispatches the bot to each recipient, one result per message in order', async () => {
    const f = await chatbotFixture(ctx, 'Batch');
    const bot = await f.createBot(SIMPLE_FLOW);
    const res = await f.wts.post('/chat/v1/send/chatbot/batch', {
      botKey: bot.key,
      from: f.channelId,
      messages: [
        { to: '+5511977771001', senderId: 'a', contactMetadata: { tier: 'gold' } },
        { to: '+5511977771002', senderId: 'b' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.results.map((r: any) => [r.senderId, r.status])).toEqual([
      ['a', 'QUEUED'],
      ['b', 'QUEUED'],
    ]);
    expect(new Set(res.body.results.map((r: any) => r.sessionId)).size).toBe(2);
    for (const r of res.body.results) await f.dispatchIn(r.id, ['COMPLETED', 'WAITING_REPLY']);
  });

  it('an item without to or sessionId refuses the batch, naming the item, and starts nothing', async () => {
    const f = await chatbotFixture(ctx, 'BatchRefused');
    const bot = await f.createBot(SIMPLE_FLOW);
    const count = async () =>
      Number(
        (
          await ctx.database.db
            .selectFrom('chatbot_runs')
            .select((eb) => eb.fn.countAll<string>().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const before = await count();
    const res = await f.wts.post('/chat/v1/send/chatbot/batch', {
      botKey: bot.key,
      from: f.channelId,
      messages: [{ to: '+5511977772001' }, { senderId: 'no address' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: true, errors: [{ field: 'messages[1].to' }] });
    expect(await count()).toBe(before);
    const conversations = await ctx.database.db
      .selectFrom('contacts')
      .select('id')
      .where('phone_number', '=', '+5511977772001')
      .execute();
    expect(conversations).toEqual([]);
  });
});
