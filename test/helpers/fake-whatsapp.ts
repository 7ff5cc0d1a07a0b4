import type { Client } from './context.ts';
import { cleanUpAfterFile } from './cleanup.ts';
import { startFakeWhatsappServer } from './fake-whatsapp-server.ts';

export { graphError, signWhatsapp, whatsappWebhook, type GraphAnswer, type GraphCall } from './fake-whatsapp-server.ts';

/** The fake for a test file (or for the test that starts it), closed after it. */
export async function startFakeWhatsapp() {
  const fake = await startFakeWhatsappServer();
  cleanUpAfterFile(() => fake.close());
  return fake;
}

/** Creates a WhatsApp Cloud inbox for a fake number through the Chatwoot API, as an administrator would. */
export async function createWhatsappInbox(
  account: { account_id: number; api: Client },
  number: { phoneNumber: string; apiKey: string; phoneNumberId: string; businessAccountId: string },
  name = 'WA',
) {
  return account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name,
    channel: {
      type: 'whatsapp',
      phone_number: number.phoneNumber,
      provider: 'whatsapp_cloud',
      provider_config: {
        api_key: number.apiKey,
        phone_number_id: number.phoneNumberId,
        business_account_id: number.businessAccountId,
        webhook_verify_token: 'v',
      },
    },
  });
}
