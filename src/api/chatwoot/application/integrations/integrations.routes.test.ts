import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/integrations`;
const agent = await ctx.member(acme.account_id, 'agent');

describe('integration apps', () => {
  it('lists only the webhook app, not enabled while the account has no webhook', async () => {
    const res = await acme.api.get(`${base}/apps`);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      payload: [
        {
          id: 'webhook',
          name: 'Webhooks',
          description: expect.any(String),
          short_description: expect.any(String),
          enabled: false,
          action: '/webhook',
          button: '/webhook',
          hooks: [],
        },
      ],
    });
  });

  it('shows it enabled once the account has a webhook, to agents without the admin-only link', async () => {
    const created = await acme.api.post(`/api/v1/accounts/${acme.account_id}/webhooks`, { url: 'https://example.com/hook', subscriptions: ['message_created'] });
    expect(created.status, created.text).toBe(200);
    const shown = await agent.api.get(`${base}/apps/webhook`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: 'webhook', enabled: true, hooks: [] });
    expect(shown.body).not.toHaveProperty('action');
    expect((await other.api.get(`/api/v1/accounts/${other.account_id}/integrations/apps`)).body.payload[0].enabled).toBe(false);
  });

  it('answers 404 for an app Switchboard does not run', async () => {
    expect((await acme.api.get(`${base}/apps/slack`)).status).toBe(404);
  });
});

describe('integration hooks', () => {
  it('refuses to enable an app Switchboard cannot run, saying why, in Chatwoot’s error shape', async () => {
    const slack = await acme.api.post(`${base}/hooks`, { app_id: 'slack', settings: { channel_name: 'support' } });
    expect(slack).toMatchObject({ status: 422, body: { message: expect.stringMatching(/does not run the slack integration/), attributes: ['app_id'] } });
    const wrapped = await acme.api.post(`${base}/hooks`, { hook: { app_id: 'dialogflow', inbox_id: 1, settings: {} } });
    expect(wrapped).toMatchObject({ status: 422, body: { attributes: ['app_id'] } });
    const webhook = await acme.api.post(`${base}/hooks`, { app_id: 'webhook' });
    expect(webhook).toMatchObject({ status: 422, body: { message: expect.stringMatching(/POST \/api\/v1\/accounts\/\{account_id\}\/webhooks/) } });
    expect(await acme.api.post(`${base}/hooks`, { app_id: 'nope' })).toMatchObject({ status: 422, body: { message: 'There is no integration app nope' } });
    expect(await acme.api.post(`${base}/hooks`, { app_id: '' })).toMatchObject({ status: 422, body: { attributes: ['app_id'] } });
  });

  it('has no hook to update or delete (404), and keeps hooks to administrators (401 for an agent)', async () => {
    expect((await acme.api.patch(`${base}/hooks/1`, { settings: {} })).status).toBe(404);
    expect((await acme.api.delete(`${base}/hooks/1`)).status).toBe(404);
    expect(await agent.api.post(`${base}/hooks`, { app_id: 'slack' })).toMatchObject({ status: 401, body: { error: 'You are not authorized to do this action' } });
    expect((await agent.api.delete(`${base}/hooks/1`)).status).toBe(401);
  });
});
