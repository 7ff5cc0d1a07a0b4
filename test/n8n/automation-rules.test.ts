/**
 * The n8n ChatWoot node's five automation-rule operations, through the node's own request descriptions
 * (defaults as n8n sends them, e.g. query_operator "nil" and page=1).
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { call } from './node-requests.ts';

const ctx = await createTestContext();
const account = await ctx.account('n8n Automation');
const node = (operation: string, values: Record<string, any> = {}) =>
  call(ctx.app, account.api_access_token, 'Automation Rule', operation, { account_id: account.account_id, ...values });

describe('n8n ChatWoot node: automation rules', () => {
  it('adds, lists, shows, updates and deletes a rule with the node’s defaults', async () => {
    const added = await node('Add New Automation Rule To Account');
    expect(added.status).toBe(200);
    expect(added.body).toMatchObject({
      id: expect.any(Number),
      name: 'Add label on message create event',
      event_name: 'message_created',
      active: true,
      conditions: [{ attribute_key: 'content', filter_operator: 'contains', query_operator: 'nil', values: ['help'] }],
      actions: [{ action_name: 'add_label', action_params: ['support'] }],
    });
    const id = added.body.id;

    const listed = await node('Get Account Automation Rule');
    expect(listed.status).toBe(200);
    expect(listed.body.payload.map((r: any) => r.id)).toEqual([id]);

    const shown = await node('Get Details Of A Single Automation Rule', { id });
    expect(shown.body.payload).toEqual(added.body);

    const updated = await node('Update Automation Rule In Account', {
      id,
      name: 'Escalate',
      event_name: 'conversation_created',
      active: false,
      conditions:
        '[{"attribute_key": "status", "filter_operator": "equal_to", "values": ["open"], "query_operator": null}]',
    });
    expect(updated.status).toBe(200);
    expect(updated.body.payload).toMatchObject({
      id,
      name: 'Escalate',
      event_name: 'conversation_created',
      active: false,
      conditions: [{ attribute_key: 'status', values: ['open'] }],
    });

    const deleted = await node('Delete Automation Rule From Account', { id });
    expect(deleted.status).toBe(200);
    expect((await node('Get Details Of A Single Automation Rule', { id })).status).toBe(404);
  });
});
