import type { Db } from '../../db/pool.ts';
import type { Updateable } from 'kysely';
import type { Availability, User, Users } from '../../db/types.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import { hashPassword, assertPasswordLength, verifyPassword } from '../auth/secrets.ts';
import { resetTokens } from '../auth/tokens.ts';
import { endAllSessions } from '../auth/sessions.ts';
import { getProfile, type Profile } from './repository.ts';
import { inTransaction } from '../../db/transaction.ts';

const EMAIL = /^[^\s@]+@[^\s@]+\.[^\s@]+$/;

export interface ProfileChanges {
  name?: string;
  display_name?: string | null;
  email?: string;
  message_signature?: string | null;
  ui_settings?: Record<string, unknown>;
  current_password?: string;
  password?: string;
  password_confirmation?: string;
}

async function passwordHash(user: User, changes: ProfileChanges): Promise<string | undefined> {
  if (changes.password === undefined) return undefined;
  if (!(await verifyPassword(changes.current_password ?? '', user.password_hash))) {
    throw new AppError('unprocessable', 'Invalid current password');
  }
  assertPasswordLength(changes.password);
  if (changes.password_confirmation !== undefined && changes.password_confirmation !== changes.password) {
    throw validation("Password confirmation doesn't match Password", ['password_confirmation']);
  }
  return hashPassword(changes.password);
}

/**
 * Changes the user's own profile; a new password needs the current one, and signs the user out of every
 * other session (`currentSession`, the one making the change, stays).
 */
export async function updateProfile(
  db: Db,
  user: User,
  changes: ProfileChanges,
  currentSession?: string,
): Promise<Profile> {
  const values: Updateable<Users> = {};
  if (changes.name !== undefined) {
    if (!changes.name.trim()) throw validation("Name can't be blank", ['name']);
    values.name = changes.name.trim();
  }
  if (changes.email !== undefined) {
    const email = changes.email.trim();
    if (!EMAIL.test(email)) throw validation('Email is invalid', ['email']);
    values.email = email;
  }
  if (changes.display_name !== undefined) values.display_name = changes.display_name;
  if (changes.message_signature !== undefined) values.message_signature = changes.message_signature;
  if (changes.ui_settings !== undefined) values.ui_settings = JSON.stringify(changes.ui_settings);
  const hash = await passwordHash(user, changes);
  if (hash) values.password_hash = hash;
  await inTransaction(db, async (trx) => {
    await trx
      .updateTable('users')
      .set({ ...values, updated_at: new Date() })
      .where('id', '=', user.id)
      .execute();
    if (hash) await endAllSessions(trx, user.id, currentSession);
  });
  return getProfile(db, user.id);
}

/** Sets the user's availability in one of their accounts. */
export async function setAvailability(
  db: Db,
  userId: number,
  accountId: number,
  availability: Availability,
): Promise<Profile> {
  const updated = await db
    .updateTable('account_users')
    .set({ availability, updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  if (!updated.numUpdatedRows) throw notFound();
  return getProfile(db, userId);
}

/** Replaces every token of the user with one new token, which only this answer carries. */
export async function resetAccessToken(db: Db, userId: number): Promise<{ token: string; profile: Profile }> {
  const token = await inTransaction(db, (trx) => resetTokens(trx, 'User', userId));
  return { token, profile: await getProfile(db, userId) };
}
