import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const other = await conversationFixture(ctx, 'Globex');
const { api, base } = f;

const rule = {
  name: 'Refunds to billing',
  description: 'Label refund requests',
  event_name: 'message_created',
  active: true,
  conditions: [
    { attribute_key: 'content', filter_operator: 'contains', values: ['refund'], query_operator: 'AND' },
    { attribute_key: 'message_type', filter_operator: 'equal_to', values: ['incoming'], query_operator: null },
  ],
  actions: [{ action_name: 'add_label', action_params: ['billing'] }],
};

describe('automation rules API', () => {
  it('creates (bare), lists, shows, updates, clones and deletes in Chatwoot’s shapes', async () => {
    const created = await api.post(`${base}/automation_rules`, rule);
    expect(created.status).toBe(200);
    expect(created.body).toEqual({
      id: expect.any(Number),
      account_id: f.account.account_id,
      name: 'Refunds to billing',
      description: 'Label refund requests',
      event_name: 'message_created',
      conditions: rule.conditions,
      actions: rule.actions,
      created_on: expect.any(Number),
      active: true,
    });
    const id = created.body.id;
    expect((await api.get(`${base}/automation_rules`)).body).toEqual({ payload: [created.body] });
    expect((await api.get(`${base}/automation_rules/${id}`)).body).toEqual({ payload: created.body });

    const paused = await api.patch(`${base}/automation_rules/${id}`, { active: false });
    expect(paused.body.payload).toMatchObject({
      id,
      active: false,
      conditions: rule.conditions,
      name: 'Refunds to billing',
    });

    const clone = await api.post(`${base}/automation_rules/${id}/clone`);
    expect(clone.status).toBe(200);
    expect(clone.body.payload).toMatchObject({
      name: 'Refunds to billing',
      active: false,
      conditions: rule.conditions,
      actions: rule.actions,
    });
    expect(clone.body.payload.id).not.toBe(id);

    expect((await api.delete(`${base}/automation_rules/${id}`)).status).toBe(200);
    expect((await api.get(`${base}/automation_rules/${id}`)).status).toBe(404);
    expect((await api.get(`${base}/automation_rules`)).body.payload.map((r: any) => r.id)).toEqual([
      clone.body.payload.id,
    ]);
  });

  it('refuses unknown events, condition keys, operators and actions with Chatwoot’s 422 body', async () => {
    const cases: [Record<string, unknown>, Record<string, string[]>][] = [
      [{ event_name: 'message_exploded' }, { event_name: ['Automation event message_exploded not supported.'] }],
      [
        { conditions: [{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['9'] }] },
        { conditions: ['Automation conditions shoe_size not supported.'] },
      ],
      [
        { conditions: [{ attribute_key: 'content', filter_operator: 'sounds_like', values: ['x'] }] },
        { conditions: ['Automation condition operators sounds_like not supported.'] },
      ],
      [
        {
          conditions: [
            { attribute_key: 'content', filter_operator: 'contains', values: ['a'] },
            { attribute_key: 'email', filter_operator: 'is_present', values: [] },
          ],
        },
        { conditions: ['Automation conditions should have query operator.'] },
      ],
      [
        {
          conditions: [{ attribute_key: 'content', filter_operator: 'contains', values: ['a'], query_operator: 'XOR' }],
        },
        { conditions: ['Query operator must be either "AND" or "OR"'] },
      ],
      [
        { actions: [{ action_name: 'launch_rocket', action_params: [] }] },
        { actions: ['Automation actions launch_rocket not supported.'] },
      ],
    ];
    for (const [change, error] of cases) {
      const res = await api.post(`${base}/automation_rules`, { ...rule, ...change });
      expect(res.status, JSON.stringify(change)).toBe(422);
      expect(res.body).toEqual({ error });
    }
    expect(
      (await api.post(`${base}/automation_rules`, { name: 'no actions', event_name: 'message_created' })).status,
    ).toBe(422);
  });

  it('accepts custom attribute keys of the account and n8n’s "nil" query operator', async () => {
    await api.post(`${base}/custom_attribute_definitions`, {
      attribute_display_name: 'Tier',
      attribute_key: 'tier',
      attribute_display_type: 0,
      attribute_model: 1,
    });
    const res = await api.post(`${base}/automation_rules`, {
      ...rule,
      conditions: [
        {
          attribute_key: 'tier',
          filter_operator: 'equal_to',
          values: ['gold'],
          query_operator: 'nil',
          custom_attribute_type: 'contact_attribute',
        },
      ],
    });
    expect(res.status).toBe(200);
    // Another account's definitions name nothing here.
    expect(
      (await other.api.post(`${other.base}/automation_rules`, { ...rule, conditions: res.body.conditions })).status,
    ).toBe(422);
  });

  it('vets http_request and send_webhook_event targets like webhooks (private networks refused)', async () => {
    for (const action of [
      { action_name: 'http_request', action_params: [{ method: 'POST', url: 'http://127.0.0.1:9/x' }] },
      { action_name: 'send_webhook_event', action_params: ['http://10.0.0.1/hook'] },
      { action_name: 'http_request', action_params: [{ method: 'TRACE', url: 'https://203.0.113.5/x' }] },
      {
        action_name: 'http_request',
        action_params: [{ url: 'https://203.0.113.5/x', response_mapping: [{ from: 'a', to: 'account.name' }] }],
      },
    ]) {
      const res = await api.post(`${base}/automation_rules`, { ...rule, actions: [action] });
      expect(res.status, JSON.stringify(action)).toBe(422);
      expect(res.body.error.actions[0]).toMatch(/^Automation action (http_request|send_webhook_event): /);
    }
    const ok = await api.post(`${base}/automation_rules`, {
      ...rule,
      actions: [
        {
          action_name: 'http_request',
          action_params: [
            {
              method: 'POST',
              url: 'https://203.0.113.5/x',
              body: { id: '{{conversation.id}}' },
              response_mapping: [{ from: 'tier', to: 'contact.custom_attributes.tier' }],
            },
          ],
        },
      ],
    });
    expect(ok.status).toBe(200);
  });

  it('is for administrators of the account only; another account’s rules are 404', async () => {
    const agent = await ctx.member(f.account.account_id, 'agent');
    expect((await agent.api.get(`${base}/automation_rules`)).status).toBe(401);
    expect((await agent.api.post(`${base}/automation_rules`, rule)).status).toBe(401);
    const theirs = (await other.api.post(`${other.base}/automation_rules`, rule)).body;
    for (const res of [
      await api.get(`${base}/automation_rules/${theirs.id}`),
      await api.patch(`${base}/automation_rules/${theirs.id}`, { name: 'mine' }),
      await api.post(`${base}/automation_rules/${theirs.id}/clone`),
      await api.get(`${base}/automation_rules/${theirs.id}/runs`),
      await api.delete(`${base}/automation_rules/${theirs.id}`),
    ])
      expect(res.status).toBe(404);
    expect((await other.api.get(`${other.base}/automation_rules/${theirs.id}`)).body.payload.name).toBe(
      'Refunds to billing',
    );
  });
});
