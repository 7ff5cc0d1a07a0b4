import crypto from 'node:crypto';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { randomToken, tokenDigest } from './secrets.ts';

/** A signed-in browser or tool. The token is handed out once, at sign-in; only its digest is kept. */
export interface NewSession {
  token: string;
  clientId: string;
  expiresAt: Date;
}

export interface SessionMeta {
  userAgent?: string;
  ipAddress?: string;
}

export async function createSession(db: Db, userId: number, ttlMs: number, meta: SessionMeta): Promise<NewSession> {
  const token = randomToken(32);
  const clientId = randomToken(16);
  const expiresAt = new Date(Date.now() + ttlMs);
  await db
    .insertInto('user_sessions')
    .values({
      user_id: userId,
      token_digest: tokenDigest(token),
      client_id: clientId,
      user_agent: meta.userAgent?.slice(0, 500) ?? null,
      ip_address: meta.ipAddress ?? null,
      expires_at: expiresAt,
    })
    .execute();
  return { token, clientId, expiresAt };
}

/**
 * Sessions slide: one in use is extended to a full lifetime again, at most once a minute so that a busy
 * dashboard does not write on every request. Returns the new expiry when it moved (the cookie follows it).
 */
export async function touchSession(db: Db, tokenDigestValue: string, ttlMs: number): Promise<Date | undefined> {
  const row = await db
    .updateTable('user_sessions')
    .set({ last_active_at: sql`now()`, expires_at: sql`now() + make_interval(secs => ${ttlMs / 1000})` })
    .where('token_digest', '=', tokenDigestValue)
    .where('last_active_at', '<', sql<Date>`now() - interval '1 minute'`)
    .returning('expires_at')
    .executeTakeFirst();
  return row?.expires_at;
}

export async function endSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('token_digest', '=', tokenDigest(token)).execute();
}

/**
 * Every session of a user ends (a password reset signs them out everywhere), but the one given: a user who
 * changes their own password stays signed in where they did it.
 */
export async function endAllSessions(db: Db, userId: number, except?: string): Promise<void> {
  let query = db.deleteFrom('user_sessions').where('user_id', '=', userId);
  if (except) query = query.where('token_digest', '!=', tokenDigest(except));
  await query.execute();
}

/** Sessions past their expiry (the maintenance job removes them). */
export async function sweepExpiredSessions(db: Db): Promise<number> {
  const result = await db.deleteFrom('user_sessions').where('expires_at', '<', sql<Date>`now()`).executeTakeFirst();
  return Number(result.numDeletedRows);
}

/**
 * The CSRF token of a cookie session, derived from the session token: a page that can read our responses
 * (same origin) learns it, a cross-site form cannot. Nothing more is stored.
 */
export function csrfTokenFor(sessionToken: string): string {
  return crypto.createHmac('sha256', sessionToken).update('switchboard csrf').digest('base64url');
}

export function csrfTokenMatches(sessionToken: string, presented: string | undefined): boolean {
  if (!presented) return false;
  const expected = Buffer.from(csrfTokenFor(sessionToken));
  const actual = Buffer.from(presented);
  return expected.length === actual.length && crypto.timingSafeEqual(expected, actual);
}
