import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { notFound } from '../../errors.ts';
import { hashPassword, assertPasswordLength, randomToken } from './secrets.ts';
import { endAllSessions } from './sessions.ts';
import { inTransaction } from '../../db/transaction.ts';

/**
 * The operator's "forgot password": a new password (given or random) for the user with that email, every
 * session of theirs ended and the failed sign-ins against the email forgotten. Returns the password.
 */
export async function resetPassword(db: Db, email: string, password = randomToken(12)): Promise<string> {
  assertPasswordLength(password);
  const normalized = email.trim().toLowerCase();
  const passwordHash = await hashPassword(password);
  await inTransaction(db, async (trx) => {
    const user = await trx
      .updateTable('users')
      .set({ password_hash: passwordHash, updated_at: new Date() })
      .where(sql`lower(email)`, '=', normalized)
      .returning('id')
      .executeTakeFirst();
    if (!user) throw notFound('User');
    await endAllSessions(trx, user.id);
    await trx.deleteFrom('sign_in_failures').where('key', '=', `email:${normalized}`).execute();
  });
  return password;
}
