/**
 * The Switchboard n8n node's WTS-dialect operations, executed headlessly (harness.ts) against a real
 * Switchboard listening on loopback: Session (seed 003's Get All with every filter and auto-pagination),
 * Chatbot (seed 004's Send, its dispatch, waiting for the outcome), Contact, Tag, Department, Agent.
 */
import fs from 'node:fs';
import path from 'node:path';
import { sql } from 'kysely';
import { beforeAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { chatbotFixture, SIMPLE_FLOW } from '../helpers/chatbot-fixture.ts';
import { createHarness } from './harness.ts';

const ctx = await createTestContext({}, { chatbots: true });
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const f = await chatbotFixture(ctx, 'N8nWts');
const n8n = createHarness({ baseUrl: origin, apiToken: f.account.api_access_token, accountId: 0 });
const adminUuid = await f.userUuid(f.account.user_id);

/** The query strings of the requests sent since `from`, for one path. */
const queriesSince = (from: number, path: string) =>
  n8n.sent
    .slice(from)
    .filter((r) => r.url.startsWith(path + '?') || r.url === path)
    .map((r) => new URLSearchParams(r.url.split('?')[1] ?? ''));

const errorOf = async (run: Promise<unknown>) => {
  try {
    await run;
  } catch (error) {
    return error as Error & { description?: string; httpCode?: string };
  }
  throw new Error('expected the node to fail');
};

describe('credentials', () => {
  it("passes the credential's test request with a valid token and fails it with another", async () => {
    expect(await n8n.testCredential()).toBe(200);
    expect(await createHarness({ baseUrl: origin, apiToken: 'not-a-token', accountId: 0 }).testCredential()).toBe(401);
  });
});

describe('Session: Get All (seed 003)', () => {
  const ids: string[] = [];
  beforeAll(async () => {
    for (let n = 0; n < 32; n++) ids.push((await f.openSession()).id);
  });

  it('walks every page with Auto Pagination (default page size 15: three pages for 32 sessions)', async () => {
    const from = n8n.sent.length;
    const sessions = await n8n.execute({
      resource: 'session',
      operation: 'getAll',
      autoPagination: true,
      maxPages: 10,
    });
    expect(sessions).toHaveLength(32);
    expect(new Set(sessions.map((s) => s.id))).toEqual(new Set(ids));
    expect(queriesSince(from, '/chat/v1/session').map((q) => q.get('PageNumber'))).toEqual(['1', '2', '3']);
  });

  it('stops at Max Pages', async () => {
    const from = n8n.sent.length;
    const sessions = await n8n.execute({ resource: 'session', operation: 'getAll', autoPagination: true, maxPages: 2 });
    expect(sessions).toHaveLength(30);
    expect(queriesSince(from, '/chat/v1/session')).toHaveLength(2);
  });

  it('reads one page by Page Number and Page Size, in the order asked', async () => {
    const from = n8n.sent.length;
    const asc = await n8n.execute({
      resource: 'session',
      operation: 'getAll',
      pageNumber: 4,
      pageSize: 10,
      orderBy: 'createdAt',
      orderDirection: 'ASCENDING',
    });
    expect(asc.map((s) => s.id)).toEqual(ids.slice(30));
    const desc = await n8n.execute({
      resource: 'session',
      operation: 'getAll',
      pageNumber: 1,
      pageSize: 3,
      orderBy: 'createdAt',
      orderDirection: 'DESCENDING',
    });
    expect(desc.map((s) => s.id)).toEqual(ids.slice(-3).reverse());
    const [query] = queriesSince(from, '/chat/v1/session');
    expect(Object.fromEntries(query)).toEqual({
      PageNumber: '4',
      PageSize: '10',
      OrderBy: 'createdAt',
      OrderDirection: 'ASCENDING',
    });
  });

  it('sends every filter as the WTS node does (repeated keys) and the server applies them', async () => {
    const future = '2100-01-01T00:00:00';
    const from = n8n.sent.length;
    const filtered = await n8n.execute({
      resource: 'session',
      operation: 'getAll',
      status: ['PENDING', 'STARTED'],
      includeDetails: ['ContactDetails', 'ChannelDetails'],
      channelIds: [f.channelId],
      contactId: f.contactId,
      createdAtBefore: future,
      pageSize: 100,
    });
    expect(filtered).toHaveLength(32);
    expect(filtered[0]).toMatchObject({
      status: 'PENDING',
      contactId: f.contactId,
      contactDetails: expect.objectContaining({ id: f.contactId }),
      channelDetails: expect.any(Object),
    });
    const [query] = queriesSince(from, '/chat/v1/session');
    expect(query.getAll('Status')).toEqual(['PENDING', 'STARTED']);
    expect(query.getAll('IncludeDetails')).toEqual(['ContactDetails', 'ChannelDetails']);
    expect(query.getAll('ChannelsId')).toEqual([f.channelId]);
    expect(query.get('CreatedAt.Before')).toBe(future);

    // Each of the date ranges reaches the server: a window in the future matches nothing.
    for (const range of ['activeAt', 'endAt', 'lastInteractionAt', 'createdAt', 'updatedAt']) {
      const none = await n8n.execute({ resource: 'session', operation: 'getAll', [`${range}After`]: future });
      expect(none, range).toEqual([]);
    }
    expect(await n8n.execute({ resource: 'session', operation: 'getAll', status: ['COMPLETED'] })).toEqual([]);
    const department = (await n8n.execute({ resource: 'department', operation: 'create', name: 'Filters' }))[0];
    expect(await n8n.execute({ resource: 'session', operation: 'getAll', departmentId: department.id })).toEqual([]);
    expect(await n8n.execute({ resource: 'session', operation: 'getAll', userId: adminUuid })).toEqual([]);
    const tag = (await n8n.execute({ resource: 'tag', operation: 'create', name: 'filter-tag' }))[0];
    expect(await n8n.execute({ resource: 'session', operation: 'getAll', tagIds: [tag.id] })).toEqual([]);
  });

  it("refuses an invalid status in seed 003's words, before any request", async () => {
    const from = n8n.sent.length;
    const error = await errorOf(n8n.execute({ resource: 'session', operation: 'getAll', status: ['UNDEFINED'] }));
    expect(error.message).toBe('Add a valid status!');
    expect(n8n.sent.length).toBe(from);
  });
});

describe('Session: one session', () => {
  it('gets, changes status, transfers, assigns, messages, notes and completes a session', async () => {
    const { id } = await f.openSession();
    const [got] = await n8n.execute({
      resource: 'session',
      operation: 'get',
      sessionId: id,
      includeDetails: ['ContactDetails'],
    });
    expect(got).toMatchObject({ id, status: 'PENDING', contactDetails: expect.objectContaining({ id: f.contactId }) });

    expect((await errorOf(n8n.execute({ resource: 'session', operation: 'get', sessionId: '' }))).message).toBe(
      'SessionID is empty!',
    );
    expect(
      (
        await errorOf(
          n8n.execute({ resource: 'session', operation: 'changeStatus', sessionId: id, newStatus: 'UNDEFINED' }),
        )
      ).message,
    ).toBe('Add a valid status!');
    const [started] = await n8n.execute({
      resource: 'session',
      operation: 'changeStatus',
      sessionId: id,
      newStatus: 'STARTED',
    });
    expect(started).toMatchObject({ id, status: 'STARTED' });

    const [department] = await n8n.execute({ resource: 'department', operation: 'create', name: 'Sales' });
    const [toDepartment] = await n8n.execute({
      resource: 'session',
      operation: 'transfer',
      sessionId: id,
      newDepartmentId: department.id,
    });
    expect(toDepartment).toMatchObject({ id, departmentId: department.id });
    const [toAgent] = await n8n.execute({
      resource: 'session',
      operation: 'transfer',
      sessionId: id,
      newDepartmentId: department.id,
      newUserId: adminUuid,
    });
    expect(toAgent).toMatchObject({ id, departmentId: department.id, userId: adminUuid, status: 'IN_PROGRESS' });

    const agent = await ctx.member(f.account.account_id, 'agent', 'Second Agent');
    await f.api.post(`${f.base}/inbox_members`, { inbox_id: f.inbox.id, user_ids: [agent.userId] });
    const agentUuid = await f.userUuid(agent.userId);
    const [assigned] = await n8n.execute({
      resource: 'session',
      operation: 'assignee',
      sessionId: id,
      newUserId: agentUuid,
    });
    expect(assigned).toMatchObject({ id, userId: agentUuid });

    const [sent] = await n8n.execute({
      resource: 'session',
      operation: 'sendMessage',
      sessionId: id,
      text: 'Hello from n8n',
    });
    expect(sent).toMatchObject({ id: expect.any(String), sessionId: id });
    const [note] = await n8n.execute({
      resource: 'session',
      operation: 'sendNote',
      sessionId: id,
      text: 'Internal from n8n',
    });
    expect(note).toMatchObject({ id: expect.any(String) });
    const messages = (await f.api.get(`${f.base}/conversations/${got.number}/messages`)).body.payload as any[];
    expect(messages.map((m) => [m.content, m.private])).toEqual(
      expect.arrayContaining([
        ['Hello from n8n', false],
        ['Internal from n8n', true],
      ]),
    );

    const [completed] = await n8n.execute({ resource: 'session', operation: 'complete', sessionId: id });
    expect(completed).toMatchObject({ id, status: 'COMPLETED' });
  });

  it('turns a server error into a node error with the WTS text', async () => {
    const error = await errorOf(
      n8n.execute({ resource: 'session', operation: 'get', sessionId: '00000000-0000-4000-8000-000000000000' }),
    );
    expect(error.httpCode).toBe('404');
    expect(error.message.length).toBeGreaterThan(0);
  });
});

describe('Chatbot (seed 004)', () => {
  it('loads the bots and channels, sends a chatbot with both metadata, and waits for its outcome', async () => {
    const bot = await f.createBot(SIMPLE_FLOW, 'n8n order bot');
    expect(await n8n.loadOptions('getBots')).toEqual(
      expect.arrayContaining([{ name: 'n8n order bot', value: bot.id }]),
    );
    expect((await n8n.loadOptions('getChannels')).map((c) => c.value)).toContain(f.channelId);

    const [sent] = await n8n.execute({
      resource: 'chatbot',
      operation: 'send',
      botId: bot.id,
      from: f.channelId,
      to: '+55 11 98888-0001',
      skipIfBotInExecution: true,
      sessionMetadata: { values: [{ key: 'order', value: 'N-8' }] },
      contactMetadata: { values: [{ key: 'plan', value: 'gold' }] },
    });
    expect(sent).toMatchObject({
      status: 'QUEUED',
      botId: bot.id,
      session: { status: 'STARTED', metadata: { order: 'N-8' } },
    });

    const [status] = await n8n.execute({ resource: 'chatbot', operation: 'getDispatch', dispatchId: sent.id });
    expect(status).toMatchObject({ id: sent.id, botId: bot.id });
    const [outcome] = await n8n.execute({
      resource: 'chatbot',
      operation: 'waitForOutcome',
      dispatchId: sent.id,
      timeout: 15,
      pollInterval: 50,
    });
    expect(outcome).toMatchObject({ id: sent.id, status: 'RUNNING', waitingFor: 'REPLY', currentStep: 'ask' });
    const contact = await ctx.database.db
      .selectFrom('contacts')
      .selectAll()
      .where('uuid', '=', String(sent.contactId))
      .executeTakeFirstOrThrow();
    expect(contact.custom_attributes).toMatchObject({ plan: 'gold' });

    // Skip If Bot In Execution: the same bot is running for this contact, so this one is skipped.
    const [again] = await n8n.execute({
      resource: 'chatbot',
      operation: 'send',
      botId: bot.id,
      from: f.channelId,
      to: '+55 11 98888-0001',
      skipIfBotInExecution: true,
    });
    const [skipped] = await n8n.execute({
      resource: 'chatbot',
      operation: 'waitForOutcome',
      dispatchId: again.id,
      timeout: 15,
      pollInterval: 50,
    });
    expect(skipped.status).toBe('SKIPPED');
  });

  it("refuses a missing bot, channel or recipient in the WTS node's words, before any request", async () => {
    const from = n8n.sent.length;
    const base = { resource: 'chatbot', operation: 'send', botId: 'b', from: f.channelId, to: '+5511988880002' };
    expect((await errorOf(n8n.execute({ ...base, botId: '' }))).message).toBe('Choose a bot');
    const noChannel = await errorOf(n8n.execute({ ...base, from: 'Undefined' }));
    expect([noChannel.message, noChannel.description]).toEqual(['Choose channel', 'Fill in the From field']);
    expect((await errorOf(n8n.execute({ ...base, to: '' }))).message).toBe(
      'Set an Instagram number or username for sending',
    );
    expect(n8n.sent.length).toBe(from);
  });

  it('fails Wait for Outcome at its timeout while the dispatch is still moving', async () => {
    const bot = await f.createBot(
      {
        start: 'wait',
        steps: [
          { id: 'wait', kind: 'ask', text: 'Still there?', saveAs: 'x', next: 'end' },
          { id: 'end', kind: 'complete', text: 'ok' },
        ],
      },
      'Asker',
    );
    const [sent] = await n8n.execute({
      resource: 'chatbot',
      operation: 'send',
      botId: bot.id,
      from: f.channelId,
      to: '+5511988880003',
    });
    const error = await errorOf(
      n8n.execute({
        resource: 'chatbot',
        operation: 'waitForOutcome',
        dispatchId: sent.id,
        untilWaiting: false,
        timeout: 1,
        pollInterval: 100,
      }),
    );
    expect(error.message).toMatch(/^The chatbot dispatch is still (QUEUED|RUNNING) after 1 s$/);
  });
});

describe('Contact, Tag, Department, Agent (WTS)', () => {
  it('manages tags and tags a contact', async () => {
    const [tag] = await n8n.execute({ resource: 'tag', operation: 'create', name: 'vip', color: 'GREEN_500' });
    expect(tag).toMatchObject({ id: expect.any(String), name: 'vip' });
    const [renamed] = await n8n.execute({ resource: 'tag', operation: 'update', id: tag.id, name: 'vip-2' });
    expect(renamed.name).toBe('vip-2');
    expect((await n8n.execute({ resource: 'tag', operation: 'getAll' })).map((t) => t.name)).toContain('vip-2');
    expect(await n8n.loadOptions('getTags')).toEqual(expect.arrayContaining([{ name: 'vip-2', value: tag.id }]));

    const [created] = await n8n.execute({
      resource: 'wtsContact',
      operation: 'create',
      name: 'Ana n8n',
      phoneNumber: '+5511977770001',
      metadata: { values: [{ key: 'source', value: 'n8n' }] },
    });
    expect(created).toMatchObject({ id: expect.any(String), name: 'Ana n8n' });
    const [byId] = await n8n.execute({ resource: 'wtsContact', operation: 'get', id: created.id });
    expect(byId.id).toBe(created.id);
    const [byPhone] = await n8n.execute({ resource: 'wtsContact', operation: 'getByPhone', phone: '+5511977770001' });
    expect(byPhone).toMatchObject({ id: created.id, metadata: { source: 'n8n' } });
    const [updated] = await n8n.execute({
      resource: 'wtsContact',
      operation: 'update',
      id: created.id,
      email: 'ana@n8n.test',
    });
    expect(updated).toMatchObject({ id: created.id, email: 'ana@n8n.test', name: 'Ana n8n' });
    await n8n.execute({ resource: 'wtsContact', operation: 'updateTags', id: created.id, tagIds: [tag.id] });
    const [tagged] = await n8n.execute({
      resource: 'wtsContact',
      operation: 'get',
      id: created.id,
      includeDetails: ['Tags'],
    });
    expect(tagged.tagIds).toEqual([tag.id]);
    const all = await n8n.execute({ resource: 'wtsContact', operation: 'getAll' });
    expect(all.map((c) => c.id)).toContain(created.id);

    const [deleted] = await n8n.execute({ resource: 'tag', operation: 'delete', id: tag.id, removeFromContacts: true });
    expect(deleted).toEqual({ deleted: true });
    expect((await n8n.execute({ resource: 'tag', operation: 'getAll' })).map((t) => t.id)).not.toContain(tag.id);
  });

  it('lists and reads departments and agents, and loads them as options', async () => {
    const [department] = await n8n.execute({ resource: 'department', operation: 'create', name: 'Support n8n' });
    const [got] = await n8n.execute({ resource: 'department', operation: 'get', id: department.id });
    expect(got).toMatchObject({ id: department.id, name: department.name });
    expect((await n8n.execute({ resource: 'department', operation: 'getAll' })).map((d) => d.id)).toContain(
      department.id,
    );
    expect(await n8n.loadOptions('getDepartments')).toEqual(
      expect.arrayContaining([{ name: department.name, value: department.id }]),
    );

    const agents = await n8n.execute({ resource: 'agent', operation: 'getAll' });
    expect(agents.map((a) => a.id)).toContain(adminUuid);
    const [admin] = await n8n.execute({ resource: 'agent', operation: 'get', id: adminUuid });
    expect(admin).toMatchObject({ id: adminUuid, userId: adminUuid });
    expect((await n8n.loadOptions('getAgents')).map((a) => a.value)).toContain(adminUuid);
  });
});

describe('the example workflow (examples/follow-up-pending-sessions.json)', () => {
  it('gets the sessions waiting for more than 30 minutes and sends each a chatbot, with its saved parameters and expressions', async () => {
    const workflow = JSON.parse(
      fs.readFileSync(
        path.resolve(
          import.meta.dirname,
          '../../packages/n8n-nodes-switchboard/examples/follow-up-pending-sessions.json',
        ),
        'utf8',
      ),
    );
    const step = (name: string) => workflow.nodes.find((n: any) => n.name === name).parameters;
    const e = await chatbotFixture(ctx, 'N8nExample');
    const example = createHarness({ baseUrl: origin, apiToken: e.account.api_access_token, accountId: 0 });
    expect((await e.wts.put(`/core/v1/contact/${e.contactId}`, { phoneNumber: '+5511955550001' })).status).toBe(200);
    const [waiting, alsoWaiting, fresh] = [await e.openSession(), await e.openSession(), await e.openSession()];
    await sql`UPDATE conversations SET last_activity_at = now() - interval '2 hours' WHERE uuid IN (${waiting.id}, ${alsoWaiting.id})`.execute(
      ctx.database.db,
    );
    const bot = await e.createBot(SIMPLE_FLOW, 'Follow-up bot');

    const sessions = await example.execute(step('Get All Sessions'));
    expect(sessions.map((s) => s.id).sort()).toEqual([waiting.id, alsoWaiting.id].sort());
    expect(sessions.map((s) => s.id)).not.toContain(fresh.id);

    const dispatches = await example.execute(
      { ...step('Send Chatbot'), botId: bot.id },
      sessions.map((json) => ({ json })),
    );
    expect(dispatches.map((d) => d.sessionId).sort()).toEqual([waiting.id, alsoWaiting.id].sort());
    for (const d of dispatches)
      expect(d).toMatchObject({
        status: 'QUEUED',
        botId: bot.id,
        session: { metadata: { followUp: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } },
      });
    // What the expressions put on the wire: the session, its channel and its contact's phone.
    const sentBodies = example.sent.filter((r) => r.url === '/chat/v1/chatbot/send');
    expect(sentBodies).toHaveLength(2);
  });
});
