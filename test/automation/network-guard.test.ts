/** http_request goes through the webhooks' private-network guard at every send, not only when the rule is saved. */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { startReceiver } from '../helpers/receiver.ts';
import { createRule, settle, until } from './helpers.ts';

const ctx = await createTestContext({ WEBHOOK_RETRY_BASE_MS: '10' }, { worker: true, automation: true });
const f = await conversationFixture(ctx, 'Acme');
const { api, base } = f;
const receiver = await startReceiver();
const port = new URL(receiver.url).port;

describe('http_request network guard', () => {
  it('refuses a templated URL that resolves to loopback at send time, once, and records why', async () => {
    expect(
      (
        await api.post(`${base}/automation_rules`, {
          name: 'x',
          event_name: 'message_created',
          actions: [{ action_name: 'http_request', action_params: [{ url: receiver.url }] }],
        })
      ).status,
    ).toBe(422);
    // The host comes from the contact: nothing to judge when the rule is saved, so it is judged at each send.
    const rule = await createRule(api, base, {
      actions: [
        {
          action_name: 'http_request',
          action_params: [
            {
              method: 'POST',
              url: `http://{{contact.custom_attributes.crm_host}}:${port}/hook`,
              body: { id: '{{conversation.id}}' },
            },
          ],
        },
      ],
    });
    for (const host of ['127.0.0.1', 'localhost']) {
      await api.patch(`${base}/contacts/${f.contact.id}`, { custom_attributes: { crm_host: host } });
      const c = await f.openConversation();
      const message = await f.incoming(c.id, `to ${host}`);
      await settle(ctx);
      await until(async () =>
        (await api.get(`${base}/automation_rules/${rule.id}/runs`)).body.payload.some(
          (r: any) => r.message_id === message.id && r.calls[0]?.status === 'failed',
        ),
      );
      const run = (await api.get(`${base}/automation_rules/${rule.id}/runs`)).body.payload.find(
        (r: any) => r.message_id === message.id,
      );
      expect(run.calls[0]).toMatchObject({
        status: 'failed',
        attempts: 1,
        last_status_code: null,
        last_error: 'Url points to a private or loopback network',
      });
    }
    expect(receiver.received).toHaveLength(0);
  });
});
