import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Macro, MacroRunLogEntry } from '../../db/types.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runAction, type ActionContext } from '../automation_rules/actions.ts';
import { loadSubject } from '../automation_rules/subject.ts';
import { isTransient } from './transient.ts';

/** The channel NOTIFYed when a run is queued (jobs/macros.ts listens). */
export const MACRO_RUNS_CHANNEL = 'macro_runs';
/** A queued run whose job was sent this long ago and never started is sent again (the job was lost). */
const RESEND_AFTER_SECONDS = 600;

export interface MacroRunDeps {
  db: Db;
  mailer: Mailer;
  /** Where send_attachment reads the macro's files. */
  storage?: ObjectStorage;
}

/** Records an execution; a job performs it (Chatwoot answers at once and runs a job). */
export async function queueMacroRun(
  db: Db,
  macro: Macro,
  performerId: number,
  conversationIds: number[],
): Promise<void> {
  await db
    .insertInto('macro_runs')
    .values({
      account_id: macro.account_id,
      macro_id: macro.id,
      performer_id: performerId,
      conversation_ids: JSON.stringify(conversationIds),
      log: '[]',
    })
    .execute();
  await sql`SELECT pg_notify(${MACRO_RUNS_CHANNEL}, '')`.execute(db);
}

/** Queued runs to hand to pg-boss now: never sent, or sent long ago and still not started. */
export async function macroRunsToSend(db: Db, limit = 100): Promise<number[]> {
  const rows = await db
    .updateTable('macro_runs')
    .set({ job_sent_at: new Date() })
    .where('id', 'in', (eb) =>
      eb
        .selectFrom('macro_runs')
        .select('id')
        .where('status', '=', 'queued')
        .where((w) =>
          w.or([
            w('job_sent_at', 'is', null),
            w('job_sent_at', '<', sql<Date>`now() - make_interval(secs => ${RESEND_AFTER_SECONDS})`),
          ]),
        )
        .orderBy('id')
        .limit(limit)
        .forUpdate()
        .skipLocked(),
    )
    .returning('id')
    .execute();
  return rows.map((r) => r.id).sort((a, b) => a - b);
}

/** After the last retry: the run is marked failed with why, its log kept. */
export async function markMacroRunFailed(db: Db, runId: number, error: string): Promise<void> {
  await db
    .updateTable('macro_runs')
    .set({ status: 'failed', error, finished_at: new Date() })
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .execute();
}

const saveLog = (db: Db, runId: number, log: MacroRunLogEntry[]) =>
  db
    .updateTable('macro_runs')
    .set({ log: JSON.stringify(log) })
    .where('id', '=', runId)
    .execute();

/**
 * Performs one run: each listed conversation of the run's account (by display id, as Chatwoot's job finds them;
 * other accounts' ids match nothing), the macro's actions in order with the agent as performer. A failing action
 * is logged and the next one still runs; a transient failure (transient.ts) throws after saving the log so
 * far, and the retry resumes at the step that failed. Answers false when the run is not there to perform
 * (already finished).
 */
export async function performMacroRun(deps: MacroRunDeps, runId: number): Promise<boolean> {
  const { db } = deps;
  const run = await db
    .updateTable('macro_runs')
    .set({ status: 'running', attempts: sql`attempts + 1` })
    .where('id', '=', runId)
    .where('status', 'in', ['queued', 'running'])
    .returningAll()
    .executeTakeFirst();
  if (!run) return false;
  const log: MacroRunLogEntry[] = [...run.log];
  const macro = await db
    .selectFrom('macros')
    .selectAll()
    .where('account_id', '=', run.account_id)
    .where('id', '=', run.macro_id)
    .executeTakeFirst();
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', run.account_id).executeTakeFirst();
  const user = run.performer_id
    ? await db.selectFrom('users').select(['id', 'name']).where('id', '=', run.performer_id).executeTakeFirst()
    : undefined;
  const conversations = run.conversation_ids.length
    ? await db
        .selectFrom('conversations')
        .select(['id', 'display_id'])
        .where('account_id', '=', run.account_id)
        .where('display_id', 'in', run.conversation_ids)
        .orderBy('id')
        .execute()
    : [];
  let step = 0;
  for (const conversation of macro && account ? conversations : []) {
    const subject = await loadSubject(db, run.account_id, conversation.id, null);
    if (!subject) continue;
    const ctx: ActionContext = {
      db,
      mailer: deps.mailer,
      storage: deps.storage,
      fileOwner: { macro_id: macro!.id },
      account: account!,
      subject,
      userAgent: 'Switchboard',
      eventPayload: async () => undefined,
      performer: user ? { type: 'User', id: user.id, name: user.name } : undefined,
    };
    for (const [index, action] of macro!.actions.entries()) {
      // Steps an earlier attempt finished are not done twice.
      if (step++ < run.log.length) continue;
      const entry = { conversation_id: conversation.display_id, action_index: index, action_name: action.action_name };
      try {
        const outcome = await runAction(ctx, action, index);
        log.push({ ...entry, status: 'done', detail: outcome.detail });
      } catch (error) {
        if (isTransient(error)) {
          await saveLog(db, run.id, log);
          throw error;
        }
        log.push({ ...entry, status: 'failed', detail: error instanceof Error ? error.message : String(error) });
      }
    }
    await saveLog(db, run.id, log);
  }
  await db
    .updateTable('macro_runs')
    .set({ status: 'done', log: JSON.stringify(log), finished_at: new Date(), error: null })
    .where('id', '=', run.id)
    .execute();
  return true;
}

/** Claims the oldest queued run and performs it at once (tests drain with it). Answers false when none was queued. */
export async function performNextMacroRun(db: Db, mailer: Mailer, storage?: ObjectStorage): Promise<boolean> {
  const next = await db
    .selectFrom('macro_runs')
    .select('id')
    .where('status', '=', 'queued')
    .orderBy('id')
    .limit(1)
    .executeTakeFirst();
  if (!next) return false;
  await performMacroRun({ db, mailer, storage }, next.id);
  return true;
}
