import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
/** Installation apps, each granted one account and its administrator (as the first start grants its app). */
const acmeApp = await ctx.platformApp({ accountIds: [acme.account_id], userIds: [acme.user_id] });
const globexApp = await ctx.platformApp({ accountIds: [globex.account_id], userIds: [globex.user_id] });
const path = `/platform/api/v1/accounts/${acme.account_id}/account_users`;
const ISO = /^\d{4}-\d\d-\d\dT/;

describe('platform account users', () => {
  let userId: number;

  it('lists the members as raw AccountUser records', async () => {
    const res = await acmeApp.get(path);
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      {
        id: expect.any(Number),
        account_id: acme.account_id,
        user_id: acme.user_id,
        role: 'administrator',
        inviter_id: null,
        created_at: expect.stringMatching(ISO),
        updated_at: expect.stringMatching(ISO),
        active_at: null,
        availability: 'online',
        auto_offline: true,
        custom_role_id: null,
        agent_capacity_policy_id: null,
      },
    ]);
  });

  it('adds a user as agent by default, then changes the role on a second post (upsert)', async () => {
    const user = await acmeApp.post('/platform/api/v1/users', {
      name: 'Sam',
      email: 'sam@acme.example',
      password: 'secret123',
    });
    userId = user.body.id;
    let res = await acmeApp.post(path, { user_id: userId });
    expect(res).toMatchObject({ status: 200, body: { account_id: acme.account_id, user_id: userId, role: 'agent' } });
    res = await acmeApp.post(path, { user_id: userId, role: 'administrator' });
    expect(res.body).toMatchObject({ user_id: userId, role: 'administrator' });
    expect((await acmeApp.get(path)).body).toHaveLength(2);
  });

  it('rejects bad input with 422 naming the field (n8n’s untouched user_id 0 counts as missing)', async () => {
    expect(await acmeApp.post(path, { user_id: 0, role: '' })).toMatchObject({
      status: 422,
      body: { attributes: ['user_id'] },
    });
    expect(await acmeApp.post(path, { user_id: 999999 })).toMatchObject({
      status: 422,
      body: { attributes: ['user_id'] },
    });
    expect(await acmeApp.post(path, { user_id: userId, role: 'owner' })).toMatchObject({
      status: 422,
      body: { attributes: ['role'] },
    });
  });

  it('answers 401 Non permissible resource for another app’s account, and 404 for an unknown account', async () => {
    const denied = { status: 401, body: { error: 'Non permissible resource' } };
    expect(await globexApp.get(path)).toMatchObject(denied);
    expect(await globexApp.post(path, { user_id: globex.user_id, role: 'administrator' })).toMatchObject(denied);
    expect(await globexApp.delete(path, { user_id: acme.user_id })).toMatchObject(denied);
    expect(await acmeApp.get('/platform/api/v1/accounts/999999/account_users')).toMatchObject({ status: 404 });
    expect((await acmeApp.get(path)).body).toHaveLength(2);
  });

  it('removes a member with 200 and an empty body; a non-member is 404', async () => {
    const res = await acmeApp.delete(path, { user_id: userId });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acmeApp.get(path)).body.map((m: { user_id: number }) => m.user_id)).toEqual([acme.user_id]);
    expect(await acmeApp.delete(path, { user_id: userId })).toMatchObject({ status: 404 });
  });
});
