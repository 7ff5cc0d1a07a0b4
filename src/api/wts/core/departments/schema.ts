import { Type } from 'typebox';
import { Literals, Nullable, Uuid } from '../../schema.ts';
import { MEMBERSHIP_ACTIONS } from '../agents/schema.ts';

const DistributionConfig = Type.Optional(
  Type.Object({
    expirationIsEnabled: Type.Optional(Type.Boolean()),
    maximumDurationInMinutes: Type.Optional(Type.Integer()),
    inactivityTimeInMinutes: Type.Optional(Type.Integer()),
  }),
);
const ChannelsConfig = Type.Optional(
  Type.Object({
    scope: Type.Optional(Literals(['ALL', 'NONE', 'SELECTED'] as const)),
    channels: Type.Optional(Type.Array(Type.String(), { maxItems: 200 })),
  }),
);
const MemberItem = Type.Object({
  userId: Uuid,
  isAgent: Type.Optional(Type.Boolean()),
  isSupervisor: Type.Optional(Type.Boolean()),
});

/** PublicReqSaveDepartmentDTO. */
export const CreateDepartmentBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  isDefault: Type.Optional(Type.Boolean()),
  distributionIsEnabled: Type.Optional(Type.Boolean()),
  distributionConfig: DistributionConfig,
  restrictionType: Type.Optional(Literals(['NONE', 'DEPARTMENT_RESTRICTION', 'USER_RESTRICTION'] as const)),
  channelsConfig: ChannelsConfig,
  agents: Type.Optional(Type.Array(MemberItem, { maxItems: 500 })),
});

export const DEPARTMENT_FIELDS = [
  'Name',
  'Description',
  'IsDefault',
  'DistributionIsEnabled',
  'ChannelsConfig',
  'RestrictionType',
  'DistributionConfig',
] as const;

/** PublicReqUpdateDepartmentDTO: only the `fields` named change. */
export const UpdateDepartmentBody = Type.Object({
  fields: Type.Array(Literals(DEPARTMENT_FIELDS), { maxItems: 10 }),
  name: Type.Optional(Type.String({ maxLength: 255 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 10_000 }))),
  isDefault: Type.Optional(Type.Boolean()),
  distributionIsEnabled: Type.Optional(Type.Boolean()),
  distributionConfig: DistributionConfig,
  restrictionType: Type.Optional(Literals(['NONE', 'DEPARTMENT_RESTRICTION', 'USER_RESTRICTION'] as const)),
  channelsConfig: ChannelsConfig,
});

/** PublicReqUpdateDepartmentAgent (answered back as sent). */
export const DepartmentAgentsBody = Type.Object({
  action: Literals(MEMBERSHIP_ACTIONS),
  items: Type.Array(MemberItem, { maxItems: 500 }),
});

/** PublicDepartmentListChannelDTO. */
export const DepartmentChannelsSchema = Type.Object({ scope: Type.String(), channels: Type.Array(Type.String()) });
