import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';

/**
 * Issue 11 item 10 (a–c): one tenant neither speaks as another tenant's bot, nor renames or probes another
 * tenant's users through its agents API; and an agent cannot delete a contact by merging it away.
 */
const ctx = await createTestContext();
const db = ctx.database.db;
const a = await conversationFixture(ctx, 'Alpha');
const b = await conversationFixture(ctx, 'Beta');
const conversation = await a.openConversation();
const aBot = await db
  .insertInto('agent_bots')
  .values({ account_id: a.account.account_id, name: 'Alpha Helper' })
  .returning('id')
  .executeTakeFirstOrThrow();
const bBot = await db
  .insertInto('agent_bots')
  .values({ account_id: b.account.account_id, name: 'Beta Secret Bot' })
  .returning('id')
  .executeTakeFirstOrThrow();

describe('(a) a message names only this account’s or a system bot as its sender', () => {
  const path = `${a.base}/conversations/${conversation.id}/messages`;

  it('falls back to the caller when the body names another account’s bot', async () => {
    const res = await a.api.post(path, { content: 'spoofed', sender_type: 'AgentBot', sender_id: bBot.id });
    expect(res.status).toBe(200);
    expect(res.text).not.toContain('Beta Secret Bot');
    expect(res.body.sender).toMatchObject({ id: a.account.user_id, type: 'user' });
    const row = await db
      .selectFrom('messages')
      .select(['sender_type', 'sender_id'])
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ sender_type: 'User', sender_id: a.account.user_id });
  });

  it('shows this account’s own bot when named, as Chatwoot does', async () => {
    const res = await a.api.post(path, { content: 'from our bot', sender_type: 'AgentBot', sender_id: aBot.id });
    expect(res.body.sender).toMatchObject({ id: aBot.id, name: 'Alpha Helper', type: 'agent_bot' });
  });

  it('never shows another account’s bot on a message already stored with it', async () => {
    const stored = await db
      .insertInto('messages')
      .values({
        account_id: a.account.account_id,
        conversation_id: (
          await db
            .selectFrom('conversations')
            .select('id')
            .where('account_id', '=', a.account.account_id)
            .where('display_id', '=', conversation.id)
            .executeTakeFirstOrThrow()
        ).id,
        inbox_id: a.inbox.id,
        content: 'legacy',
        message_type: 1,
        sender_type: 'AgentBot',
        sender_id: bBot.id,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const list = await a.api.get(path);
    const legacy = list.body.payload.find((m: { id: number }) => m.id === stored.id);
    expect(legacy).toBeDefined();
    expect(list.text).not.toContain('Beta Secret Bot');
    const shown = await a.api.get(`${a.base}/conversations/${conversation.id}`);
    expect(shown.text).not.toContain('Beta Secret Bot');
    const search = await a.api.get(`${a.base}/conversations/search`, { q: 'legacy' });
    expect(search.text).not.toContain('Beta Secret Bot');
  });
});

describe('(b) adding a user of another account as an agent', () => {
  const agents = `${a.base}/agents`;

  it('answers a known and an unknown email alike', async () => {
    const known = await a.api.post(agents, { email: b.account.email });
    const unknown = await a.api.post(agents, { email: 'nobody.yet@example.com' });
    expect(known.status).toBe(200);
    expect(unknown.status).toBe(200);
    expect(Object.keys(known.body).sort()).toEqual(Object.keys(unknown.body).sort());
    expect(unknown.body).toMatchObject({ name: 'nobody.yet', email: 'nobody.yet@example.com', role: 'agent' });
  });

  it('lets the account change the membership but not rename a user who belongs elsewhere too', async () => {
    const before = await db
      .selectFrom('users')
      .select(['name', 'email', 'password_hash'])
      .where('id', '=', b.account.user_id)
      .executeTakeFirstOrThrow();
    const res = await a.api.patch(`${agents}/${b.account.user_id}`, {
      name: 'Renamed by Alpha',
      role: 'administrator',
      availability: 'busy',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ name: before.name, role: 'administrator' });
    expect(
      await db
        .selectFrom('users')
        .select(['name', 'email', 'password_hash'])
        .where('id', '=', b.account.user_id)
        .executeTakeFirstOrThrow(),
    ).toEqual(before);
    const inB = (await b.api.get(`${b.base}/agents`)).body.find((m: { id: number }) => m.id === b.account.user_id);
    expect(inB).toMatchObject({ name: before.name, role: 'administrator' });
    const membership = await db
      .selectFrom('account_users')
      .select(['role', 'availability'])
      .where('user_id', '=', b.account.user_id)
      .where('account_id', '=', b.account.account_id)
      .executeTakeFirstOrThrow();
    expect(membership).toEqual({ role: 'administrator', availability: 'online' });
  });

  it('still renames a user whose only account is this one (the n8n node’s agent update)', async () => {
    const own = await ctx.member(a.account.account_id, 'agent', 'Only Alpha');
    const res = await a.api.patch(`${agents}/${own.userId}`, { name: 'Still Alpha' });
    expect(res.body.name).toBe('Still Alpha');
  });
});

describe('(c) merging contacts deletes one: administrators only', () => {
  it('refuses an agent with the policy 401 and leaves both contacts', async () => {
    const agent = await ctx.member(a.account.account_id, 'agent');
    const mergee = (await a.api.post(`${a.base}/contacts`, { name: 'Merge Me', email: 'merge.me@example.com' })).body
      .payload.contact;
    const res = await agent.api.post(`${a.base}/actions/contact_merge`, {
      base_contact_id: a.contact.id,
      mergee_contact_id: mergee.id,
    });
    expect(res).toMatchObject({ status: 401, body: { error: 'You are not authorized to do this action' } });
    expect(await db.selectFrom('contacts').select('id').where('id', '=', mergee.id).executeTakeFirst()).toEqual({
      id: mergee.id,
    });
    const byAdmin = await a.api.post(`${a.base}/actions/contact_merge`, {
      base_contact_id: a.contact.id,
      mergee_contact_id: mergee.id,
    });
    expect(byAdmin.status).toBe(200);
    expect(await db.selectFrom('contacts').select('id').where('id', '=', mergee.id).executeTakeFirst()).toBeUndefined();
  });
});
