import type { Db } from '../../db/pool.ts';
import type { AccountUser, User } from '../../db/types.ts';

/** A user as a member of one account. */
export type Member = Pick<User, 'id' | 'name' | 'display_name' | 'email' | 'avatar_url' | 'custom_attributes'> &
  Pick<AccountUser, 'account_id' | 'role' | 'availability' | 'auto_offline'>;

/** Account members (user + membership) by user id, in one query. */
export async function findMembers(db: Db, accountId: number, userIds: number[]): Promise<Member[]> {
  if (!userIds.length) return [];
  return db
    .selectFrom('account_users as au')
    .innerJoin('users as u', 'u.id', 'au.user_id')
    .select([
      'u.id',
      'u.name',
      'u.display_name',
      'u.email',
      'u.avatar_url',
      'u.custom_attributes',
      'au.account_id',
      'au.role',
      'au.availability',
      'au.auto_offline',
    ])
    .where('au.account_id', '=', accountId)
    .where('au.user_id', 'in', userIds)
    .execute();
}

export async function findMember(db: Db, accountId: number, userId: number): Promise<Member | undefined> {
  return (await findMembers(db, accountId, [userId]))[0];
}
