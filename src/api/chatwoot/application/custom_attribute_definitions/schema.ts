import { Type, type Static } from 'typebox';
import type { CustomAttributeDefinition } from '../../../../db/types.ts';
import {
  ATTRIBUTE_MODELS,
  DISPLAY_TYPES,
  type DefinitionInput,
} from '../../../../domain/custom_attributes/commands.ts';
import type { AttributeModel } from '../../../../domain/custom_attributes/repository.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';

export const DefinitionParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

/** Chatwoot's enums arrive as their integer (the n8n node sends 0) or their name, and are answered by name. */
const enumOf = (names: readonly string[]) =>
  Type.Union([Type.Integer({ minimum: 0, maximum: names.length - 1 }), Type.String({ enum: [...names] })], {
    description: names.map((n, i) => `${i} ${n}`).join(', '),
  });

const AttributeModelParam = enumOf(ATTRIBUTE_MODELS);

export const ListQuery = Type.Object({ attribute_model: Type.Optional(AttributeModelParam) });

const Fields = {
  attribute_display_name: Type.String({ minLength: 1, maxLength: 255 }),
  attribute_display_type: enumOf(DISPLAY_TYPES),
  attribute_description: Nullable(Type.String({ maxLength: 2000 })),
  attribute_key: Type.String({ minLength: 1, maxLength: 255 }),
  attribute_model: AttributeModelParam,
  attribute_values: Type.Array(Type.String({ maxLength: 255 }), { maxItems: 500 }),
  regex_pattern: Nullable(Type.String({ maxLength: 1000 })),
  regex_cue: Nullable(Type.String({ maxLength: 1000 })),
  default_value: Nullable(Type.String({ maxLength: 2000 })),
};

export const CreateBody = Type.Object({
  ...Type.Partial(Type.Object(Fields)).properties,
  attribute_display_name: Fields.attribute_display_name,
  attribute_key: Fields.attribute_key,
});
export const UpdateBody = Type.Partial(Type.Object(Fields));

type Body = Static<typeof UpdateBody>;

function byName<T extends string>(names: readonly T[], value: number | string | undefined): T | undefined {
  return typeof value === 'number' ? names[value] : (value as T | undefined);
}

export function modelParam(value: number | string | undefined): AttributeModel | undefined {
  return byName(ATTRIBUTE_MODELS, value);
}

/** The request with enum integers turned into names. */
export function definitionInput(body: Body): DefinitionInput {
  return {
    ...body,
    attribute_display_type: byName(DISPLAY_TYPES, body.attribute_display_type),
    attribute_model: modelParam(body.attribute_model),
  };
}

export const DefinitionSchema = Type.Object({
  id: Type.Integer(),
  attribute_display_name: Type.String(),
  attribute_display_type: Type.String(),
  attribute_description: Nullable(Type.String()),
  attribute_key: Type.String(),
  regex_pattern: Nullable(Type.String()),
  regex_cue: Nullable(Type.String()),
  attribute_values: Type.Array(Type.Unknown()),
  attribute_model: Type.String(),
  default_value: Nullable(Type.String()),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const ListResponse = Type.Array(DefinitionSchema);

export function presentDefinition(row: CustomAttributeDefinition): Static<typeof DefinitionSchema> {
  return {
    id: row.id,
    attribute_display_name: row.attribute_display_name,
    attribute_display_type: row.attribute_display_type,
    attribute_description: row.attribute_description,
    attribute_key: row.attribute_key,
    regex_pattern: row.regex_pattern,
    regex_cue: row.regex_cue,
    attribute_values: row.attribute_values,
    attribute_model: row.attribute_model,
    default_value: row.default_value,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
