import { sql } from 'kysely';
import pg from 'pg';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startScheduledSender } from '../../../../jobs/scheduled-sends.ts';
import { until } from '../../../../../test/helpers/chatbot-fixture.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** `/chat/v1/sequence`: administrators write sequences, contacts are enrolled, the sender (started by hand, to restart it) runs the steps. */
const ctx = await createTestContext({}, {});
const f = await wtsFixture(ctx, 'Acme');
const other = await wtsFixture(ctx, 'Other');
const { wts } = f;
const db = ctx.database.db;
const quiet = { warn() {}, error() {} };
let sender = await startScheduledSender(ctx.database, quiet);
const agent = await ctx.member(f.account.account_id, 'agent', 'Plain Agent');
const asAgent = ctx.client(undefined, { authorization: `Bearer ${agent.token}` });

let phones = 0;
const nextPhone = () => `+55119666${String(++phones).padStart(5, '0')}`;
const create = async (body: Record<string, unknown>, account = f) => {
  const res = await account.wts.post('/chat/v1/sequence', {
    name: 'Boas-vindas',
    channelId: account.channelId,
    ...body,
  });
  if (res.status !== 201) throw new Error(`create failed: ${res.status} ${res.text}`);
  return res.body;
};
const enrolment = async (sequenceId: string, contactId: string) =>
  (await wts.get(`/chat/v2/sequence/${sequenceId}/contact`, { ContactId: contactId })).body.items[0];
const sentTexts = async (contactUuid: string) =>
  (
    await db
      .selectFrom('messages as m')
      .innerJoin('conversations as c', 'c.id', 'm.conversation_id')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select('m.content')
      .where('k.uuid', '=', contactUuid)
      .where('m.message_type', '=', 1)
      .orderBy('m.id')
      .execute()
  ).map((m) => m.content);
const count = async (table: 'sequences' | 'sequence_contacts' | 'contacts') =>
  Number(
    (
      await db
        .selectFrom(table)
        .select((eb) => eb.fn.countAll<string>().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('administrators write sequences', () => {
  it('creates, shows, lists with the page envelope and filters, changes and deletes', async () => {
    const a = await create({ name: 'Onboarding', steps: [{ delaySeconds: 3600, text: 'Olá!' }], stopOnReply: false });
    expect(a).toMatchObject({
      name: 'Onboarding',
      enabled: true,
      active: true,
      companyId: f.companyId,
      channelId: f.channelId,
      stopOnReply: false,
      contactExecutingCount: 0,
      steps: [{ delaySeconds: 3600, text: 'Olá!' }],
    });
    const b = await create({ name: 'Reativação', steps: [{ delaySeconds: 60, text: 'Sentimos sua falta' }] });
    expect(b.stopOnReply).toBe(true);

    const page = await wts.get('/chat/v1/sequence', { PageSize: 1, OrderBy: 'name' });
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({
      pageNumber: 1,
      pageSize: 1,
      orderBy: 'name',
      orderDirection: 'ASCENDING',
      hasMorePages: true,
      items: [{ id: a.id }],
    });
    expect((await wts.get('/chat/v1/sequence', { Name: 'reativ' })).body.items.map((s: any) => s.id)).toEqual([b.id]);

    const phone = nextPhone();
    const { contactId } = (await wts.post(`/chat/v1/sequence/${b.id}/contact`, { phoneNumber: phone })).body;
    const withContact = await wts.get('/chat/v1/sequence', {
      ContactId: contactId,
      IncludeDetails: ['ContactExecutingCount', 'ExecutionStats'],
    });
    expect(withContact.body).toMatchObject({
      totalItems: 1,
      items: [{ id: b.id, contactExecutingCount: 1, executionStats: { executing: 1, completed: 0 } }],
    });

    const put = await wts.put(`/chat/v1/sequence/${a.id}`, {
      enabled: false,
      steps: [
        { delaySeconds: 5, text: 'Oi' },
        { delaySeconds: 10, text: 'Tudo bem?' },
      ],
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      name: 'Onboarding',
      enabled: false,
      steps: [{ text: 'Oi' }, { text: 'Tudo bem?' }],
    });

    expect((await wts.delete(`/chat/v1/sequence/${b.id}`)).status).toBe(200);
    expect((await wts.get(`/chat/v1/sequence/${b.id}`)).status).toBe(404);
    expect(
      await db
        .selectFrom('sequence_contacts')
        .innerJoin('sequences', 'sequences.id', 'sequence_contacts.sequence_id')
        .select('sequence_contacts.id')
        .where('sequences.uuid', '=', b.id)
        .execute(),
    ).toHaveLength(0);
    await wts.delete(`/chat/v1/sequence/${a.id}`);
  });

  it("refuses an agent's token on the administrator routes, but lets it list and enrol", async () => {
    const s = await create({ steps: [{ delaySeconds: 3600, text: 'x' }] });
    const before = await count('sequences');
    for (const res of [
      await asAgent.post('/chat/v1/sequence', {
        name: 'mine',
        channelId: f.channelId,
        steps: [{ delaySeconds: 1, text: 'x' }],
      }),
      await asAgent.put(`/chat/v1/sequence/${s.id}`, { name: 'renamed' }),
      await asAgent.delete(`/chat/v1/sequence/${s.id}`),
    ]) {
      expect(res.status, res.text).toBe(403);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 403 });
    }
    expect(await count('sequences')).toBe(before);
    expect((await wts.get(`/chat/v1/sequence/${s.id}`)).body.name).toBe('Boas-vindas');
    // The agent is a member of no inbox: the sequence's channel is not theirs to send in.
    expect((await asAgent.get('/chat/v1/sequence')).body.totalItems).toBe(0);
    expect((await asAgent.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() })).status).toBe(404);
    await db
      .insertInto('inbox_members')
      .values({ account_id: f.account.account_id, inbox_id: f.inbox.id, user_id: agent.userId })
      .execute();
    const enrolled = await asAgent.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() });
    expect(enrolled.status, enrolled.text).toBe(200);
    await wts.delete(`/chat/v1/sequence/${s.id}`);
  });
});

