import { expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { createWhatsappInbox, startFakeWhatsapp } from '../../../../../test/helpers/fake-whatsapp.ts';

/** `POST /chat/v1/template/otp/send` through a WhatsApp inbox reaches the (loopback) Graph API as a template message. */
const fake = await startFakeWhatsapp();
const ctx = await createTestContext(
  { WHATSAPP_CLOUD_BASE_URL: fake.url, WHATSAPP_APP_SECRET: 'otp-secret', CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, channels: true },
);

const PHONE = '+15557780001';
const account = await ctx.account();
const number = fake.addNumber(PHONE);
const otpTemplate = {
  id: '8801',
  name: 'login_code',
  language: 'pt_BR',
  status: 'APPROVED',
  category: 'AUTHENTICATION',
  components: [{ type: 'BODY', text: '{{1}} é seu código de verificação.' }],
};
const marketing = {
  id: '8802',
  name: 'promo',
  language: 'pt_BR',
  status: 'APPROVED',
  category: 'MARKETING',
  components: [{ type: 'BODY', text: 'Oferta {{1}}' }],
};
fake.setTemplates(number.businessAccountId, [marketing, otpTemplate]);
const inbox = await createWhatsappInbox(account, number);
expect(inbox.status, inbox.text).toBe(200);
const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });

async function statusOf(messageId: string, wanted: string, timeoutMs = 8000) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const res = await wts.get(`/chat/v1/template/otp/${messageId}/status`);
    expect(res.status, res.text).toBe(200);
    if (res.body.status === wanted || Date.now() > deadline) return res.body;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
}

it('sends the code with the channel’s AUTHENTICATION template to a new contact, as a Graph API template message', async () => {
  const sent = await wts.post('/chat/v1/template/otp/send', { from: PHONE, to: '+55 11 98888-0001', code: '482913' });
  expect(sent.status, sent.text).toBe(200);
  expect(sent.body).toMatchObject({ id: expect.any(String), sessionId: expect.any(String) });

  await fake.waitFor(
    () => fake.callsTo('messages', number.apiKey).some((c) => c.body.type === 'template'),
    'the OTP template send',
  );
  const calls = fake.callsTo('messages', number.apiKey);
  expect(calls).toHaveLength(1);
  expect(calls[0].body).toMatchObject({
    messaging_product: 'whatsapp',
    to: '5511988880001',
    type: 'template',
    template: {
      name: 'login_code',
      language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: '482913' }] }],
    },
  });
  expect(calls[0].body.text).toBeUndefined();

  const status = await statusOf(sent.body.id, 'SENT');
  expect(status).toMatchObject({
    messageId: sent.body.id,
    sessionId: sent.body.sessionId,
    status: 'SENT',
    failureReason: null,
  });
});

it('a named template that is not the channel’s is refused in the WTS envelope and nothing reaches WhatsApp', async () => {
  const before = fake.callsTo('messages', number.apiKey).length;
  const refused = await wts.post('/chat/v1/template/otp/send', {
    from: PHONE,
    to: '+5511988880002',
    code: '111111',
    templateId: 'no-such-template',
  });
  expect(refused.status).toBe(400);
  expect(refused.body).toMatchObject({
    error: true,
    key: 'ERROR_VALIDATION',
    errors: [expect.objectContaining({ field: 'templateId' })],
  });
  expect(fake.callsTo('messages', number.apiKey)).toHaveLength(before);
});

it('POST /chat/v1/send/template starts a WhatsApp conversation with the named template and its parameters', async () => {
  const before = fake.callsTo('messages', number.apiKey).length;
  const sent = await wts.post('/chat/v1/send/template', {
    from: PHONE,
    to: '+5511988880003',
    templateId: '8802',
    parameters: { '1': 'VIP' },
    senderId: 'crm-7',
  });
  expect(sent.status, sent.text).toBe(200);
  expect(sent.body).toMatchObject({
    sessionId: expect.any(String),
    senderId: 'crm-7',
    statusUrl: expect.stringContaining(`/chat/v1/send/message/${sent.body.id}`),
  });
  await fake.waitFor(() => fake.callsTo('messages', number.apiKey).length > before, 'the template send');
  const call = fake.callsTo('messages', number.apiKey)[before];
  expect(call.body).toMatchObject({
    to: '5511988880003',
    type: 'template',
    template: {
      name: 'promo',
      language: { code: 'pt_BR' },
      components: [{ type: 'body', parameters: [{ type: 'text', text: 'VIP' }] }],
    },
  });
  const missing = await wts.post('/chat/v1/send/template', { from: PHONE, to: '+5511988880004' });
  expect(missing.status).toBe(400);
  expect(missing.body).toMatchObject({ error: true, key: 'ERROR_VALIDATION' });
});
