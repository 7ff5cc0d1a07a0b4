import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

/** Chatwoot's macros: global ones for the account, personal ones for their author only (MacroPolicy). */
const ctx = await createTestContext();
const acme = await ctx.account('Acme Macros');
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Agent Macros');
const colleague = await ctx.member(acme.account_id, 'agent', 'Colleague Macros');
const other = await ctx.account('Globex Macros');

const actions = [
  { action_name: 'add_label', action_params: ['vip'] },
  { action_name: 'send_message', action_params: ['Thanks, we are on it'] },
];

describe('macros', () => {
  it('creates, lists, shows, updates and deletes in Chatwoot shapes', async () => {
    const created = await acme.api.post(`${base}/macros`, { name: 'Welcome VIP', visibility: 'global', actions });
    expect(created.status, created.text).toBe(200);
    expect(created.body.payload).toMatchObject({
      id: expect.any(Number),
      name: 'Welcome VIP',
      visibility: 'global',
      account_id: acme.account_id,
      actions,
      created_by: {
        id: acme.user_id,
        account_id: acme.account_id,
        role: 'administrator',
        email: expect.any(String),
        available_name: expect.any(String),
        provider: 'email',
      },
      updated_by: { id: acme.user_id },
    });
    // Chatwoot's `_agent` partial: no push-only fields.
    expect(created.body.payload.created_by.type).toBeUndefined();
    const id = created.body.payload.id;
    expect((await acme.api.get(`${base}/macros`)).body.payload.map((m: any) => m.name)).toContain('Welcome VIP');
    expect((await acme.api.get(`${base}/macros/${id}`)).body.payload.name).toBe('Welcome VIP');
    const updated = await acme.api.patch(`${base}/macros/${id}`, {
      name: 'VIP welcome',
      actions: [{ action_name: 'resolve_conversation', action_params: [] }],
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body.payload).toMatchObject({
      name: 'VIP welcome',
      actions: [{ action_name: 'resolve_conversation', action_params: [] }],
    });
    expect((await acme.api.delete(`${base}/macros/${id}`)).status).toBe(200);
    expect((await acme.api.get(`${base}/macros/${id}`)).status).toBe(404);
  });

  it('shows an agent global macros and their own personal ones; an agent cannot make a global one', async () => {
    const global = (await acme.api.post(`${base}/macros`, { name: 'Team global', visibility: 'global', actions })).body
      .payload;
    const mine = await agent.api.post(`${base}/macros`, { name: 'Agent own', visibility: 'global', actions });
    expect(mine.status, mine.text).toBe(200);
    expect(mine.body.payload.visibility).toBe('personal');
    const theirs = (
      await colleague.api.post(`${base}/macros`, { name: 'Colleague own', visibility: 'personal', actions })
    ).body.payload;

    const names = (await agent.api.get(`${base}/macros`)).body.payload.map((m: any) => m.name);
    expect(names).toEqual(expect.arrayContaining(['Team global', 'Agent own']));
    expect(names).not.toContain('Colleague own');
    expect((await agent.api.get(`${base}/macros/${theirs.id}`)).status).toBe(401);
    expect((await agent.api.patch(`${base}/macros/${theirs.id}`, { name: 'Taken' })).status).toBe(401);
    expect((await agent.api.delete(`${base}/macros/${global.id}`)).status).toBe(401);
    expect((await agent.api.post(`${base}/macros/${theirs.id}/execute`, { conversation_ids: [1] })).status).toBe(401);
    expect((await colleague.api.get(`${base}/macros/${theirs.id}`)).body.payload.name).toBe('Colleague own');
  });

  it('refuses actions macros do not support with Chatwoot sentence, nothing stored', async () => {
    const res = await acme.api.post(`${base}/macros`, {
      name: 'Bad',
      actions: [
        { action_name: 'send_webhook_event', action_params: ['https://x.example'] },
        { action_name: 'add_label', action_params: ['a'] },
      ],
    });
    expect(res.status, res.text).toBe(422);
    expect(res.text).toContain('Macro execution actions send_webhook_event not supported.');
    expect((await acme.api.post(`${base}/macros`, { name: ' ', actions })).status).toBe(422);
    expect((await acme.api.get(`${base}/macros`)).body.payload.map((m: any) => m.name)).not.toContain('Bad');
  });

  it("keeps accounts apart: another account's macro is 404 everywhere", async () => {
    const macro = (await acme.api.post(`${base}/macros`, { name: 'Private', visibility: 'global', actions })).body
      .payload;
    const theirs = `/api/v1/accounts/${other.account_id}/macros/${macro.id}`;
    expect((await other.api.get(theirs)).status).toBe(404);
    expect((await other.api.patch(theirs, { name: 'Stolen' })).status).toBe(404);
    expect((await other.api.delete(theirs)).status).toBe(404);
    expect((await other.api.post(`${theirs}/execute`, { conversation_ids: [1] })).status).toBe(404);
    expect((await acme.api.get(`${base}/macros/${macro.id}`)).body.payload.name).toBe('Private');
  });
});
