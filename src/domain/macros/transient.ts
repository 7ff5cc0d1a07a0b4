/**
 * Whether a failure may pass if tried again later: the database or a store unreachable, a connection cut, a
 * lock or serialization conflict, a server shutting down. Anything else (an agent no longer a member, a bad
 * parameter) fails the same way every time and is recorded, not retried.
 */
const TRANSIENT_SYSTEM_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'ETIMEDOUT',
  'EPIPE',
  'EAI_AGAIN',
  'ENOTFOUND',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ESOCKETTIMEDOUT',
]);
/** PostgreSQL SQLSTATE classes: 08 connection, 40 rollback (serialization, deadlock), 53 resources, 57 operator intervention; 55P03 lock not available. */
const TRANSIENT_SQLSTATE = /^(08|40|53|57)|^55P03$/;

export function isTransient(error: unknown): boolean {
  if (!error || typeof error !== 'object') return false;
  const code = (error as { code?: unknown }).code;
  if (
    typeof code === 'string' &&
    (TRANSIENT_SYSTEM_CODES.has(code) || (code.length === 5 && TRANSIENT_SQLSTATE.test(code)))
  )
    return true;
  const message = (error as { message?: unknown }).message;
  if (typeof message === 'string' && /Connection terminated|timeout exceeded when trying to connect/i.test(message))
    return true;
  const cause = (error as { cause?: unknown }).cause;
  return cause !== undefined && cause !== error && isTransient(cause);
}
