import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');

describe('account', () => {
  it('shows the account in Chatwoot shape', async () => {
    const res = await acme.api.get(`/api/v1/accounts/${acme.account_id}`);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({ id: acme.account_id, name: 'Acme', locale: 'en', status: 'active', features: {} });
    expect(res.body.created_at).toMatch(/^\d{4}-\d\d-\d\dT/);
  });

  it('updates as administrator, flat or nested, and keeps industry in custom_attributes', async () => {
    let res = await acme.api.patch(`/api/v1/accounts/${acme.account_id}`, { name: 'Acme Inc', industry: 'retail' });
    expect(res.status).toBe(200);
    expect(res.body.name).toBe('Acme Inc');
    expect(res.body.custom_attributes).toEqual({ industry: 'retail' });
    res = await acme.api.put(`/api/v1/accounts/${acme.account_id}`, { account: { locale: 'pt_BR' } });
    expect(res.body.locale).toBe('pt_BR');
  });

  it('shows auto_resolve_after inside settings, as Chatwoot stores it, and clears it with null', async () => {
    const path = `/api/v1/accounts/${acme.account_id}`;
    expect((await acme.api.get(path)).body.settings).toMatchObject({ auto_resolve_after: null });
    let res = await acme.api.patch(path, { auto_resolve_after: 1440 });
    expect(res.status).toBe(200);
    expect(res.body.settings).toMatchObject({ auto_resolve_after: 1440 });
    expect((await acme.api.get(path)).body.settings.auto_resolve_after).toBe(1440);
    res = await acme.api.patch(path, { auto_resolve_after: null });
    expect(res.body.settings.auto_resolve_after).toBeNull();
    expect((await acme.api.patch(path, { auto_resolve_after: 5 })).body.attributes).toEqual(['auto_resolve_after']);
  });

  it('refuses an agent the update with Chatwoot policy 401', async () => {
    const agent = await ctx.member(acme.account_id, 'agent');
    const res = await agent.api.patch(`/api/v1/accounts/${acme.account_id}`, { name: 'x' });
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: 'You are not authorized to do this action' });
  });

  it('answers 401 without a token, with a bad token, and for another account', async () => {
    expect(await ctx.client().get(`/api/v1/accounts/${acme.account_id}`)).toMatchObject({
      status: 401,
      body: { errors: ['You need to sign in or sign up before continuing.'] },
    });
    expect(await ctx.client('nope').get(`/api/v1/accounts/${acme.account_id}`)).toMatchObject({
      status: 401,
      body: { error: 'Invalid Access Token' },
    });
    expect(await other.api.get(`/api/v1/accounts/${acme.account_id}`)).toMatchObject({
      status: 401,
      body: { error: 'You are not authorized to access this account' },
    });
    expect(await acme.api.get(`/api/v1/accounts/999999`)).toMatchObject({ status: 404 });
  });

  it('accepts the token as Api-Access-Token and Authorization: Bearer', async () => {
    const path = `/api/v1/accounts/${acme.account_id}`;
    expect((await ctx.client(undefined, { 'Api-Access-Token': acme.api_access_token }).get(path)).status).toBe(200);
    expect((await ctx.client(undefined, { Authorization: `Bearer ${acme.api_access_token}` }).get(path)).status).toBe(
      200,
    );
  });

  it('rejects a bad field with a 422 naming it', async () => {
    const res = await acme.api.patch(`/api/v1/accounts/${acme.account_id}`, { name: 'x'.repeat(300) });
    expect(res.status).toBe(422);
    expect(res.body.attributes).toEqual(['name']);
    expect(res.body.message).toMatch(/name/);
  });
});
