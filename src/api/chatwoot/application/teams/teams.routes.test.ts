import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const db = ctx.database.db;
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Team Agent');

describe('teams', () => {
  it('creates with the name lower-cased and answers the bare Team', async () => {
    const res = await acme.api.post(`${base}/teams`, {
      name: 'Sales EMEA',
      description: 'Europe',
      allow_auto_assign: false,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'sales emea',
      description: 'Europe',
      allow_auto_assign: false,
      account_id: acme.account_id,
      is_member: false,
    });
    const nested = await acme.api.post(`${base}/teams`, { team: { name: 'Support' } });
    expect(nested.body).toMatchObject({ name: 'support', description: null, allow_auto_assign: true });
  });

  it('refuses a duplicate name (any case) with a 422 naming name', async () => {
    await acme.api.post(`${base}/teams`, { name: 'billing' });
    const res = await acme.api.post(`${base}/teams`, { name: 'Billing' });
    expect(res.status).toBe(422);
    expect(res.body).toEqual({ message: 'Name has already been taken', attributes: ['name'] });
    // the same name in another account is another team
    expect((await globex.api.post(`/api/v1/accounts/${globex.account_id}/teams`, { name: 'billing' })).status).toBe(
      200,
    );
  });

  it('rejects bad input with a 422 naming the field, including what n8n sends by default', async () => {
    expect(
      (await acme.api.post(`${base}/teams`, { name: '', description: '', allow_auto_assign: true })).body.attributes,
    ).toEqual(['name']);
    expect((await acme.api.post(`${base}/teams`, { name: '   ' })).body.attributes).toEqual(['name']);
    expect((await acme.api.post(`${base}/teams`, { name: 'x', allow_auto_assign: 'maybe' })).body.attributes).toEqual([
      'allow_auto_assign',
    ]);
  });

  it('lists as a bare array and shows, with is_member for the caller', async () => {
    const team = (await acme.api.post(`${base}/teams`, { name: 'mine' })).body;
    await db
      .insertInto('team_members')
      .values({ account_id: acme.account_id, team_id: team.id, user_id: agent.userId })
      .execute();
    const list = await agent.api.get(`${base}/teams`);
    expect(list.status).toBe(200);
    expect(Array.isArray(list.body)).toBe(true);
    expect(list.body.find((t: any) => t.id === team.id).is_member).toBe(true);
    expect(list.body.every((t: any) => t.account_id === acme.account_id)).toBe(true);
    expect((await acme.api.get(`${base}/teams`)).body.find((t: any) => t.id === team.id).is_member).toBe(false);
    const shown = await agent.api.get(`${base}/teams/${team.id}`);
    expect(shown.body).toEqual({ ...team, is_member: true });
  });

  it('updates with PATCH and PUT, flat or nested', async () => {
    const team = (await acme.api.post(`${base}/teams`, { name: 'old name' })).body;
    let res = await acme.api.patch(`${base}/teams/${team.id}`, { name: 'New Name', description: 'd' });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: team.id, name: 'new name', description: 'd' });
    res = await acme.api.put(`${base}/teams/${team.id}`, { team: { allow_auto_assign: false, description: null } });
    expect(res.body).toMatchObject({ name: 'new name', allow_auto_assign: false, description: null });
    expect((await acme.api.patch(`${base}/teams/${team.id}`, { name: 'billing' })).body.attributes).toEqual(['name']);
  });

  it('deletes with an empty 200, then 404', async () => {
    const team = (await acme.api.post(`${base}/teams`, { name: 'doomed' })).body;
    const res = await acme.api.delete(`${base}/teams/${team.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(await acme.api.get(`${base}/teams/${team.id}`)).toMatchObject({
      status: 404,
      body: { error: 'Resource could not be found' },
    });
  });

  it('lets agents read but not write', async () => {
    const team = (await acme.api.post(`${base}/teams`, { name: 'guarded' })).body;
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await agent.api.post(`${base}/teams`, { name: 'nope' })).toMatchObject(denied);
    expect(await agent.api.patch(`${base}/teams/${team.id}`, { name: 'nope' })).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/teams/${team.id}`)).toMatchObject(denied);
    expect((await agent.api.get(`${base}/teams/${team.id}`)).status).toBe(200);
  });

  it('answers 404 for another account’s team addressed under this account', async () => {
    const theirs = (await globex.api.post(`/api/v1/accounts/${globex.account_id}/teams`, { name: 'secret' })).body;
    for (const res of [
      await acme.api.get(`${base}/teams/${theirs.id}`),
      await acme.api.patch(`${base}/teams/${theirs.id}`, { name: 'stolen' }),
      await acme.api.delete(`${base}/teams/${theirs.id}`),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
    expect((await globex.api.get(`/api/v1/accounts/${globex.account_id}/teams/${theirs.id}`)).body.name).toBe('secret');
  });

  it('lists with a fixed number of SQL statements however many teams there are', async () => {
    const statements = async () => {
      const before = ctx.database.counter.count;
      expect((await agent.api.get(`${base}/teams`)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    const few = await statements();
    for (let i = 0; i < 5; i++) await acme.api.post(`${base}/teams`, { name: `bulk ${i}` });
    expect(await statements()).toBe(few);
  });
});
