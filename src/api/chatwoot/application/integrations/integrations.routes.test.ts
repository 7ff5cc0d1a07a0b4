import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/integrations`;
const agent = await ctx.member(acme.account_id, 'agent');

describe('integration apps', () => {
  it('lists the webhook and Slack apps, neither enabled while the account has no webhook or Slack hook', async () => {
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
        {
          id: 'slack',
          name: 'Slack',
          description: expect.stringMatching(/incoming webhook/),
          short_description: expect.any(String),
          enabled: false,
          action: '/slack',
          button: '/slack',
          hooks: [],
        },
      ],
    });
  });

  it('shows webhooks enabled once the account has a webhook, to agents without the admin-only link', async () => {
    const created = await acme.api.post(`/api/v1/accounts/${acme.account_id}/webhooks`, {
      url: 'https://example.com/hook',
      subscriptions: ['message_created'],
    });
    expect(created.status, created.text).toBe(200);
    const shown = await agent.api.get(`${base}/apps/webhook`);
    expect(shown.status).toBe(200);
    expect(shown.body).toMatchObject({ id: 'webhook', enabled: true, hooks: [] });
    expect(shown.body).not.toHaveProperty('action');
    expect(
      (await other.api.get(`/api/v1/accounts/${other.account_id}/integrations/apps`)).body.payload[0].enabled,
    ).toBe(false);
  });

  it('answers 404 for an app Switchboard does not run', async () => {
    expect((await acme.api.get(`${base}/apps/dialogflow`)).status).toBe(404);
  });
});

describe('integration hooks', () => {
  it('refuses to enable an app Switchboard cannot run, saying why, in Chatwoot’s error shape', async () => {
    const dialogflow = await acme.api.post(`${base}/hooks`, { app_id: 'dialogflow', settings: {} });
    expect(dialogflow).toMatchObject({
      status: 422,
      body: { message: expect.stringMatching(/does not run the dialogflow integration/), attributes: ['app_id'] },
    });
    const wrapped = await acme.api.post(`${base}/hooks`, { hook: { app_id: 'openai', inbox_id: 1, settings: {} } });
    expect(wrapped).toMatchObject({ status: 422, body: { attributes: ['app_id'] } });
    const webhook = await acme.api.post(`${base}/hooks`, { app_id: 'webhook' });
    expect(webhook).toMatchObject({
      status: 422,
      body: { message: expect.stringMatching(/POST \/api\/v1\/accounts\/\{account_id\}\/webhooks/) },
    });
    expect(await acme.api.post(`${base}/hooks`, { app_id: 'nope' })).toMatchObject({
      status: 422,
      body: { message: 'There is no integration app nope' },
    });
    expect(await acme.api.post(`${base}/hooks`, { app_id: '' })).toMatchObject({
      status: 422,
      body: { attributes: ['app_id'] },
    });
  });

  it('creates a Slack hook from an incoming-webhook URL, wrapped or not, and updates its status and URL', async () => {
    const created = await acme.api.post(`${base}/hooks`, {
      hook: { app_id: 'slack', settings: { webhook_url: 'https://hooks.slack.com/services/T0/B0/abc' } },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(Number),
      app_id: 'slack',
      status: true,
      inbox: null,
      account_id: acme.account_id,
      hook_type: 'account',
      settings: { webhook_url: 'https://hooks.slack.com/services/T0/B0/abc' },
      reference_id: null,
    });
    const id = created.body.id;
    const updated = await acme.api.patch(`${base}/hooks/${id}`, {
      hook: { status: 'disabled', settings: { webhook_url: 'https://hooks.slack.com/services/T0/B0/new' } },
    });
    expect(updated.body).toMatchObject({
      id,
      status: false,
      settings: { webhook_url: 'https://hooks.slack.com/services/T0/B0/new' },
    });
    expect((await acme.api.put(`${base}/hooks/${id}`, { status: true })).body.status).toBe(true);
    expect(await acme.api.patch(`${base}/hooks/${id}`, { status: 'maybe' })).toMatchObject({
      status: 422,
      body: { attributes: ['status'] },
    });
    const app = await acme.api.get(`${base}/apps/slack`);
    expect(app.body).toMatchObject({ enabled: true, hooks: [{ id, status: true }] });
    // Agents see the app, not its hooks (their settings hold the Slack URL).
    expect((await agent.api.get(`${base}/apps/slack`)).body).toMatchObject({ enabled: true, hooks: [] });
    expect((await acme.api.get(`${base}/hooks/${id}/deliveries`)).body).toEqual({
      payload: [],
      meta: { count: 0, current_page: 1 },
    });
    expect((await acme.api.delete(`${base}/hooks/${id}`)).status).toBe(200);
    expect((await acme.api.delete(`${base}/hooks/${id}`)).status).toBe(404);
  });

  it('refuses a Slack hook without a URL, with a URL on a private network (the webhooks’ guard), or an inbox of another account', async () => {
    expect(await acme.api.post(`${base}/hooks`, { app_id: 'slack', settings: {} })).toMatchObject({
      status: 422,
      body: { attributes: ['settings'] },
    });
    expect(await acme.api.post(`${base}/hooks`, { app_id: 'slack' })).toMatchObject({
      status: 422,
      body: { attributes: ['settings'] },
    });
    for (const url of [
      'http://127.0.0.1:9/slack',
      'http://10.0.0.5/hook',
      'http://[::1]/x',
      'http://169.254.169.254/latest',
    ]) {
      const res = await acme.api.post(`${base}/hooks`, { app_id: 'slack', settings: { webhook_url: url } });
      expect(res, url).toMatchObject({
        status: 422,
        body: { message: 'Webhook url points to a private or loopback network', attributes: ['settings.webhook_url'] },
      });
    }
    // The same refusal a webhook gets for the same URL.
    const webhook = await acme.api.post(`/api/v1/accounts/${acme.account_id}/webhooks`, {
      url: 'http://127.0.0.1:9/slack',
    });
    expect(webhook.status).toBe(422);
    expect(
      await acme.api.post(`${base}/hooks`, { app_id: 'slack', settings: { webhook_url: 'ftp://example.com/x' } }),
    ).toMatchObject({ status: 422 });
    const theirInbox = await insertInbox(ctx.database.db, other.account_id, {
      name: 'Theirs',
      channel_type: 'Channel::Api',
    });
    const crossed = await acme.api.post(`${base}/hooks`, {
      app_id: 'slack',
      inbox_id: theirInbox.id,
      settings: { webhook_url: 'https://hooks.slack.com/services/x' },
    });
    expect(crossed).toMatchObject({ status: 422, body: { attributes: ['inbox_id'] } });
  });

  it('keeps hooks to their account (404 for another account’s hook) and to administrators (401 for an agent)', async () => {
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/integrations/hooks`, {
      app_id: 'slack',
      settings: { webhook_url: 'https://hooks.slack.com/services/theirs' },
    });
    expect(theirs.status).toBe(200);
    expect((await acme.api.patch(`${base}/hooks/${theirs.body.id}`, { status: false })).status).toBe(404);
    expect((await acme.api.delete(`${base}/hooks/${theirs.body.id}`)).status).toBe(404);
    expect((await acme.api.get(`${base}/hooks/${theirs.body.id}/deliveries`)).status).toBe(404);
    expect(
      (await other.api.get(`/api/v1/accounts/${other.account_id}/integrations/apps/slack`)).body.hooks,
    ).toHaveLength(1);
    expect(await agent.api.post(`${base}/hooks`, { app_id: 'slack' })).toMatchObject({
      status: 401,
      body: { error: 'You are not authorized to do this action' },
    });
    expect((await agent.api.delete(`${base}/hooks/1`)).status).toBe(401);
    expect((await agent.api.get(`${base}/hooks/1/deliveries`)).status).toBe(401);
  });
});
