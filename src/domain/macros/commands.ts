import { getInAccount, updateInAccount } from '../../db/scoped.ts';
import type { Db } from '../../db/pool.ts';
import type { Macro, MacroVisibility } from '../../db/types.ts';
import type { Actor } from '../auth/policies.ts';
import { forbidden, invalidRecord } from '../../errors.ts';
import { validateMacroActions } from './validate.ts';

export interface MacroInput {
  name?: string;
  visibility?: string;
  actions?: { action_name: string; action_params?: unknown[] }[];
}

/** Who is asking: MacroPolicy decides on the record's visibility and author. */
export interface MacroCaller {
  accountId: number;
  userId: number;
  actor: Actor;
}

const isAuthor = (macro: Macro, caller: MacroCaller) => macro.created_by_id === caller.userId;
/** MacroPolicy#show?/execute?: a global macro, or one's own. */
export const canUse = (macro: Macro, caller: MacroCaller) => macro.visibility === 'global' || isAuthor(macro, caller);
/** MacroPolicy#update?/destroy?: the author, or an administrator for a global macro. */
const canChange = (macro: Macro, caller: MacroCaller) =>
  isAuthor(macro, caller) || (caller.actor === 'administrator' && macro.visibility === 'global');

/** Only administrators make global macros (Chatwoot's set_visibility); an agent's are personal. */
function visibilityFor(input: MacroInput, caller: MacroCaller): MacroVisibility | undefined {
  if (input.visibility === undefined) return undefined;
  if (input.visibility !== 'personal' && input.visibility !== 'global')
    throw invalidRecord('visibility', `'${input.visibility}' is not a valid visibility`);
  return caller.actor === 'administrator' ? input.visibility : 'personal';
}

function columns(input: MacroInput, caller: MacroCaller) {
  const out: { name?: string; visibility?: MacroVisibility; actions?: string } = {};
  if (input.name !== undefined) {
    out.name = input.name.trim();
    if (!out.name) throw invalidRecord('name', "Name can't be blank");
  }
  const visibility = visibilityFor(input, caller);
  if (visibility) out.visibility = visibility;
  if (input.actions !== undefined) {
    validateMacroActions(input.actions);
    out.actions = JSON.stringify(
      input.actions.map((a) => ({ action_name: a.action_name, action_params: a.action_params ?? [] })),
    );
  }
  return out;
}

/** Global macros and the caller's personal ones (Chatwoot's Macro.with_visibility). */
export function listMacros(db: Db, caller: MacroCaller): Promise<Macro[]> {
  return db
    .selectFrom('macros')
    .selectAll()
    .where('account_id', '=', caller.accountId)
    .where((eb) => eb.or([eb('visibility', '=', 'global'), eb('created_by_id', '=', caller.userId)]))
    .orderBy('id')
    .execute();
}

export async function getMacro(db: Db, caller: MacroCaller, id: number): Promise<Macro> {
  const macro = await getInAccount(db, 'macros', caller.accountId, id);
  if (!canUse(macro, caller)) throw forbidden();
  return macro;
}

export async function createMacro(db: Db, caller: MacroCaller, input: MacroInput): Promise<Macro> {
  const values = columns(input, caller);
  if (values.name === undefined) throw invalidRecord('name', "Name can't be blank");
  return db
    .insertInto('macros')
    .values({
      ...values,
      name: values.name,
      actions: values.actions ?? '[]',
      account_id: caller.accountId,
      created_by_id: caller.userId,
      updated_by_id: caller.userId,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updateMacro(db: Db, caller: MacroCaller, id: number, input: MacroInput): Promise<Macro> {
  const macro = await getInAccount(db, 'macros', caller.accountId, id);
  if (!canChange(macro, caller)) throw forbidden();
  return updateInAccount(db, 'macros', caller.accountId, id, {
    ...columns(input, caller),
    updated_by_id: caller.userId,
    updated_at: new Date(),
  });
}

export async function deleteMacro(db: Db, caller: MacroCaller, id: number): Promise<void> {
  const macro = await getInAccount(db, 'macros', caller.accountId, id);
  if (!canChange(macro, caller)) throw forbidden();
  await db.deleteFrom('macros').where('account_id', '=', caller.accountId).where('id', '=', id).execute();
}
