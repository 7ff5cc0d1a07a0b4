import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** `POST /chat/v1/message/send`: to an address, from a channel, creating or reusing contact and session. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const admin = await f.userUuid(f.account.user_id);
const sales = (await api.post(`${base}/teams`, { name: 'Sales' })).body;
const salesId = (await db.selectFrom('teams').select('uuid').where('id', '=', sales.id).executeTakeFirstOrThrow()).uuid;
const sam = await ctx.member(f.account.account_id, 'agent', 'Sam');
const samEmail = (await db.selectFrom('users').select('email').where('id', '=', sam.userId).executeTakeFirstOrThrow())
  .email;

const send = (body: Record<string, unknown>) => wts.post('/chat/v1/message/send', body);
const session = async (id: string) =>
  (await wts.get(`/chat/v1/session/${id}`, { IncludeDetails: 'ContactDetails' })).body;

describe('send to a new contact', () => {
  it('creates the contact and a session in the channel, and the message goes out TO_HUB', async () => {
    const res = await send({ from: f.channelId, to: '+55 (11) 98888-0001', body: { text: 'Olá!' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ status: 'SENT', senderId: admin });
    expect(res.body.statusUrl).toMatch(new RegExp(`/chat/v1/message/${res.body.id}/status$`));

    const s = await session(res.body.sessionId);
    expect(s).toMatchObject({
      channelId: f.channelId,
      status: 'PENDING',
      lastMessageText: 'Olá!',
      contactDetails: { phonenumber: '+5511988880001' },
    });
    const message = await wts.get(`/chat/v1/message/${res.body.id}`);
    expect(message.body).toMatchObject({
      id: res.body.id,
      sessionId: res.body.sessionId,
      direction: 'TO_HUB',
      text: 'Olá!',
      userId: admin,
      origin: 'API',
    });
    const listed = await wts.get('/chat/v1/message', { SessionId: res.body.sessionId });
    expect(listed.body).toMatchObject({ totalItems: 1, items: [{ id: res.body.id }] });
    const status = await wts.get(`/chat/v1/message/${res.body.id}/status`);
    expect(status.body).toMatchObject({
      id: res.body.id,
      sessionId: res.body.sessionId,
      status: 'SENT',
      failureReason: null,
    });

    const deleted = await wts.delete(`/chat/v1/message/${res.body.id}`);
    expect(deleted.body).toMatchObject({ id: res.body.id, status: 'DELETED' });
    expect((await wts.get(`/chat/v1/message/${res.body.id}/status`)).body.status).toBe('DELETED');
  });

  it('shows in the Chatwoot conversation list with the contact and the message, with the same events', async () => {
    const res = await send({ to: '5511988880002', body: { text: 'Seu pedido chegou' } });
    expect(res.status, res.text).toBe(200);
    const conversation = await db
      .selectFrom('conversations')
      .selectAll()
      .where('uuid', '=', res.body.sessionId)
      .executeTakeFirstOrThrow();
    const list = (await api.get(`${base}/conversations`, { status: 'all' })).body.data.payload;
    const shown = list.find((c: any) => c.id === conversation.display_id);
    expect(shown).toMatchObject({
      inbox_id: f.inbox.id,
      status: 'open',
      meta: { sender: { phone_number: '+5511988880002' } },
    });
    expect(shown.last_non_activity_message).toMatchObject({ content: 'Seu pedido chegou', message_type: 1 });
    const events = await db
      .selectFrom('events')
      .select('name')
      .where('conversation_id', '=', conversation.id)
      .orderBy('seq')
      .execute();
    expect(events.map((e) => e.name)).toEqual(['conversation.created', 'message.created']);
    const contactEvents = await db
      .selectFrom('events')
      .select('name')
      .where('contact_id', '=', conversation.contact_id)
      .where('conversation_id', 'is', null)
      .execute();
    expect(contactEvents.map((e) => e.name)).toContain('contact.created');
  });
});

describe('send to a known contact', () => {
  it('reuses the running session; forceStartSession completes it and starts another', async () => {
    const first = await send({ to: '+5511988880003', body: { text: 'one' } });
    const second = await send({ to: '+55 11 98888-0003', body: { text: 'two' } });
    expect(second.body.sessionId).toBe(first.body.sessionId);
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511988880003').execute(),
    ).toHaveLength(1);

    const forced = await send({ to: '+5511988880003', body: { text: 'three' }, options: { forceStartSession: true } });
    expect(forced.body.sessionId).not.toBe(first.body.sessionId);
    expect((await session(first.body.sessionId)).status).toBe('COMPLETED');
    expect((await session(forced.body.sessionId)).status).toBe('PENDING');
  });

  it('starts a session that was completed anew and finds contacts by email', async () => {
    const s = await f.openSession();
    await wts.put(`/chat/v1/session/${s.id}/complete`, {});
    const res = await send({ from: 'shop api', to: `JANE-acme@example.com`, body: { text: 'back again' } });
    expect(res.status, res.text).toBe(200);
    const created = await session(res.body.sessionId);
    expect(created.contactId).toBe(f.contactId);
    expect(res.body.sessionId).not.toBe(s.id);
  });
});