describe('steps are sent on time, in order, once', () => {
  it('enrols by phone (creating the contact), sends every step in order, then completes', async () => {
    const s = await create({
      stopOnReply: false,
      steps: [
        { delaySeconds: 0, text: 'passo 1' },
        { delaySeconds: 1, text: 'passo 2' },
        { delaySeconds: 0, text: 'passo 3' },
      ],
    });
    const phone = nextPhone();
    const res = await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: phone });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      active: true,
      sequenceId: s.id,
      companyId: f.companyId,
      origin: 'API',
      status: 'ACTIVE',
      contactDetails: { phonenumber: phone },
    });
    const contactId = res.body.contactId;
    const done = await until(
      () => enrolment(s.id, contactId),
      (e) => e.status === 'COMPLETED',
    );
    expect(done).toMatchObject({ active: false, status: 'COMPLETED', nextStep: 3, nextStepAt: null });
    expect(await sentTexts(contactId)).toEqual(['passo 1', 'passo 2', 'passo 3']);
    const sent = await db
      .selectFrom('messages')
      .select(['content', 'created_at'])
      .where('content', 'in', ['passo 1', 'passo 2'])
      .orderBy('id')
      .execute();
    expect(sent[1].created_at.getTime() - sent[0].created_at.getTime()).toBeGreaterThanOrEqual(1000);
  });

  it('stops when the contact replies, if the sequence says so', async () => {
    const s = await create({
      stopOnReply: true,
      steps: [
        { delaySeconds: 0, text: 'oferta 1' },
        { delaySeconds: 2, text: 'oferta 2' },
      ],
    });
    const res = await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() });
    const contactId = res.body.contactId;
    await until(
      () => sentTexts(contactId),
      (t) => t.length === 1,
    );
    const conversation = await db
      .selectFrom('conversations as c')
      .innerJoin('contacts as k', 'k.id', 'c.contact_id')
      .select('c.display_id')
      .where('k.uuid', '=', contactId)
      .executeTakeFirstOrThrow();
    await f.incoming(conversation.display_id, 'não quero, obrigado');
    const stopped = await until(
      () => enrolment(s.id, contactId),
      (e) => e.status !== 'ACTIVE',
    );
    expect(stopped).toMatchObject({ status: 'STOPPED', active: false, stopReason: expect.stringContaining('replied') });
    expect(await sentTexts(contactId)).toEqual(['oferta 1']);
  });

  it('unenrolling (one, then a batch) stops the steps', async () => {
    const s = await create({ steps: [{ delaySeconds: 1, text: 'nunca 1' }] });
    const one = (await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() })).body;
    const batch = await wts.post(`/chat/v1/sequence/${s.id}/contact/batch`, {
      phoneNumbers: [nextPhone(), nextPhone()],
      contactIds: [f.contactId],
    });
    expect(batch.status, batch.text).toBe(200);
    expect(batch.body).toMatchObject({ totalItems: 3, items: [{ origin: 'API' }, {}, {}] });
    expect((await wts.delete(`/chat/v1/sequence/${s.id}/contact`, { contactId: one.contactId })).status).toBe(200);
    const removed = await wts.delete(`/chat/v1/sequence/${s.id}/contact/batch`, {
      contactIds: batch.body.items.map((e: any) => e.contactId),
    });
    expect(removed.status, removed.text).toBe(200);
    const listed = await wts.get(`/chat/v2/sequence/${s.id}/contact`);
    expect(listed.body.totalItems).toBe(0);
    // A later step that was due would have been sent by now: wait past its time with a sequence that does send.
    const witness = await create({ steps: [{ delaySeconds: 1, text: 'testemunha' }] });
    const w = (await wts.post(`/chat/v1/sequence/${witness.id}/contact`, { phoneNumber: nextPhone() })).body;
    await until(
      () => enrolment(witness.id, w.contactId),
      (e) => e.status === 'COMPLETED',
    );
    expect(await db.selectFrom('messages').select('id').where('content', '=', 'nunca 1').execute()).toHaveLength(0);
  });

  it('a restart between enrolment and the step, with two senders racing, sends once', async () => {
    await sender.stop();
    const s = await create({
      steps: [
        { delaySeconds: 0, text: 'após reinício' },
        { delaySeconds: 0, text: 'segundo' },
      ],
    });
    const contacts = [];
    for (let i = 0; i < 5; i++)
      contacts.push((await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() })).body.contactId);
    expect(await db.selectFrom('messages').select('id').where('content', '=', 'após reinício').execute()).toHaveLength(
      0,
    );
    const [one, two] = await Promise.all([
      startScheduledSender(ctx.database, quiet),
      startScheduledSender(ctx.database, quiet),
    ]);
    sender = one;
    await until(
      () => wts.get(`/chat/v1/sequence/${s.id}`),
      (r) => r.body.executionStats?.completed === 5,
    );
    await two.stop();
    for (const c of contacts) expect(await sentTexts(c)).toEqual(['após reinício', 'segundo']);
  });

  it('a sender killed mid-send (its connection dropped, as by kill -9) leaves the step due: sent once by the survivor', async () => {
    await sender.stop();
    const s = await create({ steps: [{ delaySeconds: 0, text: 'sobrevive' }] });
    const enrolled = (await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: nextPhone() })).body;
    // The dying sender: it has claimed the enrolment (FOR UPDATE, as run.ts does) and never commits.
    const dying = new pg.Client(ctx.database.pool.options);
    await dying.connect();
    dying.on('error', () => {});
    await dying.query('BEGIN');
    const claimed = await dying.query('SELECT id FROM sequence_contacts WHERE uuid = $1 FOR UPDATE', [enrolled.id]);
    expect(claimed.rowCount).toBe(1);
    sender = await startScheduledSender(ctx.database, quiet);
    const witness = await create({ steps: [{ delaySeconds: 0, text: 'testemunha 2' }] });
    const w = (await wts.post(`/chat/v1/sequence/${witness.id}/contact`, { phoneNumber: nextPhone() })).body;
    await until(
      () => enrolment(witness.id, w.contactId),
      (e) => e.status === 'COMPLETED',
    );
    expect(await sentTexts(enrolled.contactId)).toEqual([]);
    const pid = (await dying.query('SELECT pg_backend_pid() AS pid')).rows[0].pid;
    await db.selectNoFrom(sql`pg_terminate_backend(${pid})`.as('killed')).execute();
    await dying.end().catch(() => {});
    await sender.run();
    expect(
      (
        await until(
          () => enrolment(s.id, enrolled.contactId),
          (e) => e.status === 'COMPLETED',
        )
      ).status,
    ).toBe('COMPLETED');
    expect(await sentTexts(enrolled.contactId)).toEqual(['sobrevive']);
  });

  it('lists enrolled contacts with paging, filters and details', async () => {
    const s = await create({ steps: [{ delaySeconds: 3600, text: 'depois' }] });
    const phone = nextPhone();
    await wts.post(`/chat/v1/sequence/${s.id}/contact/batch`, { phoneNumbers: [phone, nextPhone(), nextPhone()] });
    const page = await wts.get(`/chat/v2/sequence/${s.id}/contact`, {
      PageSize: 2,
      PageNumber: 2,
      IncludeDetails: 'ContactDetails',
    });
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({ pageNumber: 2, pageSize: 2, totalItems: 3, totalPages: 2, hasMorePages: false });
    expect(page.body.items[0].contactDetails).toMatchObject({ phonenumber: expect.any(String) });
    const byPhone = await wts.get(`/chat/v2/sequence/${s.id}/contact`, { PhoneNumber: phone.slice(-6) });
    expect(byPhone.body.items).toMatchObject([{ active: true, nextStep: 0 }]);
    expect(byPhone.body.items[0].contactDetails).toBeUndefined();
  });
});

