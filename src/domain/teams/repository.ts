import type { Db } from '../../db/pool.ts';
import type { Team } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { selectMembers, type Member } from '../users/repository.ts';

export type TeamWithMembership = Team & { is_member: boolean };

function selectTeams(db: Db, accountId: number, userId: number | undefined) {
  return db
    .selectFrom('teams as t')
    .selectAll('t')
    .select((eb) =>
      eb
        .exists(
          eb
            .selectFrom('team_members as tm')
            .select('tm.id')
            .whereRef('tm.team_id', '=', 't.id')
            .where('tm.user_id', '=', userId ?? 0),
        )
        .as('is_member'),
    )
    .where('t.account_id', '=', accountId)
    .$narrowType<{ is_member: boolean }>();
}

/** The account's teams with whether `userId` is in each, in one query. */
export async function listTeams(db: Db, accountId: number, userId?: number): Promise<TeamWithMembership[]> {
  return selectTeams(db, accountId, userId).orderBy('t.id').execute();
}

export async function getTeam(db: Db, accountId: number, teamId: number, userId?: number): Promise<TeamWithMembership> {
  const team = await selectTeams(db, accountId, userId).where('t.id', '=', teamId).executeTakeFirst();
  if (!team) throw notFound();
  return team;
}

/** The team's members as agents of the account, ordered by name. */
export async function listTeamMembers(db: Db, accountId: number, teamId: number): Promise<Member[]> {
  return selectMembers(db, accountId)
    .where('au.user_id', 'in', (eb) =>
      eb.selectFrom('team_members').select('user_id').where('account_id', '=', accountId).where('team_id', '=', teamId),
    )
    .orderBy((eb) => eb.fn('lower', ['u.name']))
    .orderBy('u.id')
    .execute();
}

/** The members of one of the account's teams; 404 for a team the account does not have. */
export async function getTeamMembers(db: Db, accountId: number, teamId: number): Promise<Member[]> {
  await getTeam(db, accountId, teamId);
  return listTeamMembers(db, accountId, teamId);
}
