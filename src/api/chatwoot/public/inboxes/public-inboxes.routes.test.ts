import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const client = ctx.client(undefined, { 'Api-Access-Token': 'n8n-sends-this-anyway' });
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;

async function newContact(body: Record<string, unknown> = { name: 'Widget Visitor' }) {
  const res = await client.post(`${inboxPath}/contacts`, body);
  expect(res.status).toBe(200);
  return res.body;
}

describe('Client API', () => {
  it('describes the inbox', async () => {
    const res = await client.get(inboxPath);
    expect(res).toMatchObject({
      status: 200,
      body: { identifier: f.inbox.identifier, name: 'Shop API', identity_validation_enabled: false },
    });
    expect((await client.get('/public/api/v1/inboxes/nope')).status).toBe(404);
  });

  it('creates a contact with source_id and pubsub_token, idempotently for a known source_id', async () => {
    const contact = await newContact({ name: 'Visitor One', email: 'visitor1@example.com' });
    expect(Object.keys(contact).sort()).toEqual(['email', 'id', 'name', 'phone_number', 'pubsub_token', 'source_id']);
    expect(contact.source_id).toMatch(/^[0-9a-f-]{36}$/);
    const again = await newContact({ source_id: contact.source_id, name: 'ignored' });
    expect(again).toEqual(contact);
    const shown = await client.get(`${inboxPath}/contacts/${contact.source_id}`);
    expect(shown.body).toEqual(contact);
    const updated = await client.patch(`${inboxPath}/contacts/${contact.source_id}`, {
      name: 'Visitor Renamed',
      custom_attributes: { plan: 'free' },
    });
    expect(updated.body).toMatchObject({
      id: contact.id,
      name: 'Visitor Renamed',
      account_id: f.account.account_id,
      custom_attributes: { plan: 'free' },
      contact_type: expect.any(String),
    });
    expect(updated.body.created_at).toMatch(/T/);
  });

  it('names a contact who gives no name as Chatwoot does (adjective-noun-number), so agents can tell visitors apart', async () => {
    const anonymous = await newContact({});
    expect(anonymous.name).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
    expect((await newContact({ name: '  ' })).name).toMatch(/^[a-z]+-[a-z]+-\d{1,3}$/);
    expect((await newContact({ name: 'Named Visitor' })).name).toBe('Named Visitor');
  });

  it('verifies identifier_hash against the inbox HMAC token', async () => {
    const identifier = 'user-42';
    const hash = crypto.createHmac('sha256', f.inbox.hmac_token).update(identifier).digest('hex');
    const good = await newContact({ identifier, identifier_hash: hash, name: 'Verified' });
    const row = await ctx.database.db
      .selectFrom('contact_inboxes')
      .select('hmac_verified')
      .where('source_id', '=', good.source_id)
      .executeTakeFirstOrThrow();
    expect(row.hmac_verified).toBe(true);
    const bad = await client.post(`${inboxPath}/contacts`, { identifier: 'user-43', identifier_hash: 'deadbeef' });
    expect(bad.status).toBe(401);
  });

  it('runs a conversation: open, message, list, typing, seen, resolve', async () => {
    const contact = await newContact();
    const base = `${inboxPath}/contacts/${contact.source_id}/conversations`;
    const opened = await client.post(base, { custom_attributes: { topic: 'order' } });
    expect(opened.status).toBe(200);
    expect(opened.body).toMatchObject({
      inbox_id: f.inbox.id,
      status: 'open',
      messages: [],
      contact: { id: contact.id },
    });
    const id = opened.body.id;
    const sent = await client.post(`${base}/${id}/messages`, { content: 'Hello from the widget', echo_id: 'e1' });
    expect(sent.body).toMatchObject({
      content: 'Hello from the widget',
      message_type: 0,
      conversation_id: id,
      sender: { id: contact.id, type: 'contact' },
    });
    expect(sent.body.private).toBeUndefined();
    await f.api.post(`${f.base}/conversations/${id}/messages`, { content: 'agent note', private: true });
    await f.api.post(`${f.base}/conversations/${id}/messages`, { content: 'Hi! How can we help?' });
    const messages = await client.get(`${base}/${id}/messages`);
    expect(messages.body.map((m: any) => m.content)).toEqual(['Hello from the widget', 'Hi! How can we help?']);
    const list = await client.get(base);
    expect(list.body).toHaveLength(1);
    expect(list.body[0].messages.map((m: any) => m.content)).toEqual(['Hello from the widget', 'Hi! How can we help?']);
    expect((await client.post(`${base}/${id}/toggle_typing`, { typing_status: 'on' })).status).toBe(200);
    expect((await client.post(`${base}/${id}/update_last_seen`)).status).toBe(200);
    const resolved = await client.post(`${base}/${id}/toggle_status`);
    expect(resolved.body.status).toBe('resolved');
    expect((await client.post(`${base}/${id}/toggle_status`)).body.status).toBe('resolved');
    const agentView = await f.api.get(`${f.base}/conversations/${id}`);
    expect(agentView.body.status).toBe('resolved');
    expect(agentView.body.contact_last_seen_at).toBeGreaterThan(0);
  });

  it('lets a contact see only its own conversations', async () => {
    const mine = await newContact();
    const theirs = await newContact();
    const theirConversation = (await client.post(`${inboxPath}/contacts/${theirs.source_id}/conversations`, {})).body;
    const res = await client.get(`${inboxPath}/contacts/${mine.source_id}/conversations/${theirConversation.id}`);
    expect(res.status).toBe(404);
    const post = await client.post(
      `${inboxPath}/contacts/${mine.source_id}/conversations/${theirConversation.id}/messages`,
      { content: 'x' },
    );
    expect(post.status).toBe(404);
    expect((await client.get(`${inboxPath}/contacts/unknown-source/conversations`)).status).toBe(404);
  });
});
