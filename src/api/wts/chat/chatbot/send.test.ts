import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';
import { chatbotFixture, SIMPLE_FLOW, until } from '../../../../../test/helpers/chatbot-fixture.ts';

const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true, chatbots: true });

/** What the WTS n8n node's "Send Chatbot" sends (newer versions: botKey, only true options, `sessionMetada`). */
function nodeBody(f: { channelId: string }, botKey: string, to: string, extra: Record<string, unknown> = {}) {
  return { botKey, from: f.channelId, to, options: {}, ...extra };
}

describe('POST /chat/v1/chatbot/send: required fields, in the n8n node’s words', () => {
  it('names the missing or unknown bot, channel, recipient and session', async () => {
    const f = await chatbotFixture(ctx, 'Required');
    const bot = await f.createBot(SIMPLE_FLOW);
    const noBot = await f.send({ from: f.channelId, to: '+5511999990001' });
    expect(noBot.status).toBe(400);
    expect(noBot.body).toMatchObject({
      error: true,
      text: expect.stringContaining('Choose a bot'),
      errors: [{ field: 'botId' }],
    });
    const unknownBot = await f.send({
      botId: '00000000-0000-4000-8000-000000000000',
      from: f.channelId,
      to: '+5511999990001',
    });
    expect(unknownBot.status).toBe(404);
    expect(unknownBot.body.text).toMatch(/Choose a bot.*botId/);
    const noTo = await f.send({ botId: bot.id, from: f.channelId });
    expect(noTo.status).toBe(400);
    expect(noTo.body).toMatchObject({
      text: expect.stringContaining('Set an Instagram number or username for sending'),
      errors: [{ field: 'to' }],
    });
    const noFrom = await f.send({ botId: bot.id, to: '+5511999990001', from: '' });
    expect(noFrom.status).toBe(400);
    expect(noFrom.body).toMatchObject({ text: expect.stringContaining('Choose channel'), errors: [{ field: 'from' }] });
    const unknownFrom = await f.send({ botId: bot.id, to: '+5511999990001', from: 'no-such-channel' });
    expect(unknownFrom.status).toBe(404);
    expect(unknownFrom.body.text).toMatch(/Choose channel.*no-such-channel/);
    const unknownSession = await f.send({ botId: bot.id, sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknownSession.status).toBe(404);
    expect(unknownSession.body.text).toMatch(/sessionId/);
  });
});

describe('POST /chat/v1/chatbot/send: a dispatch', () => {
  it('creates the contact and a STARTED session, stores both metadata, speaks, and answers a status URL', async () => {
    const f = await chatbotFixture(ctx, 'Dispatch');
    const bot = await f.createBot(SIMPLE_FLOW);
    const listed = await f.wts.get('/chat/v1/chatbot', { pageNumber: 1 });
    expect(listed.body).toMatchObject({
      items: [{ id: bot.id, key: bot.key, name: 'Order bot', type: 'Automation' }],
      hasMorePages: false,
    });

    const sent = await f.send(
      nodeBody(f, bot.key, '+55 11 99999-0002', {
        sessionMetada: { order: 'A-17' },
        contactMetadata: { plan: 'gold' },
      }),
    );
    expect(sent.status).toBe(200);
    expect(sent.body).toMatchObject({
      status: 'QUEUED',
      botId: bot.id,
      botKey: bot.key,
      statusUrl: expect.stringContaining(`/chat/v1/send/chatbot/${sent.body.id}`),
    });
    expect(sent.body.session).toMatchObject({
      id: sent.body.sessionId,
      status: 'STARTED',
      channelId: f.channelId,
      metadata: { order: 'A-17' },
    });

    const waiting = await f.dispatchIn(sent.body.id, ['WAITING_REPLY']);
    expect(waiting).toMatchObject({ currentStep: 'ask', stepsExecuted: 2, startedAt: expect.any(String) });
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('uuid', '=', sent.body.contactId)
      .executeTakeFirstOrThrow();
    expect(contact).toMatchObject({ phone_number: '+5511999990002', custom_attributes: { plan: 'gold' } });

    const session = (await f.wts.get(`/chat/v1/session/${sent.body.sessionId}`)).body;
    expect(session).toMatchObject({ status: 'STARTED', botId: bot.id });
    const conversation = (await f.api.get(`${f.base}/conversations/${session.number}`)).body;
    expect(conversation.status).toBe('pending');
    const said = (await f.messagesOf(Number(session.number))).filter((m) => m.message_type === 1);
    expect(said.map((m) => m.content)).toEqual(['Hi +55 11 99999-0002, order A-17', 'Anything else?']);
    expect(said[0].sender).toMatchObject({ type: 'agent_bot', name: 'Order bot' });
  });

  it('goes on with the contact’s reply from any dialect, then completes the session', async () => {
    const f = await chatbotFixture(ctx, 'Reply');
    const bot = await f.createBot(SIMPLE_FLOW);
    const receiver = await startReceiver();
    expect(
      (await f.api.post(`${f.base}/webhooks`, { url: receiver.url, subscriptions: ['message_created'] })).status,
    ).toBe(200);
    const sent = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990003' })).body;
    await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    const number = Number(sent.session.number);
    await f.incoming(number, 'no, thanks');
    const done = await f.dispatchIn(sent.id, ['COMPLETED']);
    expect(done).toMatchObject({
      statusDescription: 'completed the session',
      currentStep: 'bye',
      finishedAt: expect.any(String),
    });
    expect((await f.messagesOf(number)).filter((m) => m.message_type === 1).map((m) => m.content)).toContain(
      'Bye (no, thanks)',
    );
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body.status).toBe('COMPLETED');
    expect((await f.api.get(`${f.base}/conversations/${number}`)).body.status).toBe('resolved');
    // bot messages are ordinary outgoing messages: webhooks see them like an agent's
    await receiver.waitFor((r) => r.some((x) => x.body.content === 'Bye (no, thanks)'));
    const bye = receiver.received.find((x) => x.body.content === 'Bye (no, thanks)')!;
    expect(bye.body).toMatchObject({
      event: 'message_created',
      message_type: 'outgoing',
      sender: { type: 'agent_bot', name: 'Order bot' },
    });
  });
});

