import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
/** Installation apps, each granted one account and its administrator (as the first start grants its app). */
const acmeApp = await ctx.platformApp({ accountIds: [acme.account_id], userIds: [acme.user_id] });
const globexApp = await ctx.platformApp({ accountIds: [globex.account_id], userIds: [globex.user_id] });
const base = '/platform/api/v1/agent_bots';

describe('platform agent bots', () => {
  let id: number;
  let systemId: number;

  it('creates an account bot and answers the PlatformAgentBot shape with its minted token and real outgoing_url', async () => {
    const res = await acmeApp.post(base, {
      name: 'Helper',
      description: 'Answers first',
      outgoing_url: 'https://bots.example/helper',
      account_id: acme.account_id,
      avatar_url: 'https://cdn.example/helper.png',
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Helper',
      description: 'Answers first',
      outgoing_url: 'https://bots.example/helper',
      account_id: acme.account_id,
      access_token: expect.any(String),
    });
    id = res.body.id;
    const probe = await ctx.client(res.body.access_token).get(`/api/v1/accounts/${acme.account_id}/labels`);
    expect(probe.body).toEqual({ error: 'Access to this endpoint is not authorized for bots' });
  });

  it('creates a system-wide bot when account_id is null or absent; accounts see it', async () => {
    const res = await acmeApp.post(base, {
      name: 'Everywhere',
      account_id: null,
      outgoing_url: 'https://bots.example/all',
    });
    expect(res.body).toMatchObject({ account_id: null });
    systemId = res.body.id;
    const seen = await globex.api.get(`/api/v1/accounts/${globex.account_id}/agent_bots`);
    expect(seen.body).toEqual([expect.objectContaining({ id: systemId, system_bot: true })]);
  });

  it('lists, shows and updates (PATCH and PUT) only this app’s bots; the token is not shown again', async () => {
    const list = await acmeApp.get(base);
    expect(list.body.map((b: { id: number }) => b.id)).toEqual([id, systemId]);
    expect(list.body[0].access_token).toBeNull();
    expect((await globexApp.get(base)).body).toEqual([]);
    expect((await acmeApp.get(`${base}/${id}`)).body).toMatchObject({ id, name: 'Helper', access_token: null });
    let res = await acmeApp.patch(`${base}/${id}`, { name: 'Helper 2', description: '', outgoing_url: '' });
    expect(res.body).toMatchObject({
      name: 'Helper 2',
      description: 'Answers first',
      outgoing_url: 'https://bots.example/helper',
    });
    res = await acmeApp.put(`${base}/${id}`, { agent_bot: { outgoing_url: 'https://bots.example/v2' } });
    expect(res.body.outgoing_url).toBe('https://bots.example/v2');
  });

  it('removes the avatar', async () => {
    const res = await acmeApp.delete(`${base}/${id}/avatar`);
    expect(res).toMatchObject({ status: 200, body: { id } });
    const row = await ctx.database.db
      .selectFrom('agent_bots')
      .select('avatar_url')
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    expect(row.avatar_url).toBeNull();
  });

  it('rejects bad input with 422 naming the field', async () => {
    expect(await acmeApp.post(base, { name: '', description: '', outgoing_url: '' })).toMatchObject({
      status: 422,
      body: { attributes: ['name'] },
    });
    expect(await acmeApp.post(base, { name: 'x', outgoing_url: 'javascript:alert(1)' })).toMatchObject({
      status: 422,
      body: { attributes: ['outgoing_url'] },
    });
    expect(await acmeApp.post(base, { name: 'x', account_id: 999999 })).toMatchObject({
      status: 422,
      body: { attributes: ['account_id'] },
    });
  });

  it('answers 401 Non permissible resource for another app’s bot or account, and 404 for an unknown bot', async () => {
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    expect(await globexApp.get(`${base}/${id}`)).toMatchObject(denied);
    expect(await globexApp.patch(`${base}/${id}`, { name: 'Mine' })).toMatchObject(denied);
    expect(await globexApp.delete(`${base}/${id}/avatar`)).toMatchObject(denied);
    expect(await globexApp.delete(`${base}/${id}`)).toMatchObject(denied);
    expect(await globexApp.post(base, { name: 'Intruder', account_id: acme.account_id })).toMatchObject(denied);
    expect(await acmeApp.patch(`${base}/${id}`, { account_id: globex.account_id })).toMatchObject(denied);
    expect(await acmeApp.get(`${base}/999999`)).toMatchObject({ status: 404 });
  });

  it('deletes with 200 and an empty body', async () => {
    const res = await acmeApp.delete(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acmeApp.get(`${base}/${id}`)).status).toBe(404);
    expect((await acmeApp.get(base)).body.map((b: { id: number }) => b.id)).toEqual([systemId]);
  });
});
