import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { AutomationActionOutcome, AutomationRun } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runAction } from './actions.ts';
import { conditionsMatch } from './conditions.ts';
import { atDepth } from './depth.ts';
import { loadSubject } from './subject.ts';

/** A run left `running` this long (its process died) is taken again. */
const CLAIM_MS = 5 * 60_000;

/**
 * Takes up to `limit` queued runs, oldest first, but never a run while an earlier run of the same conversation is
 * still queued or running elsewhere: a conversation's runs happen one after another, in event and rule order.
 */
export async function claimRuns(db: Db, limit: number): Promise<AutomationRun[]> {
  const { rows } = await sql<AutomationRun>`
    UPDATE automation_runs SET status = 'running', claimed_until = now() + ${`${CLAIM_MS} milliseconds`}::interval
    WHERE id IN (
      SELECT r.id FROM automation_runs r
      WHERE (r.status = 'queued' OR (r.status = 'running' AND r.claimed_until < now()))
        AND NOT EXISTS (SELECT 1 FROM automation_runs o WHERE o.conversation_id = r.conversation_id AND o.id < r.id AND o.status IN ('queued', 'running'))
      ORDER BY r.id LIMIT ${limit} FOR UPDATE SKIP LOCKED)
    RETURNING *`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

export interface RunDeps {
  db: Db;
  mailer: Mailer;
  userAgent: string;
  /** The run's event as the Chatwoot dialect's webhooks send it (send_webhook_event). */
  eventPayload(run: AutomationRun): Promise<Record<string, unknown> | undefined>;
}

async function finish(db: Db, run: AutomationRun, status: AutomationRun['status'], log: AutomationActionOutcome[], error: string | null) {
  await db
    .updateTable('automation_runs')
    .set({ status, action_log: JSON.stringify(log), error, finished_at: new Date(), claimed_until: null })
    .where('id', '=', run.id)
    .execute();
}

/**
 * Executes a claimed run: conditions over the conversation as it is now, then each action in order. A failing
 * action is recorded and the next one still runs; HTTP actions are queued as calls (sent apart, retried).
 */
export async function executeRun(deps: RunDeps, run: AutomationRun): Promise<AutomationRun['status']> {
  const { db } = deps;
  const rule = await db.selectFrom('automation_rules').selectAll().where('id', '=', run.rule_id).where('account_id', '=', run.account_id).executeTakeFirst();
  if (!rule || !rule.active) {
    await finish(db, run, 'skipped', [], 'the rule was paused before the run');
    return 'skipped';
  }
  const subject = run.conversation_id === null ? undefined : await loadSubject(db, run.account_id, run.conversation_id, run.message_id);
  if (!subject) {
    await finish(db, run, 'skipped', [], 'the conversation no longer exists');
    return 'skipped';
  }
  if (!conditionsMatch(rule.conditions, subject)) {
    await finish(db, run, 'skipped', [], null);
    return 'skipped';
  }
  const account = await db.selectFrom('accounts').selectAll().where('id', '=', run.account_id).executeTakeFirstOrThrow();
  const log: AutomationActionOutcome[] = [];
  await atDepth(db, run.depth, async (marked) => {
    const ctx = { db: marked, mailer: deps.mailer, account, rule, run, subject, userAgent: deps.userAgent, eventPayload: () => deps.eventPayload(run) };
    for (const [index, action] of rule.actions.entries()) {
      try {
        const outcome = await runAction(ctx, action, index);
        log.push({ action_name: action.action_name, ...outcome });
      } catch (error) {
        log.push({ action_name: action.action_name, status: 'failed', detail: (error as Error).message });
      }
    }
  });
  const failed = log.filter((entry) => entry.status === 'failed');
  const status = failed.length ? 'failed' : 'succeeded';
  await finish(db, run, status, log, failed.length ? `${failed.length} of ${log.length} actions failed` : null);
  return status;
}
