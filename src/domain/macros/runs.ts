import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Macro, MacroRunLogEntry } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runAction, type ActionContext } from '../automation_rules/actions.ts';
import { loadSubject } from '../automation_rules/subject.ts';

/** The channel NOTIFYed when a run is queued (jobs/macros.ts listens). */
export const MACRO_RUNS_CHANNEL = 'macro_runs';

/** Records an execution; a loop claims it and runs the macro's actions (Chatwoot answers at once and runs a job). */
export async function queueMacroRun(db: Db, macro: Macro, performerId: number, conversationIds: number[]): Promise<void> {
  await db
    .insertInto('macro_runs')
    .values({ account_id: macro.account_id, macro_id: macro.id, performer_id: performerId, conversation_ids: JSON.stringify(conversationIds), log: '[]' })
    .execute();
  await sql`SELECT pg_notify(${MACRO_RUNS_CHANNEL}, '')`.execute(db);
}

/**
 * Claims the oldest queued run and performs it: each listed conversation of the run's account (by display id, as
 * Chatwoot's job finds them; other accounts' ids match nothing), the macro's actions in order with the agent as
 * performer. A failing action is logged and the next one still runs. Returns false when nothing was queued.
 */
export async function performNextMacroRun(db: Db, mailer: Mailer): Promise<boolean> {
  const run = await db
    .updateTable('macro_runs')
    .set({ status: 'running' })
    .where('id', '=', (eb) => eb.selectFrom('macro_runs').select('id').where('status', '=', 'queued').orderBy('id').limit(1).forUpdate().skipLocked())
    .returningAll()
    .executeTakeFirst();
  if (!run) return false;
  const log: MacroRunLogEntry[] = [];
  const macro = await db.selectFrom('macros').selectAll().where('account_id', '=', run.account_id).where('id', '=', run.macro_id).executeTakeFirst();
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', run.account_id).executeTakeFirst();
  const user = run.performer_id ? await db.selectFrom('users').select(['id', 'name']).where('id', '=', run.performer_id).executeTakeFirst() : undefined;
  const conversations = run.conversation_ids.length
    ? await db.selectFrom('conversations').select(['id', 'display_id']).where('account_id', '=', run.account_id).where('display_id', 'in', run.conversation_ids).orderBy('id').execute()
    : [];
  for (const conversation of macro && account ? conversations : []) {
    const subject = await loadSubject(db, run.account_id, conversation.id, null);
    if (!subject) continue;
    const ctx: ActionContext = {
      db, mailer, account: account!, subject, userAgent: 'Switchboard', eventPayload: async () => undefined,
      performer: user ? { type: 'User', id: user.id, name: user.name } : undefined,
    };
    for (const [index, action] of macro!.actions.entries()) {
      try {
        const outcome = await runAction(ctx, action, index);
        log.push({ conversation_id: conversation.display_id, action_index: index, action_name: action.action_name, status: 'done', detail: outcome.detail });
      } catch (error) {
        log.push({ conversation_id: conversation.display_id, action_index: index, action_name: action.action_name, status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    }
  }
  await db.updateTable('macro_runs').set({ status: 'done', log: JSON.stringify(log), finished_at: new Date() }).where('id', '=', run.id).execute();
  return true;
}