describe('new session options', () => {
  it('takes the department by name and the user by email: IN_PROGRESS with them', async () => {
    const res = await send({
      to: '+5511988880004',
      body: { text: 'hi' },
      department: { name: 'sales' },
      user: { email: samEmail },
    });
    expect(res.status, res.text).toBe(200);
    const s = await session(res.body.sessionId);
    expect(s).toMatchObject({ departmentId: salesId, userId: await f.userUuid(sam.userId), status: 'IN_PROGRESS' });
  });

  it('hiddenSession hides it; enableBot leaves it STARTED for the bot', async () => {
    const hidden = await send({ to: '+5511988880005', body: { text: 'psst' }, options: { hiddenSession: true } });
    expect((await session(hidden.body.sessionId)).status).toBe('HIDDEN');
    const bot = await send({ to: '+5511988880006', body: { text: 'bot' }, options: { enableBot: true } });
    expect((await session(bot.body.sessionId)).status).toBe('STARTED');
  });

  it('send-sync answers the whole message', async () => {
    const res = await wts.post('/chat/v1/message/send-sync', { to: '+5511988880007', body: { text: 'sync' } });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ text: 'sync', direction: 'TO_HUB', status: 'SENT', type: 'TEXT' });
  });
});

describe('refusals', () => {
  const cases: [string, Record<string, unknown>, RegExp, string][] = [
    [
      'unknown channel',
      { from: '+1 555 0000', to: '+5511988880100', body: { text: 'x' } },
      /from \+1 555 0000 is not a channel of this company/,
      'from',
    ],
    ['no text', { to: '+5511988880101', body: {} }, /body\.text is required/, 'body.text'],
    ['no to', { body: { text: 'x' } }, /to is required/, 'to'],
    ['bad phone', { to: '+0 12', body: { text: 'x' } }, /to \+0 12 is not a valid phone number/, 'to'],
    ['bad email', { to: 'jane@nowhere', body: { text: 'x' } }, /to jane@nowhere is not a valid email address/, 'to'],
    [
      'unknown department',
      { to: '+5511988880102', body: { text: 'x' }, department: { name: 'Nope' } },
      /department\.name Nope is not a department/,
      'department.name',
    ],
    [
      'unknown user',
      { to: '+5511988880103', body: { text: 'x' }, user: { email: 'nobody@example.com' } },
      /user\.email nobody@example\.com is not a user/,
      'user.email',
    ],
  ];
  for (const [name, body, message, field] of cases) {
    it(`${name}: 400 naming ${field}, nothing created`, async () => {
      const contactsBefore = await db
        .selectFrom('contacts')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      const res = await send(body);
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: true });
      expect(res.body.text).toMatch(message);
      if (res.body.errors.length) expect(res.body.errors[0].field).toBe(field);
      const contactsAfter = await db
        .selectFrom('contacts')
        .select(db.fn.countAll<number>().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(contactsAfter.n)).toBe(Number(contactsBefore.n));
    });
  }

  it('an agent outside the channel cannot send from it nor read its messages', async () => {
    const sent = await send({ to: '+5511988880300', body: { text: 'for members' } });
    const outsider = ctx.client(undefined, { authorization: sam.token });
    const res = await outsider.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511988880300',
      body: { text: 'x' },
    });
    expect(res).toMatchObject({ status: 400, body: { errors: [{ field: 'from' }] } });
    expect((await outsider.get(`/chat/v1/message/${sent.body.id}`)).status).toBe(404);
    expect((await outsider.post(`/chat/v1/session/${sent.body.sessionId}/message`, { text: 'x' })).status).toBe(404);
    expect((await api.post(`${base}/inbox_members`, { inbox_id: f.inbox.id, user_ids: [sam.userId] })).status).toBe(
      200,
    );
    expect((await outsider.get(`/chat/v1/message/${sent.body.id}`)).status).toBe(200);
  });

  it('another company cannot read the message nor send from this company’s channel', async () => {
    const sent = await send({ to: '+5511988880200', body: { text: 'private' } });
    const other = await wtsFixture(ctx, 'Globex');
    for (const path of [`/chat/v1/message/${sent.body.id}`, `/chat/v1/message/${sent.body.id}/status`])
      expect((await other.wts.get(path)).status).toBe(404);
    expect((await other.wts.get('/chat/v1/message', { SessionId: sent.body.sessionId })).status).toBe(404);
    expect((await other.wts.delete(`/chat/v1/message/${sent.body.id}`)).status).toBe(404);
    expect((await wts.get(`/chat/v1/message/${sent.body.id}`)).body.status).toBe('SENT');
    const res = await other.wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511988880200',
      body: { text: 'x' },
    });
    expect(res.status).toBe(400);
    expect(res.body.text).toMatch(/is not a channel of this company/);
  });
});

