import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { chatbotFixture, SIMPLE_FLOW } from '../../../../../test/helpers/chatbot-fixture.ts';

const ctx = await createTestContext();

const flow = (steps: unknown[], start = 'a') => ({ start, steps });

describe('chatbot flows API', () => {
  it('creates, lists, shows, versions and deletes flows', async () => {
    const f = await chatbotFixture(ctx, 'Flows');
    const created = await f.wts.post('/chat/v1/chatbot', {
      name: 'Welcome',
      description: 'greets',
      definition: SIMPLE_FLOW,
    });
    expect(created.status).toBe(201);
    expect(created.body).toMatchObject({
      name: 'Welcome',
      description: 'greets',
      version: 1,
      definitionVersion: 1,
      definition: SIMPLE_FLOW,
      companyId: f.companyId,
    });
    const { id, key } = created.body;

    const changed = { start: 'only', steps: [{ id: 'only', kind: 'message', text: 'v2' }] };
    const updated = await f.wts.put(`/chat/v1/chatbot/${id}`, { definition: changed });
    expect(updated.body).toMatchObject({ version: 2, definition: changed, versions: [{ version: 1 }, { version: 2 }] });
    const renamed = await f.wts.put(`/chat/v1/chatbot/${key}`, { name: 'Hello' });
    expect(renamed.body).toMatchObject({ name: 'Hello', version: 2 });
    expect((await f.wts.get(`/chat/v1/chatbot/${id}`, { Version: 1 })).body).toMatchObject({
      version: 2,
      definitionVersion: 1,
      definition: SIMPLE_FLOW,
    });

    await f.createBot(SIMPLE_FLOW, 'Another');
    const page = await f.wts.get('/chat/v1/chatbot', { PageSize: 1, OrderBy: 'name' });
    expect(page.body).toMatchObject({
      pageNumber: 1,
      pageSize: 1,
      totalItems: 2,
      totalPages: 2,
      hasMorePages: true,
      items: [{ name: 'Another' }],
    });
    expect((await f.wts.get('/chat/v1/chatbot', { Name: 'hel' })).body.items.map((b: any) => b.id)).toEqual([id]);
    expect((await f.wts.get('/chat/v1/chatbot', { Types: 'Reactive' })).body.totalItems).toBe(0);
    expect((await f.wts.get('/chat/v1/chatbot', { Types: 'Automation' })).body.totalItems).toBe(2);

    expect((await f.wts.delete(`/chat/v1/chatbot/${id}`)).status).toBe(204);
    expect((await f.wts.get(`/chat/v1/chatbot/${id}`)).status).toBe(404);
    expect((await f.wts.get('/chat/v1/chatbot')).body.totalItems).toBe(1);
  });

  it('keeps a draft version (publish: false) until it is published, rolls back, and dispatches the live version', async () => {
    const f = await chatbotFixture(ctx, 'Drafts');
    const { id } = await f.createBot(SIMPLE_FLOW, 'Drafty');
    const draft = { start: 'only', steps: [{ id: 'only', kind: 'complete', text: 'draft' }] };
    const saved = await f.wts.put(`/chat/v1/chatbot/${id}`, { definition: draft, publish: false });
    expect(saved.body).toMatchObject({ version: 1, definitionVersion: 1, definition: SIMPLE_FLOW });
    expect(saved.body.versions.map((v: { live: boolean }) => v.live)).toEqual([true, false]);

    const published = await f.wts.post(`/chat/v1/chatbot/${id}/publish`, { version: 2 });
    expect(published.body).toMatchObject({ version: 2, definition: draft });
    const rolledBack = await f.wts.post(`/chat/v1/chatbot/${id}/publish`, { version: 1 });
    expect(rolledBack.body).toMatchObject({ version: 1, definition: SIMPLE_FLOW });
    const sent = await f.send({ botId: id, from: f.channelId, to: '+5511999990077' });
    expect(sent.body.botVersion).toBe(1);

    const missing = await f.wts.post(`/chat/v1/chatbot/${id}/publish`, { version: 7 });
    expect(missing.status).toBe(400);
    expect(missing.body.errors).toEqual([
      { field: 'version', text: 'version 7 is not a saved version of this chatbot' },
    ]);
  });

  it('lists in a constant number of statements, whatever the page size', async () => {
    const f = await chatbotFixture(ctx, 'Constant');
    for (let i = 0; i < 4; i++) await f.createBot(SIMPLE_FLOW, `Bot ${i}`);
    const counted = async (query: Record<string, unknown>) => {
      const before = ctx.database.counter.count;
      expect((await f.wts.get('/chat/v1/chatbot', query)).status).toBe(200);
      return ctx.database.counter.count - before;
    };
    expect(await counted({ PageSize: 1 })).toBe(await counted({ PageSize: 100 }));
  });

  it('keeps each company’s flows to itself and lets only administrators change them', async () => {
    const f = await chatbotFixture(ctx, 'Mine');
    const other = await chatbotFixture(ctx, 'Theirs');
    const bot = await other.createBot(SIMPLE_FLOW);
    expect((await f.wts.get(`/chat/v1/chatbot/${bot.id}`)).status).toBe(404);
    expect((await f.wts.put(`/chat/v1/chatbot/${bot.id}`, { name: 'x' })).status).toBe(404);
    const agent = await ctx.member(f.account.account_id, 'agent');
    const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });
    expect((await asAgent.get('/chat/v1/chatbot')).status).toBe(200);
    expect((await asAgent.post('/chat/v1/chatbot', { name: 'x', definition: SIMPLE_FLOW })).status).toBe(403);
    // The callback secret is for those who may manage the bot, as webhook secrets are.
    const mine = await f.createBot(SIMPLE_FLOW);
    expect((await f.wts.get(`/chat/v1/chatbot/${mine.id}`)).body.callbackSecret).toMatch(/^[0-9a-f]{64}$/);
    const seenByAgent = await asAgent.get(`/chat/v1/chatbot/${mine.id}`);
    expect(seenByAgent.status).toBe(200);
    expect(seenByAgent.body).not.toHaveProperty('callbackSecret');
  });
});

