import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}`;
const ann = await ctx.member(acme.account_id, 'agent', 'Ann');
const bob = await ctx.member(acme.account_id, 'agent', 'Bob');
const cid = await ctx.member(acme.account_id, 'administrator', 'Cid');
const outsider = await ctx.member(globex.account_id, 'agent', 'Outsider');

async function newTeam(name: string) {
  return (await acme.api.post(`${base}/teams`, { name })).body;
}

describe('team members', () => {
  it('adds members and answers only the newly added agents; the list is a bare array of Agent', async () => {
    const team = await newTeam('alpha');
    let res = await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: ann.userId,
        name: 'Ann',
        role: 'agent',
        account_id: acme.account_id,
        availability_status: 'offline',
      }),
    ]); // not connected
    res = await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId, bob.userId] });
    expect(res.body.map((a: any) => a.id)).toEqual([bob.userId]);
    const list = await ann.api.get(`${base}/teams/${team.id}/team_members`);
    expect(list.status).toBe(200);
    expect(list.body.map((a: any) => a.name)).toEqual(['Ann', 'Bob']);
  });

  it('accepts user_ids as n8n sends them: JSON text of numeric strings', async () => {
    const team = await newTeam('beta');
    const res = await acme.api.post(`${base}/teams/${team.id}/team_members`, {
      user_ids: `["${ann.userId}","${bob.userId}"]`,
    });
    expect(res.status).toBe(200);
    expect(res.body.map((a: any) => a.id).sort()).toEqual([ann.userId, bob.userId].sort());
    // the node's untouched default [null] is "not given"
    const untouched = await acme.api.patch(`${base}/teams/${team.id}/team_members`, { user_ids: [null] });
    expect(untouched.status).toBe(422);
    expect(untouched.body.attributes).toEqual(['user_ids']);
  });

  it('sets the exact member list with PATCH and answers every member', async () => {
    const team = await newTeam('gamma');
    await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId, bob.userId] });
    const res = await acme.api.patch(`${base}/teams/${team.id}/team_members`, { user_ids: [bob.userId, cid.userId] });
    expect(res.status).toBe(200);
    expect(res.body.map((a: any) => a.name)).toEqual(['Bob', 'Cid']);
    const cleared = await acme.api.put(`${base}/teams/${team.id}/team_members`, { user_ids: [] });
    expect(cleared.body).toEqual([]);
  });

  it('removes members with an empty 200; a user outside the account is 401 Invalid User IDs', async () => {
    const team = await newTeam('delta');
    await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId, bob.userId] });
    const res = await acme.api.delete(`${base}/teams/${team.id}/team_members`, { user_ids: [String(ann.userId)] });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/teams/${team.id}/team_members`)).body.map((a: any) => a.id)).toEqual([
      bob.userId,
    ]);
    for (const res of [
      await acme.api.delete(`${base}/teams/${team.id}/team_members`, { user_ids: [outsider.userId] }),
      await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [outsider.userId] }),
      await acme.api.patch(`${base}/teams/${team.id}/team_members`, { user_ids: [bob.userId, 999999] }),
    ]) {
      expect(res).toMatchObject({ status: 401, body: { error: 'Invalid User IDs' } });
    }
    expect((await acme.api.get(`${base}/teams/${team.id}/team_members`)).body.map((a: any) => a.id)).toEqual([
      bob.userId,
    ]);
  });

  it('rejects bad input with a 422 naming the field', async () => {
    const team = await newTeam('epsilon');
    expect((await acme.api.post(`${base}/teams/${team.id}/team_members`, {})).body.attributes).toEqual(['user_ids']);
    expect(
      (await acme.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: ['abc'] })).body.attributes,
    ).toEqual(['user_ids.0']);
  });

  it('lets agents read members but not change them', async () => {
    const team = await newTeam('zeta');
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await ann.api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId] })).toMatchObject(
      denied,
    );
    expect(await ann.api.patch(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId] })).toMatchObject(
      denied,
    );
    expect(await ann.api.delete(`${base}/teams/${team.id}/team_members`, { user_ids: [ann.userId] })).toMatchObject(
      denied,
    );
    expect((await ann.api.get(`${base}/teams/${team.id}/team_members`)).status).toBe(200);
  });

  it('answers 404 for another account’s team addressed under this account', async () => {
    const theirs = (await globex.api.post(`/api/v1/accounts/${globex.account_id}/teams`, { name: 'theirs' })).body;
    for (const res of [
      await acme.api.get(`${base}/teams/${theirs.id}/team_members`),
      await acme.api.post(`${base}/teams/${theirs.id}/team_members`, { user_ids: [ann.userId] }),
      await acme.api.patch(`${base}/teams/${theirs.id}/team_members`, { user_ids: [ann.userId] }),
      await acme.api.delete(`${base}/teams/${theirs.id}/team_members`, { user_ids: [ann.userId] }),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
  });
});
