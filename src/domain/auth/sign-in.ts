import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { User } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { hashPassword, verifyPassword } from './secrets.ts';
import { FairQueue } from '../../fair-queue.ts';

/** Attempts one client address may make within the window before it must wait (doubling from 30 s). */
const ADDRESS_LIMIT = 20;
/**
 * Failed attempts on one email before its sign-ins slow down. Past this they are answered one at a time,
 * each after a doubling delay (up to 10 s), instead of being refused: a stranger who knows an agent's email
 * can slow that agent's sign-in, never lock them out, and can try few passwords.
 */
const EMAIL_SLOWDOWN_AFTER = 5;
const MAX_EMAIL_DELAY_MS = 10_000;
export const SIGN_IN_WINDOW_SECONDS = 15 * 60;
const FIRST_WAIT_SECONDS = 30;
/** Password checks (scrypt, on libuv's small thread pool) at once in this process; a flood queues here. */
const CONCURRENT_CHECKS = 2;

export const INVALID_CREDENTIALS = 'Invalid login credentials. Please try again.';

const passwordChecks = new FairQueue(CONCURRENT_CHECKS);
/** Per email being slowed down: its one-at-a-time queue, and how many attempts hold it (gone at zero). */
const emailQueues = new Map<string, { queue: FairQueue; holders: number }>();

/**
 * Counts an attempt against a key BEFORE its password is checked, so parallel attempts cannot all pass
 * a check that none of them has been counted in yet. With a threshold, the attempt that reaches it starts a
 * wait (doubling with each attempt past it) and attempts during the wait are refused; without one, the
 * key only counts. Returns the count after this attempt, or the seconds still to wait.
 */
async function countAttempt(
  db: Db,
  key: string,
  threshold: number | null,
): Promise<{ count: number; waitSeconds: number }> {
  const stale = sql`f.first_failed_at < now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})`;
  const blocked = sql`f.blocked_until > now()`;
  const count = sql<number>`CASE WHEN ${stale} THEN 1 ELSE f.failures + 1 END`;
  const wait = (n: ReturnType<typeof sql>) =>
    threshold === null
      ? sql`NULL`
      : sql`CASE WHEN ${n} >= ${threshold} THEN now() + make_interval(secs => least(${SIGN_IN_WINDOW_SECONDS}, ${FIRST_WAIT_SECONDS} * power(2, ${n} - ${threshold}))) END`;
  const { rows } = await sql<{ count: number; wait_seconds: number | null }>`
    -- The row is locked whatever its state, so an attempt racing the one that starts a wait sees that wait.
    WITH prior AS (SELECT CASE WHEN blocked_until > now() THEN ceil(extract(epoch FROM blocked_until - now()))::int END AS wait
                   FROM sign_in_failures WHERE key = ${key} FOR UPDATE)
    INSERT INTO sign_in_failures AS f (key, failures, first_failed_at, blocked_until)
    -- read through prior first: evaluated lazily in RETURNING, it would miss the row this statement just changed
    SELECT ${key}, 1, now(), ${wait(sql`1`)} FROM (SELECT count(*) FROM prior) AS prior_read_first
    ON CONFLICT (key) DO UPDATE SET
      failures = CASE WHEN ${blocked} THEN f.failures ELSE ${count} END,
      first_failed_at = CASE WHEN ${blocked} THEN f.first_failed_at WHEN ${stale} THEN now() ELSE f.first_failed_at END,
      blocked_until = CASE WHEN ${blocked} THEN f.blocked_until ELSE ${wait(count)} END
    RETURNING f.failures AS count, (SELECT wait FROM prior) AS wait_seconds`.execute(db);
  return { count: rows[0].count, waitSeconds: rows[0].wait_seconds ?? 0 };
}

/** A success takes back what its attempt counted against the address (and any wait that count started). */
async function uncountAttempt(db: Db, key: string): Promise<void> {
  await sql`UPDATE sign_in_failures SET failures = greatest(failures - 1, 0),
      blocked_until = CASE WHEN failures - 1 < ${ADDRESS_LIMIT} THEN NULL ELSE blocked_until END
    WHERE key = ${key}`.execute(db);
}

/** Computed once: checking a password against it costs what checking a real one does. */
const decoyHash = hashPassword('switchboard decoy password');

/**
 * Checks an email and password. Unknown emails take as long as wrong passwords (no way to tell which
 * accounts exist). Attempts are counted per client address (`client`, e.g. an IPv6 /64) and refused past
 * ADDRESS_LIMIT with a wait (429, Retry-After); per email they are slowed down, never refused.
 */
export async function signIn(db: Db, email: string, password: string, client: string | undefined): Promise<User> {
  const normalized = email.trim().toLowerCase();
  const addressKey = client ? `ip:${client}` : undefined;
  if (addressKey) {
    const { waitSeconds } = await countAttempt(db, addressKey, ADDRESS_LIMIT);
    if (waitSeconds > 0) {
      throw new AppError('rate_limited', `Too many failed sign-in attempts. Try again in ${waitSeconds} seconds.`, [], {
        retryAfterSeconds: waitSeconds,
      });
    }
  }
  const emailKey = `email:${normalized}`;
  const { count } = await countAttempt(db, emailKey, null);
  const check = async () => {
    const user = await db.selectFrom('users').selectAll().where(sql`lower(email)`, '=', normalized).executeTakeFirst();
    const valid = await passwordChecks.run('', async () =>
      verifyPassword(password, user?.password_hash ?? (await decoyHash)),
    );
    return valid && user?.password_hash ? user : undefined;
  };
  let user: User | undefined;
  if (count > EMAIL_SLOWDOWN_AFTER) {
    // One attempt at a time per email in this process, each after a delay that doubles with the failures.
    const slowed = emailQueues.get(normalized) ?? { queue: new FairQueue(1), holders: 0 };
    emailQueues.set(normalized, slowed);
    slowed.holders++;
    try {
      user = await slowed.queue.run(normalized, async () => {
        await new Promise((resolve) =>
          setTimeout(resolve, Math.min(MAX_EMAIL_DELAY_MS, 250 * 2 ** (count - EMAIL_SLOWDOWN_AFTER - 1))),
        );
        return check();
      });
    } finally {
      if (--slowed.holders === 0) emailQueues.delete(normalized);
    }
  } else user = await check();
  if (!user) throw new AppError('unauthenticated', INVALID_CREDENTIALS);
  await db.deleteFrom('sign_in_failures').where('key', '=', emailKey).execute();
  if (addressKey) await uncountAttempt(db, addressKey);
  return user;
}

/** Forgets counts whose window has passed and waits that are over (the maintenance job runs it). */
export async function sweepSignInFailures(db: Db): Promise<number> {
  const result = await db
    .deleteFrom('sign_in_failures')
    .where('first_failed_at', '<', sql<Date>`now() - make_interval(secs => ${SIGN_IN_WINDOW_SECONDS})`)
    .where((eb) => eb.or([eb('blocked_until', 'is', null), eb('blocked_until', '<', sql<Date>`now()`)]))
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
