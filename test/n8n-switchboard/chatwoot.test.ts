/**
 * The Switchboard n8n node's Chatwoot-dialect operations (Conversation, Message, Contact, Label, Inbox, and
 * seed 000's "list a contact's conversations in an inbox" through the Client API), executed headlessly
 * (harness.ts) against a real Switchboard listening on loopback.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { createHarness } from './harness.ts';

const ctx = await createTestContext();
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const account = await ctx.account('N8nChatwoot');
// Account ID 0: the node finds the token's own account (GET /api/v1/profile).
const n8n = createHarness({ baseUrl: origin, apiToken: account.api_access_token, accountId: 0 });
const state: Record<string, any> = {};

describe('Chatwoot dialect', () => {
  it('creates an API inbox, reads it and lists inboxes (Inbox)', async () => {
    const [inbox] = await n8n.execute({ resource: 'inbox', operation: 'create', name: 'n8n inbox' });
    expect(inbox).toMatchObject({
      id: expect.any(Number),
      name: 'n8n inbox',
      channel_type: 'Channel::Api',
      inbox_identifier: expect.any(String),
    });
    const [got] = await n8n.execute({ resource: 'inbox', operation: 'get', inboxId: inbox.id });
    expect(got.id).toBe(inbox.id);
    expect((await n8n.execute({ resource: 'inbox', operation: 'getAll' })).map((i) => i.id)).toEqual([inbox.id]);
    expect(n8n.sent.some((r) => r.url === `/api/v1/accounts/${account.account_id}/inboxes`)).toBe(true);
    state.inbox = inbox;
  });

  it('creates, reads and searches a contact (Contact)', async () => {
    const [created] = await n8n.execute({
      resource: 'contact',
      operation: 'create',
      inboxId: state.inbox.id,
      name: 'Jo n8n',
      email: 'jo@n8n.test',
      phoneNumber: '+5511966660001',
    });
    expect(created).toMatchObject({
      contact: { id: expect.any(Number), name: 'Jo n8n', email: 'jo@n8n.test' },
      contact_inbox: { source_id: expect.any(String) },
    });
    const [got] = await n8n.execute({ resource: 'contact', operation: 'get', contactId: created.contact.id });
    expect(got).toMatchObject({ id: created.contact.id, phone_number: '+5511966660001' });
    const found = await n8n.execute({ resource: 'contact', operation: 'search', q: 'jo@n8n.test' });
    expect(found.map((c) => c.id)).toEqual([created.contact.id]);
    state.contact = created.contact;
    state.sourceId = created.contact_inbox.source_id;
  });

  it('opens, reads, lists, labels, assigns and resolves a conversation (Conversation, Label)', async () => {
    const [conversation] = await n8n.execute({
      resource: 'conversation',
      operation: 'create',
      inboxId: state.inbox.id,
      contactId: state.contact.id,
      message: 'First words',
    });
    expect(conversation).toMatchObject({ id: expect.any(Number), inbox_id: state.inbox.id, status: 'open' });
    const [got] = await n8n.execute({ resource: 'conversation', operation: 'get', conversationId: conversation.id });
    expect(got.id).toBe(conversation.id);
    const open = await n8n.execute({ resource: 'conversation', operation: 'getAll', status: 'open' });
    expect(open.map((c) => c.id)).toEqual([conversation.id]);
    const ofContact = await n8n.execute({
      resource: 'contact',
      operation: 'getConversations',
      contactId: state.contact.id,
    });
    expect(ofContact.map((c) => c.id)).toEqual([conversation.id]);

    const [labelCreated] = await n8n.execute({
      resource: 'label',
      operation: 'create',
      title: 'n8n-vip',
      color: '#ff0000',
    });
    expect(labelCreated).toMatchObject({ title: 'n8n-vip', color: '#ff0000' });
    expect((await n8n.execute({ resource: 'label', operation: 'getAll' })).map((l) => l.title)).toContain('n8n-vip');
    const [labelled] = await n8n.execute({
      resource: 'label',
      operation: 'addToConversation',
      conversationId: conversation.id,
      labels: 'n8n-vip, billing',
    });
    expect(labelled.payload).toEqual(expect.arrayContaining(['n8n-vip', 'billing']));

    const [assigned] = await n8n.execute({
      resource: 'conversation',
      operation: 'assign',
      conversationId: conversation.id,
      assigneeId: account.user_id,
    });
    expect(assigned).toMatchObject({ id: account.user_id });
    const [resolved] = await n8n.execute({
      resource: 'conversation',
      operation: 'toggleStatus',
      conversationId: conversation.id,
      status: 'resolved',
    });
    expect(resolved.payload).toMatchObject({ success: true, current_status: 'resolved' });
    state.conversation = conversation;
  });

  it('sends a reply and a private note, and lists the messages (Message)', async () => {
    const [reply] = await n8n.execute({
      resource: 'message',
      operation: 'create',
      conversationId: state.conversation.id,
      content: 'Hello from n8n',
    });
    expect(reply).toMatchObject({ content: 'Hello from n8n', private: false, message_type: 1 });
    const [note] = await n8n.execute({
      resource: 'message',
      operation: 'create',
      conversationId: state.conversation.id,
      content: 'Note from n8n',
      private: true,
    });
    expect(note).toMatchObject({ content: 'Note from n8n', private: true });
    const messages = await n8n.execute({
      resource: 'message',
      operation: 'getAll',
      conversationId: state.conversation.id,
    });
    expect(messages.map((m) => m.content)).toEqual(
      expect.arrayContaining(['First words', 'Hello from n8n', 'Note from n8n']),
    );
  });

  it("lists a contact's conversations in an inbox through the Client API (seed 000)", async () => {
    const list = await n8n.execute({
      resource: 'conversation',
      operation: 'listForContactInInbox',
      inboxIdentifier: state.inbox.inbox_identifier,
      contactIdentifier: state.sourceId,
    });
    expect(list.map((c) => c.id)).toEqual([state.conversation.id]);
    expect(n8n.sent.at(-1)!.url).toBe(
      `/public/api/v1/inboxes/${state.inbox.inbox_identifier}/contacts/${state.sourceId}/conversations`,
    );
    const missing = await n8n
      .execute({
        resource: 'conversation',
        operation: 'listForContactInInbox',
        inboxIdentifier: state.inbox.inbox_identifier,
        contactIdentifier: '',
      })
      .catch((e: Error) => e);
    expect((missing as Error).message).toBe('Fill in the field Contact Identifier');
  });

  it('acts in the Account ID the credential names, and fails with the server message in another', async () => {
    const pinned = createHarness({
      baseUrl: origin,
      apiToken: account.api_access_token,
      accountId: account.account_id,
    });
    expect((await pinned.execute({ resource: 'inbox', operation: 'getAll' })).map((i) => i.id)).toEqual([
      state.inbox.id,
    ]);
    const other = await ctx.account('N8nOther');
    const wrong = createHarness({ baseUrl: origin, apiToken: account.api_access_token, accountId: other.account_id });
    const error = (await wrong.execute({ resource: 'inbox', operation: 'getAll' }).catch((e) => e)) as Error & {
      httpCode?: string;
    };
    expect(error.httpCode).toBe('401');
  });
});
