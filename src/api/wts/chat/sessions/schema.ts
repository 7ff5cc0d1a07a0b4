import { Type, type Static } from 'typebox';
import { WTS_STATUSES } from '../../../../domain/conversations/status.ts';
import { SESSION_DETAILS } from '../../sessions-app/details.ts';
import { PageOf, PageQuery } from '../../page.ts';
import { SessionSchema } from '../../presenters/session.ts';
import { CLASSIFICATION_CATEGORIES } from '../../sessions-app/record.ts';
import { DateQuery, FreeObject, IdParams, Literals, Nullable, Uuid } from '../../schema.ts';

export const SessionStatus = Literals(WTS_STATUSES);
const IncludeDetails = Type.Array(Literals(SESSION_DETAILS), { maxItems: 10 });
const Uuids = Type.Array(Uuid, { maxItems: 100 });

/** Get All Sessions: every filter the WTS n8n node sends (seed 003), plus paging. */
export const ListQuery = Type.Object({
  Status: Type.Optional(Type.Array(SessionStatus, { maxItems: 10 })),
  TagsId: Type.Optional(Uuids),
  TagsName: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
  UserId: Type.Optional(Uuid),
  DepartmentId: Type.Optional(Uuid),
  ContactId: Type.Optional(Uuid),
  ChannelsId: Type.Optional(Uuids),
  'ActiveAt.After': Type.Optional(DateQuery),
  'ActiveAt.Before': Type.Optional(DateQuery),
  'EndAt.After': Type.Optional(DateQuery),
  'EndAt.Before': Type.Optional(DateQuery),
  'LastInteractionAt.After': Type.Optional(DateQuery),
  'LastInteractionAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  IncludeDetails: Type.Optional(IncludeDetails),
  ...PageQuery,
});
export type ListParams = Static<typeof ListQuery>;

export const ShowQuery = Type.Object({ IncludeDetails: Type.Optional(IncludeDetails) });
export const SessionParams = IdParams;
export const SessionPage = PageOf(SessionSchema);

const Options = Type.Optional(FreeObject);

export const StatusBody = Type.Object({ newStatus: SessionStatus, options: Options });
export const TransferBody = Type.Object({
  type: Literals(['DEPARTMENT', 'USER'] as const),
  newDepartmentId: Type.Optional(Uuid),
  newUserId: Type.Optional(Uuid),
  options: Options,
});
export const AssigneeBody = Type.Object({ userId: Uuid, options: Options });
/** PublicReqUpdatePartialSessionClassificationDTO: a fixed category and/or a reason of one's own, and a value. */
export const ClassificationBody = Type.Object({
  category: Type.Optional(Literals(CLASSIFICATION_CATEGORIES)),
  description: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  amount: Type.Optional(Nullable(Type.Number())),
});

/**
 * PublicReqCompleteSessionDTO, plus `classification` (WTS classifies on completing; its public DTO has no
 * field for it, so the partial update's classification object is taken here too). Both flags are accepted;
 * an incoming message always reactivates a completed session here.
 */
export const CompleteBody = Type.Object({
  reactivateOnNewMessage: Type.Optional(Type.Boolean()),
  stopBotInExecution: Type.Optional(Type.Boolean()),
  classification: Type.Optional(ClassificationBody),
});

export const PARTIAL_FIELDS = [
  'Status',
  'EndAt',
  'UserId',
  'DepartmentId',
  'ReactivateDisabled',
  'Autocomplete',
  'Number',
  'Metadata',
  'Classification',
] as const;
export const SUPPORTED_PARTIAL_FIELDS: readonly string[] = [
  'Status',
  'EndAt',
  'UserId',
  'DepartmentId',
  'Number',
  'Metadata',
  'Classification',
];

/** `PUT /chat/v2/session/{id}/partial`: only the attributes `fields` lists change. */
export const PartialBody = Type.Object({
  fields: Type.Array(Literals(PARTIAL_FIELDS), { minItems: 1, maxItems: 20 }),
  status: Type.Optional(SessionStatus),
  userId: Type.Optional(Uuid),
  departmentId: Type.Optional(Uuid),
  metadata: Type.Optional(FreeObject),
  endAt: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  number: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  classification: Type.Optional(Nullable(ClassificationBody)),
  companyId: Type.Optional(Type.String({ maxLength: 64 })),
  options: Options,
});
export type PartialParams = Static<typeof PartialBody>;

export { SessionSchema };
