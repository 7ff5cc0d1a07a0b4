import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Account, AccountUser, Availability, User } from '../../db/types.ts';
import { availabilityStatus } from '../presence/repository.ts';
import { notFound } from '../../errors.ts';

/** A user as a member of one account. */
export type Member = Pick<User, 'id' | 'name' | 'display_name' | 'email' | 'avatar_url' | 'custom_attributes'> &
  Pick<AccountUser, 'account_id' | 'role' | 'availability' | 'auto_offline'> & {
    availability_status: Availability;
    /** Whether they have chosen a password (an invited agent has not yet). */
    confirmed: boolean;
  };

/** The account's members as one query to narrow further (by user id, inbox, team); ordered by name. */
export function selectMembers(db: Db, accountId: number) {
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
      availabilityStatus('au').as('availability_status'),
      sql<boolean>`u.password_hash IS NOT NULL`.as('confirmed'),
    ])
    .where('au.account_id', '=', accountId);
}

/** Account members (user + membership) by user id, in one query. */
export async function findMembers(db: Db, accountId: number, userIds: number[]): Promise<Member[]> {
  if (!userIds.length) return [];
  return selectMembers(db, accountId).where('au.user_id', 'in', userIds).execute();
}

export async function findMember(db: Db, accountId: number, userId: number): Promise<Member | undefined> {
  return (await findMembers(db, accountId, [userId]))[0];
}

/** Every member of the account, ordered by name as Chatwoot lists agents. */
export async function listMembers(db: Db, accountId: number): Promise<Member[]> {
  return selectMembers(db, accountId)
    .orderBy((eb) => eb.fn('lower', ['u.name']))
    .orderBy('u.id')
    .execute();
}

/** The ids among `userIds` that are not members of the account. */
export async function nonMemberIds(db: Db, accountId: number, userIds: number[]): Promise<number[]> {
  if (!userIds.length) return [];
  const rows = await db
    .selectFrom('account_users')
    .select('user_id')
    .where('account_id', '=', accountId)
    .where('user_id', 'in', userIds)
    .execute();
  const members = new Set(rows.map((r) => r.user_id));
  return [...new Set(userIds)].filter((id) => !members.has(id));
}

export async function findUserByEmail(db: Db, email: string): Promise<User | undefined> {
  return db
    .selectFrom('users')
    .selectAll()
    .where((eb) => eb(eb.fn('lower', ['email']), '=', email.toLowerCase()))
    .executeTakeFirst();
}

export async function getUser(db: Db, userId: number): Promise<User | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', userId).executeTakeFirst();
}

/** One membership of a user with the account it opens. */
export type Membership = Pick<
  AccountUser,
  'account_id' | 'role' | 'availability' | 'auto_offline' | 'inviter_id' | 'active_at'
> &
  Pick<Account, 'name' | 'status'> & { availability_status: Availability };

/** A user's memberships, most recently active first (the first is the "active" account). */
export async function userMemberships(db: Db, userId: number): Promise<Membership[]> {
  return db
    .selectFrom('account_users as au')
    .innerJoin('accounts as a', 'a.id', 'au.account_id')
    .select([
      'au.account_id',
      'au.role',
      'au.availability',
      'au.auto_offline',
      'au.inviter_id',
      'au.active_at',
      'a.name',
      'a.status',
      availabilityStatus('au').as('availability_status'),
    ])
    .where('au.user_id', '=', userId)
    .orderBy('au.active_at', (ob) => ob.desc().nullsLast())
    .orderBy('au.id')
    .execute();
}

export interface Profile {
  user: User;
  memberships: Membership[];
}

export async function getProfile(db: Db, userId: number): Promise<Profile> {
  const [user, memberships] = await Promise.all([getUser(db, userId), userMemberships(db, userId)]);
  if (!user) throw notFound();
  return { user, memberships };
}
