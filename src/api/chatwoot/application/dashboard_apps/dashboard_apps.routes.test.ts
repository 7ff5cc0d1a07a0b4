import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

/** Chatwoot's dashboard apps: CRUD for administrators, readable by every member, scoped to the account. */
const ctx = await createTestContext();
const acme = await ctx.account('Acme Apps');
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Agent Apps');
const other = await ctx.account('Globex Apps');

describe('dashboard apps', () => {
  it('creates, lists, shows, updates and deletes in Chatwoot shapes; agents read them', async () => {
    const created = await acme.api.post(`${base}/dashboard_apps`, {
      dashboard_app: { title: 'Orders', content: [{ type: 'frame', url: 'https://crm.example.com/orders' }] },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      id: expect.any(Number),
      title: 'Orders',
      content: [{ type: 'frame', url: 'https://crm.example.com/orders' }],
      show_on_sidebar: false,
    });
    const id = created.body.id;
    expect((await agent.api.get(`${base}/dashboard_apps`)).body.map((a: any) => a.title)).toEqual(['Orders']);
    expect((await agent.api.get(`${base}/dashboard_apps/${id}`)).body.title).toBe('Orders');

    const updated = await acme.api.patch(`${base}/dashboard_apps/${id}`, {
      title: 'Order history',
      content: [{ link: 'https://crm.example.com/history', type: 'frame' }],
    });
    expect(updated.body).toMatchObject({
      title: 'Order history',
      content: [{ url: 'https://crm.example.com/history' }],
    });

    expect((await acme.api.delete(`${base}/dashboard_apps/${id}`)).status).toBe(204);
    expect((await acme.api.get(`${base}/dashboard_apps/${id}`)).status).toBe(404);
  });

  it('refuses frames that are not http(s) pages, a blank title, and agents changing apps — nothing stored', async () => {
    for (const content of [
      [{ type: 'frame', url: 'javascript:alert(1)' }],
      [{ type: 'frame', url: 'not a url' }],
      [],
      [{ type: 'script', url: 'https://x.example' }],
    ]) {
      const res = await acme.api.post(`${base}/dashboard_apps`, { title: 'Bad', content });
      expect(res.status, JSON.stringify(content)).toBe(422);
    }
    expect(
      (await acme.api.post(`${base}/dashboard_apps`, { title: ' ', content: [{ url: 'https://x.example' }] })).status,
    ).toBe(422);
    expect(
      (await agent.api.post(`${base}/dashboard_apps`, { title: 'Mine', content: [{ url: 'https://x.example' }] }))
        .status,
    ).toBe(401);
    expect((await acme.api.get(`${base}/dashboard_apps`)).body).toEqual([]);
  });

  it("keeps accounts apart: another account's app is 404 everywhere", async () => {
    const app = (
      await acme.api.post(`${base}/dashboard_apps`, {
        title: 'Private',
        content: [{ url: 'https://acme.example/panel' }],
      })
    ).body;
    const theirs = `/api/v1/accounts/${other.account_id}/dashboard_apps/${app.id}`;
    expect((await other.api.get(theirs)).status).toBe(404);
    expect((await other.api.patch(theirs, { title: 'Stolen' })).status).toBe(404);
    expect((await other.api.delete(theirs)).status).toBe(404);
    expect((await acme.api.get(`${base}/dashboard_apps/${app.id}`)).body.title).toBe('Private');
  });
});
