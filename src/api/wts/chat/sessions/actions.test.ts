import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** Session commands through WTS, read back through both dialects: one store, one state machine. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const accountId = f.account.account_id;
const admin = await f.userUuid(f.account.user_id);
const sam = await ctx.member(accountId, 'agent', 'Sam');
const samId = await f.userUuid(sam.userId);
const sales = (await api.post(`${base}/teams`, { name: 'sales' })).body;
const salesId = (await db.selectFrom('teams').select('uuid').where('id', '=', sales.id).executeTakeFirstOrThrow()).uuid;

const chatwoot = async (displayId: number) => (await api.get(`${base}/conversations/${displayId}`)).body;
const session = async (id: string) => (await wts.get(`/chat/v1/session/${id}`)).body;

describe('status: WTS → Chatwoot', () => {
  const cases = [
    { wts: 'STARTED', chatwoot: 'pending', assigned: false },
    { wts: 'PENDING', chatwoot: 'open', assigned: false },
    { wts: 'IN_PROGRESS', chatwoot: 'open', assigned: true },
    { wts: 'COMPLETED', chatwoot: 'resolved', assigned: false },
    { wts: 'HIDDEN', chatwoot: 'resolved', assigned: false },
  ] as const;
  for (const c of cases) {
    it(`PUT …/status ${c.wts} shows ${c.chatwoot}${c.assigned ? ' with an assignee' : ''} in Chatwoot`, async () => {
      const s = await f.openSession();
      const res = await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: c.wts });
      expect(res.status, res.text).toBe(200);
      expect(res.body).toMatchObject({ id: s.id, status: c.wts });
      expect((await session(s.id)).status).toBe(c.wts);
      const conversation = await chatwoot(s.displayId);
      expect(conversation.status).toBe(c.chatwoot);
      expect(Boolean(conversation.meta.assignee)).toBe(c.assigned);
    });
  }

  it('IN_PROGRESS on an unassigned session gives it to the caller; PENDING releases the agent', async () => {
    const s = await f.openSession();
    expect((await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: 'IN_PROGRESS' })).body.userId).toBe(admin);
    const pending = await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: 'PENDING' });
    expect(pending.body).toMatchObject({ status: 'PENDING', userId: null });
    expect((await chatwoot(s.displayId)).meta.assignee).toBeUndefined();
  });

  it('refuses UNDEFINED and unknown statuses with 400s that say so', async () => {
    const s = await f.openSession();
    const undefinedStatus = await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: 'UNDEFINED' });
    expect(undefinedStatus).toMatchObject({
      status: 400,
      body: { key: 'ERROR_VALIDATION', errors: [{ field: 'newStatus' }] },
    });
    expect(undefinedStatus.body.text).toMatch(/UNDEFINED is not a status a session can be put in/);
    const bogus = await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: 'CLOSED' });
    expect(bogus.status).toBe(400);
    expect(bogus.body.text).toMatch(
      /newStatus must be one of: UNDEFINED, STARTED, PENDING, IN_PROGRESS, COMPLETED, HIDDEN/,
    );
    expect((await wts.put(`/chat/v1/session/${s.id}/status`, {})).body.text).toMatch(/newStatus is required/);
  });

  it('fires the same outbox events as the Chatwoot dialect', async () => {
    const s = await f.openSession();
    await wts.put(`/chat/v1/session/${s.id}/status`, { newStatus: 'COMPLETED' });
    const conversation = await db
      .selectFrom('conversations')
      .select('id')
      .where('uuid', '=', s.id)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('conversation_id', '=', conversation.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.name)).toEqual(
      expect.arrayContaining(['conversation.status_changed', 'conversation.updated']),
    );
    const changed = events.find((e) => e.name === 'conversation.status_changed')!;
    expect(changed.data).toMatchObject({
      changed_attributes: { status: { previous_value: 'open', current_value: 'resolved' } },
      performer: { type: 'User' },
    });
  });
});

