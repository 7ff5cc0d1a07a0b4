import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const other = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}/custom_attribute_definitions`;
const agent = await ctx.member(acme.account_id, 'agent');

describe('custom attribute definitions', () => {
  let conversationAttr: number;

  it('creates from the n8n node’s integer enums and answers with names', async () => {
    // What the n8n ChatWoot node sends: every field, untouched ones as "" / [null], enums as integers.
    const res = await acme.api.post(base, {
      attribute_display_name: 'Order number',
      attribute_display_type: 1,
      attribute_description: '',
      attribute_key: 'order_number',
      attribute_values: [null],
      attribute_model: 0,
    });
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      id: expect.any(Number),
      attribute_display_name: 'Order number',
      attribute_display_type: 'number',
      attribute_description: null,
      attribute_key: 'order_number',
      regex_pattern: null,
      regex_cue: null,
      attribute_values: [],
      attribute_model: 'conversation_attribute',
      default_value: null,
      created_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
      updated_at: expect.stringMatching(/^\d{4}-\d\d-\d\dT/),
    });
    conversationAttr = res.body.id;
  });

  it('creates from names, with a list, regex and default value (nested form too)', async () => {
    const res = await acme.api.post(base, {
      custom_attribute_definition: {
        attribute_display_name: 'Plan',
        attribute_display_type: 'list',
        attribute_key: 'plan',
        attribute_model: 'contact_attribute',
        attribute_values: ['free', 'pro'],
        regex_pattern: '^[a-z]+$',
        regex_cue: 'lower-case letters',
        default_value: 'free',
      },
    });
    expect(res.body).toMatchObject({
      attribute_display_type: 'list',
      attribute_model: 'contact_attribute',
      attribute_values: ['free', 'pro'],
      default_value: 'free',
    });
    const checkbox = await acme.api.post(base, {
      attribute_display_name: 'VIP',
      attribute_display_type: 7,
      attribute_key: 'vip',
      attribute_model: 1,
    });
    expect(checkbox.body).toMatchObject({ attribute_display_type: 'checkbox', attribute_model: 'contact_attribute' });
  });

  it('lists all, or one model by name or by integer (n8n sends attribute_model=0)', async () => {
    const keys = async (query?: Record<string, unknown>) =>
      (await agent.api.get(base, query)).body.map((d: { attribute_key: string }) => d.attribute_key);
    expect(await keys()).toEqual(['order_number', 'plan', 'vip']);
    expect(await keys({ attribute_model: 0 })).toEqual(['order_number']);
    expect(await keys({ attribute_model: '1' })).toEqual(['plan', 'vip']);
    expect(await keys({ attribute_model: 'conversation_attribute' })).toEqual(['order_number']);
    expect(await agent.api.get(base, { attribute_model: 'nope' })).toMatchObject({
      status: 422,
      body: { attributes: ['attribute_model'] },
    });
  });

  it('shows one bare and updates it with PATCH and PUT', async () => {
    expect((await agent.api.get(`${base}/${conversationAttr}`)).body).toMatchObject({
      id: conversationAttr,
      attribute_key: 'order_number',
    });
    let res = await acme.api.patch(`${base}/${conversationAttr}`, {
      attribute_display_name: 'Order',
      attribute_display_type: 0,
    });
    expect(res.body).toMatchObject({
      attribute_display_name: 'Order',
      attribute_display_type: 'text',
      attribute_key: 'order_number',
    });
    res = await acme.api.put(`${base}/${conversationAttr}`, { attribute_description: 'From the shop' });
    expect(res.body).toMatchObject({ attribute_description: 'From the shop', attribute_display_type: 'text' });
  });

  it('rejects bad input with 422 naming the field', async () => {
    const bad = async (body: Record<string, unknown>, field: string) =>
      expect(await acme.api.post(base, { attribute_display_name: 'X', attribute_key: 'x', ...body })).toMatchObject({
        status: 422,
        body: { attributes: [field] },
      });
    await bad({ attribute_display_type: 8 }, 'attribute_display_type');
    await bad({ attribute_display_type: 'colour' }, 'attribute_display_type');
    await bad({ attribute_model: 2 }, 'attribute_model');
    await bad({ attribute_key: '' }, 'attribute_key');
    await bad({ regex_pattern: '([a-z' }, 'regex_pattern');
    await bad({ attribute_key: 'order_number', attribute_model: 0 }, 'attribute_key');
  });

  it('refuses agents every write with the Chatwoot policy 401', async () => {
    const denied = { status: 401, body: { error: 'You are not authorized to do this action' } };
    expect(await agent.api.post(base, { attribute_display_name: 'X', attribute_key: 'x' })).toMatchObject(denied);
    expect(await agent.api.patch(`${base}/${conversationAttr}`, { attribute_display_name: 'X' })).toMatchObject(denied);
    expect(await agent.api.delete(`${base}/${conversationAttr}`)).toMatchObject(denied);
  });

  it('answers 404 for another account’s definition', async () => {
    const theirs = await other.api.post(`/api/v1/accounts/${other.account_id}/custom_attribute_definitions`, {
      attribute_display_name: 'Secret',
      attribute_key: 'secret',
      attribute_model: 1,
    });
    const notFound = { status: 404, body: { error: 'Resource could not be found' } };
    expect(await acme.api.get(`${base}/${theirs.body.id}`)).toMatchObject(notFound);
    expect(await acme.api.patch(`${base}/${theirs.body.id}`, { attribute_display_name: 'Mine' })).toMatchObject(
      notFound,
    );
    expect(await acme.api.delete(`${base}/${theirs.body.id}`)).toMatchObject(notFound);
  });

  it('deletes with 204 and an empty body', async () => {
    const res = await acme.api.delete(`${base}/${conversationAttr}`);
    expect(res.status).toBe(204);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/${conversationAttr}`)).status).toBe(404);
  });
});
