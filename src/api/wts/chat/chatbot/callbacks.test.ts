import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';
import { verifySignature } from '../../../../events/signature.ts';
import { chatbotFixture, SIMPLE_FLOW } from '../../../../../test/helpers/chatbot-fixture.ts';

/** `callbackUrl` and `options.hiddenSession` of POST /chat/v1/chatbot/send. */
const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true, chatbots: true });
const db = ctx.database.db;

describe('callbackUrl', () => {
  it('is told the bot started (retried after a 503, same bytes) and how it ended, signed with the chatbot’s secret', async () => {
    const f = await chatbotFixture(ctx, 'Callback');
    const bot = await f.createBot(SIMPLE_FLOW);
    const secret = (await f.wts.get(`/chat/v1/chatbot/${bot.id}`)).body.callbackSecret;
    expect(secret).toMatch(/^[0-9a-f]{64}$/);
    const receiver = await startReceiver((_, index) => (index === 0 ? 503 : 200));
    const sent = (
      await f.send({
        botKey: bot.key,
        from: f.channelId,
        to: '+5511966660001',
        callbackUrl: receiver.url,
        senderId: 'crm-42',
      })
    ).body;

    await receiver.waitFor((r) => r.filter((x) => x.body.eventType === 'CHATBOT_STARTED').length === 2);
    const [refused, started] = receiver.received;
    expect(started.raw).toBe(refused.raw);
    expect(started.headers['x-chatwoot-delivery']).toBe(refused.headers['x-chatwoot-delivery']);
    expect(
      verifySignature(
        secret,
        String(started.headers['x-chatwoot-timestamp']),
        started.raw,
        String(started.headers['x-chatwoot-signature']),
      ),
    ).toBe(true);
    expect(started.body).toMatchObject({
      eventType: 'CHATBOT_STARTED',
      date: expect.any(String),
      content: {
        id: sent.id,
        botId: bot.id,
        botKey: bot.key,
        sessionId: sent.sessionId,
        senderId: 'crm-42',
        status: 'RUNNING',
        failureReason: null,
      },
    });

    await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    await f.incoming(Number(sent.session.number), 'tudo certo');
    await receiver.waitFor((r) => r.some((x) => x.body.eventType === 'CHATBOT_COMPLETED'));
    const completed = receiver.received.find((x) => x.body.eventType === 'CHATBOT_COMPLETED')!;
    expect(completed.body.content).toMatchObject({
      id: sent.id,
      status: 'COMPLETED',
      statusDescription: 'completed the session',
    });
    // The receiver answers before the engine records the attempt: wait for the record.
    const callbackRows = () =>
      db
        .withTables<{ chatbot_callbacks: { outcome: string; attempts: number; delivered_at: Date | null } }>()
        .selectFrom('chatbot_callbacks')
        .select(['outcome', 'attempts', 'delivered_at'])
        .orderBy('outcome')
        .execute();
    let rows = await callbackRows();
    for (
      const deadline = Date.now() + 5000;
      rows.some((row) => !row.delivered_at) && Date.now() < deadline;
      rows = await callbackRows()
    ) {
      await new Promise((r) => setTimeout(r, 20));
    }
    expect(rows).toEqual([
      { outcome: 'COMPLETED', attempts: 1, delivered_at: expect.any(Date) },
      { outcome: 'STARTED', attempts: 2, delivered_at: expect.any(Date) },
    ]);
  });

  it('is told a skipped dispatch with the reason', async () => {
    const f = await chatbotFixture(ctx, 'CallbackSkip');
    const bot = await f.createBot(SIMPLE_FLOW);
    const receiver = await startReceiver();
    const first = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511966660002' })).body;
    await f.dispatchIn(first.id, ['WAITING_REPLY']);
    const skipped = (
      await f.send({
        botId: bot.id,
        from: f.channelId,
        to: '+5511966660002',
        options: { skipIfBotInExecution: true },
        callbackUrl: receiver.url,
      })
    ).body;
    expect(skipped.status).toBe('SKIPPED');
    await receiver.waitFor((r) => r.length === 1);
    expect(receiver.received[0].body).toMatchObject({
      eventType: 'CHATBOT_SKIPPED',
      content: { id: skipped.id, status: 'SKIPPED', skipReason: expect.stringContaining('skipIfBotInExecution') },
    });
  });

  it('refuses a callbackUrl that is not an http(s) URL, naming it, before creating anything', async () => {
    const f = await chatbotFixture(ctx, 'CallbackBad');
    const bot = await f.createBot(SIMPLE_FLOW);
    for (const callbackUrl of ['not a url', 'ftp://example.com/x']) {
      const res = await f.send({ botId: bot.id, from: f.channelId, to: '+5511966660003', callbackUrl });
      expect(res.status).toBe(400);
      expect(res.body).toMatchObject({
        error: true,
        errors: [{ field: 'callbackUrl' }],
        text: expect.stringContaining('callbackUrl'),
      });
    }
    expect(await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511966660003').execute()).toEqual(
      [],
    );
  });
});

describe('options.hiddenSession', () => {
  it('starts the new session HIDDEN while the bot speaks; the contact’s reply shows it as the bot’s (STARTED)', async () => {
    const f = await chatbotFixture(ctx, 'Hidden');
    const bot = await f.createBot(SIMPLE_FLOW);
    const sent = (
      await f.send({ botKey: bot.key, from: f.channelId, to: '+5511966660004', options: { hiddenSession: true } })
    ).body;
    expect(sent.session).toMatchObject({ status: 'HIDDEN', botId: bot.id });
    await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    const number = Number(sent.session.number);
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body.status).toBe('HIDDEN');
    expect((await f.api.get(`${f.base}/conversations/${number}`)).body.status).toBe('resolved');
    expect((await f.messagesOf(number)).filter((m) => m.message_type === 1).map((m) => m.content)).toContain(
      'Anything else?',
    );
    const listed = (await f.wts.get('/chat/v1/session', { Status: 'HIDDEN' })).body.items.map((s: any) => s.id);
    expect(listed).toContain(sent.sessionId);

    // the reply reopens it (Chatwoot's rule: open), and the bot that holds it takes it back (pending = STARTED)
    await f.incoming(number, 'sim');
    await f.dispatchIn(sent.id, ['COMPLETED']);
    const events = await db
      .selectFrom('events')
      .select(['name', 'data'])
      .where(
        'conversation_id',
        '=',
        (await db.selectFrom('conversations').select('id').where('uuid', '=', sent.sessionId).executeTakeFirstOrThrow())
          .id,
      )
      .where('name', '=', 'conversation.status_changed')
      .orderBy('seq')
      .execute();
    const statuses = events.map((e: any) => e.data.changed_attributes.status.current_value);
    expect(statuses).toEqual(['open', 'pending', 'resolved']);
  });

  it('is ignored for a session that is already going', async () => {
    const f = await chatbotFixture(ctx, 'HiddenExisting');
    const bot = await f.createBot(SIMPLE_FLOW);
    const s = await f.openSession();
    const sent = (await f.send({ botKey: bot.key, sessionId: s.id, options: { hiddenSession: true } })).body;
    expect(sent.session).toMatchObject({ id: s.id, status: 'STARTED' });
  });
});
