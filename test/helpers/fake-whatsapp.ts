import { afterAll } from 'vitest';
import { startFakeWhatsappServer } from './fake-whatsapp-server.ts';

export { graphError, signWhatsapp, whatsappWebhook, type GraphAnswer, type GraphCall } from './fake-whatsapp-server.ts';

/** The fake for a test file, closed after it. */
export async function startFakeWhatsapp() {
  const fake = await startFakeWhatsappServer();
  afterAll(() => fake.close());
  return fake;
}
