import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}`;
const ann = await ctx.member(acme.account_id, 'agent', 'Ann');
const bob = await ctx.member(acme.account_id, 'agent', 'Bob');
const cid = await ctx.member(acme.account_id, 'agent', 'Cid');
const outsider = await ctx.member(globex.account_id, 'agent', 'Outsider');

const newInbox = async (name: string) =>
  (await acme.api.post(`${base}/inboxes`, { name, channel: { type: 'api' } })).body;
const ids = (res: { body: any }) => res.body.payload.map((a: any) => a.id);

describe('inbox members', () => {
  it('adds agents and answers {payload: [every member]} as Agent', async () => {
    const inbox = await newInbox('Adds');
    let res = await acme.api.post(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [ann.userId] });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      payload: [expect.objectContaining({ id: ann.userId, name: 'Ann', role: 'agent', account_id: acme.account_id })],
    });
    res = await acme.api.post(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [bob.userId, ann.userId] });
    expect(ids(res)).toEqual([ann.userId, bob.userId]);
    const shown = await ann.api.get(`${base}/inbox_members/${inbox.id}`);
    expect(shown.status).toBe(200);
    expect(ids(shown)).toEqual([ann.userId, bob.userId]);
  });

  it('accepts what n8n sends: inbox_id as text, user_ids as JSON text of numeric strings', async () => {
    const inbox = await newInbox('N8n');
    const res = await acme.api.post(`${base}/inbox_members`, {
      inbox_id: String(inbox.id),
      user_ids: `["${ann.userId}","${cid.userId}"]`,
    });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([ann.userId, cid.userId]);
    const untouched = await acme.api.post(`${base}/inbox_members`, { inbox_id: '', user_ids: [null] });
    expect(untouched.status).toBe(422);
    expect(untouched.body.attributes).toEqual(['inbox_id']);
  });

  it('sets the exact list with PATCH and removes with DELETE (empty 200)', async () => {
    const inbox = await newInbox('Exact');
    await acme.api.post(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [ann.userId, bob.userId] });
    const res = await acme.api.patch(`${base}/inbox_members`, {
      inbox_id: inbox.id,
      user_ids: [bob.userId, cid.userId],
    });
    expect(res.status).toBe(200);
    expect(ids(res)).toEqual([bob.userId, cid.userId]);
    const removed = await acme.api.delete(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [bob.userId] });
    expect(removed.status).toBe(200);
    expect(removed.text).toBe('');
    expect(ids(await acme.api.get(`${base}/inbox_members/${inbox.id}`))).toEqual([cid.userId]);
  });

  it('rejects bad input with a 422 naming the field', async () => {
    const inbox = await newInbox('Bad');
    for (const [body, field] of [
      [{ user_ids: [ann.userId] }, 'inbox_id'],
      [{ inbox_id: inbox.id }, 'user_ids'],
      [{ inbox_id: inbox.id, user_ids: ['x'] }, 'user_ids.0'],
      [{ inbox_id: inbox.id, user_ids: [outsider.userId] }, 'user_ids'],
    ] as const) {
      const res = await acme.api.post(`${base}/inbox_members`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.attributes).toEqual([field]);
    }
  });

  it('lets agents read only their inboxes’ members and change none', async () => {
    const inbox = await newInbox('Agents');
    await acme.api.post(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [ann.userId] });
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect((await ann.api.get(`${base}/inbox_members/${inbox.id}`)).status).toBe(200);
    expect(await bob.api.get(`${base}/inbox_members/${inbox.id}`)).toMatchObject(denied);
    expect(await ann.api.post(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [bob.userId] })).toMatchObject(
      denied,
    );
    expect(await ann.api.patch(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [ann.userId] })).toMatchObject(
      denied,
    );
    expect(await ann.api.delete(`${base}/inbox_members`, { inbox_id: inbox.id, user_ids: [ann.userId] })).toMatchObject(
      denied,
    );
  });

  it('answers 404 for another account’s inbox addressed under this account', async () => {
    const theirs = (
      await globex.api.post(`/api/v1/accounts/${globex.account_id}/inboxes`, {
        name: 'Theirs',
        channel: { type: 'api' },
      })
    ).body;
    for (const res of [
      await acme.api.get(`${base}/inbox_members/${theirs.id}`),
      await acme.api.post(`${base}/inbox_members`, { inbox_id: theirs.id, user_ids: [ann.userId] }),
      await acme.api.patch(`${base}/inbox_members`, { inbox_id: theirs.id, user_ids: [ann.userId] }),
      await acme.api.delete(`${base}/inbox_members`, { inbox_id: theirs.id, user_ids: [ann.userId] }),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
  });
});
