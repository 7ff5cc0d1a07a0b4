import { t } from './i18n.ts';
/**
 * The dashboard talks to the same Application API every integration uses. It is signed in with the
 * HttpOnly session cookie; state changes carry the session's CSRF token, which only our own pages can read.
 */
let csrfToken: string | null = null;

export function rememberCsrf(response: Response): void {
  const token = response.headers.get('x-csrf-token');
  if (token) csrfToken = token;
}

/** Answers that mean the session itself is over (not a refusal of one action, which Chatwoot also answers 401). */
const SESSION_ENDED = new Set([
  'Your session has expired, sign in again',
  'You need to sign in or sign up before continuing.',
]);
const endedListeners = new Set<() => void>();

export function onSessionEnded(listener: () => void): () => void {
  endedListeners.add(listener);
  return () => void endedListeners.delete(listener);
}

export class ApiError extends Error {
  readonly status: number;
  /** The parsed error body, for callers that read more than the message (a 422's per-field details). */
  readonly body: unknown;
  constructor(status: number, message: string, body?: unknown) {
    super(message);
    this.status = status;
    this.body = body;
  }
}

/** The error text each API shape carries: Chatwoot's {error}, {message}, {errors: []}, WTS's {text}. */
function messageOf(body: unknown, status: number): string {
  const b = body as { error?: unknown; message?: unknown; errors?: unknown; text?: unknown } | null;
  if (b && typeof b.error === 'string') return b.error;
  if (b && typeof b.message === 'string') return b.message;
  if (b && Array.isArray(b.errors) && b.errors.length) return b.errors.map(String).join(' ');
  if (b && typeof b.text === 'string') return b.text;
  return `Request failed (${status})`;
}

export interface RequestOptions {
  signal?: AbortSignal;
  /** A FormData body (files) instead of JSON. */
  form?: FormData;
}

export async function request<T>(
  method: string,
  path: string,
  body?: unknown,
  options: RequestOptions = {},
): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (method !== 'GET' && csrfToken) headers['x-csrf-token'] = csrfToken;
  let payload: BodyInit | undefined;
  if (options.form) payload = options.form;
  else if (body !== undefined) {
    headers['content-type'] = 'application/json';
    payload = JSON.stringify(body);
  }
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: payload,
      credentials: 'same-origin',
      signal: options.signal,
    });
  } catch (error) {
    if ((error as Error).name === 'AbortError') throw error;
    throw new ApiError(0, 'network');
  }
  rememberCsrf(response);
  const text = await response.text();
  let parsed: unknown;
  try {
    parsed = text ? JSON.parse(text) : undefined;
  } catch {
    parsed = text;
  }
  if (!response.ok) {
    const message = messageOf(parsed, response.status);
    if (response.status === 401 && SESSION_ENDED.has(message) && !path.startsWith('/auth/'))
      endedListeners.forEach((listener) => listener());
    throw new ApiError(response.status, message, parsed);
  }
  return parsed as T;
}

export const api = {
  get: <T>(path: string, options?: RequestOptions) => request<T>('GET', path, undefined, options),
  post: <T>(path: string, body?: unknown, options?: RequestOptions) => request<T>('POST', path, body ?? {}, options),
  patch: <T>(path: string, body?: unknown) => request<T>('PATCH', path, body ?? {}),
  put: <T>(path: string, body?: unknown) => request<T>('PUT', path, body ?? {}),
  delete: <T>(path: string) => request<T>('DELETE', path),
};

export function query(params: Record<string, string | number | boolean | undefined | null>): string {
  const search = new URLSearchParams();
  for (const [key, value] of Object.entries(params))
    if (value !== undefined && value !== null && value !== '') search.set(key, String(value));
  const text = search.toString();
  return text ? `?${text}` : '';
}

/** What to show for a failed request: the API's own error text, or that the server cannot be reached. */
export function errorText(caught: unknown): string {
  const error = caught as ApiError;
  return error.status === 0 ? t('error.network') : error.message || t('error.generic', { status: error.status });
}
