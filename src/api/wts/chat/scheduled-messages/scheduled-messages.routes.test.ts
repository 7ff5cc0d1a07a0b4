import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startScheduledSender } from '../../../../jobs/scheduled-sends.ts';
import { chatbotFixture, SIMPLE_FLOW, until } from '../../../../../test/helpers/chatbot-fixture.ts';

/** `/chat/v1/scheduled-message`: stored, sent on time by the sender loop (started here by hand, to restart it). */
const ctx = await createTestContext({}, { chatbots: true });
const f = await chatbotFixture(ctx, 'Acme');
const other = await chatbotFixture(ctx, 'Other');
const { wts } = f;
const db = ctx.database.db;
const quiet = { warn() {}, error() {} };
let sender = await startScheduledSender(ctx.database, quiet);

const inSeconds = (s: number) => new Date(Date.now() + s * 1000).toISOString();
const schedule = (body: Record<string, unknown>, account = f) =>
  account.wts.post('/chat/v1/scheduled-message', { from: account.channelId, type: 'TEMPLATE', ...body });
const show = async (id: string) => (await wts.get(`/chat/v1/scheduled-message/${id}`)).body;
const settled = (id: string, timeoutMs = 8000) =>
  until(
    () => show(id),
    (s) => s.status !== 'SCHEDULED' && s.status !== 'PROCESSED',
    timeoutMs,
  );
const messagesWithText = (text: string) =>
  db.selectFrom('messages').select(['id', 'conversation_id', 'created_at']).where('content', '=', text).execute();

describe('scheduling a text message', () => {
  it('is not sent before its time, then sent once at it, SENT and visible in the session', async () => {
    const at = inSeconds(1.5);
    const res = await schedule({ to: '+5511977770001', text: 'Lembrete: consulta amanhã', scheduling: at });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      status: 'SCHEDULED',
      active: true,
      type: 'TEMPLATE',
      companyId: f.companyId,
      channelId: f.channelId,
      scheduling: at,
      sessionId: null,
      failureReason: null,
    });

    expect((await show(res.body.id)).status).toBe('SCHEDULED');
    expect(await messagesWithText('Lembrete: consulta amanhã')).toHaveLength(0);

    const sent = await settled(res.body.id);
    expect(sent).toMatchObject({
      status: 'SENT',
      active: false,
      messageId: expect.any(String),
      sessionId: expect.any(String),
    });
    const messages = await messagesWithText('Lembrete: consulta amanhã');
    expect(messages).toHaveLength(1);
    expect(messages[0].created_at.getTime()).toBeGreaterThanOrEqual(new Date(at).getTime());

    const listed = await wts.get('/chat/v1/message', { SessionId: sent.sessionId });
    expect(listed.body.items).toMatchObject([
      { id: sent.messageId, text: 'Lembrete: consulta amanhã', direction: 'TO_HUB' },
    ]);
  });

  it('lists with the page envelope, filtered by Status and Type, ordered by scheduling', async () => {
    const a = (await schedule({ to: '+5511977770002', text: 'later', scheduling: inSeconds(3600) })).body;
    const b = (await schedule({ to: '+5511977770002', text: 'sooner', scheduling: inSeconds(1800) })).body;
    const page = await wts.get('/chat/v1/scheduled-message', { Status: 'SCHEDULED', Type: 'TEMPLATE', PageSize: 1 });
    expect(page.status, page.text).toBe(200);
    expect(page.body).toMatchObject({
      pageNumber: 1,
      pageSize: 1,
      totalItems: 2,
      totalPages: 2,
      hasMorePages: true,
      items: [{ id: b.id }],
    });
    const second = await wts.get('/chat/v1/scheduled-message', {
      Status: ['SCHEDULED', 'CANCELED'],
      PageSize: 1,
      PageNumber: 2,
      IncludeDetails: 'Contact',
    });
    expect(second.body.items).toMatchObject([{ id: a.id, contact: { phonenumberFormatted: '+5511977770002' } }]);
    expect(
      (await wts.get('/chat/v1/scheduled-message', { Type: 'CHATBOT', Status: 'SCHEDULED' })).body.totalItems,
    ).toBe(0);
    await wts.post('/chat/v1/scheduled-message/batch-cancel', [a.id, b.id]);
  });

  it('filters by From (channel), To (recipient), User and Department, each an id or a number/name', async () => {
    const team = (await wts.post('/core/v1/department', { name: 'Cobrança' })).body;
    const a = (
      await schedule({ to: '+55 11 97777-0010', text: 'a', scheduling: inSeconds(3600), department: { id: team.id } })
    ).body;
    const b = (await schedule({ to: '+5511977770011', text: 'b', scheduling: inSeconds(3600) })).body;
    const ids = async (q: Record<string, string>) => {
      const res = await wts.get('/chat/v1/scheduled-message', { Status: 'SCHEDULED', ...q });
      expect(res.status, res.text).toBe(200);
      return res.body.items.map((i: any) => i.id).sort();
    };
    expect(await ids({ To: '5511977770010' })).toEqual([a.id]);
    expect(await ids({ To: a.contactId })).toEqual([a.id]);
    expect(await ids({ Department: 'cobrança' })).toEqual([a.id]);
    expect(await ids({ Department: team.id })).toEqual([a.id]);
    expect(await ids({ From: f.channelId, To: '+55 (11) 97777-0011' })).toEqual([b.id]);
    expect(await ids({ From: 'no such channel' })).toEqual([]);
    const user = await db.selectFrom('users').select('name').where('uuid', '=', a.userId).executeTakeFirstOrThrow();
    expect(await ids({ User: user.name, To: '5511977770011' })).toEqual([b.id]);
    expect(await ids({ User: a.userId, Department: team.id })).toEqual([a.id]);
    expect(await ids({ User: '00000000-0000-4000-8000-000000000000' })).toEqual([]);
    await wts.post('/chat/v1/scheduled-message/batch-cancel', [a.id, b.id]);
  });
});

