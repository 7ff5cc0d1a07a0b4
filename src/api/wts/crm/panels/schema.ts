import { Type } from 'typebox';
import { FIELD_TYPES } from '../../../../domain/crm/panels.ts';
import { PageQuery } from '../../page.ts';
import { DateQuery, Literals, Nullable, Uuid } from '../../schema.ts';
import { PANEL_DETAILS } from '../../presenters/panel.ts';

export const PANEL_TYPES = ['MANAGEMENT', 'SALES'] as const;

const Dates = {
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
};

export const ListQuery = Type.Object({
  ...PageQuery,
  ...Dates,
  Title: Type.Optional(Type.String({ maxLength: 255 })),
  Type: Type.Optional(Literals(PANEL_TYPES)),
  IncludeDetails: Type.Optional(Type.Array(Literals(PANEL_DETAILS), { maxItems: 10 })),
});

export const ShowQuery = Type.Object({
  IncludeDetails: Type.Optional(Type.Array(Literals(PANEL_DETAILS), { maxItems: 10 })),
});
export const FieldsQuery = Type.Object({ NestedList: Type.Optional(Type.Boolean()) });

/** A panel custom field as an administrator defines it; `key` defaults to the name's slug (`Data da visita` → `data_da_visita`). */
export const FieldBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  key: Type.Optional(Type.String({ maxLength: 64 })),
  type: Literals(FIELD_TYPES),
  options: Type.Optional(Type.Array(Type.String({ minLength: 1, maxLength: 255 }), { maxItems: 200 })),
  required: Type.Optional(Type.Boolean()),
});

const StepBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 255 }),
  position: Type.Optional(Type.Number()),
});

/**
 * Switchboard's own (WTS manages panels in its web app only): a panel with its steps in board order and its
 * custom fields, in one call. `key` prefixes card keys ("VND-12"); by default the title's initials.
 */
export const CreatePanelBody = Type.Object({
  title: Type.String({ minLength: 1, maxLength: 255 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
  type: Type.Optional(Literals(PANEL_TYPES)),
  steps: Type.Optional(Type.Array(StepBody, { maxItems: 100 })),
  customFields: Type.Optional(Type.Array(FieldBody, { maxItems: 200 })),
});

export const UpdatePanelBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 4000 }))),
  key: Type.Optional(Type.String({ minLength: 1, maxLength: 16 })),
  type: Type.Optional(Literals(PANEL_TYPES)),
  archived: Type.Optional(Type.Boolean()),
});

export const CreateStepBody = StepBody;
export const UpdateStepBody = Type.Object({
  title: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  position: Type.Optional(Type.Number()),
  archived: Type.Optional(Type.Boolean()),
});
export const CreateFieldsBody = Type.Union([FieldBody, Type.Array(FieldBody, { minItems: 1, maxItems: 200 })]);
export const StepParams = Type.Object({ id: Uuid, stepId: Uuid });
