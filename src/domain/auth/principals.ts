import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Account, AgentBot, Role, User } from '../../db/types.ts';
import { tokenDigest } from './secrets.ts';

export type Principal =
  | { kind: 'user'; user: User }
  | { kind: 'bot'; bot: AgentBot }
  | { kind: 'platform_app'; platformAppId: number };

/** Who a token speaks for; a user token (the common case) is resolved with its user in one statement. */
export async function principalForToken(db: Db, token: string): Promise<Principal | undefined> {
  const row = await db
    .selectFrom('access_tokens as t')
    .leftJoin('users as u', (join) => join.onRef('u.id', '=', 't.owner_id').on('t.owner_type', '=', 'User'))
    .select(['t.owner_type', 't.owner_id'])
    .selectAll('u')
    .where('t.token_digest', '=', tokenDigest(token))
    .executeTakeFirst();
  if (!row) return undefined;
  const { owner_type: ownerType, owner_id: ownerId, ...user } = row;
  if (ownerType === 'User') return user.id === null ? undefined : { kind: 'user', user: user as User };
  const owner = { ownerType, ownerId };
  if (owner.ownerType === 'AgentBot') {
    const bot = await db.selectFrom('agent_bots').selectAll().where('id', '=', owner.ownerId).executeTakeFirst();
    return bot && { kind: 'bot', bot };
  }
  return { kind: 'platform_app', platformAppId: owner.ownerId };
}

/** An account with a user's role in it and (for agents) the inboxes they are members of, in one statement. */
export async function accountAccess(db: Db, accountId: number, userId: number): Promise<{ account: Account; role?: Role; inboxIds: number[] } | undefined> {
  const row = await db
    .selectFrom('accounts as a')
    .selectAll('a')
    .select((eb) => [
      eb.selectFrom('account_users as au').select('au.role').whereRef('au.account_id', '=', 'a.id').where('au.user_id', '=', userId).as('member_role'),
      sql<number[] | null>`(SELECT array_agg(im.inbox_id) FROM inbox_members im WHERE im.account_id = a.id AND im.user_id = ${userId})`.as('member_inbox_ids'),
    ])
    .where('a.id', '=', accountId)
    .executeTakeFirst();
  if (!row) return undefined;
  const { member_role: role, member_inbox_ids: inboxIds, ...account } = row;
  return { account, role: role ?? undefined, inboxIds: (inboxIds ?? []).map(Number) }; // bigint[] arrives as strings
}

export async function findAccount(db: Db, accountId: number): Promise<Account | undefined> {
  return db.selectFrom('accounts').selectAll().where('id', '=', accountId).executeTakeFirst();
}

export async function membershipRole(db: Db, accountId: number, userId: number): Promise<Role | undefined> {
  const row = await db
    .selectFrom('account_users')
    .select('role')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .executeTakeFirst();
  return row?.role;
}

/** A bot acts in an account it belongs to, or in one where it is attached to an inbox. */
export async function botServesAccount(db: Db, bot: AgentBot, accountId: number): Promise<boolean> {
  if (bot.account_id === accountId) return true;
  const attached = await db
    .selectFrom('agent_bot_inboxes')
    .select('id')
    .where('agent_bot_id', '=', bot.id)
    .where('account_id', '=', accountId)
    .executeTakeFirst();
  return Boolean(attached);
}

export async function memberInboxIds(db: Db, accountId: number, userId: number): Promise<number[]> {
  const rows = await db
    .selectFrom('inbox_members')
    .select('inbox_id')
    .where('account_id', '=', accountId)
    .where('user_id', '=', userId)
    .execute();
  return rows.map((r) => r.inbox_id);
}
