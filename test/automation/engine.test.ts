/**
 * Automation rules run from the outbox: planned by the event fan-out, executed by the automation engine —
 * never in the request that caused the event. Driven over HTTP through the in-process server.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { createRule as create, settle as settleAll } from './helpers.ts';

const ctx = await createTestContext(
  { WEBHOOK_ALLOW_PRIVATE_NETWORKS: 'true', WEBHOOK_RETRY_BASE_MS: '10' },
  { worker: true, automation: true },
);
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');
const { api, base } = f;
const { db } = ctx.database;
const settle = () => settleAll(ctx);
const createRule = (client: typeof api, at: string, rule: Record<string, unknown>) => create(client, at, rule);

const runsOf = async (ruleId: number, client = api, at = base) =>
  (await client.get(`${at}/automation_rules/${ruleId}/runs`)).body.payload;
const conversation = async (id: number, client = api, at = base) =>
  (await client.get(`${at}/conversations/${id}`)).body;

describe('automation engine', () => {
  it('a message containing "refund" labels the conversation and assigns the billing team; other messages do not', async () => {
    const team = (await api.post(`${base}/teams`, { name: 'Billing' })).body;
    const rule = await createRule(api, base, {
      name: 'Refunds',
      conditions: [
        { attribute_key: 'content', filter_operator: 'contains', values: ['refund'], query_operator: 'AND' },
        { attribute_key: 'message_type', filter_operator: 'equal_to', values: ['incoming'], query_operator: null },
      ],
      actions: [
        { action_name: 'add_label', action_params: ['refund'] },
        { action_name: 'assign_team', action_params: [team.id] },
      ],
    });
    const matching = await f.openConversation();
    const quiet = await f.openConversation();
    await f.incoming(matching.id, 'I want a REFUND please');
    await f.incoming(quiet.id, 'Where is my parcel?');
    await settle();

    expect(await conversation(matching.id)).toMatchObject({ labels: ['refund'], meta: { team: { id: team.id } } });
    expect(await conversation(quiet.id)).toMatchObject({ labels: [] });
    expect((await conversation(quiet.id)).meta.team ?? null).toBeNull();

    const runs = await runsOf(rule.id);
    const byConversation = Object.fromEntries(runs.map((r: any) => [r.conversation_id, r]));
    expect(byConversation[matching.id]).toMatchObject({
      event_name: 'message_created',
      status: 'succeeded',
      depth: 1,
      actions: [
        { action_name: 'add_label', status: 'done', detail: 'refund' },
        { action_name: 'assign_team', status: 'done', detail: `team ${team.id}` },
      ],
    });
    expect(byConversation[quiet.id]).toMatchObject({ status: 'skipped', actions: [] });
  });

  it('runs at most once per event and rule, even when the event is fanned out again', async () => {
    const rule = await createRule(api, base, {
      conditions: [{ attribute_key: 'content', filter_operator: 'equal_to', values: ['once'], query_operator: null }],
      actions: [{ action_name: 'add_private_note', action_params: ['noted once'] }],
    });
    const c = await f.openConversation();
    const message = await f.incoming(c.id, 'once');
    await settle();
    // Redeliver: the event is marked undispatched again, as a fan-out that crashed before its commit would leave it.
    await db
      .updateTable('events')
      .set({ dispatched_at: null })
      .where('message_id', '=', message.id)
      .where('name', '=', 'message.created')
      .execute();
    await settle();
    const runs = (await runsOf(rule.id)).filter((r: any) => r.message_id === message.id);
    expect(runs).toHaveLength(1);
    expect(runs[0]).toMatchObject({
      status: 'succeeded',
      actions: [{ action_name: 'add_private_note', status: 'done' }],
    });
    const notes = (await api.get(`${base}/conversations/${c.id}/messages`)).body.payload.filter(
      (m: any) => m.content === 'noted once',
    );
    expect(notes).toHaveLength(1);
    expect(notes[0]).toMatchObject({ private: true, content_attributes: { automation_rule_id: rule.id } });
  });

  it('lets rules trigger rules, and cuts the chain at depth 3 (logged as a cut run)', async () => {
    // Two rules that keep flipping the priority: each change is a conversation_updated the other answers.
    const toHigh = await createRule(api, base, {
      event_name: 'conversation_updated',
      conditions: [{ attribute_key: 'priority', filter_operator: 'equal_to', values: ['low'], query_operator: null }],
      actions: [{ action_name: 'change_priority', action_params: ['high'] }],
    });
    const toLow = await createRule(api, base, {
      event_name: 'conversation_updated',
      conditions: [{ attribute_key: 'priority', filter_operator: 'equal_to', values: ['high'], query_operator: null }],
      actions: [{ action_name: 'change_priority', action_params: ['low'] }],
    });
    const c = await f.openConversation();
    expect((await api.post(`${base}/conversations/${c.id}/toggle_priority`, { priority: 'low' })).status).toBe(200);
    await settle();
    const runs = [...(await runsOf(toHigh.id)), ...(await runsOf(toLow.id))].filter(
      (r: any) => r.conversation_id === c.id,
    );
    expect(Math.max(...runs.map((r: any) => r.depth))).toBe(4);
    expect(
      runs
        .filter((r: any) => r.status === 'succeeded')
        .map((r: any) => r.depth)
        .sort(),
    ).toContain(3);
    const cut = runs.filter((r: any) => r.status === 'cut');
    expect(cut.length).toBeGreaterThan(0);
    for (const run of cut)
      expect(run).toMatchObject({ depth: 4, actions: [], error: expect.stringMatching(/^chain cut/) });
    await api.delete(`${base}/automation_rules/${toHigh.id}`);
    await api.delete(`${base}/automation_rules/${toLow.id}`);
  });

  it('keeps accounts apart: a rule never runs on another account’s events', async () => {
    const ours = await createRule(api, base, {
      conditions: [
        { attribute_key: 'content', filter_operator: 'contains', values: ['isolation'], query_operator: null },
      ],
      actions: [{ action_name: 'add_label', action_params: ['ours'] }],
    });
    const theirs = await other.openConversation();
    await other.incoming(theirs.id, 'isolation test');
    await settle();
    expect(
      (await runsOf(ours.id)).filter((r: any) => r.event_name === 'message_created' && r.status !== 'skipped'),
    ).toEqual([]);
    expect(await conversation(theirs.id, other.api, other.base)).toMatchObject({ labels: [] });
    const count = await db
      .selectFrom('automation_runs')
      .select(db.fn.countAll<number>().as('n'))
      .where('rule_id', '=', ours.id)
      .where('account_id', '!=', f.account.account_id)
      .executeTakeFirstOrThrow();
    expect(Number(count.n)).toBe(0);
  });

  it('records a mail action as failed, with the reason, when SMTP is not configured; the next action still runs', async () => {
    const rule = await createRule(api, base, {
      conditions: [
        { attribute_key: 'content', filter_operator: 'equal_to', values: ['mail me'], query_operator: null },
      ],
      actions: [
        { action_name: 'send_email_transcript', action_params: ['boss@example.com'] },
        { action_name: 'add_label', action_params: ['after-mail'] },
      ],
    });
    const c = await f.openConversation();
    const message = await f.incoming(c.id, 'mail me');
    await settle();
    const [run] = (await runsOf(rule.id)).filter((r: any) => r.message_id === message.id);
    expect(run).toMatchObject({
      status: 'failed',
      error: '1 of 2 actions failed',
      actions: [
        { action_name: 'send_email_transcript', status: 'failed', detail: 'SMTP_URL is not configured: no mail sent' },
        { action_name: 'add_label', status: 'done', detail: 'after-mail' },
      ],
    });
    expect((await conversation(c.id)).labels).toEqual(['after-mail']);
  });
});