describe('flow validation at save', () => {
  async function rejected(definition: unknown) {
    const f = await chatbotFixture(ctx, `Invalid${Math.random().toString(36).slice(2, 8)}`);
    const res = await f.wts.post('/chat/v1/chatbot', { name: 'Broken', definition });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: true, key: 'ERROR_VALIDATION', httpStatusCode: 400 });
    return res.body as { text: string; errors: { field: string }[] };
  }

  it('names unreachable steps', async () => {
    const body = await rejected(
      flow([
        { id: 'a', kind: 'message', text: 'hi' },
        { id: 'orphan', kind: 'complete' },
      ]),
    );
    expect(body.text).toContain('step "orphan" is unreachable from start "a"');
    expect(body.errors).toEqual([expect.objectContaining({ field: 'definition.steps.orphan' })]);
  });

  it('names missing targets and a missing start', async () => {
    const body = await rejected(
      flow([{ id: 'a', kind: 'ask', text: 'q', next: 'nowhere', timeoutSeconds: 5, onTimeout: 'gone' }]),
    );
    expect(body.text).toContain('step "a": next "nowhere" is not a step of this flow');
    expect(body.text).toContain('step "a": onTimeout "gone" is not a step of this flow');
    expect(body.errors.map((e) => e.field)).toEqual(['definition.steps.a.next', 'definition.steps.a.onTimeout']);
    // each field's own problem, for a builder that marks the step (the whole list stays in `text`)
    expect(body.errors.map((e) => (e as { text?: string }).text)).toEqual([
      'step "a": next "nowhere" is not a step of this flow',
      'step "a": onTimeout "gone" is not a step of this flow',
    ]);
    expect((await rejected(flow([{ id: 'a', kind: 'complete' }], 'b'))).text).toContain(
      'start "b" is not a step of this flow',
    );
  });

  it('refuses a loop without an ask or wait, and accepts one through an ask', async () => {
    const loop = await rejected(
      flow([
        { id: 'a', kind: 'message', text: 'hi', next: 'b' },
        { id: 'b', kind: 'branch', rules: [{ source: 'var', key: 'x', op: 'exists', next: 'a' }], default: 'c' },
        { id: 'c', kind: 'complete' },
      ]),
    );
    expect(loop.text).toContain('steps "a" -> "b" -> "a" loop without an ask or wait step');
    const f = await chatbotFixture(ctx, 'LoopOk');
    const ok = await f.wts.post('/chat/v1/chatbot', {
      name: 'Menu',
      definition: flow([
        { id: 'a', kind: 'ask', text: 'menu?', saveAs: 'pick', next: 'b' },
        {
          id: 'b',
          kind: 'branch',
          rules: [{ source: 'reply', op: 'equals', value: 'again', next: 'a' }],
          default: 'c',
        },
        { id: 'c', kind: 'complete' },
      ]),
    });
    expect(ok.status).toBe(201);
  });

  it('names unknown step kinds, duplicate ids and bad fields', async () => {
    expect((await rejected(flow([{ id: 'a', kind: 'teleport' }]))).text).toContain(
      'step "a": kind "teleport" is not a step kind',
    );
    expect(
      (
        await rejected(
          flow([
            { id: 'a', kind: 'complete' },
            { id: 'a', kind: 'complete' },
          ]),
        )
      ).text,
    ).toContain('step "a": id is used by more than one step');
    const fields = await rejected(
      flow([
        { id: 'a', kind: 'http', url: 'ftp://x', method: 'BREW', next: 'b' },
        { id: 'b', kind: 'wait', seconds: 0, next: 'c' },
        { id: 'c', kind: 'handoff' },
      ]),
    );
    expect(fields.text).toContain('step "a": url must be an http(s) URL');
    expect(fields.text).toContain('step "a": method must be one of GET, POST, PUT, PATCH, DELETE');
    expect(fields.text).toContain('step "b": seconds must be a whole number');
    expect(fields.text).toContain('step "c": departmentId a handoff needs a departmentId or a userId');
    expect((await rejected({ steps: 'nope' })).text).toContain('definition.steps must be a non-empty list');
  });

  it('refuses a `matches` pattern the linear-time engine cannot run, naming the step and rule', async () => {
    const body = await rejected(
      flow([
        {
          id: 'a',
          kind: 'branch',
          rules: [{ source: 'reply', op: 'matches', value: '(a)\\1', next: 'b' }],
          default: 'b',
        },
        { id: 'b', kind: 'complete' },
      ]),
    );
    expect(body.text).toContain(
      'step "a": rules[0].value is not a regular expression this server can run in linear time',
    );
    expect(body.errors).toEqual([expect.objectContaining({ field: 'definition.steps.a.rules[0].value' })]);
  });

  it('refuses an update with a broken flow and keeps the saved version', async () => {
    const f = await chatbotFixture(ctx, 'KeepVersion');
    const bot = await f.createBot(SIMPLE_FLOW);
    const res = await f.wts.put(`/chat/v1/chatbot/${bot.id}`, { definition: flow([{ id: 'a', kind: 'message' }]) });
    expect(res.status).toBe(400);
    expect(res.body.text).toContain('step "a": text a message needs a text or a mediaUrl');
    expect((await f.wts.get(`/chat/v1/chatbot/${bot.id}`)).body).toMatchObject({ version: 1, definition: SIMPLE_FLOW });
  });
});