describe('POST /chat/v1/chatbot/send: options', () => {
  it('skipIfBotInExecution skips while a bot runs; without it the new dispatch replaces the running one', async () => {
    const f = await chatbotFixture(ctx, 'BotBusy');
    const bot = await f.createBot(SIMPLE_FLOW);
    const first = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990004' })).body;
    await f.dispatchIn(first.id, ['WAITING_REPLY']);

    const skipped = await f.send({
      botId: bot.id,
      from: f.channelId,
      to: '+5511999990004',
      options: { skipIfBotInExecution: true },
    });
    expect(skipped.body).toMatchObject({
      status: 'SKIPPED',
      sessionId: first.sessionId,
      skipReason: expect.stringContaining('skipIfBotInExecution'),
    });
    expect((await f.dispatch(skipped.body.id)).status).toBe('SKIPPED');
    expect((await f.dispatch(first.id)).waitingFor).toBe('REPLY');

    const replacing = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990004' })).body;
    expect(replacing.sessionId).toBe(first.sessionId);
    expect(await f.dispatch(first.id)).toMatchObject({
      status: 'STOPPED',
      statusDescription: 'replaced by a new chatbot dispatch',
    });
    await f.dispatchIn(replacing.id, ['WAITING_REPLY']);

    // a session another bot holds (pending: an agent bot of the inbox, here set through Chatwoot) counts too
    const held = await f.openSession();
    expect(
      (await f.api.post(`${f.base}/conversations/${held.displayId}/toggle_status`, { status: 'pending' })).status,
    ).toBe(200);
    const skippedHeld = await f.send({ botId: bot.id, sessionId: held.id, options: { skipIfBotInExecution: true } });
    expect(skippedHeld.body).toMatchObject({
      status: 'SKIPPED',
      skipReason: expect.stringContaining('skipIfBotInExecution'),
    });
  });

  it('skipIfInProgress skips a session an agent works on; without it the bot takes the session back', async () => {
    const f = await chatbotFixture(ctx, 'InProgress');
    const bot = await f.createBot(SIMPLE_FLOW);
    const agent = await ctx.member(f.account.account_id, 'agent');
    const session = await f.openSession();
    expect(
      (await f.wts.put(`/chat/v1/session/${session.id}/assignee`, { userId: await f.userUuid(agent.userId) })).status,
    ).toBe(200);

    const skipped = await f.send({ botId: bot.id, sessionId: session.id, options: { skipIfInProgress: true } });
    expect(skipped.body).toMatchObject({
      status: 'SKIPPED',
      skipReason: 'skipIfInProgress: the session is in progress (IN_PROGRESS)',
    });
    expect((await f.wts.get(`/chat/v1/session/${session.id}`)).body.status).toBe('IN_PROGRESS');

    const taken = (await f.send({ botId: bot.id, sessionId: session.id })).body;
    expect(taken.session).toMatchObject({ id: session.id, status: 'STARTED', userId: null, botId: bot.id });
    await f.dispatchIn(taken.id, ['WAITING_REPLY']);
  });

  it('forceStartSession completes the running session and starts the bot in a new one', async () => {
    const f = await chatbotFixture(ctx, 'Force');
    const bot = await f.createBot(SIMPLE_FLOW);
    const old = await f.openSession();
    const forced = (
      await f.send({ botId: bot.id, from: f.channelId, to: f.contact.email, options: { forceStartSession: true } })
    ).body;
    expect(forced.status).toBe('QUEUED');
    expect(forced.sessionId).not.toBe(old.id);
    expect(forced.contactId).toBe(f.contactId);
    expect((await f.wts.get(`/chat/v1/session/${old.id}`)).body.status).toBe('COMPLETED');
    expect(forced.session.status).toBe('STARTED');

    const reused = (
      await f.send({ botId: bot.id, from: f.channelId, to: f.contact.email, options: { skipIfBotInExecution: true } })
    ).body;
    expect(reused).toMatchObject({ status: 'SKIPPED', sessionId: forced.sessionId });
  });

  it('an agent taking over stops the bot: assignment through WTS, or an agent’s reply through Chatwoot', async () => {
    const f = await chatbotFixture(ctx, 'Takeover');
    const bot = await f.createBot(SIMPLE_FLOW);
    const agent = await ctx.member(f.account.account_id, 'agent');
    const first = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990005' })).body;
    await f.dispatchIn(first.id, ['WAITING_REPLY']);
    await f.wts.put(`/chat/v1/session/${first.sessionId}/assignee`, { userId: await f.userUuid(agent.userId) });
    expect(await f.dispatchIn(first.id, ['STOPPED'])).toMatchObject({
      statusDescription: 'an agent was assigned to the session',
    });
    expect((await f.wts.get(`/chat/v1/session/${first.sessionId}`)).body.status).toBe('IN_PROGRESS');

    const second = (await f.send({ botId: bot.id, sessionId: first.sessionId })).body;
    await f.dispatchIn(second.id, ['WAITING_REPLY']);
    await f.api.post(`${f.base}/conversations/${second.session.number}/messages`, {
      content: 'I am here, let me help',
    });
    expect(await f.dispatchIn(second.id, ['STOPPED'])).toMatchObject({
      statusDescription: 'an agent replied in the session',
    });
    // the contact's answer now goes to the agent, not the stopped bot
    await f.incoming(Number(second.session.number), 'thanks');
    await ctx.worker!.idle();
    expect((await f.dispatch(second.id)).status).toBe('STOPPED');
  });
});

