import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { startReceiver } from '../../../../../test/helpers/receiver.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';
import { until } from '../../../../../test/helpers/browser.ts';

// Loopback receivers stand in for Slack, so private networks are allowed here (routes.test.ts checks the guard).
// A short retry window: a receiver that stays down gives up within the test.
const ctx = await createTestContext(
  {
    WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true',
    WEBHOOK_RETRY_BASE_MS: '50',
    WEBHOOK_RETRY_WINDOW_MS: '1500',
    WEBHOOK_TIMEOUT_MS: '2000',
  },
  { worker: true },
);

type Fixture = Awaited<ReturnType<typeof conversationFixture>>;

async function slackHook(f: Fixture, webhookUrl: string, inboxId?: number) {
  const res = await f.api.post(`${f.base}/integrations/hooks`, {
    app_id: 'slack',
    ...(inboxId ? { inbox_id: inboxId } : {}),
    settings: { webhook_url: webhookUrl },
  });
  expect(res.status, res.text).toBe(200);
  return res.body;
}

const sectionTexts = (body: any): string =>
  body.blocks.flatMap((b: any) => (b.text ? [b.text.text] : b.elements.map((e: any) => e.text))).join('\n');

describe('Slack notifications', () => {
  it('posts a new conversation and each public message as Slack incoming-webhook JSON, never a private note', async () => {
    const f = await conversationFixture(ctx, 'Slacky');
    const receiver = await startReceiver();
    await slackHook(f, receiver.url);
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'Where is <order> 42? & when?');
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, {
      content: 'internal: check the warehouse',
      private: true,
    });
    await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, { content: 'It ships today.' });
    await receiver.waitFor((r) => r.length >= 3);
    await ctx.worker!.idle();

    expect(receiver.received).toHaveLength(3);
    const [created, incoming, reply] = receiver.received.map((r) => r.body);
    const link = `${ctx.config.publicUrl}/app/accounts/${f.account.account_id}/conversations/${conversation.id}`;
    expect(receiver.received[0].headers['content-type']).toBe('application/json');
    expect(created.text).toBe(`New conversation #${conversation.id} from Jane Roe in Shop API: ${link}`);
    expect(created.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `:speech_balloon: *New conversation <${link}|#${conversation.id}>* from *Jane Roe* in _Shop API_`,
      },
    });
    expect(created.blocks.at(-1)).toEqual({
      type: 'context',
      elements: [
        { type: 'mrkdwn', text: '*Contact:* Jane Roe' },
        { type: 'mrkdwn', text: '*Inbox:* Shop API' },
        { type: 'mrkdwn', text: `<${link}|Open conversation #${conversation.id}>` },
      ],
    });
    expect(incoming.text).toBe(
      `Jane Roe wrote in conversation #${conversation.id} (Shop API): Where is <order> 42? & when?`,
    );
    // The content is escaped in the blocks: a message cannot make Slack links or mentions.
    expect(incoming.blocks[1]).toEqual({
      type: 'section',
      text: { type: 'mrkdwn', text: '>Where is &lt;order&gt; 42? &amp; when?' },
    });
    const agent = (await f.api.get('/api/v1/profile')).body;
    expect(reply.blocks[0].text.text).toBe(
      `:outbox_tray: *${agent.display_name || agent.name}* replied in <${link}|conversation #${conversation.id}>`,
    );
    expect(sectionTexts(reply)).toContain('>It ships today.');
    expect(reply.text).toMatch(
      new RegExp(`replied in conversation #${conversation.id} \\(Shop API\\): It ships today\\.$`),
    );
    expect(receiver.received.some((r) => r.raw.includes('internal: check the warehouse'))).toBe(false);
  });

  it('keeps an inbox’s hook to that inbox and another account’s events away from the hook', async () => {
    const f = await conversationFixture(ctx, 'Inboxed');
    const other = await conversationFixture(ctx, 'Elsewhere');
    const receiver = await startReceiver();
    const secondInbox = await insertInbox(ctx.database.db, f.account.account_id, {
      name: 'Second',
      channel_type: 'Channel::Api',
    });
    const hook = await slackHook(f, receiver.url, f.inbox.id);
    expect(hook).toMatchObject({
      app_id: 'slack',
      status: true,
      hook_type: 'inbox',
      inbox: { id: f.inbox.id, name: 'Shop API' },
      account_id: f.account.account_id,
    });

    const outside = await f.api.post(`${f.base}/conversations`, { inbox_id: secondInbox.id, contact_id: f.contact.id });
    expect(outside.status, outside.text).toBe(200);
    await f.incoming(outside.body.id, 'from the second inbox');
    const theirs = await other.openConversation();
    await other.incoming(theirs.id, 'another account');
    const ours = await f.openConversation();
    await f.incoming(ours.id, 'in the hook inbox');
    await receiver.waitFor((r) => r.some((x) => x.body.text.includes('in the hook inbox')));
    await ctx.worker!.idle();
    expect(receiver.received.map((r) => r.body.text)).toEqual([
      expect.stringMatching(new RegExp(`^New conversation #${ours.id} from Jane Roe in Shop API`)),
      expect.stringMatching(/wrote in conversation .*: in the hook inbox$/),
    ]);
    // A disabled hook stays quiet.
    expect((await f.api.patch(`${f.base}/integrations/hooks/${hook.id}`, { status: 'disabled' })).body.status).toBe(
      false,
    );
    await f.incoming(ours.id, 'after disabling');
    await ctx.worker!.idle();
    expect(receiver.received.some((r) => r.body.text.includes('after disabling'))).toBe(false);
  });

  it('retries a receiver that is down, then records the notice failed in the hook’s delivery log, and the conversation goes on', async () => {
    const f = await conversationFixture(ctx, 'Down');
    // A port that was listening and is no more: connections are refused.
    const gone = http.createServer();
    await new Promise<void>((resolve) => gone.listen(0, '127.0.0.1', resolve));
    const deadUrl = `http://127.0.0.1:${(gone.address() as AddressInfo).port}/slack`;
    await new Promise((resolve) => gone.close(resolve));
    const hook = await slackHook(f, deadUrl);

    const conversation = await f.openConversation();
    const reply = await f.api.post(`${f.base}/conversations/${conversation.id}/messages`, {
      content: 'Still answered',
    });
    expect(reply.status).toBe(200);
    const log = await until(
      () => f.api.get(`${f.base}/integrations/hooks/${hook.id}/deliveries`),
      (res) => res.body.payload?.length === 2 && res.body.payload.every((d: any) => d.status === 'failed'),
      'both notices failed',
    );
    const [message, created] = log.body.payload;
    expect(created).toMatchObject({ event: 'conversation_created', status: 'failed', last_error: 'ECONNREFUSED' });
    expect(message).toMatchObject({ event: 'message_created', status: 'failed' });
    expect(created.attempts).toBeGreaterThan(1);
    expect(created.attempt_log.every((a: any) => a.error === 'ECONNREFUSED' && a.status_code === null)).toBe(true);
    expect(created.attempt_log).toHaveLength(created.attempts);
    const messages = await f.api.get(`${f.base}/conversations/${conversation.id}/messages`);
    expect(messages.body.payload.map((m: any) => m.content)).toContain('Still answered');
  });

  it('lists the hook under the Slack app and stops once it is deleted', async () => {
    const f = await conversationFixture(ctx, 'Listed');
    const receiver = await startReceiver();
    const hook = await slackHook(f, receiver.url);
    const slack = await f.api.get(`${f.base}/integrations/apps/slack`);
    expect(slack.body).toMatchObject({
      id: 'slack',
      enabled: true,
      hooks: [
        {
          id: hook.id,
          app_id: 'slack',
          hook_type: 'account',
          inbox: null,
          settings: { webhook_url: receiver.url },
          reference_id: null,
        },
      ],
    });
    expect((await f.api.delete(`${f.base}/integrations/hooks/${hook.id}`)).status).toBe(200);
    expect((await f.api.get(`${f.base}/integrations/apps/slack`)).body).toMatchObject({ enabled: false, hooks: [] });
    const conversation = await f.openConversation();
    await f.incoming(conversation.id, 'nobody listens');
    await ctx.worker!.idle();
    expect(receiver.received).toHaveLength(0);
  });
});
