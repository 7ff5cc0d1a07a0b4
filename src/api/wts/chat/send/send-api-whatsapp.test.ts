import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import {
  createWhatsappInbox,
  signWhatsapp,
  startFakeWhatsapp,
  whatsappWebhook,
} from '../../../../../test/helpers/fake-whatsapp.ts';

/**
 * WTS's Send API through a WhatsApp inbox (the loopback Graph API): `POST /chat/v1/send/otp` and its status,
 * `POST /chat/v1/send/template/batch`, `GET /chat/v1/send/message/{id}` and `POST /chat/v1/send/typing`.
 */
const SECRET = 'send-api-secret';
const fake = await startFakeWhatsapp();
const ctx = await createTestContext(
  { WHATSAPP_CLOUD_BASE_URL: fake.url, WHATSAPP_APP_SECRET: SECRET, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, channels: true },
);

const PHONE = '+15557790001';
const account = await ctx.account();
const number = fake.addNumber(PHONE);
const body = (text: string) => [{ type: 'BODY', text }];
fake.setTemplates(number.businessAccountId, [
  {
    id: '9901',
    name: 'promo',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'MARKETING',
    components: body('Oi {{1}}'),
  },
  {
    id: '9902',
    name: 'login_code',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'AUTHENTICATION',
    components: body('{{1}} é seu código.'),
  },
]);
const created = await createWhatsappInbox(account, number);
expect(created.status, created.text).toBe(200);
const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
const sends = () => fake.callsTo('messages', number.apiKey);

/** Posts a signed Meta webhook (an inbound message or a status) to the inbox. */
async function deliver(value: Record<string, unknown>) {
  const raw = JSON.stringify(whatsappWebhook(number, value));
  const response = await ctx.app.inject({
    method: 'POST',
    url: `/webhooks/whatsapp/${encodeURIComponent(PHONE)}`,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsapp(raw, SECRET) },
    payload: raw,
  });
  expect(response.statusCode).toBe(200);
}

