import crypto from 'node:crypto';
import { promisify } from 'node:util';
import { validation } from '../../errors.ts';

const scrypt = promisify(crypto.scrypt) as (password: string, salt: Buffer, keylen: number) => Promise<Buffer>;

/** A random, URL-safe secret: API tokens, pubsub tokens, HMAC tokens. */
export function randomToken(bytes = 24): string {
  return crypto.randomBytes(bytes).toString('base64url');
}

/** Tokens are high-entropy, so one SHA-256 is enough to store them irreversibly and look them up by digest. */
export function tokenDigest(token: string): string {
  return crypto.createHash('sha256').update(token).digest('hex');
}

/** The one minimum for every password a user sets (profile, reset, bootstrap, Platform API). */
export const MIN_PASSWORD_LENGTH = 6;

export function assertPasswordLength(password: string): void {
  if (password.length < MIN_PASSWORD_LENGTH)
    throw validation(`Password is too short (minimum is ${MIN_PASSWORD_LENGTH} characters)`, ['password']);
}

export async function hashPassword(password: string): Promise<string> {
  const salt = crypto.randomBytes(16);
  const key = await scrypt(password, salt, 32);
  return `scrypt$${salt.toString('base64')}$${key.toString('base64')}`;
}

export async function verifyPassword(password: string, stored: string | null): Promise<boolean> {
  if (!stored) return false;
  const [scheme, salt, key] = stored.split('$');
  if (scheme !== 'scrypt' || !salt || !key) return false;
  const expected = Buffer.from(key, 'base64');
  const actual = await scrypt(password, Buffer.from(salt, 'base64'), expected.length);
  return crypto.timingSafeEqual(actual, expected);
}
