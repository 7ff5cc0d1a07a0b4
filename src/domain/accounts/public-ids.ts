import type { Db } from '../../db/pool.ts';
import type { Team } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { selectMembers, type Member } from '../users/repository.ts';

/** The account member a public user id (users.uuid) names, or a validation error naming `field`. */
export async function memberByUuid(db: Db, accountId: number, uuid: string, field: string): Promise<Member> {
  const member = await selectMembers(db, accountId).where('u.uuid', '=', uuid).executeTakeFirst();
  if (!member) throw validation(`${field} is not a user of this company`, [field]);
  return member;
}

/** The team a public team id (teams.uuid) names, or a validation error naming `field`. */
export async function teamByUuid(db: Db, accountId: number, uuid: string, field: string): Promise<Team> {
  const team = await db
    .selectFrom('teams')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!team) throw validation(`${field} is not a department of this company`, [field]);
  return team;
}
