import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/canned_responses`;
const agent = await ctx.member(acme.account_id, 'agent');
const ISO = /^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/;

describe('canned responses', () => {
  let id: number;

  it('creates and answers the raw record with ISO times', async () => {
    const res = await acme.api.post(base, { short_code: 'greet', content: 'Hello there, how can I help?' });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      account_id: acme.account_id,
      short_code: 'greet',
      content: 'Hello there, how can I help?',
      created_at: expect.stringMatching(ISO),
      updated_at: expect.stringMatching(ISO),
    });
    id = res.body.id;
  });

  it('lets agents list and create (nested under canned_response too)', async () => {
    const res = await agent.api.post(base, {
      canned_response: { short_code: 'refund', content: 'Your refund is on its way' },
    });
    expect(res.body).toMatchObject({ short_code: 'refund' });
    const list = await agent.api.get(base);
    expect(list.status).toBe(200);
    expect(list.body.map((c: { short_code: string }) => c.short_code)).toEqual(['greet', 'refund']);
  });

  it('searches short_code or content, case-insensitively', async () => {
    expect((await acme.api.get(base, { search: 'REF' })).body.map((c: { short_code: string }) => c.short_code)).toEqual(
      ['refund'],
    );
    expect(
      (await acme.api.get(base, { search: 'how can' })).body.map((c: { short_code: string }) => c.short_code),
    ).toEqual(['greet']);
    expect((await acme.api.get(base, { search: '100%' })).body).toEqual([]);
  });

  it('updates with PATCH and PUT, ignoring the empty strings n8n sends for untouched fields', async () => {
    let res = await acme.api.patch(`${base}/${id}`, { content: 'Hi!', short_code: '' });
    expect(res.body).toMatchObject({ id, short_code: 'greet', content: 'Hi!' });
    res = await acme.api.put(`${base}/${id}`, { short_code: 'hi' });
    expect(res.body).toMatchObject({ short_code: 'hi', content: 'Hi!' });
  });

  it('rejects missing fields and a duplicate short code with 422 naming the field', async () => {
    expect(await acme.api.post(base, { content: 'x' })).toMatchObject({
      status: 422,
      body: { attributes: ['short_code'] },
    });
    expect(await acme.api.post(base, { short_code: 'x', content: '' })).toMatchObject({
      status: 422,
      body: { attributes: ['content'] },
    });
    expect(await acme.api.post(base, { short_code: 'hi', content: 'again' })).toMatchObject({
      status: 422,
      body: { message: 'Short code has already been taken', attributes: ['short_code'] },
    });
  });

  it('refuses an agent the delete with the Chatwoot policy 401', async () => {
    expect(await agent.api.delete(`${base}/${id}`)).toMatchObject({
      status: 401,
      body: { error: 'You are not authorized to do this action' },
    });
  });

  it('answers 404 for another account’s canned response, and never lists it', async () => {
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/canned_responses`, {
      short_code: 'secret',
      content: 'theirs',
    });
    expect(await acme.api.patch(`${base}/${theirs.body.id}`, { content: 'mine' })).toMatchObject({
      status: 404,
      body: { error: 'Resource could not be found' },
    });
    expect((await acme.api.delete(`${base}/${theirs.body.id}`)).status).toBe(404);
    expect((await acme.api.get(base, { search: 'secret' })).body).toEqual([]);
  });

  it('deletes with 200 and an empty body', async () => {
    const res = await acme.api.delete(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(base)).body).toHaveLength(1);
  });
});
