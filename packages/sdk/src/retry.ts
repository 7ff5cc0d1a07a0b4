/** Retries on 429 and 503, waiting what `Retry-After` asks (seconds or an HTTP date), within bounds. */
export interface RetryOptions {
  /** How many times one call is retried (default 3; 0 turns retrying off). */
  retries?: number;
  /** The longest wait accepted; a `Retry-After` beyond it fails at once instead of waiting (default 30 s). */
  maxDelayMs?: number;
  /** The wait when the server names none: doubled each attempt from this (default 500 ms). */
  baseDelayMs?: number;
}

export const RETRIED_STATUSES: ReadonlySet<number> = new Set([429, 503]);

/** `Retry-After` as milliseconds from `now`, or undefined when absent or unreadable. */
export function retryAfterMs(header: string | null, now = Date.now()): number | undefined {
  if (header === null || header.trim() === '') return undefined;
  const seconds = Number(header);
  if (Number.isFinite(seconds)) return Math.max(0, seconds * 1000);
  const date = Date.parse(header);
  return Number.isNaN(date) ? undefined : Math.max(0, date - now);
}

/** How long to wait before attempt `attempt + 1`, or undefined when the call should not be retried. */
export function retryDelay(response: Response, attempt: number, options: RetryOptions = {}): number | undefined {
  const { retries = 3, maxDelayMs = 30_000, baseDelayMs = 500 } = options;
  if (!RETRIED_STATUSES.has(response.status) || attempt >= retries) return undefined;
  const delay = retryAfterMs(response.headers.get('retry-after')) ?? baseDelayMs * 2 ** attempt;
  return delay <= maxDelayMs ? delay : undefined;
}

export const sleep = (ms: number, signal?: AbortSignal) =>
  new Promise<void>((resolve, reject) => {
    if (signal?.aborted) return reject(signal.reason);
    const timer = setTimeout(resolve, ms);
    signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(signal.reason);
      },
      { once: true },
    );
  });
