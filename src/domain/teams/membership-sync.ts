import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';
import { inTransaction } from '../../db/transaction.ts';

/** How a list of memberships applies: all of them and only them, added to the current ones, or taken away. */
export type MembershipAction = 'replace' | 'add' | 'remove';

type Side = { column: 'user_id' | 'team_id'; id: number };

/**
 * Changes memberships from one side: `fixed` is the user (or the team) whose list changes, `others` the teams
 * (or users) named, all already checked to be the account's.
 */
async function syncMemberships(
  db: Db,
  accountId: number,
  fixed: Side,
  otherColumn: 'user_id' | 'team_id',
  action: MembershipAction,
  others: number[],
): Promise<void> {
  await inTransaction(db, async (trx) => {
    if (action !== 'add') {
      let removal = trx
        .deleteFrom('team_members')
        .where('account_id', '=', accountId)
        .where(fixed.column, '=', fixed.id);
      if (action === 'remove')
        removal = others.length ? removal.where(otherColumn, 'in', others) : removal.where(otherColumn, '=', -1);
      else if (others.length) removal = removal.where(otherColumn, 'not in', others);
      await removal.execute();
    }
    if (action !== 'remove' && others.length) {
      await trx
        .insertInto('team_members')
        .values(
          [...new Set(others)].map(
            (other) =>
              ({ account_id: accountId, [fixed.column]: fixed.id, [otherColumn]: other }) as {
                account_id: number;
                team_id: number;
                user_id: number;
              },
          ),
        )
        .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
        .execute();
    }
  });
}

/** One user's teams, changed by `action`. */
export function syncUserTeams(
  db: Db,
  accountId: number,
  userId: number,
  action: MembershipAction,
  teamIds: number[],
): Promise<void> {
  return syncMemberships(db, accountId, { column: 'user_id', id: userId }, 'team_id', action, teamIds);
}

/** One team's members, changed by `action`. */
export function syncTeamMembers(
  db: Db,
  accountId: number,
  teamId: number,
  action: MembershipAction,
  userIds: number[],
): Promise<void> {
  return syncMemberships(db, accountId, { column: 'team_id', id: teamId }, 'user_id', action, userIds);
}

/** The account's team ids for public ids (uuids), or a 4xx naming the first unknown one. */
export async function teamIdsByUuid(db: Db, accountId: number, uuids: string[], field: string): Promise<number[]> {
  if (!uuids.length) return [];
  const rows = await db
    .selectFrom('teams')
    .select(['id', 'uuid'])
    .where('account_id', '=', accountId)
    .where('uuid', 'in', uuids)
    .execute();
  const unknown = uuids.find((uuid) => !rows.some((r) => r.uuid === uuid));
  if (unknown) throw validation(`${field} ${unknown} is not a department of this company`, [field]);
  return uuids.map((uuid) => rows.find((r) => r.uuid === uuid)!.id);
}

/** The account's member ids for public user ids (uuids), or a 4xx naming the first unknown one. */
export async function memberIdsByUuid(db: Db, accountId: number, uuids: string[], field: string): Promise<number[]> {
  if (!uuids.length) return [];
  const rows = await db
    .selectFrom('account_users as au')
    .innerJoin('users as u', 'u.id', 'au.user_id')
    .select(['u.id', 'u.uuid'])
    .where('au.account_id', '=', accountId)
    .where('u.uuid', 'in', uuids)
    .execute();
  const unknown = uuids.find((uuid) => !rows.some((r) => r.uuid === uuid));
  if (unknown) throw validation(`${field} ${unknown} is not a user of this company`, [field]);
  return uuids.map((uuid) => rows.find((r) => r.uuid === uuid)!.id);
}