describe('status: Chatwoot → WTS', () => {
  it('pending, open, assigned, snoozed, resolved and reopened read as STARTED, PENDING, IN_PROGRESS, PENDING, COMPLETED, PENDING', async () => {
    const s = await f.openSession({ status: 'pending' });
    expect((await session(s.id)).status).toBe('STARTED');
    await api.post(`${base}/conversations/${s.displayId}/toggle_status`, { status: 'open' });
    expect((await session(s.id)).status).toBe('PENDING');
    await api.post(`${base}/conversations/${s.displayId}/assignments`, { assignee_id: sam.userId });
    expect(await session(s.id)).toMatchObject({ status: 'IN_PROGRESS', userId: samId });
    await api.post(`${base}/conversations/${s.displayId}/toggle_status`, {
      status: 'snoozed',
      snoozed_until: Math.floor(Date.now() / 1000) + 600,
    });
    expect((await session(s.id)).status).toBe('PENDING');
    await api.post(`${base}/conversations/${s.displayId}/toggle_status`, { status: 'resolved' });
    const completed = await session(s.id);
    expect(completed.status).toBe('COMPLETED');
    expect(completed.endAt).toEqual(expect.any(String));
    // an incoming message reopens it: the session is no longer ended
    await f.incoming(s.displayId, 'one more thing');
    const reopened = await session(s.id);
    expect(reopened).toMatchObject({ status: 'IN_PROGRESS', endAt: null, lastMessageText: 'one more thing' });
  });

  it('activeAt is the first assignment or agent reply and stays put', async () => {
    const s = await f.openSession();
    expect((await session(s.id)).activeAt).toBeNull();
    await api.post(`${base}/conversations/${s.displayId}/assignments`, { assignee_id: sam.userId });
    const active = (await session(s.id)).activeAt;
    expect(active).toEqual(expect.any(String));
    await api.post(`${base}/conversations/${s.displayId}/assignments`, { assignee_id: null });
    await api.post(`${base}/conversations/${s.displayId}/messages`, { content: 'hello from an agent' });
    expect((await session(s.id)).activeAt).toBe(active);
    const replied = await f.openSession({ message: { content: 'we reply first' } });
    expect((await session(replied.id)).activeAt).toEqual(expect.any(String));
  });
});

