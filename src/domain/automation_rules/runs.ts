import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import type { Account, AutomationActionOutcome, AutomationRule, AutomationRun } from '../../db/types.ts';
import type { Mailer } from '../mail/mailer.ts';
import { runAction } from './actions.ts';
import { conditionsMatch } from './conditions.ts';
import { atDepth } from './depth.ts';
import { loadSubject, type Subject } from './subject.ts';

/** A run left `running` this long (its process died) is taken again. */
const CLAIM_MS = 5 * 60_000;

/**
 * Takes the runs of up to `limit` events, oldest first — all of an event's runs together, since they look at the
 * same conversation one after another — but never an event while a run of an earlier event of the same
 * conversation is still queued or running (elsewhere): a conversation's runs happen in event and rule order.
 * Two processes choosing the same event cannot both take it: the update re-reads each row's status under its lock.
 */
export async function claimRuns(db: Db, limit: number): Promise<AutomationRun[]> {
  // heads: per conversation (an event without one is its own line), the earliest event with runs waiting, seen
  // as running when any of its runs is; only a queued head (or one whose claim ran out) may be taken.
  const { rows } = await sql<AutomationRun>`
    WITH heads AS (
      SELECT DISTINCT ON (coalesce(conversation_id, -event_id)) id, event_id, status, claimed_until
      FROM automation_runs WHERE status IN ('queued', 'running')
      ORDER BY coalesce(conversation_id, -event_id), event_id, (status = 'running') DESC),
    next_events AS (
      SELECT event_id FROM heads WHERE status = 'queued' OR claimed_until < now() ORDER BY id LIMIT ${limit})
    UPDATE automation_runs SET status = 'running', claimed_until = now() + ${`${CLAIM_MS} milliseconds`}::interval
    WHERE event_id IN (SELECT event_id FROM next_events) AND (status = 'queued' OR (status = 'running' AND claimed_until < now()))
    RETURNING *`.execute(db);
  return rows.sort((a, b) => a.id - b.id);
}

/** Claimed runs grouped by event, in the order they were planned. */
export function byEvent(runs: AutomationRun[]): AutomationRun[][] {
  const groups = new Map<number, AutomationRun[]>();
  for (const run of runs) groups.set(run.event_id, [...(groups.get(run.event_id) ?? []), run]);
  return [...groups.values()];
}

export interface RunDeps {
  db: Db;
  mailer: Mailer;
  /** Where send_attachment reads the rule's files. */
  storage?: ObjectStorage;
  userAgent: string;
  /** The run's event as the Chatwoot dialect's webhooks send it (send_webhook_event). */
  eventPayload(run: AutomationRun): Promise<Record<string, unknown> | undefined>;
}

async function finish(
  db: Db,
  run: AutomationRun,
  status: AutomationRun['status'],
  log: AutomationActionOutcome[],
  error: string | null,
) {
  await db
    .updateTable('automation_runs')
    .set({ status, action_log: JSON.stringify(log), error, finished_at: new Date(), claimed_until: null })
    .where('id', '=', run.id)
    .execute();
}

async function skip(db: Db, runIds: number[], error: string | null) {
  if (!runIds.length) return;
  await db
    .updateTable('automation_runs')
    .set({ status: 'skipped', error, finished_at: new Date(), claimed_until: null })
    .where('id', 'in', runIds)
    .execute();
}

/** Runs the actions of a run whose conditions hold; a failing action is recorded and the next one still runs. */
async function act(
  deps: RunDeps,
  run: AutomationRun,
  rule: AutomationRule,
  subject: Subject,
  account: Account,
): Promise<AutomationRun['status']> {
  const log: AutomationActionOutcome[] = [];
  await atDepth(deps.db, run.depth, async (marked) => {
    const ctx = {
      db: marked,
      mailer: deps.mailer,
      storage: deps.storage,
      account,
      rule,
      run,
      subject,
      userAgent: deps.userAgent,
      eventPayload: () => deps.eventPayload(run),
    };
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
  await finish(deps.db, run, status, log, failed.length ? `${failed.length} of ${log.length} actions failed` : null);
  return status;
}

/**
 * Executes the claimed runs of one event, in rule order: each rule's conditions over the conversation as it is
 * then (after the actions of the rules before it), then its actions; HTTP actions are queued as calls (sent
 * apart, retried). What every run needs is read once for the event; runs that do not act are closed together.
 */
export async function executeEventRuns(
  deps: RunDeps,
  runs: AutomationRun[],
): Promise<Map<number, AutomationRun['status']>> {
  const { db } = deps;
  const [first] = runs;
  const rules = new Map(
    (
      await db
        .selectFrom('automation_rules')
        .selectAll()
        .where('account_id', '=', first.account_id)
        .where(
          'id',
          'in',
          runs.map((r) => r.rule_id),
        )
        .execute()
    ).map((r) => [r.id, r]),
  );
  const paused = runs.filter((r) => !rules.get(r.rule_id)?.active);
  await skip(
    db,
    paused.map((r) => r.id),
    'the rule was paused before the run',
  );
  const live = runs.filter((r) => rules.get(r.rule_id)?.active);
  const subject =
    first.conversation_id === null
      ? undefined
      : await loadSubject(db, first.account_id, first.conversation_id, first.message_id);
  if (!subject) {
    await skip(
      db,
      live.map((r) => r.id),
      'the conversation no longer exists',
    );
    return new Map(runs.map((r) => [r.id, 'skipped']));
  }
  let account: Account | undefined;
  const statuses = new Map<number, AutomationRun['status']>(paused.map((r) => [r.id, 'skipped']));
  const unmatched: number[] = [];
  for (const run of live) {
    const rule = rules.get(run.rule_id)!;
    if (!conditionsMatch(rule.conditions, subject)) {
      unmatched.push(run.id);
      statuses.set(run.id, 'skipped');
      continue;
    }
    account ??= await db.selectFrom('accounts').selectAll().where('id', '=', run.account_id).executeTakeFirstOrThrow();
    statuses.set(run.id, await act(deps, run, rule, subject, account));
    // The next rule judges the conversation as these actions left it.
    subject.conversation =
      (await db.selectFrom('conversations').selectAll().where('id', '=', subject.conversation.id).executeTakeFirst()) ??
      subject.conversation;
  }
  await skip(db, unmatched, null);
  return statuses;
}
