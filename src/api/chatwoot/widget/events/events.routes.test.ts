import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';
import { verifySignature } from '../../../../events/signature.ts';

const ctx = await createTestContext({ WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true' }, { worker: true });
const acme = await ctx.account('Widgetco');
const base = `/api/v1/accounts/${acme.account_id}`;
const widget = await insertInbox(ctx.database.db, acme.account_id, {
  name: 'Website',
  channel_type: 'Channel::WebWidget',
});
const otherWidget = await insertInbox(ctx.database.db, acme.account_id, {
  name: 'Other site',
  channel_type: 'Channel::WebWidget',
});
const visitor = ctx.client(undefined, {
  'user-agent':
    'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36',
  'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
});

async function startWidget(inboxToken = widget.identifier) {
  const res = await visitor.post(`/api/v1/widget/config?website_token=${inboxToken}`);
  expect(res.status).toBe(200);
  return res.body;
}

function trigger(token: string, authToken: string, eventInfo: Record<string, unknown> = {}) {
  return ctx
    .client(undefined, authToken ? { 'x-auth-token': authToken } : {})
    .post(`/api/v1/widget/events?website_token=${token}&locale=fr`, {
      name: 'webwidget.triggered',
      event_info: eventInfo,
    });
}

describe('widget API: webwidget.triggered', () => {
  it('hands the widget a contact and its auth token, and finds the same contact again with it', async () => {
    const config = await startWidget();
    expect(config.website_channel_config).toMatchObject({
      website_token: widget.identifier,
      website_name: 'Website',
      account_id: acme.account_id,
      auth_token: expect.any(String),
    });
    expect(config.contact).toMatchObject({ id: expect.any(Number), pubsub_token: expect.any(String) });
    const again = await ctx
      .client(undefined, { 'x-auth-token': config.website_channel_config.auth_token })
      .post(`/api/v1/widget/config?website_token=${widget.identifier}`);
    expect(again.body.contact.id).toBe(config.contact.id);
  });

  it('sends webwidget_triggered with event_info as Chatwoot builds it, signed, through the outbox', async () => {
    const receiver = await startReceiver();
    const hook = (
      await acme.api.post(`${base}/webhooks`, { url: receiver.url, subscriptions: ['webwidget_triggered'] })
    ).body.payload.webhook;
    const config = await startWidget();
    const token = config.website_channel_config.auth_token;
    const opened = await ctx
      .client(undefined, {
        'x-auth-token': token,
        'user-agent':
          'Mozilla/5.0 (Macintosh; Intel Mac OS X 10_15_7) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/120.0.6099.71 Safari/537.36',
        'accept-language': 'de-DE,de;q=0.9,en;q=0.8',
      })
      .post(`/api/v1/widget/events?website_token=${widget.identifier}&locale=fr`, {
        name: 'webwidget.triggered',
        event_info: {
          initiated_at: { timestamp: 'Mon Nov 23 2026 12:00:00 GMT+0000' },
          referer: 'https://shop.example/pricing',
        },
      });
    expect(opened.status).toBe(204);
    await receiver.waitFor((r) => r.length === 1);
    const [delivery] = receiver.received;
    expect(
      verifySignature(
        hook.secret,
        delivery.headers['x-chatwoot-timestamp'] as string,
        delivery.raw,
        delivery.headers['x-chatwoot-signature'] as string,
      ),
    ).toBe(true);
    const contactInbox = await ctx.database.db
      .selectFrom('contact_inboxes')
      .selectAll()
      .where('pubsub_token', '=', config.contact.pubsub_token)
      .executeTakeFirstOrThrow();
    expect(delivery.body).toEqual({
      event: 'webwidget_triggered',
      id: contactInbox.id,
      contact: expect.objectContaining({ id: config.contact.id, account: { id: acme.account_id, name: 'Widgetco' } }),
      inbox: { id: widget.id, name: 'Website' },
      account: { id: acme.account_id, name: 'Widgetco' },
      current_conversation: null,
      source_id: contactInbox.source_id,
      event_info: {
        initiated_at: { timestamp: 'Mon Nov 23 2026 12:00:00 GMT+0000' },
        referer: 'https://shop.example/pricing',
        widget_language: 'fr',
        browser_language: 'de',
        browser: {
          browser_name: 'Chrome',
          browser_version: '120.0.6099.71',
          device_name: 'Unknown',
          platform_name: 'macOS',
          platform_version: '10.15.7',
        },
      },
    });

    const conversation = (
      await ctx
        .client()
        .post(`/public/api/v1/inboxes/${widget.identifier}/contacts/${contactInbox.source_id}/conversations`, {})
    ).body;
    expect((await trigger(widget.identifier, token)).status).toBe(204);
    await receiver.waitFor((r) => r.length === 2);
    expect(receiver.received[1].body.current_conversation).toMatchObject({
      id: conversation.id,
      inbox_id: widget.id,
      status: 'open',
    });
  });

  it('refuses a missing, forged or other inbox’s token, and unknown event names', async () => {
    const config = await startWidget();
    const token: string = config.website_channel_config.auth_token;
    const other = await startWidget(otherWidget.identifier);
    expect((await trigger(widget.identifier, '')).status).toBe(401);
    expect((await trigger(widget.identifier, token.slice(0, -2) + 'xx')).status).toBe(401);
    expect((await trigger(widget.identifier, other.website_channel_config.auth_token)).status).toBe(401);
    expect((await trigger('no-such-widget', token)).status).toBe(404);
    const unknown = await ctx
      .client(undefined, { 'x-auth-token': token })
      .post(`/api/v1/widget/events?website_token=${widget.identifier}`, { name: 'campaign.exploded' });
    expect(unknown.status).toBe(422);
  });
});
