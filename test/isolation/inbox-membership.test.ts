import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { wtsFixture } from '../helpers/wts-fixture.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';
import { issueToken } from '../../src/domain/auth/tokens.ts';

/**
 * Issue 11 items 8 and 10d: an agent acts only in the inboxes they are a member of, an agent bot only in the
 * inboxes it is attached to, however a request names the inbox: an inbox_id, a contact inbox's source_id, a
 * conversation, a WTS channel or session. Administrators act in every inbox.
 */
const ctx = await createTestContext();
const db = ctx.database.db;
const f = await wtsFixture(ctx, 'Alpha');
const accountId = f.account.account_id;

// Inbox X is the fixture's (the agent's and the bot's); inbox Y is another inbox of the same account.
const inboxY = await insertInbox(db, accountId, { name: 'Private API', channel_type: 'Channel::Api' });
const inboxYUuid = (await db.selectFrom('inboxes').select('uuid').where('id', '=', inboxY.id).executeTakeFirstOrThrow())
  .uuid;
const secret = await f.api.post(`${f.base}/contacts`, {
  name: 'Secret Sam',
  email: 'sam@private.example',
  phone_number: '+15550001111',
  inbox_id: inboxY.id,
});
const secretContact = secret.body.payload.contact;
const secretSource: string = secret.body.payload.contact_inbox.source_id;
const secretConversation = (
  await f.api.post(`${f.base}/conversations`, {
    source_id: secretSource,
    message: { content: 'private hello', message_type: 'incoming' },
  })
).body;
const secretSession = (
  await db
    .selectFrom('conversations')
    .select('uuid')
    .where(
      'id',
      '=',
      (
        await db
          .selectFrom('conversations')
          .select('id')
          .where('account_id', '=', accountId)
          .where('display_id', '=', secretConversation.id)
          .executeTakeFirstOrThrow()
      ).id,
    )
    .executeTakeFirstOrThrow()
).uuid;
const ownConversation = await f.openConversation();

const agent = await ctx.member(accountId, 'agent', 'Inbox X Agent');
await db
  .insertInto('inbox_members')
  .values({ account_id: accountId, inbox_id: f.inbox.id, user_id: agent.userId })
  .execute();
const agentWts = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });

const bot = await db
  .insertInto('agent_bots')
  .values({ account_id: accountId, name: 'Inbox X Bot' })
  .returning('id')
  .executeTakeFirstOrThrow();
await db
  .insertInto('agent_bot_inboxes')
  .values({ account_id: accountId, inbox_id: f.inbox.id, agent_bot_id: bot.id })
  .execute();
const botApi = ctx.client(await issueToken(db, 'AgentBot', bot.id));

async function messagesInY() {
  const rows = await db
    .selectFrom('messages')
    .select('id')
    .where('account_id', '=', accountId)
    .where('inbox_id', '=', inboxY.id)
    .execute();
  return rows.length;
}

