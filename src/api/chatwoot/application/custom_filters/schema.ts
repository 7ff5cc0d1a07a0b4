import { Type, type Static } from 'typebox';
import type { CustomFilter } from '../../../../db/types.ts';
import { iso } from '../../presenters/time.ts';

const FilterType = Type.Union([Type.Literal('conversation'), Type.Literal('contact'), Type.Literal('report')]);

export const CustomFilterParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ListQuery = Type.Object({ filter_type: Type.Optional(FilterType) });

/**
 * Chatwoot reads `name`, `filter_type` and `query`; its OpenAPI document (and so the n8n node and generated
 * SDKs) calls the type `type`, which Chatwoot ignores: here it counts when `filter_type` is not given.
 */
export const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  filter_type: Type.Optional(FilterType),
  type: Type.Optional(FilterType),
  query: Type.Record(Type.String(), Type.Unknown()),
});
export const UpdateBody = Type.Partial(CreateBody);

export const CustomFilterSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  filter_type: FilterType,
  query: Type.Unknown(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const ListResponse = Type.Array(CustomFilterSchema);

export function presentCustomFilter(row: CustomFilter): Static<typeof CustomFilterSchema> {
  return {
    id: row.id,
    name: row.name,
    filter_type: row.filter_type,
    query: row.query,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