describe('one bot run per session', () => {
  it('holds under concurrent dispatches, and the database refuses a second active run', async () => {
    const f = await chatbotFixture(ctx, 'Concurrent');
    const bot = await f.createBot(SIMPLE_FLOW);
    const session = await f.openSession();
    const results = await Promise.all(
      Array.from({ length: 6 }, () => f.send({ botId: bot.id, sessionId: session.id })),
    );
    expect(results.map((r) => r.status)).toEqual([200, 200, 200, 200, 200, 200]);
    await ctx.chatbots!.idle();
    const db = ctx.database.db.withTables<{
      chatbot_runs: {
        conversation_id: number;
        status: string;
        chatbot_id: number;
        account_id: number;
        version: number;
      };
    }>();
    const conversation = await ctx.database.db
      .selectFrom('conversations')
      .select(['id', 'account_id'])
      .where('uuid', '=', session.id)
      .executeTakeFirstOrThrow();
    const active = await db
      .selectFrom('chatbot_runs')
      .select('status')
      .where('conversation_id', '=', conversation.id)
      .where('status', 'in', ['queued', 'running', 'waiting', 'sleeping'])
      .execute();
    expect(active).toEqual([{ status: 'waiting' }]);
    const [{ chatbot_id, version }] = await db
      .selectFrom('chatbot_runs')
      .select(['chatbot_id', 'version'])
      .where('conversation_id', '=', conversation.id)
      .limit(1)
      .execute();
    await expect(
      db
        .insertInto('chatbot_runs')
        .values({
          account_id: conversation.account_id,
          chatbot_id,
          version,
          conversation_id: conversation.id,
          status: 'queued',
        })
        .execute(),
    ).rejects.toMatchObject({ code: '23505', constraint: 'chatbot_runs_one_active_per_session' });
  });
});

describe('DELETE /chat/v1/chatbot/:id', () => {
  it('deleting the chatbot stops its runs and hands their sessions to the people', async () => {
    const f = await chatbotFixture(ctx, 'Deleted');
    const bot = await f.createBot(SIMPLE_FLOW);
    const sent = (await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990007' })).body;
    await f.dispatchIn(sent.id, ['WAITING_REPLY']);
    expect((await f.wts.delete(`/chat/v1/chatbot/${bot.id}`)).status).toBe(204);
    expect(await f.dispatch(sent.id)).toMatchObject({
      status: 'STOPPED',
      statusDescription: 'the chatbot was deleted',
    });
    expect((await f.wts.get(`/chat/v1/session/${sent.sessionId}`)).body).toMatchObject({
      status: 'PENDING',
      botId: null,
    });
    const again = await f.send({ botId: bot.id, from: f.channelId, to: '+5511999990007' });
    expect(again.status).toBe(404);
  });
});

describe('GET /chat/v1/send/chatbot/:id', () => {
  it('is 404 for an unknown or another company’s dispatch', async () => {
    const f = await chatbotFixture(ctx, 'Status');
    const other = await chatbotFixture(ctx, 'Other');
    const bot = await other.createBot(SIMPLE_FLOW);
    const theirs = (await other.send({ botId: bot.id, from: other.channelId, to: '+5511999990006' })).body;
    expect((await other.wts.get(`/chat/v1/send/chatbot/${theirs.id}`)).status).toBe(200);
    expect((await f.wts.get(`/chat/v1/send/chatbot/${theirs.id}`)).status).toBe(404);
    expect((await f.wts.get('/chat/v1/send/chatbot/not-a-uuid')).status).toBe(404);
    await until(
      () => other.dispatch(theirs.id),
      (d) => d.waitingFor === 'REPLY',
    );
  });
});
