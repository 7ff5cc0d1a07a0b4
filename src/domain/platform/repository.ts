import type { Db } from '../../db/pool.ts';
import type { Account, AccountUser, AgentBot, PermissibleType, Role, User } from '../../db/types.ts';
import { AppError, notFound } from '../../errors.ts';
import { getBot } from '../bots/repository.ts';

/**
 * A platform app acts only on the accounts, users and bots it created or claimed (platform_app_permissibles).
 * Lookups answer 404 for an unknown id first, then 401 for an object of another app, as Chatwoot does.
 */
export const notPermissible = () => new AppError('not_permissible', 'Non permissible resource');

export async function ensurePermitted(db: Db, appId: number, type: PermissibleType, id: number): Promise<void> {
  const row = await db
    .selectFrom('platform_app_permissibles')
    .select('id')
    .where('platform_app_id', '=', appId)
    .where('permissible_type', '=', type)
    .where('permissible_id', '=', id)
    .executeTakeFirst();
  if (!row) throw notPermissible();
}

/** Records that the app may act on the object (idempotent). */
export async function grant(db: Db, appId: number, type: PermissibleType, id: number): Promise<void> {
  await db
    .insertInto('platform_app_permissibles')
    .values({ platform_app_id: appId, permissible_type: type, permissible_id: id })
    .onConflict((oc) => oc.columns(['platform_app_id', 'permissible_type', 'permissible_id']).doNothing())
    .execute();
}

/** The ids of one kind of object the app may act on, as a subquery. */
const permitted = (db: Db, appId: number, type: PermissibleType) =>
  db
    .selectFrom('platform_app_permissibles')
    .select('permissible_id')
    .where('platform_app_id', '=', appId)
    .where('permissible_type', '=', type);

export async function listAppAccounts(db: Db, appId: number): Promise<Account[]> {
  return db
    .selectFrom('accounts')
    .selectAll()
    .where('id', 'in', permitted(db, appId, 'Account'))
    .orderBy('id')
    .execute();
}

export async function getAppAccount(db: Db, appId: number, id: number): Promise<Account> {
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', id).executeTakeFirst();
  if (!account) throw notFound();
  await ensurePermitted(db, appId, 'Account', id);
  return account;
}

export async function listAccountUsers(db: Db, appId: number, accountId: number): Promise<AccountUser[]> {
  await getAppAccount(db, appId, accountId);
  return db.selectFrom('account_users').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export interface Membership {
  account_id: number;
  name: string;
  role: Role;
  active_at: Date | null;
}

/** A user with the accounts they belong to, most recently active first. */
export interface UserWithMemberships {
  user: User;
  memberships: Membership[];
}

export async function withMemberships(db: Db, user: User): Promise<UserWithMemberships> {
  const memberships = await db
    .selectFrom('account_users as au')
    .innerJoin('accounts as a', 'a.id', 'au.account_id')
    .select(['au.account_id', 'a.name', 'au.role', 'au.active_at'])
    .where('au.user_id', '=', user.id)
    .orderBy('au.active_at', (ob) => ob.desc().nullsLast())
    .orderBy('au.id')
    .execute();
  return { user, memberships };
}

/** The user belongs to no account the app may not act on (a user of no account qualifies). */
export async function userWithinReach(db: Db, appId: number, userId: number): Promise<boolean> {
  const outside = await db
    .selectFrom('account_users')
    .select('account_id')
    .where('user_id', '=', userId)
    .where('account_id', 'not in', permitted(db, appId, 'Account'))
    .executeTakeFirst();
  return !outside;
}

/**
 * A user the app may act on: one it created or adopted, and only while every account the user belongs to is
 * one the app may act on. A user who later joins an account beyond the app (another app's, or one the app
 * was never granted) is out of its reach: otherwise its token or password, which the app can set, would open
 * that account to the app.
 */
export async function findAppUser(db: Db, appId: number, id: number): Promise<User> {
  const user = await db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
  if (!user) throw notFound();
  await ensurePermitted(db, appId, 'User', id);
  if (!(await userWithinReach(db, appId, id))) throw notPermissible();
  return user;
}

/**
 * Whether the app may adopt an existing user by email (POST /users with a known email), as Chatwoot's
 * installation-wide apps do, but only a user no other app holds and who belongs to no account beyond this
 * app: adopting hands the app the user's password and tokens.
 */
export async function mayAdoptUser(db: Db, appId: number, userId: number): Promise<boolean> {
  const heldElsewhere = await db
    .selectFrom('platform_app_permissibles')
    .select('id')
    .where('permissible_type', '=', 'User')
    .where('permissible_id', '=', userId)
    .where('platform_app_id', '!=', appId)
    .executeTakeFirst();
  return !heldElsewhere && (await userWithinReach(db, appId, userId));
}

export async function getAppUser(db: Db, appId: number, id: number): Promise<UserWithMemberships> {
  return withMemberships(db, await findAppUser(db, appId, id));
}

export async function listAppBots(db: Db, appId: number): Promise<AgentBot[]> {
  return db
    .selectFrom('agent_bots')
    .selectAll()
    .where('id', 'in', permitted(db, appId, 'AgentBot'))
    .orderBy('id')
    .execute();
}

export async function getAppBot(db: Db, appId: number, id: number): Promise<AgentBot> {
  const bot = await getBot(db, id);
  await ensurePermitted(db, appId, 'AgentBot', id);
  return bot;
}
