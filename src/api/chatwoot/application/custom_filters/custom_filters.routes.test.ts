import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { MAX_FILTERS_PER_USER } from '../../../../domain/custom_filters/custom-filters.ts';
import { issueToken } from '../../../../domain/auth/tokens.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/custom_filters`;
const agent = await ctx.member(acme.account_id, 'agent');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;
const openQuery = {
  payload: [{ attribute_key: 'status', filter_operator: 'equal_to', values: ['open'], query_operator: null }],
};

describe('custom filters', () => {
  let id: number;

  it("creates a conversation filter (the default type) and answers Chatwoot's record", async () => {
    const res = await acme.api.post(base, { custom_filter: { name: 'Open ones', query: openQuery } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Open ones',
      filter_type: 'conversation',
      query: openQuery,
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    id = res.body.id;
  });

  it('takes the type from filter_type, else the body `type` (the OpenAPI name), else ?filter_type', async () => {
    const contact = await acme.api.post(base, {
      name: 'VIP contacts',
      filter_type: 'contact',
      type: 'report',
      query: {},
    });
    expect(contact.body.filter_type).toBe('contact');
    const report = await acme.api.post(base, { name: 'Weekly', type: 'report', query: { range: 7 } });
    expect(report.body.filter_type).toBe('report');
    const byQuery = await acme.api.post(`${base}?filter_type=contact`, { name: 'Leads', query: { x: 1 } });
    expect(byQuery.body.filter_type).toBe('contact');
  });

  it('lists one type at a time, conversation by default, only the caller’s own', async () => {
    await agent.api.post(base, { name: 'Agent view', query: openQuery });
    expect((await acme.api.get(base)).body.map((f: { name: string }) => f.name)).toEqual(['Open ones']);
    expect((await acme.api.get(base, { filter_type: 'contact' })).body.map((f: { name: string }) => f.name)).toEqual([
      'VIP contacts',
      'Leads',
    ]);
    expect((await acme.api.get(base, { filter_type: 'report' })).body).toHaveLength(1);
    expect((await agent.api.get(base)).body.map((f: { name: string }) => f.name)).toEqual(['Agent view']);
    expect(await acme.api.get(base, { filter_type: 'bogus' })).toMatchObject({ status: 422 });
  });

  it('shows and updates; an empty query or the default `type` leaves the filter as it was', async () => {
    expect((await acme.api.get(`${base}/${id}`)).body).toMatchObject({ id, name: 'Open ones' });
    const renamed = await acme.api.patch(`${base}/${id}`, { name: 'Open', type: 'contact', query: {} });
    expect(renamed.status, renamed.text).toBe(200);
    expect(renamed.body).toMatchObject({ id, name: 'Open', filter_type: 'conversation', query: openQuery });
    const retyped = await acme.api.put(`${base}/${id}`, {
      custom_filter: { filter_type: 'contact', query: { payload: [] } },
    });
    expect(retyped.body).toMatchObject({ id, name: 'Open', filter_type: 'contact', query: { payload: [] } });
  });

  it('refuses what is missing or malformed with 422 naming the field', async () => {
    expect(await acme.api.post(base, { query: {} })).toMatchObject({ status: 422, body: { attributes: ['name'] } });
    expect(await acme.api.post(base, { name: 'No query' })).toMatchObject({
      status: 422,
      body: { attributes: ['query'] },
    });
    expect(await acme.api.post(base, { name: '   ', query: {} })).toMatchObject({
      status: 422,
      body: { attributes: ['name'] },
    });
    expect(await acme.api.post(base, { name: 'x', query: [1] })).toMatchObject({ status: 422 });
    expect(await acme.api.post(base, { name: 'x', query: { big: 'y'.repeat(70_000) } })).toMatchObject({
      status: 422,
      body: { attributes: ['query'] },
    });
  });

  it("answers 404 for another user's or another account's filter, and never lists them", async () => {
    const agentsOwn = (await agent.api.get(base)).body[0];
    expect((await acme.api.get(`${base}/${agentsOwn.id}`)).status).toBe(404);
    expect((await acme.api.patch(`${base}/${agentsOwn.id}`, { name: 'mine' })).status).toBe(404);
    expect((await acme.api.delete(`${base}/${agentsOwn.id}`)).status).toBe(404);
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/custom_filters`, {
      name: 'Theirs',
      query: {},
    });
    expect((await acme.api.get(`${base}/${theirs.body.id}`)).status).toBe(404);
    expect((await acme.api.get(`/api/v1/accounts/${other.account_id}/custom_filters`)).status).toBe(401);
  });

  it('refuses an agent bot, which has no user to keep filters for (401)', async () => {
    const db = ctx.database.db;
    const bot = await db
      .insertInto('agent_bots')
      .values({ account_id: acme.account_id, name: 'Filter Bot' })
      .returning('id')
      .executeTakeFirstOrThrow();
    const botApi = ctx.client(await issueToken(db, 'AgentBot', bot.id));
    expect((await botApi.get(base)).status).toBe(401);
    expect((await botApi.post(base, { name: 'bot view', query: {} })).status).toBe(401);
  });

  it(`keeps at most ${MAX_FILTERS_PER_USER} filters per user and account`, async () => {
    const owner = await ctx.member(acme.account_id, 'agent', 'Collector');
    for (let i = 0; i < MAX_FILTERS_PER_USER; i++)
      expect((await owner.api.post(base, { name: `f${i}`, query: {} })).status).toBe(200);
    const over = await owner.api.post(base, { name: 'one too many', query: {} });
    expect(over).toMatchObject({ status: 422, body: { message: expect.stringMatching(/more than 50 custom views/) } });
    expect((await agent.api.post(base, { name: 'others still can', query: {} })).status).toBe(200);
  });

  it('deletes with 204', async () => {
    const res = await acme.api.delete(`${base}/${id}`);
    expect(res.status).toBe(204);
    expect((await acme.api.get(`${base}/${id}`)).status).toBe(404);
  });
});
