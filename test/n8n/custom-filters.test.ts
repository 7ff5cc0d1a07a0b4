/**
 * The n8n ChatWoot node's five Custom Filters operations, sent exactly as the node sends them (every displayed
 * field at its default unless set, see node-requests.ts), against the in-process server.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { call } from './node-requests.ts';

const ctx = await createTestContext();
const account = await ctx.account('n8n Filters');
const node = (operation: string, values: Record<string, any> = {}) =>
  call(ctx.app, account.api_access_token, 'Custom Filters', operation, { account_id: account.account_id, ...values });

const query =
  '{"payload":[{"attribute_key":"status","filter_operator":"equal_to","values":["open"],"query_operator":null}]}';

describe('n8n ChatWoot node: Custom Filters', () => {
  const saved: { conversation?: any; contact?: any } = {};

  it('creates filters (Create A Custom Filter), the type from the node’s `type` field', async () => {
    const conversation = await node('Create A Custom Filter', { name: 'Open conversations', query });
    expect(conversation.status, conversation.text).toBe(200);
    expect(conversation.body).toMatchObject({
      id: expect.any(Number),
      name: 'Open conversations',
      filter_type: 'conversation',
      query: JSON.parse(query),
    });
    const contact = await node('Create A Custom Filter', { name: 'Leads', type: 'contact', query: '{"payload":[]}' });
    expect(contact.body).toMatchObject({ name: 'Leads', filter_type: 'contact' });
    Object.assign(saved, { conversation: conversation.body, contact: contact.body });
  });

  it('lists them by type (List All Filters)', async () => {
    const byDefault = await node('List All Filters');
    expect(byDefault.status).toBe(200);
    expect(byDefault.body.map((f: any) => f.id)).toEqual([saved.conversation.id]);
    const contacts = await node('List All Filters', { filter_type: 'contact' });
    expect(contacts.body.map((f: any) => f.id)).toEqual([saved.contact.id]);
  });

  it('shows one (Get Details Of A Single Custom Filter)', async () => {
    const res = await node('Get Details Of A Single Custom Filter', { custom_filter_id: saved.contact.id });
    expect(res.status).toBe(200);
    expect(res.body).toEqual(saved.contact);
  });

  it('renames one, the node’s defaults changing nothing else (Update A Custom Filter)', async () => {
    const res = await node('Update A Custom Filter', { custom_filter_id: saved.contact.id, name: 'Hot leads' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: saved.contact.id,
      name: 'Hot leads',
      filter_type: 'contact',
      query: { payload: [] },
    });
  });

  it('deletes one (Delete A Custom Filter), then it is gone', async () => {
    const res = await node('Delete A Custom Filter', { custom_filter_id: saved.conversation.id });
    expect(res.status).toBe(204);
    expect(
      (await node('Get Details Of A Single Custom Filter', { custom_filter_id: saved.conversation.id })).status,
    ).toBe(404);
    expect((await node('List All Filters')).body).toEqual([]);
  });
});
