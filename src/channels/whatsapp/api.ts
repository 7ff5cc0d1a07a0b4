import { Readable } from 'node:stream';
import type { ReadableStream as WebReadableStream } from 'node:stream/web';
import type { Config } from '../../config.ts';
import { ProviderError } from '../adapter.ts';

/** The Graph API version called (Chatwoot pins one too). */
export const GRAPH_VERSION = 'v22.0';

type Settings = Pick<Config, 'channels'>;

/** Meta's error envelope (https://developers.facebook.com/docs/whatsapp/cloud-api/support/error-codes). */
interface GraphError {
  error?: { message?: string; type?: string; code?: number; error_data?: { details?: string } };
}

/** 5xx, 429 and Meta's throttling codes are worth another try; any other refusal is final. */
const THROTTLED = new Set([4, 80007, 130429, 131048, 131056]);
const retryable = (status: number, code?: number) =>
  status >= 500 || status === 429 || (code !== undefined && THROTTLED.has(code));

async function graphFetch(settings: Settings, apiKey: string, path: string, init: RequestInit = {}): Promise<Response> {
  const { whatsappCloudBaseUrl, timeoutMs } = settings.channels;
  const url = /^https?:\/\//.test(path) ? path : `${whatsappCloudBaseUrl}/${GRAPH_VERSION}/${path}`;
  try {
    return await fetch(url, {
      ...init,
      headers: { authorization: `Bearer ${apiKey}`, ...(init.headers ?? {}) },
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (error) {
    throw new ProviderError(`WhatsApp unreachable: ${(error as Error).message}`, true);
  }
}

/** A refusal as a ProviderError whose reason is Meta's "(#code) message" (its details appended when given). */
async function refusal(response: Response): Promise<ProviderError> {
  const text = await response.text().catch(() => '');
  let body: GraphError | undefined;
  try {
    body = JSON.parse(text) as GraphError;
  } catch {
    body = undefined;
  }
  const error = body?.error;
  const details = error?.error_data?.details ? `: ${error.error_data.details}` : '';
  const reason = error?.message
    ? `${error.message}${details}`
    : `${response.status}, ${text.slice(0, 200) || response.statusText}`;
  return new ProviderError(reason, retryable(response.status, error?.code));
}

/** Calls a Graph API path (`{phone_number_id}/messages`, `{waba_id}/message_templates`...) and answers its JSON. */
export async function callGraph<T>(
  settings: Settings,
  apiKey: string,
  path: string,
  body?: Record<string, unknown> | FormData,
): Promise<T> {
  const init: RequestInit =
    body === undefined
      ? {}
      : body instanceof FormData
        ? { method: 'POST', body }
        : { method: 'POST', body: JSON.stringify(body), headers: { 'content-type': 'application/json' } };
  const response = await graphFetch(settings, apiKey, path, init);
  if (!response.ok) throw await refusal(response);
  return (await response.json()) as T;
}

/** A media id's bytes: GET /{media_id} answers a short-lived url, fetched with the same token. */
export async function downloadMedia(
  settings: Settings,
  apiKey: string,
  mediaId: string,
): Promise<{ body: Readable; mimeType?: string }> {
  const media = await callGraph<{ url?: string; mime_type?: string }>(settings, apiKey, encodeURIComponent(mediaId));
  if (!media.url) throw new ProviderError('media has no url', false);
  const response = await graphFetch(settings, apiKey, media.url);
  if (!response.ok || !response.body) throw await refusal(response);
  return { body: Readable.fromWeb(response.body as WebReadableStream<Uint8Array>), mimeType: media.mime_type };
}
