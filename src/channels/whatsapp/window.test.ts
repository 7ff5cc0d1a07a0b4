import { expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { signWhatsapp, startFakeWhatsapp, whatsappWebhook } from '../../../test/helpers/fake-whatsapp.ts';

const fake = await startFakeWhatsapp();
const APP_SECRET = 'window-secret';
const ctx = await createTestContext(
  { WHATSAPP_CLOUD_BASE_URL: fake.url, WHATSAPP_APP_SECRET: APP_SECRET, CHANNEL_SEND_RETRY_DELAY_SECONDS: '1' },
  { worker: true, channels: true },
);
const { db } = ctx.database;

async function setup(phone: string) {
  const account = await ctx.account();
  const number = fake.addNumber(phone);
  const template = {
    id: '7701',
    name: 'follow_up',
    language: 'pt_BR',
    status: 'APPROVED',
    category: 'MARKETING',
    components: [{ type: 'BODY', text: 'Hi {{1}}' }],
  };
  fake.setTemplates(number.businessAccountId, []);
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'WA',
    channel: {
      type: 'whatsapp',
      phone_number: phone,
      provider: 'whatsapp_cloud',
      provider_config: {
        api_key: number.apiKey,
        phone_number_id: number.phoneNumberId,
        business_account_id: number.businessAccountId,
        webhook_verify_token: 'v',
      },
    },
  });
  expect(created.status).toBe(200);
  expect(created.body.message_templates).toEqual([]);
  fake.setTemplates(number.businessAccountId, [template]);
  const raw = JSON.stringify(
    whatsappWebhook(number, {
      contacts: [{ profile: { name: 'Lin' }, wa_id: '5511999990000' }],
      messages: [{ from: '5511999990000', id: `wamid.${phone}`, timestamp: '1', type: 'text', text: { body: 'oi' } }],
    }),
  );
  const delivered = await ctx.app.inject({
    method: 'POST',
    url: `/webhooks/whatsapp/${encodeURIComponent(phone)}`,
    headers: { 'content-type': 'application/json', 'x-hub-signature-256': signWhatsapp(raw, APP_SECRET) },
    payload: raw,
  });
  expect(delivered.statusCode).toBe(200);
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('inbox_id', '=', created.body.id)
    .executeTakeFirstOrThrow();
  return { account, number, inbox: created.body, conversation, template };
}

it('syncs templates onto the inbox payload (Chatwoot sync_templates); refuses other inboxes', async () => {
  const { account, inbox, template } = await setup('+15557770001');
  const synced = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}/sync_templates`);
  expect(synced.status).toBe(200);
  expect(synced.body).toEqual({ message: 'Template sync initiated successfully' });
  const shown = await account.api.get(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}`);
  expect(shown.body.message_templates).toEqual([template]);
  const api = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Api',
    channel: { type: 'api' },
  });
  const refused = await account.api.post(
    `/api/v1/accounts/${account.account_id}/inboxes/${api.body.id}/sync_templates`,
  );
  expect(refused.status).toBe(422);
});

it('outside the 24-hour window refuses free text in both dialects (Chatwoot 422, WTS 400) but sends templates', async () => {
  const { account, number, conversation, inbox } = await setup('+15557770002');
  await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes/${inbox.id}/sync_templates`);
  const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
  const inside = await account.api.post(
    `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    { content: 'in time' },
  );
  expect(inside.status).toBe(200);
  expect((await wts.get(`/chat/v1/session/${conversation.uuid}`)).body.windowStatus).toBe('ACTIVE');
  // Sent before the window is closed below: the send job checks the window again when it runs.
  await fake.waitFor(
    () => fake.callsTo('messages', number.apiKey).some((c) => c.body.text?.body === 'in time'),
    'the in-window reply sent',
  );

  await db
    .updateTable('messages')
    .set({ created_at: new Date(Date.now() - 25 * 3600_000) })
    .where('conversation_id', '=', conversation.id)
    .where('message_type', '=', 0)
    .execute();
  await db
    .updateTable('conversations')
    .set({ last_activity_at: new Date(Date.now() - 25 * 3600_000) })
    .where('id', '=', conversation.id)
    .execute();
  const late = await account.api.post(
    `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    { content: 'too late' },
  );
  expect(late.status).toBe(422);
  expect(late.body).toEqual({ error: expect.stringMatching(/24-hour customer service window is closed/) });
  const lateWts = await wts.post(`/chat/v1/session/${conversation.uuid}/message`, { text: 'too late' });
  expect(lateWts.status).toBe(400); // WTS answers every refused input with 400 in its envelope
  expect(lateWts.body).toMatchObject({
    error: true,
    httpStatusCode: 400,
    text: expect.stringMatching(/only a message template/),
  });
  const note = await account.api.post(
    `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    { content: 'note', private: true },
  );
  expect(note.status).toBe(200);

  const viaWts = await wts.post(`/chat/v1/session/${conversation.uuid}/message`, {
    text: 'Hi Lin',
    templateId: '7701',
    parameters: { '1': 'Lin' },
  });
  expect(viaWts.status).toBe(200);
  const viaChatwoot = await account.api.post(
    `/api/v1/accounts/${account.account_id}/conversations/${conversation.display_id}/messages`,
    {
      content: 'Hi Lin',
      template_params: {
        name: 'follow_up',
        category: 'MARKETING',
        language: 'pt_BR',
        processed_params: { body: { '1': 'Lin' } },
      },
    },
  );
  expect(viaChatwoot.status).toBe(200);
  await fake.waitFor(
    () => fake.callsTo('messages', number.apiKey).filter((c) => c.body.type === 'template').length === 2,
    'two template sends',
  );
  const templates = fake
    .callsTo('messages', number.apiKey)
    .filter((c) => c.body.type === 'template')
    .map((c) => c.body.template);
  const expected = {
    name: 'follow_up',
    language: { code: 'pt_BR' },
    components: [{ type: 'body', parameters: [{ type: 'text', text: 'Lin' }] }],
  };
  expect(templates).toEqual([expected, expected]);
  expect(
    fake
      .callsTo('messages', number.apiKey)
      .map((c) => c.body.text?.body)
      .filter(Boolean),
  ).toEqual(['in time']);
});
