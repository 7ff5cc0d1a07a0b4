import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** `GET /chat/v1/template` and sending a template by its id (the WTS n8n node's Send Template). */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const other = await wtsFixture(ctx, 'Other');
const { wts } = f;
const db = ctx.database.db;

const TEMPLATES = [
  {
    id: '1001',
    name: 'order_ready',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'UTILITY',
    components: [
      { type: 'HEADER', format: 'IMAGE' },
      { type: 'BODY', text: 'Olá {{1}}, seu pedido {{2}} está pronto' },
      { type: 'FOOTER', text: 'Loja' },
    ],
  },
  {
    id: '1002',
    name: 'login_code',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    components: [{ type: 'BODY', text: 'Seu código é {{1}}' }],
  },
  {
    id: '1003',
    name: 'draft_promo',
    language: 'pt_BR',
    status: 'PENDING',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Promoção!' }],
  },
];
const inbox = await db.selectFrom('inboxes').selectAll().where('uuid', '=', f.channelId).executeTakeFirstOrThrow();
await db
  .updateTable('inboxes')
  .set({
    channel: JSON.stringify({
      ...(inbox.channel as object),
      message_templates: TEMPLATES,
      message_templates_last_updated: '2026-12-01T10:00:00.000Z',
    }),
  })
  .where('id', '=', inbox.id)
  .execute();

describe('GET /chat/v1/template', () => {
  it('lists the channel templates in the page envelope, with params on request', async () => {
    const res = await wts.get('/chat/v1/template', { ChannelId: f.channelId, IncludeDetails: 'Params' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ pageNumber: 1, totalItems: 3, hasMorePages: false });
    const ready = res.body.items.find((t: any) => t.name === 'order_ready');
    expect(ready).toMatchObject({
      channelId: f.channelId,
      text: 'Olá {{1}}, seu pedido {{2}} está pronto',
      footerText: 'Loja',
      status: 'Approved',
      fileType: 'IMAGE',
      active: true,
      archived: false,
    });
    expect(ready.params).toEqual([
      { name: '1', templateId: ready.id },
      { name: '2', templateId: ready.id },
    ]);
    expect(ready.id).toMatch(/^[0-9a-f-]{36}$/);
    expect((await wts.get('/chat/v1/template')).body.items[0].params).toBeNull();
  });

  it('filters by name, text, approval, type, archived and pages', async () => {
    const names = async (query: Record<string, unknown>) =>
      (await wts.get('/chat/v1/template', query)).body.items.map((t: any) => t.name);
    expect(await names({ Name: 'LOGIN' })).toEqual(['login_code']);
    expect(await names({ SearchableText: 'pedido' })).toEqual(['order_ready']);
    expect(await names({ ApprovedOnly: true })).toEqual(['login_code', 'order_ready']);
    expect(await names({ Type: 'AUTHENTICATION' })).toEqual(['login_code']);
    expect(await names({ Archived: true })).toEqual([]);
    const page = await wts.get('/chat/v1/template', { PageSize: 2, PageNumber: 2 });
    expect(page.body).toMatchObject({ totalItems: 3, totalPages: 2, items: [{ name: 'order_ready' }] });
    expect((await other.wts.get('/chat/v1/template')).body.totalItems).toBe(0);
    expect((await other.wts.get('/chat/v1/template', { ChannelId: f.channelId })).body.totalItems).toBe(0);
    const bad = await wts.get('/chat/v1/template', { Type: 'NOPE' });
    expect(bad.status).toBe(400);
    expect(bad.body).toMatchObject({ error: true, httpStatusCode: 400 });
  });
});

describe("the WTS n8n node's Send Template To Contact", () => {
  it('sends templateId and parameters alone with a null user and department: unassigned, text rendered', async () => {
    const listed = (await wts.get('/chat/v1/template', { ChannelId: f.channelId, IncludeDetails: 'Params' })).body
      .items;
    const ready = listed.find((t: any) => t.name === 'order_ready');
    const res = await wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511966660001',
      body: { templateId: ready.id, parameters: { '1': 'Ana', '2': '#42' } },
      options: { enableBot: false, hiddenSession: false, forceStartSession: false },
      user: { id: null },
      department: { id: null },
    });
    expect(res.status, res.text).toBe(200);
    const message = await db
      .selectFrom('messages')
      .selectAll()
      .where('uuid', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(message.content).toBe('Olá Ana, seu pedido #42 está pronto');
    expect((message.additional_attributes as any).template_params).toMatchObject({
      id: '1001',
      name: 'order_ready',
      language: 'pt_BR',
      processed_params: { '1': 'Ana', '2': '#42' },
    });
    const session = (await wts.get(`/chat/v1/session/${res.body.sessionId}`)).body;
    expect(session.userId ?? null).toBeNull();
    expect(session.departmentId ?? null).toBeNull();
  });

  it('an id that is not a template of the channel is refused, nothing stored', async () => {
    const res = await wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511966660002',
      body: { templateId: '00000000-0000-4000-8000-000000000000' },
      user: { id: null },
    });
    expect(res.status).toBe(400);
    expect(res.body.text).toMatch(/is not a message template of this channel/);
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511966660002').execute(),
    ).toHaveLength(0);
  });
});

describe('OTP', () => {
  it('sends the code with the channel’s authentication template and reports its status', async () => {
    const res = await wts.post('/chat/v1/template/otp/send', {
      from: f.channelId,
      to: '+5511966660010',
      code: '482913',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      id: expect.any(String),
      sessionId: expect.any(String),
      status: expect.any(String),
    });
    const message = await db
      .selectFrom('messages')
      .selectAll()
      .where('uuid', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(message.content).toBe('Seu código é 482913');
    expect((message.additional_attributes as any).template_params).toMatchObject({
      name: 'login_code',
      category: 'AUTHENTICATION',
    });
    const status = await wts.get(`/chat/v1/template/otp/${res.body.id}/status`);
    expect(status.status, status.text).toBe(200);
    expect(status.body).toMatchObject({ messageId: res.body.id, status: 'SENT', failureReason: null });
    expect((await other.wts.get(`/chat/v1/template/otp/${res.body.id}/status`)).status).toBe(404);
  });

  it('refuses a bad code, an unknown template or a channel without one, storing nothing', async () => {
    for (const body of [
      { from: f.channelId, to: '+5511966660011', code: '' },
      { from: f.channelId, to: '+5511966660011', code: '12 34' },
      { from: f.channelId, to: '+5511966660011', code: '1234', templateId: 'nope' },
      { from: other.channelId, to: '+5511966660011', code: '1234' },
      { from: f.channelId, code: '1234' },
    ]) {
      const res = await wts.post('/chat/v1/template/otp/send', body);
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 400 });
    }
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511966660011').execute(),
    ).toHaveLength(0);
    expect((await wts.get('/chat/v1/template/otp/not-a-uuid/status')).status).toBe(400);
  });
});
