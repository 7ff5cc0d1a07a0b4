import type { Db } from '../../db/pool.ts';
import type { Account, AgentBot, Role, User } from '../../db/types.ts';
import { findTokenOwner } from './tokens.ts';

export type Principal =
  | { kind: 'user'; user: User }
  | { kind: 'bot'; bot: AgentBot }
  | { kind: 'platform_app'; platformAppId: number };

export async function principalForToken(db: Db, token: string): Promise<Principal | undefined> {
  const owner = await findTokenOwner(db, token);
  if (!owner) return undefined;
  if (owner.ownerType === 'User') {
    const user = await db.selectFrom('users').selectAll().where('id', '=', owner.ownerId).executeTakeFirst();
    return user && { kind: 'user', user };
  }
  if (owner.ownerType === 'AgentBot') {
    const bot = await db.selectFrom('agent_bots').selectAll().where('id', '=', owner.ownerId).executeTakeFirst();
    return bot && { kind: 'bot', bot };
  }
  return { kind: 'platform_app', platformAppId: owner.ownerId };
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
