import { cleanUpAfterFile } from './cleanup.ts';
import { startFakeTelegramServer } from './fake-telegram-server.ts';

export { telegramError, type FakeAnswer, type TelegramCall } from './fake-telegram-server.ts';

/** The fake for a test file (or for the test that starts it), closed after it. */
export async function startFakeTelegram() {
  const fake = await startFakeTelegramServer();
  cleanUpAfterFile(() => fake.close());
  return fake;
}
