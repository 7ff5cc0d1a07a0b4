import { afterAll } from 'vitest';
import { startFakeTelegramServer } from './fake-telegram-server.ts';

export { telegramError, type FakeAnswer, type TelegramCall } from './fake-telegram-server.ts';

/** The fake for a test file, closed after it. */
export async function startFakeTelegram() {
  const fake = await startFakeTelegramServer();
  afterAll(() => fake.close());
  return fake;
}
