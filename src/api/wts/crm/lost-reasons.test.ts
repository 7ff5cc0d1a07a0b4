import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../test/helpers/wts-fixture.ts';

/** A sales panel's loss reasons (`GET /crm/v1/panel/{id}/lost-reason`) and a LOST card naming one. */
const ctx = await createTestContext();
const db = ctx.database.db;
const f = await wtsFixture(ctx, 'Acme');
const { wts } = f;
const agent = await ctx.member(f.account.account_id, 'agent', 'Paula Agent');
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
const other = await wtsFixture(ctx, 'Globex');

const sales = (
  await wts.post('/crm/v1/panel', { title: 'Vendas', type: 'SALES', steps: [{ title: 'Lead' }, { title: 'Fechado' }] })
).body;
const otherPanel = (
  await other.wts.post('/crm/v1/panel', { title: 'Vendas', type: 'SALES', steps: [{ title: 'Lead' }] })
).body;
const reasonCount = async () =>
  Number((await db.selectFrom('crm_lost_reasons').select(db.fn.countAll().as('n')).executeTakeFirstOrThrow()).n);

describe('loss reasons', () => {
  it('an administrator adds reasons; every member lists them in the page envelope', async () => {
    for (const description of ['Preço alto', 'Sem resposta', 'Concorrente']) {
      const res = await wts.post(`/crm/v1/panel/${sales.id}/lost-reason`, { description });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({
        description,
        panelId: sales.id,
        companyId: f.companyId,
        id: expect.any(String),
        createdAt: expect.any(String),
      });
    }
    const first = await asAgent.get(`/crm/v1/panel/${sales.id}/lost-reason`, { PageSize: 2 });
    expect(first.status, first.text).toBe(200);
    expect(first.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalItems: 3, totalPages: 2, hasMorePages: true });
    expect(first.body.items.map((r: any) => r.description)).toEqual(['Preço alto', 'Sem resposta']);
    const byName = await wts.get(`/crm/v1/panel/${sales.id}/lost-reason`, {
      OrderBy: 'description',
      OrderDirection: 'DESCENDING',
    });
    expect(byName.body.items.map((r: any) => r.description)).toEqual(['Sem resposta', 'Preço alto', 'Concorrente']);
    const future = await wts.get(`/crm/v1/panel/${sales.id}/lost-reason`, {
      'CreatedAt.After': '2999-01-01T00:00:00Z',
    });
    expect(future.body).toMatchObject({ totalItems: 0, items: [] });
  });

  it('a LOST card names one of its panel’s reasons and shows it; another panel’s reason is refused', async () => {
    const reasons = (await wts.get(`/crm/v1/panel/${sales.id}/lost-reason`)).body.items;
    const card = (await wts.post('/crm/v2/panel/card', { stepId: sales.steps[0].id, title: 'Deal' })).body;
    const lost = await wts.put(`/crm/v3/panel/card/${card.id}`, {
      fields: ['Status', 'LostReasonId'],
      status: 'LOST',
      lostReasonId: reasons[0].id,
    });
    expect(lost.status, lost.text).toBe(200);
    expect(lost.body).toMatchObject({ status: 'LOST', lostReason: { id: reasons[0].id, description: 'Preço alto' } });
    expect((await asAgent.get(`/crm/v2/panel/card/${card.id}`)).body.lostReason).toEqual({
      id: reasons[0].id,
      description: 'Preço alto',
    });

    const foreign = (await other.wts.post(`/crm/v1/panel/${otherPanel.id}/lost-reason`, { description: 'Deles' })).body;
    const refused = await wts.put(`/crm/v3/panel/card/${card.id}`, {
      fields: ['LostReasonId'],
      lostReasonId: foreign.id,
    });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({
      error: true,
      key: 'ERROR_VALIDATION',
      errors: [expect.objectContaining({ field: 'lostReasonId' })],
    });
    expect((await wts.get(`/crm/v2/panel/card/${card.id}`)).body.lostReason.id).toBe(reasons[0].id);

    // Deleting the reason leaves the card lost, without one.
    expect((await wts.delete(`/crm/v1/panel/${sales.id}/lost-reason/${reasons[0].id}`)).status).toBe(200);
    expect((await wts.get(`/crm/v2/panel/card/${card.id}`)).body).toMatchObject({ status: 'LOST', lostReason: null });
  });

  it('refuses agents, blank input and other companies’ panels, storing nothing', async () => {
    const before = await reasonCount();
    const denied = await asAgent.post(`/crm/v1/panel/${sales.id}/lost-reason`, { description: 'Agente' });
    expect(denied.status).toBe(403);
    expect(denied.body).toMatchObject({ error: true, key: 'ERROR_FORBIDDEN' });
    const blank = await wts.post(`/crm/v1/panel/${sales.id}/lost-reason`, { description: '   ' });
    expect(blank.status).toBe(400);
    expect(blank.body.errors).toEqual([expect.objectContaining({ field: 'description' })]);
    expect((await wts.post(`/crm/v1/panel/${otherPanel.id}/lost-reason`, { description: 'X' })).status).toBe(404);
    expect((await wts.get(`/crm/v1/panel/${otherPanel.id}/lost-reason`)).status).toBe(404);
    const foreign = (await other.wts.get(`/crm/v1/panel/${otherPanel.id}/lost-reason`)).body.items[0];
    expect((await wts.delete(`/crm/v1/panel/${sales.id}/lost-reason/${foreign.id}`)).status).toBe(404);
    expect(await reasonCount()).toBe(before);
  });
});
