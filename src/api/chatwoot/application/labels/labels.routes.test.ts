import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const acme = await conversationFixture(ctx, 'Acme');
const other = await ctx.account('Globex');
const base = acme.base;
const agent = await ctx.member(acme.account.account_id, 'agent');

describe('labels', () => {
  let id: number;

  it('creates a label lower-cased, flat or nested under "label", and answers it bare', async () => {
    const res = await acme.api.post(`${base}/labels`, {
      title: 'VIP-Customers',
      description: 'Big',
      color: '#FF0000',
      show_on_sidebar: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      title: 'vip-customers',
      description: 'Big',
      color: '#FF0000',
      show_on_sidebar: false,
    });
    id = res.body.id;
    const nested = await acme.api.post(`${base}/labels`, { label: { title: 'billing' } });
    expect(nested.body).toMatchObject({ title: 'billing', color: '#1f93ff', show_on_sidebar: true, description: null });
  });

  it('lists under payload ordered by title, and shows one bare', async () => {
    const list = await acme.api.get(`${base}/labels`);
    expect(list.status).toBe(200);
    expect(list.body.payload.map((l: { title: string }) => l.title)).toEqual(['billing', 'vip-customers']);
    const shown = await agent.api.get(`${base}/labels/${id}`);
    expect(shown.body).toMatchObject({ id, title: 'vip-customers' });
  });

  it('rejects a duplicate, a bad title and a bad colour with 422 naming the field', async () => {
    let res = await acme.api.post(`${base}/labels`, { title: 'Billing' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ message: 'Title has already been taken', attributes: ['title'] });
    res = await acme.api.post(`${base}/labels`, { title: 'two words' });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['title'] } });
    res = await acme.api.post(`${base}/labels`, { title: 'ok', color: 'red' });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['color'] } });
    res = await acme.api.post(`${base}/labels`, { color: '#000000' });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['title'] } });
  });

  it('updates with PATCH and PUT; a rename follows into conversation and contact labels', async () => {
    const conversation = await acme.openConversation();
    await ctx.database.db
      .updateTable('conversations')
      .set({ labels: ['vip-customers', 'billing'] })
      .where('account_id', '=', acme.account.account_id)
      .execute();
    await ctx.database.db
      .updateTable('contacts')
      .set({ labels: ['vip-customers'] })
      .where('id', '=', acme.contact.id)
      .execute();
    let res = await acme.api.patch(`${base}/labels/${id}`, { title: 'VIP' });
    expect(res.body).toMatchObject({ id, title: 'vip', description: 'Big' });
    res = await acme.api.put(`${base}/labels/${id}`, { label: { color: '#00ff00' } });
    expect(res.body).toMatchObject({ title: 'vip', color: '#00ff00' });
    const shown = await acme.api.get(`${base}/conversations/${conversation.id}`);
    expect(shown.body.labels).toEqual(['vip', 'billing']);
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .select('labels')
      .where('id', '=', acme.contact.id)
      .executeTakeFirstOrThrow();
    expect(contact.labels).toEqual(['vip']);
  });

  it('refuses agents every write with the Chatwoot policy 401', async () => {
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await agent.api.post(`${base}/labels`, { title: 'x' })).toMatchObject(denied);
    expect(await agent.api.patch(`${base}/labels/${id}`, { title: 'x' })).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/labels/${id}`)).toMatchObject(denied);
  });

  it('answers 404 for a label of another account under the caller’s account', async () => {
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/labels`, { title: 'secret' });
    const notFound = { status: 404, body: { error: 'Resource could not be found' } };
    expect(await acme.api.get(`${base}/labels/${theirs.body.id}`)).toMatchObject(notFound);
    expect(await acme.api.patch(`${base}/labels/${theirs.body.id}`, { title: 'mine' })).toMatchObject(notFound);
    expect(await acme.api.delete(`${base}/labels/${theirs.body.id}`)).toMatchObject(notFound);
    expect((await other.api.get(`/api/v1/accounts/${other.account_id}/labels`)).body.payload).toHaveLength(1);
  });

  it('deletes with 200 and an empty body', async () => {
    const res = await acme.api.delete(`${base}/labels/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/labels/${id}`)).status).toBe(404);
  });
});
