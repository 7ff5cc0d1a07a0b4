import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { chatbotFixture, SIMPLE_FLOW, until } from '../../../../../test/helpers/chatbot-fixture.ts';

/** `POST /chat/v1/message/send` with `botKey`: the message goes out, the chatbot starts with the contact's reply. */
const ctx = await createTestContext({}, { worker: true, chatbots: true });
const db = ctx.database.db;

async function runOf(sessionId: string) {
  const session = await db
    .selectFrom('conversations')
    .select('id')
    .where('uuid', '=', sessionId)
    .executeTakeFirstOrThrow();
  return db
    .withTables<{ chatbot_runs: { uuid: string; conversation_id: number } }>()
    .selectFrom('chatbot_runs')
    .select('uuid')
    .where('conversation_id', '=', session.id)
    .executeTakeFirst();
}

describe('message/send with botKey', () => {
  it('sends the message, parks the bot until the reply, then runs the flow from its start', async () => {
    const f = await chatbotFixture(ctx, 'SendBot');
    const bot = await f.createBot(SIMPLE_FLOW);
    const sent = await f.wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511977770001',
      botKey: bot.key,
      body: { text: 'Seu pedido saiu' },
    });
    expect(sent.status, sent.text).toBe(200);

    const session = (await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body;
    expect(session).toMatchObject({ status: 'STARTED', botId: bot.id });
    const run = await runOf(sent.body.sessionId);
    expect(run).toBeDefined();
    // the API user's own message (sent before the dispatch) neither stops nor wakes the bot
    await ctx.worker!.idle();
    const parked = await f.dispatchIn(run!.uuid, ['WAITING_REPLY']);
    expect(parked).toMatchObject({
      currentStep: null,
      stepsExecuted: 0,
      sessionId: sent.body.sessionId,
      botId: bot.id,
    });
    const number = Number(session.number);
    expect((await f.messagesOf(number)).filter((m) => m.message_type === 1).map((m) => m.content)).toEqual([
      'Seu pedido saiu',
    ]);

    await f.incoming(number, 'oi');
    const asked = await until(
      () => f.dispatch(run!.uuid),
      (d) => d.currentStep === 'ask' && d.waitingFor === 'REPLY',
    );
    expect(asked).toMatchObject({ status: 'RUNNING', currentStep: 'ask', stepsExecuted: 2 });
    const said = (await f.messagesOf(number)).filter((m) => m.message_type === 1).map((m) => m.content);
    expect(said).toEqual(['Seu pedido saiu', 'Hi +5511977770001, order ', 'Anything else?']);

    await f.incoming(number, 'nada');
    await f.dispatchIn(run!.uuid, ['COMPLETED']);
    expect((await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body.status).toBe('COMPLETED');
  });

  it('accepts the older botId name; an agent-held session leaves the bot skipped', async () => {
    const f = await chatbotFixture(ctx, 'SendBotAgent');
    const bot = await f.createBot(SIMPLE_FLOW);
    const admin = await f.userUuid(f.account.user_id);
    const sent = await f.wts.post('/chat/v1/message/send', {
      to: '+5511977770002',
      botId: bot.id,
      user: { id: admin },
      body: { text: 'sou eu' },
    });
    expect(sent.status, sent.text).toBe(200);
    expect((await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body.status).toBe('IN_PROGRESS');
    const run = await runOf(sent.body.sessionId);
    const skipped = await f.dispatch(run!.uuid);
    expect(skipped).toMatchObject({ status: 'SKIPPED', skipReason: expect.stringContaining('skipIfInProgress') });
  });

  it('with hiddenSession the session stays HIDDEN until the reply, which shows it as the bot’s and starts the flow', async () => {
    const f = await chatbotFixture(ctx, 'SendBotHidden');
    const bot = await f.createBot(SIMPLE_FLOW);
    const sent = await f.wts.post('/chat/v1/message/send', {
      to: '+5511977770004',
      botKey: bot.key,
      body: { text: 'psst' },
      options: { hiddenSession: true },
    });
    expect(sent.status, sent.text).toBe(200);
    expect((await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body).toMatchObject({
      status: 'HIDDEN',
      botId: bot.id,
    });
    const run = await runOf(sent.body.sessionId);
    await f.dispatchIn(run!.uuid, ['WAITING_REPLY']);
    const number = Number((await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body.number);
    await f.incoming(number, 'oi?');
    const asked = await until(
      () => f.dispatch(run!.uuid),
      (d) => d.currentStep === 'ask' && d.waitingFor === 'REPLY',
    );
    expect(asked.currentStep).toBe('ask');
    expect((await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body.status).toBe('STARTED');
  });

  it('an unknown botKey is a 404 naming botKey, and nothing is sent or created', async () => {
    const f = await chatbotFixture(ctx, 'SendBotUnknown');
    const before = await db
      .selectFrom('contacts')
      .select(db.fn.countAll<number>().as('n'))
      .where('account_id', '=', f.account.account_id)
      .executeTakeFirstOrThrow();
    const res = await f.wts.post('/chat/v1/message/send', {
      to: '+5511977770003',
      botKey: '00000000-0000-4000-8000-000000000000',
      body: { text: 'x' },
    });
    expect(res.status).toBe(404);
    expect(res.body).toMatchObject({
      error: true,
      text: expect.stringContaining('botKey'),
      errors: [{ field: 'botKey' }],
    });
    const after = await db
      .selectFrom('contacts')
      .select(db.fn.countAll<number>().as('n'))
      .where('account_id', '=', f.account.account_id)
      .executeTakeFirstOrThrow();
    expect(Number(after.n)).toBe(Number(before.n));
  });
});
