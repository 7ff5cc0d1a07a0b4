import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../../db/pool.ts';
import type { Availability, Role, Team } from '../../../db/types.ts';
import { notFound } from '../../../errors.ts';

/** An account member with the public ids of the teams (departments) they belong to. */
export interface AgentRow {
  uuid: string;
  name: string;
  display_name: string | null;
  email: string;
  avatar_url: string | null;
  role: Role;
  availability: Availability;
  created_at: Date;
  updated_at: Date;
  department_uuids: string[];
}

/** The account's members, ordered by name, with their departments: one statement. */
export async function listAgents(db: Db, accountId: number): Promise<AgentRow[]> {
  const { rows } = await sql<AgentRow>`
    SELECT u.uuid::text AS uuid, u.name, u.display_name, u.email, u.avatar_url, au.role, au.availability, u.created_at, u.updated_at,
           coalesce((SELECT array_agg(t.uuid::text ORDER BY t.id) FROM team_members tm JOIN teams t ON t.id = tm.team_id
                     WHERE tm.account_id = au.account_id AND tm.user_id = u.id), '{}') AS department_uuids
    FROM account_users au JOIN users u ON u.id = au.user_id
    WHERE au.account_id = ${accountId}
    ORDER BY lower(u.name), u.id`.execute(db);
  return rows;
}

export type DepartmentRow = Team & { member_uuids: string[] };

async function selectDepartments(db: Db, accountId: number, where: RawBuilder<unknown>): Promise<DepartmentRow[]> {
  const { rows } = await sql<DepartmentRow>`
    SELECT t.*, coalesce((SELECT array_agg(u.uuid::text ORDER BY u.id) FROM team_members tm JOIN users u ON u.id = tm.user_id
                          WHERE tm.team_id = t.id), '{}') AS member_uuids
    FROM teams t WHERE t.account_id = ${accountId} AND ${where} ORDER BY t.id`.execute(db);
  return rows;
}

/** The account's teams with the public ids of their members: one statement. */
export function listDepartments(db: Db, accountId: number): Promise<DepartmentRow[]> {
  return selectDepartments(db, accountId, sql`true`);
}

export async function getDepartment(db: Db, accountId: number, uuid: string): Promise<DepartmentRow> {
  const [row] = await selectDepartments(db, accountId, sql`t.uuid = ${uuid}::uuid`);
  if (!row) throw notFound('Department');
  return row;
}
