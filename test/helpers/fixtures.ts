import type { Client, TestContext } from './context.ts';
import { insertInbox } from '../../src/domain/inboxes/repository.ts';

/** An account with an API inbox, a contact and helpers to open conversations, all through the API. */
export async function conversationFixture(ctx: TestContext, name = 'Acme') {
  const account = await ctx.account(name);
  const base = `/api/v1/accounts/${account.account_id}`;
  const inbox = await insertInbox(ctx.database.db, account.account_id, {
    name: 'Shop API',
    channel_type: 'Channel::Api',
  });
  const created = await account.api.post(`${base}/contacts`, {
    name: 'Jane Roe',
    email: `jane-${name.toLowerCase()}@example.com`,
    inbox_id: inbox.id,
  });
  if (created.status !== 200) throw new Error(`contact create failed: ${created.text}`);
  const contact = created.body.payload.contact;
  const sourceId: string = created.body.payload.contact_inbox.source_id;

  async function openConversation(api: Client = account.api, body: Record<string, unknown> = {}) {
    const res = await api.post(`${base}/conversations`, { inbox_id: inbox.id, contact_id: contact.id, ...body });
    if (res.status !== 200) throw new Error(`conversation create failed: ${res.status} ${res.text}`);
    return res.body;
  }

  async function incoming(displayId: number, content: string) {
    const res = await account.api.post(`${base}/conversations/${displayId}/messages`, {
      content,
      message_type: 'incoming',
    });
    if (res.status !== 200) throw new Error(`message create failed: ${res.text}`);
    return res.body;
  }

  return { account, api: account.api, base, inbox, contact, sourceId, openConversation, incoming };
}
