/** Every automation action, http_request's templating, response mapping and retries, over HTTP on real PostgreSQL. */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { startSmtpServer } from '../helpers/smtp.ts';
import { createRule, settle, startJsonReceiver, until } from './helpers.ts';

const smtp = await startSmtpServer();
const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '10', SMTP_URL: smtp.url },
  { worker: true, automation: true, logger: { level: 'error' } },
);
const f = await conversationFixture(ctx, 'Acme');
const { api, base } = f;
const agent = await ctx.member(f.account.account_id, 'agent', 'Ada Agent');
const team = (await api.post(`${base}/teams`, { name: 'Support' })).body;
await api.post(`${base}/teams/${team.id}/team_members`, { user_ids: [agent.userId] });

const runsOf = async (ruleId: number) => (await api.get(`${base}/automation_rules/${ruleId}/runs`)).body.payload;
const show = async (id: number) => (await api.get(`${base}/conversations/${id}`)).body;
const messages = async (id: number) => (await api.get(`${base}/conversations/${id}/messages`)).body.payload;

describe('automation actions', () => {
  it('assign, label, priority, message, note, mute, email and snooze on a new conversation', async () => {
    const rule = await createRule(api, base, {
      event_name: 'conversation_created',
      conditions: [
        { attribute_key: 'inbox_id', filter_operator: 'equal_to', values: [f.inbox.id], query_operator: null },
      ],
      actions: [
        { action_name: 'assign_agent', action_params: [agent.userId] },
        { action_name: 'assign_team', action_params: [team.id] },
        { action_name: 'add_label', action_params: ['vip', 'temp'] },
        { action_name: 'remove_label', action_params: ['temp'] },
        { action_name: 'change_priority', action_params: ['urgent'] },
        { action_name: 'send_message', action_params: ['Welcome!'] },
        { action_name: 'add_private_note', action_params: ['Internal only'] },
        { action_name: 'mute_conversation', action_params: [] },
        {
          action_name: 'send_email_to_team',
          action_params: [
            { message: 'New conversation #{{conversation.id}} from {{contact.email}}', team_ids: [team.id] },
          ],
        },
        { action_name: 'send_email_transcript', action_params: ['boss@example.com'] },
        { action_name: 'snooze_conversation', action_params: [] },
      ],
    });
    const c = await f.openConversation();
    await settle(ctx);
    const [run] = await runsOf(rule.id);
    expect(run.actions.map((a: any) => [a.action_name, a.status])).toEqual(
      rule.actions.map((a: any) => [a.action_name, 'done']),
    );
    expect(run.status).toBe('succeeded');
    const after = await show(c.id);
    expect(after).toMatchObject({
      status: 'snoozed',
      labels: ['vip'],
      priority: 'urgent',
      muted: true,
      meta: { assignee: { id: agent.userId }, team: { id: team.id } },
    });
    const texts = (await messages(c.id)).map((m: any) => [m.content, m.private, m.message_type]);
    expect(texts).toContainEqual(['Welcome!', false, 1]);
    expect(texts).toContainEqual(['Internal only', true, 1]);
    const teamMail = smtp.received.find((m) => m.raw.includes(`New conversation #${c.id} from ${f.contact.email}`));
    expect(teamMail?.to).toEqual([expect.stringMatching(/@agents\.test$/)]);
    expect(
      smtp.received.some((m) => m.to.includes('boss@example.com') && m.raw.includes('Conversation Transcript')),
    ).toBe(true);
    await api.patch(`${base}/automation_rules/${rule.id}`, { active: false });
  });

  it('resolve, open, pending and unassign follow status events (conversation_resolved, conversation_opened)', async () => {
    const onResolved = await createRule(api, base, {
      event_name: 'conversation_resolved',
      conditions: [
        { attribute_key: 'labels', filter_operator: 'equal_to', values: ['reopen-me'], query_operator: null },
      ],
      actions: [
        { action_name: 'remove_assigned_agent', action_params: [] },
        { action_name: 'remove_assigned_team', action_params: [] },
        { action_name: 'open_conversation', action_params: [] },
      ],
    });
    const onOpened = await createRule(api, base, {
      event_name: 'conversation_opened',
      conditions: [
        { attribute_key: 'labels', filter_operator: 'equal_to', values: ['reopen-me'], query_operator: null },
      ],
      actions: [
        { action_name: 'remove_label', action_params: ['reopen-me'] },
        { action_name: 'change_status', action_params: ['pending'] },
      ],
    });
    const onBye = await createRule(api, base, {
      conditions: [{ attribute_key: 'content', filter_operator: 'equal_to', values: ['bye'], query_operator: null }],
      actions: [
        { action_name: 'resolve_conversation', action_params: [] },
        { action_name: 'pending_conversation', action_params: [] },
      ],
    });
    const c = await f.openConversation(api, { assignee_id: agent.userId, team_id: team.id });
    await settle(ctx);
    await api.post(`${base}/conversations/${c.id}/labels`, { labels: ['reopen-me'] });
    await api.post(`${base}/conversations/${c.id}/toggle_status`, { status: 'resolved' });
    await settle(ctx);
    expect(await show(c.id)).toMatchObject({ status: 'pending', labels: [] });
    expect((await show(c.id)).meta.assignee ?? null).toBeNull();
    expect(
      (await runsOf(onResolved.id)).filter((r: any) => r.conversation_id === c.id && r.status === 'succeeded'),
    ).toHaveLength(1);
    expect(
      (await runsOf(onOpened.id)).filter((r: any) => r.conversation_id === c.id && r.status === 'succeeded'),
    ).toHaveLength(1);

    const d = await f.openConversation();
    await f.incoming(d.id, 'bye');
    await settle(ctx);
    const [run] = (await runsOf(onBye.id)).filter((r: any) => r.conversation_id === d.id && r.status !== 'skipped');
    expect(run.actions).toEqual([
      { action_name: 'resolve_conversation', status: 'done', detail: 'resolved' },
      { action_name: 'pending_conversation', status: 'done', detail: 'pending' },
    ]);
    await api.patch(`${base}/automation_rules/${onBye.id}`, { active: false });
  });

  it('http_request: templated URL, headers and JSON body; response mapped to attributes and labels', async () => {
    const crm = await startJsonReceiver(() => ({
      status: 200,
      body: { customer: { tier: 'gold' }, score: 42, tags: ['crm-synced'] },
    }));
    const rule = await createRule(api, base, {
      conditions: [{ attribute_key: 'content', filter_operator: 'contains', values: ['order'], query_operator: null }],
      actions: [
        {
          action_name: 'http_request',
          action_params: [
            {
              method: 'POST',
              url: `${crm.url}/customers/{{contact.email}}?conversation={{conversation.id}}`,
              headers: { Authorization: 'Bearer secret-{{account.id}}' },
              body: {
                conversation: '{{conversation.id}}',
                email: '{{contact.email}}',
                text: 'said: {{message.content}}',
                plan: '{{contact.custom_attributes.plan}}',
              },
              timeout_ms: 5000,
              response_mapping: [
                { from: 'customer.tier', to: 'contact.custom_attributes.tier' },
                { from: '$.score', to: 'conversation.custom_attributes.score' },
                { from: 'tags', to: 'conversation.labels' },
                { from: 'missing.path', to: 'conversation.custom_attributes.never' },
              ],
            },
          ],
        },
        { action_name: 'add_label', action_params: ['asked-crm'] },
      ],
    });
    await api.patch(`${base}/contacts/${f.contact.id}`, { custom_attributes: { plan: 'pro' } });
    const c = await f.openConversation();
    await f.incoming(c.id, 'Where is my order?');
    await settle(ctx);
    await until(async () => (await runsOf(rule.id))[0]?.calls[0]?.status === 'succeeded');

    expect(crm.received).toHaveLength(1);
    const [request] = crm.received;
    expect(request.method).toBe('POST');
    expect(request.url).toBe(`/customers/${encodeURIComponent(f.contact.email)}?conversation=${c.id}`);
    expect(request.headers).toMatchObject({
      authorization: `Bearer secret-${f.account.account_id}`,
      'content-type': 'application/json',
    });
    expect(request.body).toEqual({
      conversation: c.id,
      email: f.contact.email,
      text: 'said: Where is my order?',
      plan: 'pro',
    });

    await settle(ctx);
    const after = await show(c.id);
    expect(after.custom_attributes).toEqual({ score: 42 });
    expect(after.labels.sort()).toEqual(['asked-crm', 'crm-synced']);
    expect((await api.get(`${base}/contacts/${f.contact.id}`)).body.payload.custom_attributes).toEqual({
      plan: 'pro',
      tier: 'gold',
    });
    const [run] = await runsOf(rule.id);
    expect(run.actions).toEqual([
      { action_name: 'http_request', status: 'queued', detail: expect.stringMatching(/^call \d+$/) },
      { action_name: 'add_label', status: 'done', detail: expect.any(String) },
    ]);
    expect(run.calls[0]).toMatchObject({
      action_name: 'http_request',
      status: 'succeeded',
      attempts: 1,
      last_status_code: 200,
    });
    await api.patch(`${base}/automation_rules/${rule.id}`, { active: false });
  });

  it('a failing call is retried with backoff, then recorded as failed, without holding the conversation', async () => {
    const flaky = await startJsonReceiver((_, i) => (i < 2 ? { status: 503 } : { status: 200, body: {} }));
    const dead = await startJsonReceiver(() => ({ status: 500, body: { error: 'down' } }));
    const rule = await createRule(api, base, {
      conditions: [{ attribute_key: 'content', filter_operator: 'equal_to', values: ['sync'], query_operator: null }],
      actions: [
        { action_name: 'http_request', action_params: [{ method: 'PUT', url: `${flaky.url}/flaky` }] },
        { action_name: 'send_webhook_event', action_params: [`${dead.url}/dead`] },
        { action_name: 'add_label', action_params: ['synced'] },
      ],
    });
    const c = await f.openConversation();
    await f.incoming(c.id, 'sync');
    await settle(ctx);
    expect((await show(c.id)).labels).toEqual(['synced']);
    await until(async () => (await runsOf(rule.id))[0]?.calls.every((call: any) => call.status !== 'pending'));
    const [run] = await runsOf(rule.id);
    const [flakyCall, deadCall] = run.calls;
    expect(flakyCall).toMatchObject({ status: 'succeeded', attempts: 3, last_status_code: 200 });
    expect(flakyCall.attempt_log.map((a: any) => a.status_code)).toEqual([503, 503, 200]);
    expect(deadCall).toMatchObject({
      action_name: 'send_webhook_event',
      status: 'failed',
      attempts: 5,
      last_status_code: 500,
      last_error: 'HTTP 500',
      next_attempt_at: null,
    });
    expect(dead.received).toHaveLength(5);
    // send_webhook_event posts the event as a Chatwoot webhook would.
    expect(dead.received[0].body).toMatchObject({
      event: 'message_created',
      content: 'sync',
      message_type: 'incoming',
      conversation: { id: c.id },
    });
    expect(flaky.received.map((r) => r.method)).toEqual(['PUT', 'PUT', 'PUT']);
    await api.patch(`${base}/automation_rules/${rule.id}`, { active: false });
  });

  it('a paused rule plans no run at all', async () => {
    const rule = await createRule(api, base, {
      active: false,
      actions: [{ action_name: 'add_label', action_params: ['paused'] }],
    });
    const c = await f.openConversation();
    await f.incoming(c.id, 'hello');
    await settle(ctx);
    expect(await runsOf(rule.id)).toEqual([]);
    expect((await show(c.id)).labels).toEqual([]);
  });
});
