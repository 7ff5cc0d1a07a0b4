import { Type } from 'typebox';
import { CARD_FIELDS, DUPLICATE_FIELDS } from '../../../../domain/crm/card-commands.ts';
import { TAG_OPERATIONS } from '../../../../domain/labels/tag-refs.ts';
import { PageQuery } from '../../page.ts';
import { DateQuery, FreeObject, Literals, Nullable, Uuid } from '../../schema.ts';

export const CARD_STATUSES = ['OPEN', 'WON', 'LOST', 'ARCHIVED'] as const;
/** Every detail is always filled; the list is accepted so clients' IncludeDetails is not refused. */
const CARD_DETAILS = [
  'PanelTitle',
  'StepTitle',
  'StepPhase',
  'ResponsibleUser',
  'Contacts',
  'CustomFields',
  'LostReason',
] as const;

export const ListQuery = Type.Object({
  ...PageQuery,
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  PanelId: Uuid,
  StepId: Type.Optional(Uuid),
  ContactId: Type.Optional(Uuid),
  ResponsibleUserId: Type.Optional(Uuid),
  TextFilter: Type.Optional(Type.String({ maxLength: 255 })),
  Statuses: Type.Optional(Type.Array(Literals(CARD_STATUSES), { maxItems: 4 })),
  IncludeDetails: Type.Optional(Type.Array(Literals(CARD_DETAILS), { maxItems: 10 })),
});

export const ShowQuery = Type.Object({
  IncludeDetails: Type.Optional(Type.Array(Literals(CARD_DETAILS), { maxItems: 10 })),
});

const Ids = Type.Array(Uuid, { maxItems: 100 });
const CardFields = {
  title: Type.Optional(Type.String({ maxLength: 500 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 20_000 }))),
  position: Type.Optional(Type.Number()),
  dueDate: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  responsibleUserId: Type.Optional(Nullable(Uuid)),
  tagIds: Type.Optional(Ids),
  tagNames: Type.Optional(Type.Array(Type.String({ maxLength: 255 }), { maxItems: 100 })),
  contactIds: Type.Optional(Ids),
  sessionId: Type.Optional(Nullable(Uuid)),
  monetaryAmount: Type.Optional(Nullable(Type.Number({ minimum: -1e12, maximum: 1e12 }))),
  customFields: Type.Optional(FreeObject),
  metadata: Type.Optional(FreeObject),
};

/** `PublicReqCreatePanelCardDTO` (stepId and title required), plus `status` (OPEN by default). */
export const CreateBody = Type.Object({
  ...CardFields,
  stepId: Uuid,
  title: Type.String({ minLength: 1, maxLength: 500 }),
  status: Type.Optional(Literals(CARD_STATUSES)),
});

/** `PublicReqUpdatePanelCardDTO`: `fields` lists what changes; without it, what the body carries. */
export const UpdateBody = Type.Object({
  ...CardFields,
  fields: Type.Optional(Type.Array(Literals(CARD_FIELDS), { maxItems: 20 })),
  stepId: Type.Optional(Uuid),
  status: Type.Optional(Literals(CARD_STATUSES)),
  archived: Type.Optional(Type.Boolean()),
  lostReasonId: Type.Optional(Nullable(Uuid)),
  options: Type.Optional(Type.Object({ upsertTagOperation: Type.Optional(Literals(TAG_OPERATIONS)) })),
});

/** `PublicReqDuplicatePanelCardDTO`. */
export const DuplicateBody = Type.Object({
  copyToStepId: Type.Optional(Uuid),
  options: Type.Optional(
    Type.Object({
      archiveOriginalCard: Type.Optional(Type.Boolean()),
      fields: Type.Optional(Type.Array(Literals(DUPLICATE_FIELDS), { maxItems: 10 })),
    }),
  ),
});
