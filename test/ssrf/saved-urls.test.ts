import { describe, expect, it } from 'vitest';
import { createTestContext, type TestContext } from '../helpers/context.ts';

/**
 * Every URL Switchboard will later send to is checked when it is saved, not only at delivery: API-inbox
 * `webhook_url`, agent-bot `outgoing_url` (account and platform API), account webhooks (Chatwoot) and WTS webhook
 * subscriptions. Loopback and private targets — in any spelling — are refused in the dialect's validation shape
 * unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on.
 */
const PRIVATE = [
  'http://127.0.0.1:9/hook',
  'http://[::7f00:1]/hook',
  'http://[64:ff9b::a00:1]/hook',
  'http://localhost/hook',
];
const PUBLIC = 'https://203.0.113.20/hook';
const guarded = await createTestContext();
const open = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' });

async function surfaces(ctx: TestContext, name: string) {
  const account = await ctx.account(name);
  const platform = await ctx.platformApp({ accountIds: [account.account_id] });
  const base = `/api/v1/accounts/${account.account_id}`;
  const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
  const inbox = (
    await account.api.post(`${base}/inboxes`, { name: 'Hooked', channel: { type: 'api', webhook_url: PUBLIC } })
  ).body;
  const bot = (await account.api.post(`${base}/agent_bots`, { name: 'Bot', outgoing_url: PUBLIC })).body;
  const platformBot = (
    await platform.post('/platform/api/v1/agent_bots', {
      name: 'Platform bot',
      account_id: account.account_id,
      outgoing_url: PUBLIC,
    })
  ).body;
  const webhook = (await account.api.post(`${base}/webhooks`, { url: PUBLIC, subscriptions: ['message_created'] })).body
    .payload.webhook;
  const subscription = (
    await wts.post('/core/v1/webhook/subscription', { name: 'Sub', url: PUBLIC, events: ['MESSAGE_RECEIVED'] })
  ).body;
  expect([inbox.id, bot.id, platformBot.id, webhook.id, subscription.id].every(Boolean)).toBe(true);
  /** Each way of saving a URL: the request, and the field a refusal names. */
  return [
    {
      what: 'inbox create',
      field: 'channel.webhook_url',
      save: (url: string) =>
        account.api.post(`${base}/inboxes`, { name: 'Another', channel: { type: 'api', webhook_url: url } }),
    },
    {
      what: 'inbox update',
      field: 'channel.webhook_url',
      save: (url: string) => account.api.patch(`${base}/inboxes/${inbox.id}`, { channel: { webhook_url: url } }),
    },
    {
      what: 'agent bot create',
      field: 'outgoing_url',
      save: (url: string) => account.api.post(`${base}/agent_bots`, { name: 'Another bot', outgoing_url: url }),
    },
    {
      what: 'agent bot update',
      field: 'outgoing_url',
      save: (url: string) => account.api.patch(`${base}/agent_bots/${bot.id}`, { outgoing_url: url }),
    },
    {
      what: 'platform bot create',
      field: 'outgoing_url',
      save: (url: string) =>
        platform.post('/platform/api/v1/agent_bots', {
          name: 'Another',
          account_id: account.account_id,
          outgoing_url: url,
        }),
    },
    {
      what: 'platform bot update',
      field: 'outgoing_url',
      save: (url: string) => platform.patch(`/platform/api/v1/agent_bots/${platformBot.id}`, { outgoing_url: url }),
    },
    {
      what: 'webhook create',
      field: 'url',
      save: (url: string) => account.api.post(`${base}/webhooks`, { url, subscriptions: ['message_created'] }),
    },
    {
      what: 'webhook update',
      field: 'url',
      save: (url: string) => account.api.patch(`${base}/webhooks/${webhook.id}`, { url }),
    },
    {
      what: 'WTS subscription create',
      field: 'url',
      wts: true,
      save: (url: string) =>
        wts.post('/core/v1/webhook/subscription', { name: 'Another', url, events: ['MESSAGE_RECEIVED'] }),
    },
    {
      what: 'WTS subscription update',
      field: 'url',
      wts: true,
      save: (url: string) => wts.put(`/core/v1/webhook/subscription/${subscription.id}`, { fields: ['Url'], url }),
    },
  ];
}

describe('URLs checked when saved', () => {
  it('refuses loopback and private targets, in any spelling, with the dialect’s validation error naming the field', async () => {
    for (const surface of await surfaces(guarded, 'Guarded')) {
      for (const url of PRIVATE) {
        const res = await surface.save(url);
        const where = `${surface.what} ${url}`;
        if (surface.wts)
          expect(res, where).toMatchObject({ status: 400, body: { errors: [{ field: surface.field }] } });
        else
          expect(res, where).toMatchObject({
            status: 422,
            body: {
              message: expect.stringMatching(/points to a private or loopback network$/),
              attributes: [surface.field],
            },
          });
      }
    }
  });

  it('keeps an empty inbox webhook_url meaning "none"', async () => {
    const account = await guarded.account('Empty');
    const base = `/api/v1/accounts/${account.account_id}`;
    const created = await account.api.post(`${base}/inboxes`, {
      name: 'Quiet',
      channel: { type: 'api', webhook_url: '' },
    });
    expect(created).toMatchObject({ status: 200, body: { webhook_url: null } });
    const cleared = await account.api.patch(`${base}/inboxes/${created.body.id}`, { channel: { webhook_url: '' } });
    expect(cleared).toMatchObject({ status: 200, body: { webhook_url: null } });
  });

  it('accepts them all when WEBHOOK_ALLOW_PRIVATE_NETWORKS is on', async () => {
    for (const surface of await surfaces(open, 'Open')) {
      const res = await surface.save(`http://127.0.0.1:9/${surface.what.replace(/ /g, '-')}`);
      expect(res.status, surface.what).toBe(200);
    }
  });
});
