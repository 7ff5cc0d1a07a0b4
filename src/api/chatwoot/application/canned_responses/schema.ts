import { Type, type Static } from 'typebox';
import type { CannedResponse } from '../../../../db/types.ts';
import { iso } from '../../presenters/time.ts';

export const CannedResponseParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });
export const ListQuery = Type.Object({ search: Type.Optional(Type.String({ maxLength: 255 })) });

export const CreateBody = Type.Object({
  short_code: Type.String({ minLength: 1, maxLength: 255 }),
  content: Type.String({ minLength: 1, maxLength: 20_000 }),
});
export const UpdateBody = Type.Partial(CreateBody);

/** The raw record, times as ISO strings. */
export const CannedResponseSchema = Type.Object({
  id: Type.Integer(),
  account_id: Type.Integer(),
  short_code: Type.String(),
  content: Type.String(),
  created_at: Type.String(),
  updated_at: Type.String(),
});
export const ListResponse = Type.Array(CannedResponseSchema);

export function presentCannedResponse(row: CannedResponse): Static<typeof CannedResponseSchema> {
  return {
    id: row.id,
    account_id: row.account_id,
    short_code: row.short_code,
    content: row.content,
    created_at: iso(row.created_at)!,
    updated_at: iso(row.updated_at)!,
  };
}
