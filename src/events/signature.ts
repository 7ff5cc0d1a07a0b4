import crypto from 'node:crypto';

/** Chatwoot's webhook signature: sha256=hex(HMAC-SHA256(secret, "<timestamp>.<raw body>")). */
export function signBody(secret: string, timestamp: number, body: string): string {
  return 'sha256=' + crypto.createHmac('sha256', secret).update(`${timestamp}.${body}`).digest('hex');
}

export function verifySignature(secret: string, timestamp: string | number, body: string, signature: string): boolean {
  const expected = Buffer.from(signBody(secret, Number(timestamp), body));
  const actual = Buffer.from(signature);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
