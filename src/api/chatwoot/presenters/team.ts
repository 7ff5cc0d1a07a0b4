import { Type, type Static } from 'typebox';
import type { Team } from '../../../db/types.ts';
import { iso } from './time.ts';
import { Nullable } from './schema-helpers.ts';

export const TeamSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  allow_auto_assign: Type.Boolean(),
  account_id: Type.Integer(),
  is_member: Type.Boolean(),
});

export function presentTeam(team: Team, isMember: boolean): Static<typeof TeamSchema> {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    allow_auto_assign: team.allow_auto_assign,
    account_id: team.account_id,
    is_member: isMember,
  };
}

/** The raw team record (assignment of a team answers this). */
export const TeamRecordSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  allow_auto_assign: Type.Boolean(),
  account_id: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export function presentTeamRecord(team: Team): Static<typeof TeamRecordSchema> {
  return {
    id: team.id,
    name: team.name,
    description: team.description,
    allow_auto_assign: team.allow_auto_assign,
    account_id: team.account_id,
    created_at: iso(team.created_at)!,
    updated_at: iso(team.updated_at)!,
  };
}
