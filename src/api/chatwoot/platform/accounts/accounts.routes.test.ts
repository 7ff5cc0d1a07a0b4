import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
/** Installation apps, each granted one account and its administrator (as the first start grants its app). */
const acmeApp = await ctx.platformApp({ accountIds: [acme.account_id], userIds: [acme.user_id] });
const globexApp = await ctx.platformApp({ accountIds: [globex.account_id], userIds: [globex.user_id] });
const base = '/platform/api/v1/accounts';

describe('platform accounts', () => {
  let id: number;

  it('creates an account and answers the PlatformAccount shape', async () => {
    const res = await acmeApp.post(base, {
      name: 'Initech',
      locale: 'pt_BR',
      domain: 'initech.example',
      support_email: 'help@initech.example',
      features: { help_center: true, campaigns: false },
      limits: { agents: 5 },
      custom_attributes: { plan: 'pro' },
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      name: 'Initech',
      locale: 'pt_BR',
      domain: 'initech.example',
      support_email: 'help@initech.example',
      features: { help_center: true },
      custom_attributes: { plan: 'pro' },
      limits: { agents: 5 },
      status: 'active',
    });
    id = res.body.id;
  });

  it('lists only the accounts this app created', async () => {
    const res = await acmeApp.get(base);
    expect(res.status).toBe(200);
    expect(res.body.map((a: { id: number }) => a.id)).toEqual([acme.account_id, id]);
    expect((await globexApp.get(base)).body.map((a: { id: number }) => a.id)).toEqual([globex.account_id]);
  });

  it('shows and updates with PATCH and PUT; features toggle flag by flag', async () => {
    expect((await acmeApp.get(`${base}/${id}`)).body).toMatchObject({ id, name: 'Initech' });
    let res = await acmeApp.patch(`${base}/${id}`, {
      name: 'Initech Ltd',
      status: 'suspended',
      features: { campaigns: true, help_center: false },
    });
    expect(res.body).toMatchObject({
      name: 'Initech Ltd',
      status: 'suspended',
      features: { campaigns: true },
      limits: { agents: 5 },
    });
    res = await acmeApp.put(`${base}/${id}`, { account: { locale: 'en', features: { macros: 'true' } } });
    expect(res.body).toMatchObject({ locale: 'en', features: { campaigns: true, macros: true } });
  });

  it('rejects bad input with 422 naming the field', async () => {
    expect(await acmeApp.post(base, { name: '' })).toMatchObject({ status: 422, body: { attributes: ['name'] } });
    expect(await acmeApp.patch(`${base}/${id}`, { status: 'closed' })).toMatchObject({
      status: 422,
      body: { attributes: ['status'] },
    });
    expect(await acmeApp.patch(`${base}/${id}`, { limits: 'many' })).toMatchObject({
      status: 422,
      body: { attributes: ['limits'] },
    });
  });

  it('answers 401 Non permissible resource for another app’s account, and 404 for an unknown one', async () => {
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    expect(await globexApp.get(`${base}/${id}`)).toMatchObject(denied);
    expect(await globexApp.patch(`${base}/${id}`, { name: 'Mine' })).toMatchObject(denied);
    expect(await globexApp.delete(`${base}/${id}`)).toMatchObject(denied);
    expect(await acmeApp.get(`${base}/999999`)).toMatchObject({ status: 404 });
    expect((await acmeApp.get(`${base}/${id}`)).body.name).toBe('Initech Ltd');
  });

  it('refuses user tokens and unknown tokens', async () => {
    expect(await acme.api.get(base)).toMatchObject({ status: 401, body: { error: 'Invalid access_token' } });
    expect(await ctx.client().get(base)).toMatchObject({ status: 401 });
  });

  it('deletes with 200 and an empty body', async () => {
    const res = await acmeApp.delete(`${base}/${id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acmeApp.get(`${base}/${id}`)).status).toBe(404);
    expect((await acmeApp.get(base)).body.map((a: { id: number }) => a.id)).toEqual([acme.account_id]);
  });
});
