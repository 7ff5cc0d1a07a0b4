import { Type } from 'typebox';
import { Literals, Nullable, Uuid } from '../../schema.ts';

export const PROFILES = ['Admin', 'Agent', 'RestrictedAgent'] as const;
export const AVAILABILITIES = ['AVAILABLE', 'UNAVAILABLE'] as const;
/** How a list of memberships applies (WTS's `action`). */
export const MEMBERSHIP_ACTIONS = ['ReplaceAll', 'Upsert', 'Remove'] as const;

/** PublicAgentCreateDTO. Switchboard users sign in by email, so `email` is required here. */
export const CreateAgentBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phoneNumber: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  profile: Literals(PROFILES),
  availability: Type.Optional(Literals(AVAILABILITIES)),
});

export const AGENT_FIELDS = [
  'Undefined',
  'Name',
  'ShortName',
  'PhoneNumber',
  'Email',
  'Profile',
  'Availability',
] as const;

/** PublicAgentUpdatePartialDTO: only the `fields` named change. */
export const UpdateAgentBody = Type.Object({
  fields: Type.Array(Literals(AGENT_FIELDS), { maxItems: 10 }),
  name: Type.Optional(Type.String({ maxLength: 255 })),
  shortName: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  email: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  phoneNumber: Type.Optional(Nullable(Type.String({ maxLength: 32 }))),
  profile: Type.Optional(Literals(PROFILES)),
  availability: Type.Optional(Literals(AVAILABILITIES)),
});

/** RequestAgentDepartmentDeleteDTO: what becomes of the agent's unfinished sessions. */
export const DeleteAgentBody = Type.Optional(
  Type.Object({
    sessionResolution: Type.Optional(Nullable(Literals(['COMPLETE', 'TRANSFER', 'RETURN_TO_PENDING'] as const))),
    transferUserId: Type.Optional(Nullable(Uuid)),
  }),
);

/** PublicAgentDepartmentUpdateDTO. */
export const AgentDepartmentsBody = Type.Object({
  action: Literals(MEMBERSHIP_ACTIONS),
  items: Type.Array(
    Type.Object({
      departmentId: Uuid,
      isAgent: Type.Optional(Type.Boolean()),
      isSupervisor: Type.Optional(Type.Boolean()),
    }),
    { maxItems: 500 },
  ),
});

/**
 * PublicAgentChangeStatusDTO. WTS's own values are `Active`/`Blocked` (the user's account); Switchboard has no
 * blocked users, so `status` sets the availability the Chatwoot dialect shows: `Active`, `AVAILABLE` or
 * `ONLINE` → online, `BUSY`/`AWAY` → busy, `UNAVAILABLE`/`OFFLINE` → offline. `Blocked` and `Undefined` are refused.
 */
export const AGENT_STATUSES = [
  'Active',
  'Blocked',
  'Undefined',
  'AVAILABLE',
  'UNAVAILABLE',
  'ONLINE',
  'BUSY',
  'AWAY',
  'OFFLINE',
] as const;
export const AgentStatusBody = Type.Object({ status: Literals(AGENT_STATUSES) });
