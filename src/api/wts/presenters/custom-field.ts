import { Type, type Static } from 'typebox';
import type { CustomAttributeDefinition } from '../../../db/types.ts';
import { iso, Nullable } from '../schema.ts';

/** Our display types as WTS custom field types. */
const TYPES: Record<string, string> = {
  text: 'STRING',
  link: 'STRING',
  number: 'FLOAT',
  currency: 'FLOAT',
  percent: 'FLOAT',
  date: 'DATE',
  list: 'SINGLESELECT',
  checkbox: 'BOOLEAN',
};

/** PublicCustomFieldDTO: a contact custom attribute definition; `key` is what `customFields` objects use. */
export const CustomFieldSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  parentId: Nullable(Type.String()),
  type: Type.String(),
  entityType: Type.String(),
  scopeId: Nullable(Type.String()),
  companyId: Type.String(),
  name: Type.String(),
  key: Type.String(),
  position: Type.Integer(),
  required: Type.Boolean(),
  visible: Type.Boolean(),
  isValueRange: Type.Boolean(),
  options: Type.Array(Type.Object({ id: Nullable(Type.String()), name: Type.String() })),
  children: Type.Array(Type.Unknown()),
});

export function presentCustomField(
  definition: CustomAttributeDefinition,
  position: number,
  companyId: string,
): Static<typeof CustomFieldSchema> {
  const values = Array.isArray(definition.attribute_values) ? definition.attribute_values : [];
  return {
    id: definition.uuid,
    createdAt: iso(definition.created_at),
    updatedAt: iso(definition.updated_at),
    parentId: null,
    type: TYPES[definition.attribute_display_type] ?? 'STRING',
    entityType: 'CONTACT',
    scopeId: null,
    companyId,
    name: definition.attribute_display_name,
    key: definition.attribute_key,
    position,
    required: false,
    visible: true,
    isValueRange: false,
    options: definition.attribute_display_type === 'list' ? values.map((v) => ({ id: null, name: String(v) })) : [],
    children: [],
  };
}
