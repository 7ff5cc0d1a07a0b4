import { createHmac, timingSafeEqual } from 'node:crypto';

/**
 * Switchboard signs every delivery, in either dialect, the same way:
 * `X-Chatwoot-Signature: sha256=hex(HMAC-SHA256(secret, "<X-Chatwoot-Timestamp>.<raw body>"))`.
 */
export function validSignature(secret: string, timestamp: string, rawBody: string, signature: string): boolean {
  if (!secret || !timestamp || !signature) return false;
  const expected = Buffer.from(
    'sha256=' + createHmac('sha256', secret).update(`${timestamp}.${rawBody}`).digest('hex'),
  );
  const actual = Buffer.from(signature);
  return expected.length === actual.length && timingSafeEqual(expected, actual);
}

/** Remembers the last delivery ids (a retry of a delivery already emitted is acknowledged, not emitted again). */
export function firstSighting(seen: string[], id: string, keep = 500): boolean {
  if (seen.includes(id)) return false;
  seen.push(id);
  if (seen.length > keep) seen.splice(0, seen.length - keep);
  return true;
}
