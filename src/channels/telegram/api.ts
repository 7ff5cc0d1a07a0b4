import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Config } from '../../config.ts';
import { ProviderError } from '../adapter.ts';

/** The Bot API's answer envelope (https://core.telegram.org/bots/api#making-requests). */
interface TelegramAnswer<T> {
  ok: boolean;
  result?: T;
  error_code?: number;
  description?: string;
}

type Settings = Pick<Config, 'channels'>;

/** 5xx, 429 and network failures are worth another try; any other refusal is final. */
const retryable = (status: number) => status >= 500 || status === 429;

/**
 * Calls a Bot API method with a JSON body (or multipart, for uploads). Answers `result`; a refusal throws a
 * ProviderError whose reason is Telegram's "error_code, description" (as Chatwoot keeps it).
 */
export async function callTelegram<T>(
  settings: Settings,
  botToken: string,
  method: string,
  body: Record<string, unknown> | FormData = {},
): Promise<T> {
  const { telegramApiBaseUrl, timeoutMs } = settings.channels;
  let response: Response;
  try {
    response = await fetch(`${telegramApiBaseUrl}/bot${botToken}/${method}`, {
      method: 'POST',
      ...(body instanceof FormData
        ? { body }
        : { body: JSON.stringify(body), headers: { 'content-type': 'application/json' } }),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ProviderError(`Telegram unreachable: ${(error as Error).message}`, true);
  }
  const text = await response.text().catch(() => '');
  let answer: TelegramAnswer<T> | undefined;
  try {
    answer = JSON.parse(text) as TelegramAnswer<T>;
  } catch {
    answer = undefined;
  }
  if (response.ok && answer?.ok) return answer.result as T;
  const code = answer?.error_code ?? response.status;
  const description = answer?.description ?? (text.slice(0, 200) || response.statusText);
  throw new ProviderError(`${code}, ${description}`, retryable(response.status));
}

/** A file Telegram keeps, by the file_path getFile answered: its bytes as a stream. */
export async function downloadTelegramFile(settings: Settings, botToken: string, filePath: string): Promise<Readable> {
  const { telegramApiBaseUrl, timeoutMs } = settings.channels;
  const encoded = filePath.split('/').map(encodeURIComponent).join('/');
  let response: Response;
  try {
    response = await fetch(`${telegramApiBaseUrl}/file/bot${botToken}/${encoded}`, {
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ProviderError(`Telegram unreachable: ${(error as Error).message}`, true);
  }
  if (!response.ok || !response.body)
    throw new ProviderError(`${response.status}, file download failed`, retryable(response.status));
  return Readable.fromWeb(response.body as WebReadableStream<Uint8Array>);
}
