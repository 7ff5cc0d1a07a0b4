import { cleanUpAfterFile } from './cleanup.ts';
import { startFakeWhatsappServer } from './fake-whatsapp-server.ts';

export { graphError, signWhatsapp, whatsappWebhook, type GraphAnswer, type GraphCall } from './fake-whatsapp-server.ts';

/** The fake for a test file (or for the test that starts it), closed after it. */
export async function startFakeWhatsapp() {
  const fake = await startFakeWhatsappServer();
  cleanUpAfterFile(() => fake.close());
  return fake;
}
