/**
 * The core flow of a workflow built with the real n8n ChatWoot node, driven only through the node's own
 * operations: each step fills in what a user would fill in, and everything else goes out at the node's
 * default, exactly as n8n sends it (see node-requests.ts).
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { buildRequest, call, credentialTestRequest, findOperation, send } from './node-requests.ts';

const ctx = await createTestContext();
const account = await ctx.account('n8n Flow');
const token = account.api_access_token;
const account_id = account.account_id;
const node = (resource: string, operation: string, values: Record<string, any> = {}) =>
  call(ctx.app, token, resource, operation, { account_id, ...values });

const state: { inbox?: any; contact?: any; sourceId?: string; conversation?: any; outgoing?: any; incoming?: any } = {};
const email = 'jane.n8n@example.com';

describe('n8n ChatWoot node: core flow', () => {
  it('passes the credential test (GET /api with the node headers)', async () => {
    const res = await send(ctx.app, credentialTestRequest(token));
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      version: expect.any(String),
      timestamp: expect.any(String),
      queue_services: 'ok',
      data_services: 'ok',
    });
  });

  it('creates an API inbox (Inboxes / Inbox Creation)', async () => {
    const res = await node('Inboxes', 'Inbox Creation', { name: 'n8n API inbox', channel: '{"type": "api"}' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      name: 'n8n API inbox',
      channel_type: 'Channel::Api',
      inbox_identifier: expect.any(String),
      enable_auto_assignment: expect.any(Boolean),
    });
    state.inbox = res.body;
  });

  it('creates a contact in the inbox (Contacts / Contact Create)', async () => {
    const res = await node('Contacts', 'Contact Create', { inbox_id: state.inbox.id, name: 'Jane n8n', email });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      payload: {
        contact: {
          id: expect.any(Number),
          name: 'Jane n8n',
          email,
          custom_attributes: {},
          additional_attributes: expect.any(Object),
        },
        contact_inbox: { inbox: { id: state.inbox.id }, source_id: expect.any(String) },
      },
    });
    const { contact, contact_inbox } = res.body.payload;
    expect(contact.contact_inboxes).toEqual([
      { source_id: contact_inbox.source_id, inbox: expect.objectContaining({ id: state.inbox.id }) },
    ]);
    state.contact = contact;
    state.sourceId = contact_inbox.source_id;
  });

  it('finds the contact (Contacts / Contact Search)', async () => {
    const res = await node('Contacts', 'Contact Search', { q: email });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ count: 1, current_page: expect.anything() });
    expect(String(res.body.meta.current_page)).toBe('1');
    expect(res.body.payload.map((c: any) => c.id)).toEqual([state.contact.id]);
    expect(res.body.payload[0]).toMatchObject({ id: state.contact.id, email, name: 'Jane n8n' });
  });

  it('opens a conversation for it (Conversations / New Conversation, other ids left at "")', async () => {
    const request = buildRequest(
      findOperation('Conversations', 'New Conversation'),
      { account_id, inbox_id: String(state.inbox.id), contact_id: String(state.contact.id) },
      { accessToken: token },
    );
    // What the node really sends beside the two ids:
    expect(request.body).toMatchObject({
      source_id: '',
      assignee_id: '',
      team_id: '',
      status: 'open',
      message: { template_params: expect.any(Object) },
    });
    const res = await send(ctx.app, request);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      account_id,
      inbox_id: state.inbox.id,
      status: 'open',
      labels: [],
      muted: false,
      // the node's sample custom attributes are sent untouched, and Chatwoot stores them as given
      custom_attributes: { attribute_key: 'attribute_value', priority_conversation_number: 3 },
      meta: { sender: { id: state.contact.id, email }, channel: 'Channel::Api' },
    });
    expect(res.body.meta.assignee).toBeUndefined();
    expect(res.body.meta.team).toBeUndefined();
    state.conversation = res.body;
  });

  it('lists it with the node defaults (Conversations / Conversation List)', async () => {
    const res = await node('Conversations', 'Conversation List');
    expect(res.status).toBe(200);
    expect(res.body.data.meta).toEqual({
      mine_count: expect.any(Number),
      assigned_count: expect.any(Number),
      unassigned_count: expect.any(Number),
      all_count: expect.any(Number),
    });
    expect(res.body.data.payload.map((c: any) => c.id)).toContain(state.conversation.id);
  });

  it('sends an outgoing message filling only the content (Messages / Create A New Message)', async () => {
    const res = await node('Messages', 'Create A New Message In A Conversation', {
      conversation_id: state.conversation.id,
      content: 'Your order shipped',
    });
    expect(res.status).toBe(200);
    // The node's defaults make it a private note (private: true); "cards" without items is stored as text.
    expect(res.body).toMatchObject({
      id: expect.any(Number),
      content: 'Your order shipped',
      conversation_id: state.conversation.id,
      inbox_id: state.inbox.id,
      message_type: 1,
      private: true,
      content_type: 'text',
      created_at: expect.any(Number),
      sender: { id: account.user_id, type: 'user' },
    });
    state.outgoing = res.body;
  });

  it('receives an incoming message (message_type: incoming)', async () => {
    const res = await node('Messages', 'Create A New Message In A Conversation', {
      conversation_id: state.conversation.id,
      content: 'Where is my order?',
      message_type: 'incoming',
      private: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      content: 'Where is my order?',
      message_type: 0,
      private: false,
      sender: { id: state.contact.id, type: 'contact' },
    });
    state.incoming = res.body;
  });

  it('lists the messages (Messages / List All Messages)', async () => {
    const res = await node('Messages', 'List All Messages', { conversation_id: state.conversation.id });
    expect(res.status).toBe(200);
    expect(res.body.meta).toMatchObject({
      labels: [],
      contact: { id: state.contact.id },
      additional_attributes: expect.any(Object),
    });
    const ids = res.body.payload.map((m: any) => m.id);
    expect(ids).toEqual(expect.arrayContaining([state.outgoing.id, state.incoming.id]));
    expect(ids.indexOf(state.outgoing.id)).toBeLessThan(ids.indexOf(state.incoming.id)); // oldest first
  });

  it('labels the conversation (Conversation Labels / Conversation Add Labels)', async () => {
    const res = await node('Conversation Labels', 'Conversation Add Labels', {
      conversation_id: state.conversation.id,
      labels: '["billing", "vip"]',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ payload: ['billing', 'vip'] });
    const listed = await node('Conversation Labels', 'List All Labels Of A Conversation', {
      conversation_id: state.conversation.id,
    });
    expect(listed.status).toBe(200);
    expect([...listed.body.payload].sort()).toEqual(['billing', 'vip']);
  });

  it('lists by label as the node sends it (labels as raw JSON text)', async () => {
    const res = await node('Conversations', 'Conversation List', { labels: '["vip"]' });
    expect(res.status).toBe(200);
    expect(res.body.data.payload.map((c: any) => c.id)).toEqual([state.conversation.id]);
  });

  it('resolves it (Conversations / Toggle Status)', async () => {
    const res = await node('Conversations', 'Toggle Status Of A Conversation', {
      conversation_id: state.conversation.id,
      status: 'resolved',
    });
    expect(res.status).toBe(200);
    expect(res.body.payload).toEqual({
      success: true,
      conversation_id: state.conversation.id,
      current_status: 'resolved',
      snoozed_until: null,
    });
  });

  it('shows it resolved with its labels (Conversations / Get Details Of A Conversation)', async () => {
    const res = await node('Conversations', 'Get Details Of A Conversation', {
      conversation_id: state.conversation.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: state.conversation.id, status: 'resolved', inbox_id: state.inbox.id });
    expect([...res.body.labels].sort()).toEqual(['billing', 'vip']);
    expect(res.body.messages).toHaveLength(1);
    expect(res.body.last_non_activity_message).toMatchObject({ id: expect.any(Number) });
  });
});
