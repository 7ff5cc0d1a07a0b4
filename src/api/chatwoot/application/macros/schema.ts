import { Type, type Static } from 'typebox';
import type { Db } from '../../../../db/pool.ts';
import type { Macro } from '../../../../db/types.ts';
import { presentUserPush, UserPushSchema } from '../../presenters/agent.ts';

export const MacroParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Action = Type.Object({ action_name: Type.String({ maxLength: 64 }), action_params: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })) });

export const CreateBody = Type.Object({
  name: Type.String({ maxLength: 255 }),
  visibility: Type.Optional(Type.String({ maxLength: 16 })),
  actions: Type.Optional(Type.Array(Action, { maxItems: 50 })),
});
export const UpdateBody = Type.Partial(CreateBody);
export const ExecuteBody = Type.Object({ conversation_ids: Type.Array(Type.Union([Type.Integer(), Type.String({ maxLength: 20 })]), { maxItems: 500 }) });

/** Chatwoot's `_macro` partial (created_by/updated_by only when the user still exists; here in the push-user shape). */
export const MacroSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  visibility: Type.String(),
  created_by: Type.Optional(UserPushSchema),
  updated_by: Type.Optional(UserPushSchema),
  account_id: Type.Integer(),
  actions: Type.Array(Type.Object({ action_name: Type.String(), action_params: Type.Array(Type.Unknown()) })),
});
export const MacroPayload = Type.Object({ payload: MacroSchema });
export const MacroListPayload = Type.Object({ payload: Type.Array(MacroSchema) });

export async function presentMacros(db: Db, rows: Macro[]): Promise<Static<typeof MacroSchema>[]> {
  const ids = [...new Set(rows.flatMap((r) => [r.created_by_id, r.updated_by_id]).filter((id): id is number => id !== null))];
  const users = ids.length ? await db.selectFrom('users').select(['id', 'name', 'display_name', 'avatar_url']).where('id', 'in', ids).execute() : [];
  const user = (id: number | null) => users.find((u) => u.id === id);
  return rows.map((row) => {
    const createdBy = user(row.created_by_id);
    const updatedBy = user(row.updated_by_id);
    return {
      id: row.id,
      name: row.name,
      visibility: row.visibility,
      ...(createdBy ? { created_by: presentUserPush(createdBy) } : {}),
      ...(updatedBy ? { updated_by: presentUserPush(updatedBy) } : {}),
      account_id: row.account_id,
      actions: row.actions,
    };
  });
}