describe('cancel, batch-cancel and update', () => {
  it('cancels one: never sent; cancelling a sent one is refused', async () => {
    const res = await schedule({ to: '+5511977770003', text: 'nunca enviada', scheduling: inSeconds(1) });
    const cancel = await wts.post(`/chat/v1/scheduled-message/${res.body.id}/cancel`);
    expect(cancel.status, cancel.text).toBe(200);
    expect(await show(res.body.id)).toMatchObject({ status: 'CANCELED', active: false });
    const sent = await schedule({ to: '+5511977770003', text: 'enviada', scheduling: inSeconds(0) });
    expect((await settled(sent.body.id)).status).toBe('SENT');
    const late = await wts.post(`/chat/v1/scheduled-message/${sent.body.id}/cancel`);
    expect(late.status).toBe(400);
    expect(late.body).toMatchObject({ error: true, text: expect.stringContaining('SENT') });
    expect(await messagesWithText('nunca enviada')).toHaveLength(0);
  });

  it('batch-cancels the SCHEDULED ones among the ids, answering them', async () => {
    const ids = [];
    for (const n of [1, 2, 3])
      ids.push((await schedule({ to: '+5511977770004', text: `lote ${n}`, scheduling: inSeconds(2) })).body.id);
    const foreign = (await schedule({ to: '+5511977770004', text: 'alheia', scheduling: inSeconds(3600) }, other)).body;
    expect(foreign.id).toBeTruthy();
    const res = await wts.post('/chat/v1/scheduled-message/batch-cancel', [ids[0], ids[1], foreign.id]);
    expect(res.status, res.text).toBe(200);
    expect(res.body.map((s: any) => s.id).sort()).toEqual([ids[0], ids[1]].sort());
    expect(res.body.every((s: any) => s.status === 'CANCELED')).toBe(true);
    expect((await other.wts.get(`/chat/v1/scheduled-message/${foreign.id}`)).body.status).toBe('SCHEDULED');
    expect((await settled(ids[2])).status).toBe('SENT');
    expect(await messagesWithText('lote 1')).toHaveLength(0);
    expect(await messagesWithText('lote 3')).toHaveLength(1);
  });

  it('PUT applies only the fields listed', async () => {
    const res = await schedule({
      to: '+5511977770005',
      text: 'original',
      scheduling: inSeconds(3600),
      hiddenSession: false,
    });
    const put = await wts.put(`/chat/v1/scheduled-message/${res.body.id}`, {
      fields: ['Text'],
      text: 'changed',
      scheduling: inSeconds(1),
      hiddenSession: true,
    });
    expect(put.status, put.text).toBe(200);
    expect(put.body).toMatchObject({
      text: 'changed',
      scheduling: res.body.scheduling,
      hiddenSession: false,
      contactId: res.body.contactId,
    });
    const moved = await wts.put(`/chat/v1/scheduled-message/${res.body.id}`, {
      fields: ['Scheduling', 'To'],
      scheduling: inSeconds(0),
      to: '+5511977770006',
    });
    expect(moved.status, moved.text).toBe(200);
    expect(moved.body.contactId).not.toBe(res.body.contactId);
    expect((await settled(res.body.id)).status).toBe('SENT');
    const refused = await wts.put(`/chat/v1/scheduled-message/${res.body.id}`, { fields: ['Text'], text: 'too late' });
    expect(refused.status).toBe(400);
  });
});

