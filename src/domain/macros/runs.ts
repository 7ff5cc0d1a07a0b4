import type { Db } from '../../db/pool.ts';
import type { Macro } from '../../db/types.ts';

/** Records an execution; a loop claims it and runs the macro's actions (Chatwoot answers at once and runs a job). */
export async function queueMacroRun(db: Db, macro: Macro, performerId: number, conversationIds: number[]): Promise<void> {
  await db
    .insertInto('macro_runs')
    .values({ account_id: macro.account_id, macro_id: macro.id, performer_id: performerId, conversation_ids: JSON.stringify(conversationIds), log: '[]' })
    .execute();
}
