import type { Db } from '../../db/pool.ts';
import type { Team } from '../../db/types.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import { findMembers, nonMemberIds, type Member } from '../users/repository.ts';
import { getTeam, listTeamMembers, type TeamWithMembership } from './repository.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface TeamInput {
  name?: string;
  description?: string | null;
  allow_auto_assign?: boolean;
}

/** Chatwoot keeps team names lower-case, so "Sales" and "sales" are the same team. */
function teamValues(input: TeamInput) {
  const values: Partial<Pick<Team, 'name' | 'description' | 'allow_auto_assign'>> = {};
  if (input.name !== undefined) {
    const name = input.name.trim().toLowerCase();
    if (!name) throw validation("Name can't be blank", ['name']);
    values.name = name;
  }
  if (input.description !== undefined) values.description = input.description;
  if (input.allow_auto_assign !== undefined) values.allow_auto_assign = input.allow_auto_assign;
  return values;
}

export async function createTeam(db: Db, accountId: number, input: TeamInput): Promise<Team> {
  const values = teamValues(input);
  if (!values.name) throw validation("Name can't be blank", ['name']);
  return db
    .insertInto('teams')
    .values({ ...values, name: values.name, account_id: accountId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** Updates the team; answers it with whether `viewerId` is a member. */
export async function updateTeam(
  db: Db,
  accountId: number,
  teamId: number,
  input: TeamInput,
  viewerId?: number,
): Promise<TeamWithMembership> {
  const updated = await db
    .updateTable('teams')
    .set({ ...teamValues(input), updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('id', '=', teamId)
    .returning('id')
    .executeTakeFirst();
  if (!updated) throw notFound();
  return getTeam(db, accountId, teamId, viewerId);
}

export async function deleteTeam(db: Db, accountId: number, teamId: number): Promise<void> {
  const deleted = await db
    .deleteFrom('teams')
    .where('account_id', '=', accountId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound();
}

/** Chatwoot refuses a member list naming anyone outside the account with a 401, not a 422. */
async function requireAccountMembers(db: Db, accountId: number, userIds: number[]): Promise<void> {
  if ((await nonMemberIds(db, accountId, userIds)).length) throw new AppError('forbidden', 'Invalid User IDs');
}

async function insertMembers(db: Db, accountId: number, teamId: number, userIds: number[]): Promise<number[]> {
  if (!userIds.length) return [];
  const rows = await db
    .insertInto('team_members')
    .values([...new Set(userIds)].map((userId) => ({ account_id: accountId, team_id: teamId, user_id: userId })))
    .onConflict((oc) => oc.columns(['team_id', 'user_id']).doNothing())
    .returning('user_id')
    .execute();
  return rows.map((r) => r.user_id);
}

/** Adds members; answers only those who were not members before. */
export async function addTeamMembers(db: Db, accountId: number, teamId: number, userIds: number[]): Promise<Member[]> {
  await getTeam(db, accountId, teamId);
  await requireAccountMembers(db, accountId, userIds);
  const added = await insertMembers(db, accountId, teamId, userIds);
  const members = await findMembers(db, accountId, added);
  return added.map((id) => members.find((m) => m.id === id)!).filter(Boolean);
}

/** Makes the member list exactly `userIds`; answers every member. */
export async function setTeamMembers(db: Db, accountId: number, teamId: number, userIds: number[]): Promise<Member[]> {
  await getTeam(db, accountId, teamId);
  await requireAccountMembers(db, accountId, userIds);
  await inTransaction(db, async (trx) => {
    let removal = trx.deleteFrom('team_members').where('account_id', '=', accountId).where('team_id', '=', teamId);
    if (userIds.length) removal = removal.where('user_id', 'not in', userIds);
    await removal.execute();
    await insertMembers(trx, accountId, teamId, userIds);
  });
  return listTeamMembers(db, accountId, teamId);
}

export async function removeTeamMembers(db: Db, accountId: number, teamId: number, userIds: number[]): Promise<void> {
  await getTeam(db, accountId, teamId);
  await requireAccountMembers(db, accountId, userIds);
  if (!userIds.length) return;
  await db
    .deleteFrom('team_members')
    .where('account_id', '=', accountId)
    .where('team_id', '=', teamId)
    .where('user_id', 'in', userIds)
    .execute();
}
