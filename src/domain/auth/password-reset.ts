import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { User } from '../../db/types.ts';
import { unprocessable } from '../../errors.ts';
import { assertPasswordLength, hashPassword, randomToken, tokenDigest } from './secrets.ts';
import { endAllSessions } from './sessions.ts';
import { inTransaction } from '../../db/transaction.ts';

/** A "forgot password" link works this long (Devise's default window). */
export const RESET_LINK_TTL_MS = 6 * 3_600_000;
/** An invitation to a new agent waits a week for them to choose a password. */
export const INVITATION_TTL_MS = 7 * 24 * 3_600_000;
/** A user gets at most one such mail a minute, whoever asks for it. */
const RESEND_AFTER_SECONDS = 60;

export const INVALID_RESET_TOKEN = 'Invalid token';

/**
 * A new link for the user, replacing any earlier one: the raw token (to mail or show once) and the stored
 * digest. `throttle`: none when one was issued in the last minute (a stranger asking again and again for
 * someone's address sends them one mail a minute, not a flood).
 */
export async function issueResetLink(
  db: Db,
  userId: number,
  ttlMs: number,
  options: { throttle?: boolean } = {},
): Promise<string | undefined> {
  const token = randomToken(32);
  const issued = await db
    .updateTable('users')
    .set({
      reset_password_digest: tokenDigest(token),
      reset_password_sent_at: sql`now()`,
      reset_password_expires_at: sql`now() + make_interval(secs => ${ttlMs / 1000})`,
    })
    .where('id', '=', userId)
    .$if(Boolean(options.throttle), (q) =>
      q.where((eb) =>
        eb.or([
          eb('reset_password_sent_at', 'is', null),
          eb('reset_password_sent_at', '<', sql<Date>`now() - make_interval(secs => ${RESEND_AFTER_SECONDS})`),
        ]),
      ),
    )
    .returning('id')
    .executeTakeFirst();
  return issued ? token : undefined;
}

/**
 * Sets the password of the user a link names and uses the link up, in one statement (a link works once, and
 * two requests racing with it cannot both win); every session of theirs ends. Returns the user.
 */
export async function resetPasswordWithLink(
  db: Db,
  token: string,
  password: string,
  confirmation: string | undefined,
): Promise<User> {
  if (confirmation !== undefined && confirmation !== password)
    throw unprocessable("Password confirmation doesn't match Password", ['password_confirmation']);
  assertPasswordLength(password);
  const passwordHash = await hashPassword(password);
  return inTransaction(db, async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({
        password_hash: passwordHash,
        reset_password_digest: null,
        reset_password_expires_at: null,
        updated_at: new Date(),
      })
      .where('reset_password_digest', '=', tokenDigest(token))
      .where('reset_password_expires_at', '>', sql<Date>`now()`)
      .returningAll()
      .executeTakeFirst();
    if (!user) throw unprocessable(INVALID_RESET_TOKEN);
    await endAllSessions(trx, user.id);
    await trx.deleteFrom('sign_in_failures').where('key', '=', `email:${user.email.toLowerCase()}`).execute();
    return user;
  });
}

/** The link a mail or an administrator hands out: the dashboard's page for choosing a password. */
export function resetLinkUrl(publicUrl: string, token: string): string {
  return `${publicUrl}/app/auth/password/edit?reset_password_token=${encodeURIComponent(token)}`;
}
