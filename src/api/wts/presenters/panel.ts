import { Type, type Static } from 'typebox';
import type { CrmPanel, CrmPanelField, Label } from '../../../db/types.ts';
import type { StepRow } from '../../../domain/crm/panels.ts';
import { tagName } from '../../../domain/labels/tags.ts';
import type { CustomFieldSchema } from './custom-field.ts';
import { iso, Nullable } from '../schema.ts';

export const PANEL_DETAILS = [
  'Tags',
  'Steps',
  'StepsFields',
  'StepsCardCount',
  'PanelCardOverdueCount',
  'Cards',
] as const;
export type PanelDetail = (typeof PANEL_DETAILS)[number];

const StepFieldSchema = Type.Object({
  key: Type.String(),
  type: Type.String(),
  position: Type.Integer(),
  visible: Type.Boolean(),
});

/** `PublicPanelStepDTO`; `cards` is not filled (list the cards with GET /crm/v1/panel/card?StepId=). */
export const StepSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  panelId: Type.String(),
  archived: Type.Boolean(),
  position: Type.Number(),
  title: Type.String(),
  isInitial: Type.Boolean(),
  isFinal: Type.Boolean(),
  cardCount: Nullable(Type.Integer()),
  overdueCardCount: Nullable(Type.Integer()),
  monetaryAmount: Nullable(Type.Number()),
  fields: Nullable(Type.Array(StepFieldSchema)),
});

const PanelTagSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  panelId: Type.String(),
  name: Type.String(),
  nameColor: Nullable(Type.String()),
  bgColor: Nullable(Type.String()),
});

/** `PublicPanelDTO`. Panels are company-wide here: scope COMPANY, no departments, no owner. */
export const PanelSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  archived: Type.Boolean(),
  scope: Type.String(),
  departmentIds: Type.Array(Type.String()),
  userId: Nullable(Type.String()),
  title: Type.String(),
  description: Nullable(Type.String()),
  thumbnailId: Nullable(Type.String()),
  thumbnailFile: Type.Null(),
  key: Type.String(),
  overdueCardCount: Nullable(Type.Integer()),
  stepTitles: Type.Array(Type.String()),
  tags: Nullable(Type.Array(PanelTagSchema)),
  steps: Nullable(Type.Array(StepSchema)),
  type: Type.String(),
  autoLossDays: Nullable(Type.Integer()),
});
export type PanelJson = Static<typeof PanelSchema>;

/** The default fields every step shows, then the panel's custom fields. */
const DEFAULT_FIELDS = ['Title', 'Contacts', 'ResponsibleUser', 'MonetaryAmount', 'DueDate', 'Tags'];

function presentStep(
  step: StepRow,
  steps: StepRow[],
  panel: CrmPanel,
  companyId: string,
  fields: CrmPanelField[],
  details: Set<PanelDetail>,
) {
  const counts = details.has('StepsCardCount') || details.has('Cards');
  return {
    id: step.uuid,
    createdAt: iso(step.created_at),
    updatedAt: iso(step.updated_at),
    companyId,
    panelId: panel.uuid,
    archived: step.archived,
    position: step.position,
    title: step.title,
    isInitial: steps[0]?.id === step.id,
    isFinal: steps.length > 1 && steps[steps.length - 1].id === step.id,
    cardCount: counts ? step.card_count : null,
    overdueCardCount: counts ? step.overdue_card_count : null,
    monetaryAmount: counts ? step.monetary_amount : null,
    fields: details.has('StepsFields')
      ? [
          ...DEFAULT_FIELDS.map((key, i) => ({ key, type: 'DEFAULT_FIELD', position: i + 1, visible: true })),
          ...fields.map((f, i) => ({
            key: f.key,
            type: 'CUSTOM_FIELD',
            position: DEFAULT_FIELDS.length + i + 1,
            visible: true,
          })),
        ]
      : null,
  };
}

export interface PanelRelations {
  steps: StepRow[];
  fields: CrmPanelField[];
  labels: Label[];
}

export function presentPanel(
  panel: CrmPanel,
  companyId: string,
  relations: PanelRelations,
  details: Set<PanelDetail>,
): PanelJson {
  const { steps, fields, labels } = relations;
  const overdue =
    details.has('PanelCardOverdueCount') || details.has('StepsCardCount')
      ? steps.reduce((sum, s) => sum + s.overdue_card_count, 0)
      : null;
  return {
    id: panel.uuid,
    createdAt: iso(panel.created_at),
    updatedAt: iso(panel.updated_at),
    companyId,
    archived: panel.archived,
    scope: 'COMPANY',
    departmentIds: [],
    userId: null,
    title: panel.title,
    description: panel.description,
    thumbnailId: null,
    thumbnailFile: null,
    key: panel.key,
    overdueCardCount: overdue,
    stepTitles: steps.map((s) => s.title),
    // A card's tags are the company's tags (one table with contacts' and sessions'), so every panel offers them all.
    tags: details.has('Tags')
      ? labels.map((l) => ({
          id: l.uuid,
          createdAt: iso(l.created_at),
          updatedAt: iso(l.updated_at),
          companyId,
          panelId: panel.uuid,
          name: tagName(l),
          nameColor: null,
          bgColor: l.color,
        }))
      : null,
    steps:
      details.has('Steps') || details.has('StepsFields') || details.has('StepsCardCount') || details.has('Cards')
        ? steps.map((s) => presentStep(s, steps, panel, companyId, fields, details))
        : null,
    type: panel.type,
    autoLossDays: null,
  };
}

/** A panel field as a WTS custom field (`PublicCustomFieldDTO`, entityType PANEL, scopeId the panel). */
export function presentPanelField(
  field: CrmPanelField,
  panelUuid: string,
  companyId: string,
): Static<typeof CustomFieldSchema> {
  const options = Array.isArray(field.options) ? field.options : [];
  return {
    id: field.uuid,
    createdAt: iso(field.created_at),
    updatedAt: iso(field.updated_at),
    parentId: null,
    type: field.type,
    entityType: 'PANEL',
    scopeId: panelUuid,
    companyId,
    name: field.name,
    key: field.key,
    position: field.position,
    required: field.required,
    visible: true,
    isValueRange: false,
    options: options.map((name) => ({ id: null, name: String(name) })),
    children: [],
  };
}