describe('jobs', () => {
  it('a restart between scheduling and sending still sends, once, with two senders racing', async () => {
    await sender.stop();
    const res = await schedule({ to: '+5511977770007', text: 'após reinício', scheduling: inSeconds(0.5) });
    await new Promise((r) => setTimeout(r, 700));
    expect((await show(res.body.id)).status).toBe('SCHEDULED');
    const [one, two] = await Promise.all([
      startScheduledSender(ctx.database, quiet),
      startScheduledSender(ctx.database, quiet),
    ]);
    sender = one;
    expect((await settled(res.body.id)).status).toBe('SENT');
    await two.stop();
    expect(await messagesWithText('após reinício')).toHaveLength(1);
  });

  it('a send that cannot be made is FAILED with its reason', async () => {
    const res = await schedule({ to: '+5511977770008', text: 'sem autor', scheduling: inSeconds(1) });
    await db.updateTable('scheduled_messages').set({ user_id: null }).where('uuid', '=', res.body.id).execute();
    const failed = await settled(res.body.id);
    expect(failed).toMatchObject({ status: 'FAILED', failureReason: expect.stringContaining('no longer exists') });
    expect(await messagesWithText('sem autor')).toHaveLength(0);
  });

  it('a CHATBOT message starts the chatbot at its time', async () => {
    const bot = await f.createBot(SIMPLE_FLOW);
    const res = await schedule({ to: '+5511977770009', type: 'CHATBOT', botKey: bot.key, scheduling: inSeconds(0.5) });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ type: 'CHATBOT', botId: bot.key });
    const sent = await settled(res.body.id);
    expect(sent).toMatchObject({ status: 'SENT', sessionId: expect.any(String) });
    const session = await until(
      () => wts.get('/chat/v1/message', { SessionId: sent.sessionId }),
      (r) => r.body.items?.length > 0,
    );
    expect(session.body.items[0].text).toContain('Hi');
  });
});

describe('bad input and other accounts', () => {
  it('answers the WTS error envelope, storing nothing', async () => {
    const before = Number(
      (
        await db
          .selectFrom('scheduled_messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const cases: [Record<string, unknown>, string][] = [
      [{ to: '+5511977770010', text: 'x' }, 'scheduling'],
      [{ to: '+5511977770010', text: 'x', scheduling: 'tomorrow' }, 'scheduling'],
      [{ to: '+5511977770010', scheduling: inSeconds(60) }, 'text'],
      [{ to: '+5511977770010', templateId: 'welcome', scheduling: inSeconds(60) }, 'templateId'],
      [{ to: '+5511977770010', type: 'CHATBOT', scheduling: inSeconds(60) }, 'botKey'],
      [{ to: '+5511977770010', type: 'SMS', text: 'x', scheduling: inSeconds(60) }, 'type'],
      [{ to: '+5511977770010', text: 'x', scheduling: inSeconds(60), from: other.channelId }, 'from'],
    ];
    for (const [body, field] of cases) {
      const res = await schedule(body);
      expect(res.status, `${field}: ${res.text}`).toBe(400);
      expect(res.body, field).toMatchObject({ error: true, httpStatusCode: 400, text: expect.any(String) });
    }
    expect(
      (await wts.put(`/chat/v1/scheduled-message/${'0'.repeat(8)}-0000-4000-8000-${'0'.repeat(12)}`, { fields: [] }))
        .status,
    ).toBe(400);
    expect((await wts.post('/chat/v1/scheduled-message/batch-cancel', ['not-a-uuid'])).status).toBe(400);
    expect((await wts.post('/chat/v1/scheduled-message/batch-cancel', { ids: [] })).status).toBe(400);
    const after = Number(
      (
        await db
          .selectFrom('scheduled_messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    expect(after).toBe(before);
  });

  it("another account's scheduled message is 404 on every route", async () => {
    const foreign = (await schedule({ to: '+5511977770011', text: 'deles', scheduling: inSeconds(3600) }, other)).body;
    for (const res of [
      await wts.get(`/chat/v1/scheduled-message/${foreign.id}`),
      await wts.put(`/chat/v1/scheduled-message/${foreign.id}`, { fields: ['Text'], text: 'mine now' }),
      await wts.post(`/chat/v1/scheduled-message/${foreign.id}/cancel`),
    ]) {
      expect(res.status, res.text).toBe(404);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 404 });
    }
    expect((await other.wts.get(`/chat/v1/scheduled-message/${foreign.id}`)).body).toMatchObject({
      status: 'SCHEDULED',
      text: 'deles',
    });
    await other.wts.post(`/chat/v1/scheduled-message/${foreign.id}/cancel`);
  });
});
