import type { Db } from '../../db/pool.ts';
import type { Account, Role } from '../../db/types.ts';

export interface Company {
  account: Account;
  role: Role;
}

/**
 * The one account a single-account API token speaks for (the WTS dialect's keys belong to one company). A
 * token belongs to a user, who may be a member of several accounts: the account is the user's first
 * membership (lowest account_users id), so it never changes as the user joins more accounts.
 */
export async function companyOf(db: Db, userId: number): Promise<Company | undefined> {
  const row = await db
    .selectFrom('account_users as au')
    .innerJoin('accounts as a', 'a.id', 'au.account_id')
    .selectAll('a')
    .select('au.role as membership_role')
    .where('au.user_id', '=', userId)
    .orderBy('au.id')
    .limit(1)
    .executeTakeFirst();
  if (!row) return undefined;
  const { membership_role, ...account } = row;
  return { account, role: membership_role };
}
