/**
 * The n8n ChatWoot node's four Integrations operations, sent exactly as the node sends them, against the
 * in-process server: the catalogue lists what Switchboard runs, Slack hooks are created, changed and deleted, and
 * an app it cannot run is never enabled.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { call } from './node-requests.ts';

const ctx = await createTestContext();
const account = await ctx.account('n8n Integrations');
const node = (operation: string, values: Record<string, any> = {}) =>
  call(ctx.app, account.api_access_token, 'Integrations', operation, { account_id: account.account_id, ...values });

describe('n8n ChatWoot node: Integrations', () => {
  it('lists the apps (Get Details Of All Integrations): the webhook app, enabled once a webhook exists, and Slack', async () => {
    const before = await node('Get Details Of All Integrations');
    expect(before.status).toBe(200);
    expect(before.body.payload).toEqual([
      expect.objectContaining({ id: 'webhook', enabled: false, hooks: [] }),
      expect.objectContaining({ id: 'slack', enabled: false, hooks: [] }),
    ]);
    await account.api.post(`/api/v1/accounts/${account.account_id}/webhooks`, {
      url: 'https://example.com/n8n',
      subscriptions: ['conversation_created'],
    });
    const after = await node('Get Details Of All Integrations');
    expect(after.body.payload[0]).toMatchObject({ id: 'webhook', enabled: true });
  });

  it('refuses a hook for an app Switchboard cannot run (Create An Integration Hook), with the reason', async () => {
    const res = await node('Create An Integration Hook', { app_id: 'dialogflow', settings: '{"project_id":"x"}' });
    expect(res).toMatchObject({
      status: 422,
      body: { message: expect.stringMatching(/does not run the dialogflow integration/), attributes: ['app_id'] },
    });
    const blank = await node('Create An Integration Hook');
    expect(blank).toMatchObject({ status: 422, body: { attributes: ['app_id'] } });
  });

  it('creates, updates and deletes a Slack hook (Create An Integration Hook, Update An Integrations Hook, Delete An Integration Hook)', async () => {
    const created = await node('Create An Integration Hook', {
      app_id: 'slack',
      settings: '{"webhook_url":"https://hooks.slack.com/services/T/B/n8n"}',
    });
    expect(created).toMatchObject({
      status: 200,
      body: {
        app_id: 'slack',
        status: true,
        hook_type: 'account',
        settings: { webhook_url: 'https://hooks.slack.com/services/T/B/n8n' },
      },
    });
    const updated = await node('Update An Integrations Hook', {
      hook_id: created.body.id,
      settings: '{"webhook_url":"https://hooks.slack.com/services/T/B/two"}',
    });
    expect(updated).toMatchObject({
      status: 200,
      body: { id: created.body.id, settings: { webhook_url: 'https://hooks.slack.com/services/T/B/two' } },
    });
    const deleted = await node('Delete An Integration Hook', { hook_id: created.body.id });
    expect(deleted.status).toBe(200);
    const again = await node('Delete An Integration Hook', { hook_id: created.body.id });
    expect(again).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
  });
});
