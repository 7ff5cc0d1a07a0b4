import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

/** The filter endpoints take `custom_filter_id` (body or query) in place of `payload`: one of the caller's own saved filters. */
const ctx = await createTestContext();
const acme = await conversationFixture(ctx, 'AcmeSaved');
const globex = await conversationFixture(ctx, 'GlobexSaved');
const colleague = await ctx.member(acme.account.account_id, 'administrator', 'Other Admin');
const { api, base } = acme;

const save = async (client: typeof api, name: string, filter_type: string, query: unknown) => {
  const res = await client.post(`${base}/custom_filters`, { name, filter_type, query });
  expect(res.status, res.text).toBe(200);
  return res.body.id as number;
};

describe('saved filters on the filter endpoints', () => {
  it('conversations: custom_filter_id in the body or the query string applies the saved query; an explicit payload wins', async () => {
    const resolved = await acme.openConversation(api, { status: 'resolved' });
    const open = await acme.openConversation();
    const resolvedOnly = await save(api, 'Resolved', 'conversation', {
      payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['resolved'], query_operator: null }],
    });
    const bare = await save(api, 'Open', 'conversation', {
      payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }],
    });

    const byBody = await api.post(`${base}/conversations/filter`, { custom_filter_id: resolvedOnly });
    expect(byBody.status, byBody.text).toBe(200);
    expect(byBody.body.payload.map((c: any) => c.id)).toEqual([resolved.id]);
    const byQuery = await api.post(`${base}/conversations/filter?custom_filter_id=${bare}`, {});
    expect(byQuery.body.payload.map((c: any) => c.id)).toContain(open.id);
    expect(byQuery.body.payload.map((c: any) => c.id)).not.toContain(resolved.id);
    const explicit = await api.post(`${base}/conversations/filter`, {
      custom_filter_id: resolvedOnly,
      payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }],
    });
    expect(explicit.body.payload.map((c: any) => c.id)).not.toContain(resolved.id);
  });

  it('contacts: a saved contact filter applies; a conversation filter id is refused (422)', async () => {
    const byEmail = await save(api, 'Jane', 'contact', {
      payload: [{ attribute_key: 'email', filter_operator: 'equal_to', values: [acme.contact.email] }],
    });
    const res = await api.post(`${base}/contacts/filter`, { custom_filter_id: String(byEmail) });
    expect(res.status, res.text).toBe(200);
    expect(res.body.payload.map((c: any) => c.id)).toEqual([acme.contact.id]);
    const conversationFilterId = await save(api, 'Any open', 'conversation', {
      payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }],
    });
    expect((await api.post(`${base}/contacts/filter`, { custom_filter_id: conversationFilterId })).status).toBe(422);
    expect((await api.post(`${base}/conversations/filter`, { custom_filter_id: byEmail })).status).toBe(422);
  });

  it("another user's or another account's filter is 404; an empty saved query and a body with neither are 422", async () => {
    const theirs = await save(colleague.api, 'Theirs', 'conversation', {
      payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }],
    });
    expect((await api.post(`${base}/conversations/filter`, { custom_filter_id: theirs })).status).toBe(404);
    const foreign = (
      await globex.api.post(`${globex.base}/custom_filters`, {
        name: 'Foreign',
        filter_type: 'conversation',
        query: { payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'] }] },
      })
    ).body.id;
    expect((await api.post(`${base}/conversations/filter`, { custom_filter_id: foreign })).status).toBe(404);
    const empty = await save(api, 'Empty', 'conversation', { payload: [] });
    expect((await api.post(`${base}/conversations/filter`, { custom_filter_id: empty })).status).toBe(422);
    expect((await api.post(`${base}/conversations/filter`, {})).status).toBe(422);
    expect((await api.post(`${base}/contacts/filter`, {})).status).toBe(422);
  });
});