describe("the WTS n8n node's defaults", () => {
  // With no department chosen the node sends `"user": {"id": null}` (and may null the department too): no agent.
  const nobody = { user: { id: null, email: null }, department: { id: null, name: null } };
  for (const [kind, body] of [
    ['text', { text: 'plain' }],
    ['file', { fileUrl: 'https://cdn.example.com/menu.pdf', text: 'the menu' }],
    ['template', { templateId: 'welcome', parameters: { name: 'Ana' }, text: 'Olá Ana' }],
  ] as const) {
    it(`sends ${kind} with a null user and department as unassigned`, async () => {
      const res = await send({ from: f.channelId, to: `+55119777700${kind.length}`, body, ...nobody });
      expect(res.status, res.text).toBe(200);
      const s = await session(res.body.sessionId);
      expect(s.userId ?? null).toBeNull();
      expect(s.departmentId ?? null).toBeNull();
    });
  }

  it('the typed senders take a null user too', async () => {
    const res = await wts.post('/chat/v1/send/text', {
      to: '+5511977770099',
      text: 'x',
      options: { user: { id: null }, department: { id: null } },
    });
    expect(res.status, res.text).toBe(200);
  });
});

describe('one transaction per send', () => {
  it('a send refused after the contact and session were made leaves neither behind, and its retry sends once', async () => {
    const refused = await send({
      to: '+5511988880099',
      body: { text: 'once', refId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(refused.status, refused.text).toBe(400);
    expect(refused.body.text ?? refused.text).toMatch(/refId/);
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511988880099').execute(),
    ).toHaveLength(0);

    const retried = await send({ to: '+5511988880099', body: { text: 'once' } });
    expect(retried.status, retried.text).toBe(200);
    const contact = await db
      .selectFrom('contacts')
      .select('id')
      .where('phone_number', '=', '+5511988880099')
      .executeTakeFirstOrThrow();
    const sessions = await db.selectFrom('conversations').select('id').where('contact_id', '=', contact.id).execute();
    expect(sessions).toHaveLength(1);
    const messages = await db
      .selectFrom('messages')
      .select('content')
      .where('conversation_id', '=', sessions[0].id)
      .where('message_type', '=', 1)
      .execute();
    expect(messages.map((m) => m.content)).toEqual(['once']);
  });
});

describe('Idempotency-Key', () => {
  const sendKeyed = (key: string, body: Record<string, unknown>, path = '/chat/v1/message/send') =>
    ctx
      .client(undefined, { authorization: `Bearer ${f.account.api_access_token}`, 'idempotency-key': key })
      .post(path, body);

  it('answers concurrent and later retries of a keyed send with the first message, stored once', async () => {
    const body = { to: '+5511988880123', body: { text: 'exactly once' } };
    const results = await Promise.all([
      sendKeyed('order-123', body),
      sendKeyed('order-123', body),
      sendKeyed('order-123', body),
    ]);
    expect(
      results.map((r) => r.status),
      results.map((r) => r.text).join('\n'),
    ).toEqual([200, 200, 200]);
    expect(new Set(results.map((r) => r.body.id)).size).toBe(1);
    const later = await sendKeyed('order-123', body, '/chat/v1/message/send-sync');
    expect(later.body.id).toBe(results[0].body.id);
    const stored = await db.selectFrom('messages').select('id').where('content', '=', 'exactly once').execute();
    expect(stored).toHaveLength(1);
  });

  it('refuses the same key with another body, and a key on a failed send stays free', async () => {
    await sendKeyed('order-124', { to: '+5511988880124', body: { text: 'first' } });
    const other = await sendKeyed('order-124', { to: '+5511988880124', body: { text: 'second' } });
    expect(other.status).toBe(400);
    expect(other.text).toMatch(/Idempotency-Key/);
    const failed = await sendKeyed('order-125', {
      to: '+5511988880125',
      body: { text: 'x', refId: '00000000-0000-4000-8000-000000000000' },
    });
    expect(failed.status).toBe(400);
    const retried = await sendKeyed('order-125', { to: '+5511988880125', body: { text: 'x' } });
    expect(retried.status, retried.text).toBe(200);
  });

  it('without a key every send is a new message', async () => {
    const body = { to: '+5511988880126', body: { text: 'twice' } };
    const [a, b] = [await send(body), await send(body)];
    expect(a.body.id).not.toBe(b.body.id);
  });
});
