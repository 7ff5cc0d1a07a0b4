import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { issueToken } from '../../src/domain/auth/tokens.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');
const db = ctx.database.db;

async function botClient(accountId: number | null, name: string) {
  const bot = await db
    .insertInto('agent_bots')
    .values({ account_id: accountId, name })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { bot, api: ctx.client(await issueToken(db, 'AgentBot', bot.id)) };
}

describe('agent-bot tokens', () => {
  it('may create conversations and messages and change status in the inboxes it is attached to, shown as the bot', async () => {
    const { bot, api } = await botClient(f.account.account_id, 'Helper Bot');
    // An account's bot attached to no inbox acts on no conversation (test/isolation/inbox-membership.test.ts).
    expect((await api.post(`${f.base}/conversations`, { inbox_id: f.inbox.id, contact_id: f.contact.id })).status).toBe(
      422,
    );
    await db
      .insertInto('agent_bot_inboxes')
      .values({ account_id: f.account.account_id, inbox_id: f.inbox.id, agent_bot_id: bot.id })
      .execute();
    const conversation = await api.post(`${f.base}/conversations`, {
      inbox_id: f.inbox.id,
      contact_id: f.contact.id,
      status: 'pending',
    });
    expect(conversation.status).toBe(200);
    const message = await api.post(`${f.base}/conversations/${conversation.body.id}/messages`, {
      content: 'Hi, I am a bot',
    });
    expect(message.body.sender).toMatchObject({ id: bot.id, name: 'Helper Bot', type: 'agent_bot' });
    const handoff = await api.post(`${f.base}/conversations/${conversation.body.id}/toggle_status`, { status: 'open' });
    expect(handoff.body.payload).toMatchObject({ success: null, current_status: 'open' });
    expect(
      (await api.post(`${f.base}/conversations/${conversation.body.id}/toggle_priority`, { priority: 'high' })).status,
    ).toBe(200);
  });

  it('may not read contacts or other endpoints', async () => {
    const { api } = await botClient(f.account.account_id, 'Nosy Bot');
    for (const res of [
      await api.get(`${f.base}/contacts`),
      await api.get(`${f.base}/conversations`),
      await api.get(f.base),
    ]) {
      expect(res).toMatchObject({ status: 401, body: { error: 'Access to this endpoint is not authorized for bots' } });
    }
  });

  it('acts only in its own account, or one where it is attached to an inbox', async () => {
    const { bot, api } = await botClient(null, 'System Bot');
    const outside = await api.post(`${other.base}/conversations`, {
      inbox_id: other.inbox.id,
      contact_id: other.contact.id,
    });
    expect(outside).toMatchObject({ status: 401, body: { error: 'Bot is not authorized to access this account' } });
    await db
      .insertInto('agent_bot_inboxes')
      .values({ account_id: other.account.account_id, inbox_id: other.inbox.id, agent_bot_id: bot.id })
      .execute();
    const inside = await api.post(`${other.base}/conversations`, {
      inbox_id: other.inbox.id,
      contact_id: other.contact.id,
    });
    expect(inside.status).toBe(200);
    expect(inside.body.status).toBe('pending'); // an inbox with an active bot starts conversations as pending
  });
});