describe('bad input and other accounts', () => {
  it('answers the WTS error envelope, storing nothing', async () => {
    const s = await create({ steps: [{ delaySeconds: 3600, text: 'x' }] });
    const counts = async () => [await count('sequences'), await count('sequence_contacts'), await count('contacts')];
    const before = await counts();
    const writes = [
      await wts.post('/chat/v1/sequence', { channelId: f.channelId, steps: [{ delaySeconds: 1, text: 'x' }] }),
      await wts.post('/chat/v1/sequence', { name: 'x', channelId: f.channelId, steps: [] }),
      await wts.post('/chat/v1/sequence', {
        name: 'x',
        channelId: f.channelId,
        steps: [{ delaySeconds: -1, text: 'x' }],
      }),
      await wts.post('/chat/v1/sequence', {
        name: 'x',
        channelId: f.channelId,
        steps: [{ delaySeconds: 1, text: '   ' }],
      }),
      await wts.post('/chat/v1/sequence', {
        name: '  ',
        channelId: f.channelId,
        steps: [{ delaySeconds: 1, text: 'x' }],
      }),
      await wts.post('/chat/v1/sequence', {
        name: 'x',
        channelId: other.channelId,
        steps: [{ delaySeconds: 1, text: 'x' }],
      }),
      await wts.post('/chat/v1/sequence', { name: 'x', channelId: 'nope', steps: [{ delaySeconds: 1, text: 'x' }] }),
      await wts.put(`/chat/v1/sequence/${s.id}`, {}),
      await wts.put(`/chat/v1/sequence/${s.id}`, { steps: [{ delaySeconds: 1.5, text: 'x' }] }),
      await wts.post(`/chat/v1/sequence/${s.id}/contact`, {}),
      await wts.post(`/chat/v1/sequence/${s.id}/contact`, { phoneNumber: 'not a phone' }),
      await wts.post(`/chat/v1/sequence/${s.id}/contact`, { contactId: 'x' }),
      await wts.post(`/chat/v1/sequence/${s.id}/contact/batch`, { phoneNumbers: [nextPhone(), 'ana@example.com'] }),
      await wts.post(`/chat/v1/sequence/${s.id}/contact/batch`, { phoneNumbers: 'x' }),
      await wts.post('/chat/v1/sequence/not-a-uuid/contact', { phoneNumber: nextPhone() }),
    ];
    for (const res of writes) {
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 400, text: expect.any(String) });
    }
    expect((await wts.get('/chat/v1/sequence', { OrderDirection: 'UP' })).status).toBe(400);
    expect((await wts.get(`/chat/v2/sequence/${s.id}/contact`, { PageSize: 0 })).status).toBe(400);
    expect(await counts()).toEqual(before);
    expect((await wts.get(`/chat/v1/sequence/${s.id}`)).body.steps).toEqual([{ delaySeconds: 3600, text: 'x' }]);
  });

  it("another account's sequence or contact is a 404 on every route, and stays as it was", async () => {
    const foreign = await create({ name: 'Deles', steps: [{ delaySeconds: 3600, text: 'deles' }] }, other);
    const theirContact = (await other.wts.post(`/chat/v1/sequence/${foreign.id}/contact`, { phoneNumber: nextPhone() }))
      .body.contactId;
    const mine = await create({ steps: [{ delaySeconds: 3600, text: 'meu' }] });
    for (const res of [
      await wts.get(`/chat/v1/sequence/${foreign.id}`),
      await wts.put(`/chat/v1/sequence/${foreign.id}`, { name: 'mine now' }),
      await wts.delete(`/chat/v1/sequence/${foreign.id}`),
      await wts.get(`/chat/v2/sequence/${foreign.id}/contact`),
      await wts.post(`/chat/v1/sequence/${foreign.id}/contact`, { phoneNumber: nextPhone() }),
      await wts.delete(`/chat/v1/sequence/${foreign.id}/contact`, { contactId: theirContact }),
      await wts.post(`/chat/v1/sequence/${foreign.id}/contact/batch`, { contactIds: [f.contactId] }),
      await wts.delete(`/chat/v1/sequence/${foreign.id}/contact/batch`, { contactIds: [theirContact] }),
      await wts.post(`/chat/v1/sequence/${mine.id}/contact`, { contactId: theirContact }),
      await wts.post(`/chat/v1/sequence/${mine.id}/contact/batch`, { contactIds: [f.contactId, theirContact] }),
    ]) {
      expect(res.status, res.text).toBe(404);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 404 });
    }
    expect((await wts.get('/chat/v1/sequence', { Name: 'Deles' })).body.totalItems).toBe(0);
    expect((await wts.get(`/chat/v2/sequence/${mine.id}/contact`)).body.totalItems).toBe(0);
    expect((await other.wts.get(`/chat/v1/sequence/${foreign.id}`)).body).toMatchObject({
      name: 'Deles',
      contactExecutingCount: 1,
    });
  });
});