describe('assignee, transfer, complete', () => {
  it('PUT …/assignee gives the session to the user; a bot-held session becomes IN_PROGRESS', async () => {
    const s = await f.openSession({ status: 'pending' });
    const res = await wts.put(`/chat/v1/session/${s.id}/assignee`, { userId: samId });
    expect(res.body).toMatchObject({ status: 'IN_PROGRESS', userId: samId });
    expect((await chatwoot(s.displayId)).meta.assignee.id).toBe(sam.userId);
    const stranger = await wts.put(`/chat/v1/session/${s.id}/assignee`, {
      userId: '00000000-0000-4000-8000-000000000000',
    });
    expect(stranger).toMatchObject({ status: 400, body: { text: 'userId is not a user of this company' } });
  });

  it('PUT …/transfer USER sets department and user; DEPARTMENT returns it to the department queue', async () => {
    const s = await f.openSession();
    const toUser = await wts.put(`/chat/v1/session/${s.id}/transfer`, {
      type: 'USER',
      newDepartmentId: salesId,
      newUserId: samId,
    });
    expect(toUser.body).toMatchObject({ status: 'IN_PROGRESS', userId: samId, departmentId: salesId });
    const conversation = await chatwoot(s.displayId);
    expect(conversation.meta).toMatchObject({ assignee: { id: sam.userId }, team: { id: sales.id } });
    const toDepartment = await wts.put(`/chat/v1/session/${s.id}/transfer`, {
      type: 'DEPARTMENT',
      newDepartmentId: salesId,
    });
    expect(toDepartment.body).toMatchObject({ status: 'PENDING', userId: null, departmentId: salesId });
  });

  it('PUT …/transfer refuses missing or foreign targets', async () => {
    const s = await f.openSession();
    expect(
      (await wts.put(`/chat/v1/session/${s.id}/transfer`, { type: 'USER', newDepartmentId: salesId })).body.text,
    ).toBe('newUserId is required for a USER transfer');
    expect((await wts.put(`/chat/v1/session/${s.id}/transfer`, { type: 'DEPARTMENT' })).status).toBe(400);
    const unknown = await wts.put(`/chat/v1/session/${s.id}/transfer`, {
      type: 'DEPARTMENT',
      newDepartmentId: '00000000-0000-4000-8000-000000000000',
    });
    expect(unknown).toMatchObject({
      status: 400,
      body: { text: 'newDepartmentId is not a department of this company' },
    });
    expect(
      (await wts.put(`/chat/v1/session/${s.id}/transfer`, { type: 'TEAM', newDepartmentId: salesId })).status,
    ).toBe(400);
  });

  it('PUT …/complete completes it (bodiless too), with endAt; Chatwoot sees it resolved', async () => {
    const s = await f.openSession();
    const res = await ctx.app.inject({
      method: 'PUT',
      url: `/chat/v1/session/${s.id}/complete`,
      headers: { authorization: f.account.api_access_token },
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(JSON.parse(res.body)).toMatchObject({ status: 'COMPLETED', endAt: expect.any(String) });
    expect((await chatwoot(s.displayId)).status).toBe('resolved');
    const again = await wts.put(`/chat/v1/session/${s.id}/complete`, {
      reactivateOnNewMessage: true,
      stopBotInExecution: true,
    });
    expect(again.body.status).toBe('COMPLETED');
  });

  it('answers 404 for an unknown session and 400 for a malformed id', async () => {
    const missing = await wts.put('/chat/v1/session/00000000-0000-4000-8000-000000000000/complete', {});
    expect(missing).toMatchObject({
      status: 404,
      body: { key: 'ERROR_NOT_FOUND', text: 'Session could not be found' },
    });
    expect((await wts.get('/chat/v1/session/12')).status).toBe(400);
  });
});

describe('PUT /chat/v2/session/{id}/partial', () => {
  it('changes exactly the listed fields', async () => {
    const s = await f.openSession({ custom_attributes: { order: 'A1', drop: 'me' } });
    const res = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['DepartmentId', 'UserId', 'Metadata'],
      departmentId: salesId,
      userId: samId,
      status: 'COMPLETED', // not listed: ignored
      metadata: { stage: 'lead', drop: null },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'IN_PROGRESS',
      userId: samId,
      departmentId: salesId,
      metadata: { order: 'A1', stage: 'lead' },
    });
    expect(res.body.metadata).not.toHaveProperty('drop');
    expect((await chatwoot(s.displayId)).custom_attributes).toEqual({ order: 'A1', stage: 'lead' });

    const done = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Status', 'UserId'],
      status: 'COMPLETED',
    });
    expect(done.body).toMatchObject({ status: 'COMPLETED', userId: null, departmentId: salesId });
    expect((await chatwoot(s.displayId)).status).toBe('resolved');
  });

  it('refuses fields we cannot change yet, and listed fields without values', async () => {
    const s = await f.openSession();
    const unsupported = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Number', 'Autocomplete'],
      number: '42',
    });
    expect(unsupported.status).toBe(400);
    expect(unsupported.body.text).toMatch(/fields Autocomplete cannot be changed yet/);
    expect((await session(s.id)).number).toBe(String(s.displayId));
    expect((await wts.put(`/chat/v2/session/${s.id}/partial`, { fields: ['Status'] })).body.text).toBe(
      'status is required when fields lists Status',
    );
    expect(
      (await wts.put(`/chat/v2/session/${s.id}/partial`, { fields: ['Status'], status: 'UNDEFINED' })).status,
    ).toBe(400);
    expect((await wts.put(`/chat/v2/session/${s.id}/partial`, { status: 'COMPLETED' })).body.text).toMatch(
      /fields is required/,
    );
  });
});

