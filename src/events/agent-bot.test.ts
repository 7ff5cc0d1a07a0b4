import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { startReceiver } from '../../test/helpers/receiver.ts';
import { issueToken } from '../domain/auth/tokens.ts';
import { freePort } from '../../bench/startup.ts';

const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '20', AGENT_BOT_RETRY_WINDOW_MS: '300' },
  { worker: true },
);
const db = ctx.database.db;

async function attachBot(f: Awaited<ReturnType<typeof conversationFixture>>, url: string) {
  const bot = await db
    .insertInto('agent_bots')
    .values({ account_id: f.account.account_id, name: 'Order Bot', outgoing_url: url })
    .returningAll()
    .executeTakeFirstOrThrow();
  await db
    .insertInto('agent_bot_inboxes')
    .values({ account_id: f.account.account_id, inbox_id: f.inbox.id, agent_bot_id: bot.id })
    .execute();
  return { bot, api: ctx.client(await issueToken(db, 'AgentBot', bot.id)) };
}

async function until<T>(read: () => Promise<T>, ok: (value: T) => boolean, timeoutMs = 10_000): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value) || Date.now() > deadline) return value;
    await new Promise((r) => setTimeout(r, 30));
  }
}

describe('agent bots', () => {
  it('receive the inbox’s messages, answer with their own token, and hand off to agents', async () => {
    const f = await conversationFixture(ctx, 'Botty');
    let botApi: ReturnType<typeof ctx.client> | undefined;
    const receiver = await startReceiver((request) => {
      const body = request.body;
      if (body.event === 'message_created' && body.message_type === 'incoming') {
        const path = `${f.base}/conversations/${body.conversation.id}`;
        setTimeout(() => {
          if (String(body.content).includes('human')) void botApi!.post(`${path}/toggle_status`, { status: 'open' });
          else void botApi!.post(`${path}/messages`, { content: `Bot: you said "${body.content}"` });
        }, 0);
      }
      return 200;
    });
    botApi = (await attachBot(f, receiver.url)).api;

    const visitor = ctx.client();
    const inbox = `/public/api/v1/inboxes/${f.inbox.identifier}`;
    const contact = (await visitor.post(`${inbox}/contacts`, { name: 'Visitor' })).body;
    const conversation = (await visitor.post(`${inbox}/contacts/${contact.source_id}/conversations`, {})).body;
    expect(conversation.status).toBe('pending');
    await visitor.post(`${inbox}/contacts/${contact.source_id}/conversations/${conversation.id}/messages`, {
      content: 'where is order 12?',
    });
    const messages = await until(
      () => visitor.get(`${inbox}/contacts/${contact.source_id}/conversations/${conversation.id}/messages`),
      (res) => res.body.length >= 2,
    );
    expect(messages.body[1]).toMatchObject({
      content: 'Bot: you said "where is order 12?"',
      message_type: 1,
      sender: { type: 'agent_bot', name: 'Order Bot' },
    });

    await visitor.post(`${inbox}/contacts/${contact.source_id}/conversations/${conversation.id}/messages`, {
      content: 'I want a human',
    });
    const handedOff = await until(
      () => f.api.get(`${f.base}/conversations/${conversation.id}`),
      (res) => res.body.status === 'open',
    );
    expect(handedOff.body.status).toBe('open');
    await receiver.waitFor((r) => r.some((x) => x.body.event === 'conversation_opened'));
  });

  it('hand a pending conversation to the agents when the bot cannot be reached', async () => {
    const f = await conversationFixture(ctx, 'Deadbot');
    await attachBot(f, `http://127.0.0.1:${await freePort()}/nobody-home`);
    const conversation = await f.openConversation();
    expect(conversation.status).toBe('pending');
    await f.incoming(conversation.id, 'hello?');
    const shown = await until(
      () => f.api.get(`${f.base}/conversations/${conversation.id}`),
      (res) => res.body.status === 'open',
    );
    expect(shown.body.status).toBe('open');
    expect(shown.body.messages[0]).toMatchObject({ message_type: 2, content: expect.stringMatching(/handed off/) });
  });
});
