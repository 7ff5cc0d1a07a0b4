import { Type, type Static } from 'typebox';
import type { Db } from '../../../../db/pool.ts';
import type { Macro } from '../../../../db/types.ts';
import { AgentSchema, presentAgent } from '../../presenters/agent.ts';
import { ActionFileSchema, filesByOwner } from '../../presenters/action-file.ts';
import { filesOfOwners } from '../../../../domain/action_files/action-files.ts';
import { findMembers } from '../../../../domain/users/repository.ts';

export const MacroParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Action = Type.Object({
  action_name: Type.String({ maxLength: 64 }),
  action_params: Type.Optional(Type.Array(Type.Unknown(), { maxItems: 50 })),
});

export const CreateBody = Type.Object({
  name: Type.String({ maxLength: 255 }),
  visibility: Type.Optional(Type.String({ maxLength: 16 })),
  actions: Type.Optional(Type.Array(Action, { maxItems: 50 })),
});
export const UpdateBody = Type.Partial(CreateBody);
export const ExecuteBody = Type.Object({
  conversation_ids: Type.Array(Type.Union([Type.Integer(), Type.String({ maxLength: 20 })]), { maxItems: 500 }),
});

/** Chatwoot's `_macro` partial: created_by/updated_by in its agent shape (the `_agent` partial), while that user is a member; files when it has some. */
export const MacroSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  visibility: Type.String(),
  created_by: Type.Optional(AgentSchema),
  updated_by: Type.Optional(AgentSchema),
  account_id: Type.Integer(),
  actions: Type.Array(Type.Object({ action_name: Type.String(), action_params: Type.Array(Type.Unknown()) })),
  files: Type.Optional(Type.Array(ActionFileSchema)),
});
export const MacroPayload = Type.Object({ payload: MacroSchema });
export const MacroListPayload = Type.Object({ payload: Type.Array(MacroSchema) });

/** A page of macros in three statements whatever its size: the macros, their authors, their files. */
export async function presentMacros(db: Db, rows: Macro[], publicUrl: string): Promise<Static<typeof MacroSchema>[]> {
  if (!rows.length) return [];
  const accountId = rows[0]!.account_id;
  const ids = [
    ...new Set(rows.flatMap((r) => [r.created_by_id, r.updated_by_id]).filter((id): id is number => id !== null)),
  ];
  const members = new Map(
    (ids.length ? await findMembers(db, accountId, ids) : []).map((m) => [m.id, presentAgent(m)]),
  );
  const files = filesByOwner(
    await filesOfOwners(
      db,
      accountId,
      'macro_id',
      rows.map((r) => r.id),
    ),
    'macro_id',
    publicUrl,
  );
  return rows.map((row) => {
    const createdBy = row.created_by_id === null ? undefined : members.get(row.created_by_id);
    const updatedBy = row.updated_by_id === null ? undefined : members.get(row.updated_by_id);
    const own = files.get(row.id);
    return {
      id: row.id,
      name: row.name,
      visibility: row.visibility,
      ...(createdBy ? { created_by: createdBy } : {}),
      ...(updatedBy ? { updated_by: updatedBy } : {}),
      account_id: row.account_id,
      actions: row.actions,
      ...(own?.length ? { files: own } : {}),
    };
  });
}
