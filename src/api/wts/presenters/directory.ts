import { Type, type Static } from 'typebox';
import type { Label } from '../../../db/types.ts';
import { tagColorOfHex } from '../../../domain/labels/palette.ts';
import { tagName } from '../../../domain/labels/tags.ts';
import type { AgentRow, DepartmentRow } from '../sessions-app/directory.ts';
import { iso, Nullable } from '../schema.ts';

/**
 * PublicTagDTO. WTS colours are palette names (GRAY_600, BLUE_500, ...) and `color` is null for a colour
 * outside the palette; labels hold a hex colour (Chatwoot's), so `color` is the palette name of that hex when
 * it is one, and `bgColor` (as in WTS's tag colour list) always carries the hex. `name` is the WTS name.
 */
export const TagSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  name: Type.String(),
  color: Nullable(Type.String()),
  bgColor: Nullable(Type.String()),
});

export function presentTag(label: Label): Static<typeof TagSchema> {
  return {
    id: label.uuid,
    createdAt: iso(label.created_at),
    updatedAt: iso(label.updated_at),
    name: tagName(label),
    color: tagColorOfHex(label.color),
    bgColor: label.color,
  };
}

const AgentDepartmentSchema = Type.Object({
  agentId: Type.String(),
  userId: Type.String(),
  departmentId: Type.String(),
  isAgent: Type.Boolean(),
  isSupervisor: Type.Boolean(),
});

/** PublicAgentDTO. We have no separate agent id: `id` and `userId` are both the user's uuid. */
export const AgentSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phoneNumber: Nullable(Type.String()),
  phoneNumberFormatted: Nullable(Type.String()),
  profile: Type.String(),
  isOwner: Type.Boolean(),
  departments: Type.Array(AgentDepartmentSchema),
  availability: Type.String(),
});

export function presentAgent(agent: AgentRow, companyId: string): Static<typeof AgentSchema> {
  return {
    id: agent.uuid,
    createdAt: iso(agent.created_at),
    updatedAt: iso(agent.updated_at),
    companyId,
    userId: agent.uuid,
    name: agent.name,
    shortName: agent.display_name,
    email: agent.email,
    phoneNumber: null,
    phoneNumberFormatted: null,
    profile: agent.role === 'administrator' ? 'Admin' : 'Agent',
    isOwner: false,
    departments: agent.department_uuids.map((departmentId) => ({
      agentId: agent.uuid,
      userId: agent.uuid,
      departmentId,
      isAgent: true,
      isSupervisor: false,
    })),
    availability: agent.availability === 'online' ? 'AVAILABLE' : 'UNAVAILABLE',
  };
}

/** PublicDepartmentDTO: a team; its members are its agents. */
export const DepartmentSchema = Type.Object({
  id: Type.String(),
  companyId: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  name: Type.String(),
  description: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  distribuitionEnabled: Type.Boolean(),
  restrictionType: Type.String(),
  agents: Type.Array(
    Type.Object({
      userId: Type.String(),
      departmentId: Type.String(),
      isAgent: Type.Boolean(),
      isSupervisor: Type.Boolean(),
    }),
  ),
  channels: Type.Array(
    Type.Object({ id: Type.String(), number: Nullable(Type.String()), name: Type.String(), type: Type.String() }),
  ),
  isPrivate: Type.Boolean(),
});

export function presentDepartment(team: DepartmentRow, companyId: string): Static<typeof DepartmentSchema> {
  return {
    id: team.uuid,
    companyId,
    createdAt: iso(team.created_at),
    updatedAt: iso(team.updated_at),
    name: team.name,
    description: team.description,
    isDefault: false,
    // WTS's own spelling
    distribuitionEnabled: team.allow_auto_assign,
    restrictionType: 'NONE',
    agents: team.member_uuids.map((userId) => ({
      userId,
      departmentId: team.uuid,
      isAgent: true,
      isSupervisor: false,
    })),
    channels: [],
    isPrivate: false,
  };
}
