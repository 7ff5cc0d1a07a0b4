import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');
const { api, base } = f;

describe('webhooks API', () => {
  it('refuses loopback and private targets unless WEBHOOK_ALLOW_PRIVATE_NETWORKS is on', async () => {
    for (const url of ['http://127.0.0.1:9/hook', 'http://10.1.2.3/hook', 'http://[::1]/x', 'http://localhost:8080/']) {
      const res = await api.post(`${base}/webhooks`, { url, subscriptions: ['message_created'] });
      expect(res).toMatchObject({ status: 422, body: { attributes: ['url'] } });
    }
    expect((await api.post(`${base}/webhooks`, { url: 'ftp://example.com/x' })).status).toBe(422);
  });

  it('creates, lists, updates and deletes with Chatwoot’s envelopes and exposes the signing secret', async () => {
    const created = await api.post(`${base}/webhooks`, {
      webhook: {
        url: 'https://203.0.113.10/hook',
        subscriptions: ['message_created', 'conversation_created'],
        name: 'CRM',
      },
    });
    expect(created.status).toBe(200);
    const webhook = created.body.payload.webhook;
    expect(webhook).toMatchObject({
      id: expect.any(Number),
      name: 'CRM',
      url: 'https://203.0.113.10/hook',
      account_id: f.account.account_id,
      subscriptions: ['message_created', 'conversation_created'],
      status: 'active',
    });
    expect(webhook.secret).toMatch(/^[A-Za-z0-9_-]{20,}$/);
    const list = await api.get(`${base}/webhooks`);
    expect(list.body).toEqual({ payload: { webhooks: [webhook] } });
    const updated = await api.patch(`${base}/webhooks/${webhook.id}`, {
      subscriptions: ['contact_created'],
      inbox_id: f.inbox.id,
    });
    expect(updated.body.payload.webhook).toMatchObject({
      subscriptions: ['contact_created'],
      inbox: { id: f.inbox.id, name: 'Shop API', channel_type: 'Channel::Api' },
    });
    const dup = await api.post(`${base}/webhooks`, {
      url: 'https://203.0.113.10/hook',
      subscriptions: ['message_created'],
    });
    expect(dup).toMatchObject({ status: 422, body: { attributes: ['url'] } });
    expect((await api.delete(`${base}/webhooks/${webhook.id}`)).status).toBe(200);
    expect((await api.get(`${base}/webhooks`)).body).toEqual({ payload: { webhooks: [] } });
  });

  it('rejects unknown or empty subscriptions', async () => {
    for (const subscriptions of [['message_exploded'], '[null]']) {
      const res = await api.post(`${base}/webhooks`, { url: 'https://203.0.113.11/hook', subscriptions });
      if (Array.isArray(subscriptions))
        expect(res).toMatchObject({ status: 422, body: { message: 'Invalid events', attributes: ['subscriptions'] } });
      else expect(res.status).toBe(200); // n8n's untouched [null] = every event, as Chatwoot's UI default
    }
  });

  it('is for administrators of the account only', async () => {
    const agent = await ctx.member(f.account.account_id, 'agent');
    expect((await agent.api.get(`${base}/webhooks`)).status).toBe(401);
    const theirs = (await other.api.post(`${other.base}/webhooks`, { url: 'https://203.0.113.12/hook' })).body.payload
      .webhook;
    expect((await api.patch(`${base}/webhooks/${theirs.id}`, { name: 'x' })).status).toBe(404);
    expect((await api.get(`${base}/webhooks/${theirs.id}/deliveries`)).status).toBe(404);
  });
});
