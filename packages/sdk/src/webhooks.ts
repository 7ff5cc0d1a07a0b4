/**
 * Verifies a Switchboard webhook delivery with Web Crypto (Node ≥ 20, edge runtimes, browsers).
 *
 * Both dialects' deliveries are signed alike — Chatwoot's webhooks and API-inbox/bot callbacks, WTS's webhook
 * subscriptions and chatbot dispatch callbacks (WTS documents no scheme of its own):
 * `X-Chatwoot-Timestamp: <unix seconds>`, `X-Chatwoot-Signature: sha256=<hex HMAC-SHA256(secret, "<timestamp>.<raw body>")>`,
 * `X-Chatwoot-Delivery: <id>` (the same on every retry: deduplicate on it).
 */
export type HeaderSource = Headers | Record<string, string | string[] | undefined>;

export interface VerifyInput {
  /** The webhook's or subscription's secret. */
  secret: string;
  /** The raw request body, exactly as received (before any JSON parsing). */
  body: string | Uint8Array;
  headers: HeaderSource;
  /** Deliveries older (or newer) than this are refused; default 300 s, 0 to skip the check. */
  toleranceSeconds?: number;
  /** The current time in ms (for tests). */
  now?: number;
}

export type VerifyResult =
  | { valid: true; deliveryId: string | undefined; timestamp: number }
  | { valid: false; reason: 'missing headers' | 'malformed signature' | 'stale timestamp' | 'signature mismatch' };

export const SIGNATURE_HEADER = 'x-chatwoot-signature';
export const TIMESTAMP_HEADER = 'x-chatwoot-timestamp';
export const DELIVERY_HEADER = 'x-chatwoot-delivery';

function header(headers: HeaderSource, name: string): string | undefined {
  if (typeof (headers as Headers).get === 'function') return (headers as Headers).get(name) ?? undefined;
  const record = headers as Record<string, string | string[] | undefined>;
  const key = Object.keys(record).find((k) => k.toLowerCase() === name);
  const value = key === undefined ? undefined : record[key];
  return Array.isArray(value) ? value[0] : value;
}

function hexBytes(hex: string): Uint8Array<ArrayBuffer> | undefined {
  if (!/^(?:[0-9a-f]{2})+$/i.test(hex)) return undefined;
  const bytes = new Uint8Array(hex.length / 2);
  for (let i = 0; i < bytes.length; i++) bytes[i] = parseInt(hex.slice(i * 2, i * 2 + 2), 16);
  return bytes;
}

function concat(prefix: string, body: string | Uint8Array): Uint8Array<ArrayBuffer> {
  const encoder = new TextEncoder();
  const head = encoder.encode(prefix);
  const tail = typeof body === 'string' ? encoder.encode(body) : body;
  const joined = new Uint8Array(head.length + tail.length);
  joined.set(head);
  joined.set(tail, head.length);
  return joined;
}

/** Checks a delivery's signature (in constant time, by `crypto.subtle.verify`) and its timestamp's age. */
export async function verifyWebhook(input: VerifyInput): Promise<VerifyResult> {
  const signature = header(input.headers, SIGNATURE_HEADER);
  const timestamp = header(input.headers, TIMESTAMP_HEADER);
  if (!signature || !timestamp) return { valid: false, reason: 'missing headers' };
  const mac = signature.startsWith('sha256=') ? hexBytes(signature.slice(7)) : undefined;
  const seconds = Number(timestamp);
  if (mac?.length !== 32 || !/^\d+$/.test(timestamp)) return { valid: false, reason: 'malformed signature' };
  const tolerance = input.toleranceSeconds ?? 300;
  if (tolerance > 0 && Math.abs((input.now ?? Date.now()) / 1000 - seconds) > tolerance)
    return { valid: false, reason: 'stale timestamp' };
  const key = await crypto.subtle.importKey(
    'raw',
    new TextEncoder().encode(input.secret),
    { name: 'HMAC', hash: 'SHA-256' },
    false,
    ['verify'],
  );
  const ok = await crypto.subtle.verify('HMAC', key, mac, concat(`${timestamp}.`, input.body));
  return ok
    ? { valid: true, deliveryId: header(input.headers, DELIVERY_HEADER), timestamp: seconds }
    : { valid: false, reason: 'signature mismatch' };
}