describe('an agent acts only in inboxes they are a member of', () => {
  it('cannot open a conversation in another inbox through its contact inbox source_id', async () => {
    const before = await messagesInY();
    const bySource = await agent.api.post(`${f.base}/conversations`, {
      source_id: secretSource,
      message: { content: 'sneaking in' },
    });
    expect(bySource).toMatchObject({
      status: 422,
      body: { message: 'Contact inbox with that source_id does not exist', attributes: ['source_id'] },
    });
    const byInbox = await agent.api.post(`${f.base}/conversations`, { inbox_id: inboxY.id, contact_id: f.contact.id });
    expect(byInbox).toMatchObject({ status: 422, body: { attributes: ['inbox_id'] } });
    expect(await messagesInY()).toBe(before);
  });

  it('cannot open a contact in another inbox, nor look one up there by source id', async () => {
    expect(await agent.api.post(`${f.base}/contacts`, { name: 'Planted', inbox_id: inboxY.id })).toMatchObject({
      status: 422,
      body: { attributes: ['inbox_id'] },
    });
    expect(
      await agent.api.post(`${f.base}/contacts/${f.contact.id}/contact_inboxes`, { inbox_id: inboxY.id }),
    ).toMatchObject({ status: 422, body: { attributes: ['inbox_id'] } });
    expect(
      (await agent.api.post(`${f.base}/contact_inboxes/filter`, { inbox_id: inboxY.id, source_id: secretSource }))
        .status,
    ).toBe(404);
    const planted = await db
      .selectFrom('contacts')
      .select('id')
      .where('account_id', '=', accountId)
      .where('name', '=', 'Planted')
      .execute();
    expect(planted).toEqual([]);
  });

  it('cannot read or write another inbox’s conversation', async () => {
    const path = `${f.base}/conversations/${secretConversation.id}`;
    expect((await agent.api.get(path)).status).toBe(404);
    expect((await agent.api.post(`${path}/messages`, { content: 'hi' })).status).toBe(404);
    expect((await agent.api.get(`${path}/messages`)).status).toBe(404);
  });

  it('cannot send into another inbox through the WTS dialect (channel, session, chatbot)', async () => {
    const before = await messagesInY();
    const byChannel = await agentWts.post('/chat/v1/message/send', {
      from: inboxYUuid,
      to: '+15550002222',
      body: { text: 'via channel' },
    });
    expect(byChannel.status).toBe(400); // WTS answers validation errors with 400
    const byName = await agentWts.post('/chat/v1/message/send', {
      from: 'Private API',
      to: '+15550001111',
      body: { text: 'via name' },
    });
    expect(byName.status).toBe(400);
    expect((await agentWts.post(`/chat/v1/session/${secretSession}/message`, { text: 'via session' })).status).toBe(
      404,
    );
    expect(
      (await agentWts.post('/chat/v1/send/text', { sessionId: secretSession, text: 'via sessionId' })).status,
    ).toBe(400);
    expect(
      (await agentWts.post('/chat/v1/send/text', { from: inboxYUuid, to: '+15550002222', text: 'via typed send' }))
        .status,
    ).toBe(400);
    const chatbot = await agentWts.post('/chat/v1/chatbot/send', {
      botKey: 'nope',
      from: inboxYUuid,
      to: '+15550001111',
    });
    expect(chatbot.status).toBeGreaterThanOrEqual(400);
    expect(chatbot.status).toBeLessThan(500);
    const batch = await agentWts.post('/chat/v1/send/template/batch', {
      from: inboxYUuid,
      templateId: 'any',
      messages: [{ to: '+15550004444' }],
    });
    expect(batch.status).toBe(400);
    expect((await agentWts.post('/chat/v1/send/otp', { from: inboxYUuid, to: '+15550005555' })).status).toBe(400);
    expect((await agentWts.post('/chat/v1/send/typing', { sessionId: secretSession })).status).toBe(404);
    expect(await messagesInY()).toBe(before);
  });

  it('still acts in its own inbox; an administrator acts in every inbox', async () => {
    expect((await agent.api.post(`${f.base}/conversations`, { source_id: f.sourceId })).status).toBe(200);
    expect(
      (await agentWts.post('/chat/v1/message/send', { from: f.channelId, to: '+15550003333', body: { text: 'mine' } }))
        .status,
    ).toBe(200);
    expect((await f.api.post(`${f.base}/conversations`, { source_id: secretSource })).status).toBe(200);
    expect(
      (await f.api.post(`${f.base}/contacts/${f.contact.id}/contact_inboxes`, { inbox_id: inboxY.id })).status,
    ).toBe(200);
  });
});

describe('an agent-bot token acts only on conversations of the inboxes it is attached to', () => {
  it('cannot read (PATCH answers the conversation) or change another inbox’s conversation', async () => {
    const path = `${f.base}/conversations/${secretConversation.id}`;
    const patched = await botApi.patch(path, {});
    expect(patched.status).toBe(404);
    expect(patched.text).not.toContain('sam@private.example');
    expect((await botApi.post(`${path}/toggle_status`, { status: 'resolved' })).status).toBe(404);
    expect((await botApi.post(`${path}/toggle_priority`, { priority: 'urgent' })).status).toBe(404);
    expect((await botApi.post(`${path}/messages`, { content: 'bot was here' })).status).toBe(404);
    expect((await botApi.post(`${path}/assignments`, { assignee_id: f.account.user_id })).status).toBe(404);
    expect((await botApi.post(`${path}/custom_attributes`, { custom_attributes: { x: 1 } })).status).toBe(404);
    const row = await db
      .selectFrom('conversations')
      .select(['status', 'priority', 'assignee_id'])
      .where('account_id', '=', accountId)
      .where('display_id', '=', secretConversation.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ status: secretConversation.status, priority: null, assignee_id: null });
  });

  it('cannot open a conversation in another inbox, by inbox_id or by source_id', async () => {
    expect(
      (await botApi.post(`${f.base}/conversations`, { inbox_id: inboxY.id, contact_id: secretContact.id })).status,
    ).toBe(422);
    expect((await botApi.post(`${f.base}/conversations`, { source_id: secretSource })).status).toBe(422);
  });

  it('acts on its own inbox’s conversations', async () => {
    const path = `${f.base}/conversations/${ownConversation.id}`;
    expect((await botApi.patch(path, { priority: 'high' })).status).toBe(200);
    expect((await botApi.post(`${path}/messages`, { content: 'bot reply' })).status).toBe(200);
    expect((await botApi.post(`${f.base}/conversations`, { source_id: f.sourceId })).status).toBe(200);
  });
});
