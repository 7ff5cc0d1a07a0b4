import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

/** The flow builder's API: create, show, save as a draft or live, publish / roll back, delete. */
const ctx = await createTestContext();
const admin = await ctx.account('Builder');
const base = `/api/v1/accounts/${admin.account_id}/chatbots`;

const flow = (greeting: string) => ({
  start: 'hello',
  steps: [
    { id: 'hello', kind: 'message', text: greeting, next: 'bye' },
    { id: 'bye', kind: 'complete', text: 'Bye' },
  ],
});

describe('chatbot flows in the account API', () => {
  it('creates a flow, shows its definition and versions, and a bad step is named with its own message', async () => {
    const created = await admin.api.post(base, { name: 'Greeter', definition: flow('Hi') });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({ name: 'Greeter', version: 1, definition_version: 1, definition: flow('Hi') });
    expect(created.body.versions).toEqual([{ version: 1, created_at: expect.any(String), live: true }]);

    const bad = {
      start: 'hello',
      steps: [
        { id: 'hello', kind: 'message', text: 'Hi', next: 'bye' },
        { id: 'bye', kind: 'ask', text: 'Name?' },
      ],
    };
    const res = await admin.api.patch(`${base}/${created.body.id}`, { definition: bad });
    expect(res.status).toBe(422);
    expect(res.body.attributes).toEqual(['definition.steps.bye.next']);
    expect(res.body.details).toEqual([
      { attribute: 'definition.steps.bye.next', message: 'step "bye": next is required: the step after the reply' },
    ]);
    expect((await admin.api.get(`${base}/${created.body.id}`)).body.versions).toHaveLength(1);
  });

  it('saves a draft without changing the live version, publishes it, rolls back, and numbers versions past a rollback', async () => {
    const { id } = (await admin.api.post(base, { name: 'Drafty', definition: flow('v1') })).body;
    const draft = await admin.api.patch(`${base}/${id}`, { definition: flow('v2'), publish: false });
    expect(draft.status, draft.text).toBe(200);
    expect(draft.body).toMatchObject({ version: 1, definition_version: 2, definition: flow('v2') });
    expect(draft.body.versions.map((v: { live: boolean }) => v.live)).toEqual([true, false]);
    expect((await admin.api.get(`${base}/${id}`, { version: 1 })).body.definition).toEqual(flow('v1'));

    const published = await admin.api.post(`${base}/${id}/publish`, { version: 2 });
    expect(published.body).toMatchObject({ version: 2 });
    const rolledBack = await admin.api.post(`${base}/${id}/publish`, { version: 1 });
    expect(rolledBack.body.versions.map((v: { live: boolean }) => v.live)).toEqual([true, false]);

    const saved = await admin.api.patch(`${base}/${id}`, { definition: flow('v3') });
    expect(saved.body).toMatchObject({ version: 3, definition_version: 3 });
    expect((await admin.api.post(`${base}/${id}/publish`, { version: 9 })).status).toBe(422);
  });

  it('is managed by administrators only, within the account, and deletes', async () => {
    const { id } = (await admin.api.post(base, { name: 'Gone', definition: flow('x') })).body;
    const agent = await ctx.member(admin.account_id, 'agent');
    expect((await agent.api.get(`${base}/${id}`)).status).toBe(200);
    expect((await agent.api.patch(`${base}/${id}`, { name: 'Mine' })).status).toBe(401);
    const stranger = await ctx.account('Stranger');
    expect((await stranger.api.get(`/api/v1/accounts/${stranger.account_id}/chatbots/${id}`)).status).toBe(404);
    expect((await admin.api.delete(`${base}/${id}`)).status).toBe(200);
    expect((await admin.api.get(`${base}/${id}`)).status).toBe(404);
  });
});