describe('session record: Number, Classification, EndAt', () => {
  it('sets and clears the number and the classification, shown with ClassificationDetails and in Chatwoot', async () => {
    const s = await f.openSession();
    const res = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Number', 'Classification'],
      number: 'PED-2024-17',
      classification: { category: 'WON', description: 'Fechou o plano anual', amount: 1200.5 },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.number).toBe('PED-2024-17');
    const detailed = (await wts.get(`/chat/v1/session/${s.id}`, { IncludeDetails: 'ClassificationDetails' })).body;
    expect(detailed.classification).toEqual({
      id: expect.stringMatching(/^[0-9a-f-]{36}$/),
      category: 'WON',
      categoryName: 'Objetivo Atingido',
      categoryDescription: 'Fechou o plano anual',
      amount: 1200.5,
    });
    expect((await chatwoot(s.displayId)).additional_attributes).toMatchObject({
      number: 'PED-2024-17',
      classification: { category: 'WON' },
    });
    const conversation = await db
      .selectFrom('conversations')
      .select('id')
      .where('uuid', '=', s.id)
      .executeTakeFirstOrThrow();
    const events = await db
      .selectFrom('events')
      .select(['name', 'data'])
      .where('conversation_id', '=', conversation.id)
      .where('name', '=', 'conversation.updated')
      .execute();
    expect(events.at(-1)!.data).toMatchObject({
      changed_attributes: { additional_attributes: { current_value: { number: 'PED-2024-17' } } },
      performer: { type: 'User' },
    });

    const cleared = await wts.put(`/chat/v2/session/${s.id}/partial`, { fields: ['Number', 'Classification'] });
    expect(cleared.body.number).toBe(String(s.displayId));
    expect(
      (await wts.get(`/chat/v1/session/${s.id}`, { IncludeDetails: 'ClassificationDetails' })).body.classification,
    ).toBeNull();
  });

  it('sets the end time of a session it completes, and refuses one on a session still going', async () => {
    const s = await f.openSession();
    const early = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['EndAt'],
      endAt: '2026-01-02T03:04:05Z',
    });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ errors: [{ field: 'endAt' }], text: expect.stringContaining('COMPLETED') });
    const res = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Status', 'EndAt'],
      status: 'COMPLETED',
      endAt: '2026-01-02 03:04:05',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'COMPLETED', endAt: '2026-01-02T03:04:05.000Z' });
    const listed = (
      await wts.get('/chat/v1/session', { 'EndAt.Before': '2026-01-03T00:00:00Z', ContactId: f.contactId })
    ).body;
    expect(listed.items.map((i: any) => i.id)).toContain(s.id);
    expect(
      (await wts.put(`/chat/v2/session/${s.id}/partial`, { fields: ['EndAt'], endAt: 'yesterday' })).body,
    ).toMatchObject({ errors: [{ field: 'endAt' }] });
    expect((await wts.put(`/chat/v2/session/${s.id}/partial`, { fields: ['EndAt'] })).body.text).toBe(
      'endAt is required when fields lists EndAt',
    );
  });

  it('refuses a classification without a category or reason, and a negative amount, naming the field', async () => {
    const s = await f.openSession();
    const none = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Classification'],
      classification: { amount: 3 },
    });
    expect(none).toMatchObject({ status: 400, body: { errors: [{ field: 'classification.category' }] } });
    const negative = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Classification'],
      classification: { category: 'LOST', amount: -1 },
    });
    expect(negative).toMatchObject({ status: 400, body: { errors: [{ field: 'classification.amount' }] } });
    const bad = await wts.put(`/chat/v2/session/${s.id}/partial`, {
      fields: ['Classification'],
      classification: { category: 'MAYBE' },
    });
    expect(bad.status).toBe(400);
  });

  it('PUT …/complete classifies while completing; an already completed session can still be classified', async () => {
    const s = await f.openSession();
    const res = await wts.put(`/chat/v1/session/${s.id}/complete`, {
      classification: { category: 'LOST', description: 'Sem orçamento' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.status).toBe('COMPLETED');
    const shown = (await wts.get(`/chat/v1/session/${s.id}`, { IncludeDetails: 'ClassificationDetails' })).body
      .classification;
    expect(shown).toMatchObject({
      category: 'LOST',
      categoryName: 'Objetivo Perdido',
      categoryDescription: 'Sem orçamento',
      amount: null,
    });
    const again = await wts.put(`/chat/v1/session/${s.id}/complete`, {
      classification: { category: 'OTHER', description: 'Revisto' },
    });
    expect(again.status).toBe(200);
    expect(
      (await wts.get(`/chat/v1/session/${s.id}`, { IncludeDetails: 'ClassificationDetails' })).body.classification,
    ).toMatchObject({ category: 'OTHER', categoryName: 'Outro' });
    expect((await chatwoot(s.displayId)).status).toBe('resolved');
  });
});
