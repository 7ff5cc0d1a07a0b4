import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { User } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, verifyPassword } from './secrets.ts';

/** Failures tolerated per key within the window before attempts must wait. */
const THRESHOLDS = { email: 5, ip: 20 } as const;
const WINDOW_SECONDS = 15 * 60;
/** The first wait; each further failure doubles it, up to the window. */
const FIRST_WAIT_SECONDS = 30;

export const INVALID_CREDENTIALS = 'Invalid login credentials. Please try again.';

function keysFor(email: string, ip: string | undefined): { key: string; threshold: number }[] {
  const keys: { key: string; threshold: number }[] = [{ key: `email:${email}`, threshold: THRESHOLDS.email }];
  if (ip) keys.push({ key: `ip:${ip}`, threshold: THRESHOLDS.ip });
  return keys;
}

async function blockedForSeconds(db: Db, keys: string[]): Promise<number> {
  const row = await db
    .selectFrom('sign_in_failures')
    .select(sql<number>`ceil(extract(epoch FROM max(blocked_until) - now()))::int`.as('seconds'))
    .where('key', 'in', keys)
    .where('blocked_until', '>', sql<Date>`now()`)
    .executeTakeFirst();
  return row?.seconds ?? 0;
}

/** Counts a failure against each key; past its threshold a key blocks attempts for a doubling wait. */
async function recordFailure(db: Db, key: string, threshold: number): Promise<void> {
  const fresh = sql`sign_in_failures.first_failed_at < now() - make_interval(secs => ${WINDOW_SECONDS})`;
  const failures = sql<number>`CASE WHEN ${fresh} THEN 1 ELSE sign_in_failures.failures + 1 END`;
  await db
    .insertInto('sign_in_failures')
    .values({ key, failures: 1 })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures,
        first_failed_at: sql`CASE WHEN ${fresh} THEN now() ELSE sign_in_failures.first_failed_at END`,
        blocked_until: sql`CASE WHEN ${failures} >= ${threshold}
          THEN now() + make_interval(secs => least(${WINDOW_SECONDS}, ${FIRST_WAIT_SECONDS} * power(2, ${failures} - ${threshold})))
          ELSE NULL END`,
      }),
    )
    .execute();
}

/** Computed once: checking a password against it costs what checking a real one does. */
const decoyHash = hashPassword('switchboard decoy password');

/**
 * Checks an email and password. Unknown emails take as long as wrong passwords (no way to tell which
 * accounts exist); repeated failures per email and per address are slowed down (429 with Retry-After).
 */
export async function signIn(db: Db, email: string, password: string, ip: string | undefined): Promise<User> {
  const normalized = email.trim().toLowerCase();
  const keys = keysFor(normalized, ip);
  const wait = await blockedForSeconds(db, keys.map((k) => k.key));
  if (wait > 0) {
    throw new AppError('rate_limited', `Too many failed sign-in attempts. Try again in ${wait} seconds.`, [], { retryAfterSeconds: wait });
  }
  const user = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', normalized).executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await decoyHash));
  if (!user || !user.password_hash || !valid) {
    for (const { key, threshold } of keys) await recordFailure(db, key, threshold);
    throw new AppError('unauthenticated', INVALID_CREDENTIALS);
  }
  await db.deleteFrom('sign_in_failures').where('key', '=', `email:${normalized}`).execute();
  return user;
}