/** Polls `path` until `done` holds for its body (or fails with the last body after the deadline). */
async function until(path: string, done: (body: any) => boolean, what: string) {
  const deadline = Date.now() + 15_000;
  for (;;) {
    const res = await wts.get(path);
    expect(res.status, res.text).toBe(200);
    if (done(res.body)) return res.body;
    if (Date.now() > deadline) throw new Error(`${what}: still ${JSON.stringify(res.body)}`);
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

describe('POST /chat/v1/send/otp', () => {
  it('makes a five-digit code when none is given, sends it with the AUTHENTICATION template, and reports it by senderId until RECEIVED', async () => {
    const sent = await wts.post('/chat/v1/send/otp', { from: PHONE, to: '+55 11 97777-0001', senderId: 'login-1' });
    expect(sent.status, sent.text).toBe(200);
    expect(sent.body).toMatchObject({
      code: expect.stringMatching(/^\d{5}$/),
      status: expect.stringMatching(/^(PENDING|SENT)$/),
      senderId: 'login-1',
      from: PHONE,
      templateId: '9902',
      contactPhoneNumber: '+5511977770001',
      statusUrl: expect.stringContaining(`/chat/v1/send/otp/${sent.body.id}`),
    });
    await fake.waitFor(() => sends().some((c) => c.body.to === '5511977770001'), 'the OTP send');
    const call = sends().find((c) => c.body.to === '5511977770001')!;
    expect(call.body.template).toMatchObject({
      name: 'login_code',
      components: [{ type: 'body', parameters: [{ type: 'text', text: sent.body.code }] }],
    });

    const sentStatus = await until('/chat/v1/send/otp/login-1', (b) => b.status === 'SENT', 'the OTP sent');
    expect(sentStatus).toMatchObject({ id: sent.body.id, code: sent.body.code, receivedAt: null });
    const message = await ctx.database.db
      .selectFrom('messages')
      .select('source_id')
      .where('uuid', '=', sent.body.id)
      .executeTakeFirstOrThrow();
    await deliver({
      statuses: [
        { id: message.source_id, status: 'delivered', timestamp: '1760000100', recipient_id: '5511977770001' },
      ],
    });
    const received = await until(`/chat/v1/send/otp/${sent.body.id}`, (b) => b.status === 'RECEIVED', 'delivery');
    expect(received.receivedAt).toEqual(expect.any(String));

    // Another company's token finds neither the message nor the client's id.
    const other = await ctx.account();
    const otherWts = ctx.client(undefined, { authorization: `Bearer ${other.api_access_token}` });
    expect((await otherWts.get(`/chat/v1/send/otp/${sent.body.id}`)).status).toBe(404);
    expect((await otherWts.get('/chat/v1/send/otp/login-1')).status).toBe(404);
    expect((await otherWts.get(`/chat/v1/send/message/${sent.body.id}`)).status).toBe(404);
  });

  it('refuses a body without `to`, and an unknown id is a 404, in the WTS envelope', async () => {
    const refused = await wts.post('/chat/v1/send/otp', { from: PHONE });
    expect(refused.status).toBe(400);
    expect(refused.body).toMatchObject({ error: true, key: 'ERROR_VALIDATION' });
    const unknown = await wts.get('/chat/v1/send/otp/nobody-sent-this');
    expect(unknown.status).toBe(404);
    expect(unknown.body).toMatchObject({ error: true });
  });
});

describe('POST /chat/v1/send/template/batch', () => {
  it('sends the template to each number with its own parameters and answers one receipt per message, in order', async () => {
    const before = sends().length;
    const res = await wts.post('/chat/v1/send/template/batch', {
      from: PHONE,
      templateId: 'promo',
      messages: [
        { to: '+5511966660001', parameters: { '1': 'Ana' }, senderId: 'b-1', sessionMetadata: { campaign: 'dez' } },
        { to: '+5511966660002', parameters: { '1': 'Bia' }, senderId: 'b-2' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.results).toHaveLength(2);
    expect(res.body.results.map((r: any) => r.senderId)).toEqual(['b-1', 'b-2']);
    await fake.waitFor(() => sends().length >= before + 2, 'both template sends');
    const texts = Object.fromEntries(
      sends()
        .slice(before)
        .map((c) => [c.body.to, c.body.template.components[0].parameters[0].text]),
    );
    expect(texts).toEqual({ '5511966660001': 'Ana', '5511966660002': 'Bia' });

    const session = await wts.get(`/chat/v1/session/${res.body.results[0].sessionId}`);
    expect(session.body.metadata).toMatchObject({ campaign: 'dez' });
    const status = await until(
      `/chat/v1/send/message/${res.body.results[1].id}`,
      (b) => b.status === 'SENT',
      'the second send',
    );
    expect(status).toMatchObject({ id: res.body.results[1].id, senderId: 'b-2', companyId: expect.any(String) });
  });

  it('one refused item refuses the batch, naming it, and sends nothing', async () => {
    const before = sends().length;
    const messagesBefore = await ctx.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    const res = await wts.post('/chat/v1/send/template/batch', {
      from: PHONE,
      templateId: 'promo',
      messages: [{ to: '+5511955550001' }, { to: '+5511955550002', fileIdOrUrl: 'ftp://example.com/a.pdf' }],
    });
    expect(res.status).toBe(400);
    expect(res.body).toMatchObject({ error: true, key: 'ERROR_VALIDATION' });
    expect(JSON.stringify(res.body)).toContain('messages[1]');
    const messagesAfter = await ctx.database.db
      .selectFrom('messages')
      .select((eb) => eb.fn.countAll<string>().as('n'))
      .executeTakeFirstOrThrow();
    expect(messagesAfter.n).toBe(messagesBefore.n);
    expect(sends()).toHaveLength(before);

    const tooMany = await wts.post('/chat/v1/send/template/batch', {
      from: PHONE,
      templateId: 'promo',
      messages: Array.from({ length: 101 }, (_, i) => ({ to: `+55119444${String(i).padStart(5, '0')}` })),
    });
    expect(tooMany.status).toBe(400);
  });
});

describe('POST /chat/v1/send/typing', () => {
  it("marks the contact's last message read with the typing indicator; with no message from the contact, calls nothing", async () => {
    const sent = await wts.post('/chat/v1/send/template', { from: PHONE, to: '+5511933330001', templateId: 'promo' });
    expect(sent.status, sent.text).toBe(200);
    const sessionId = sent.body.sessionId;
    await fake.waitFor(() => sends().some((c) => c.body.to === '5511933330001'), 'the template');

    const quiet = sends().length;
    expect((await wts.post('/chat/v1/send/typing', { sessionId })).status).toBe(204);
    expect(sends()).toHaveLength(quiet);

    await deliver({
      contacts: [{ profile: { name: 'Rui' }, wa_id: '5511933330001' }],
      messages: [
        { from: '5511933330001', id: 'wamid.typing-in', timestamp: '1760000200', type: 'text', text: { body: 'oi' } },
      ],
    });
    const typing = await wts.post('/chat/v1/send/typing', { sessionId });
    expect(typing.status).toBe(204);
    const call = sends().at(-1)!;
    expect(call.body).toEqual({
      messaging_product: 'whatsapp',
      status: 'read',
      message_id: 'wamid.typing-in',
      typing_indicator: { type: 'text' },
    });

    const unknown = await wts.post('/chat/v1/send/typing', { sessionId: '00000000-0000-4000-8000-000000000000' });
    expect(unknown.status).toBe(404);
  });
});
