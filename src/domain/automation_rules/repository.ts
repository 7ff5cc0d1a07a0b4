import type { Db } from '../../db/pool.ts';
import type {
  AutomationAction,
  AutomationCall,
  AutomationCondition,
  AutomationRule,
  AutomationRun,
} from '../../db/types.ts';
import { notFound } from '../../errors.ts';

export interface RuleInput {
  name?: string;
  description?: string | null;
  event_name?: string;
  active?: boolean;
  conditions?: AutomationCondition[];
  actions?: AutomationAction[];
}

const json = (value: unknown) => JSON.stringify(value);

export function listRules(db: Db, accountId: number): Promise<AutomationRule[]> {
  return db.selectFrom('automation_rules').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

export async function getRule(db: Db, accountId: number, id: number): Promise<AutomationRule> {
  const rule = await db
    .selectFrom('automation_rules')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!rule) throw notFound();
  return rule;
}

export function insertRule(
  db: Db,
  accountId: number,
  input: Required<Pick<RuleInput, 'name' | 'event_name' | 'conditions' | 'actions'>> & RuleInput,
): Promise<AutomationRule> {
  return db
    .insertInto('automation_rules')
    .values({
      account_id: accountId,
      name: input.name,
      description: input.description ?? null,
      event_name: input.event_name,
      active: input.active ?? true,
      conditions: json(input.conditions),
      actions: json(input.actions),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function saveRule(db: Db, accountId: number, id: number, input: RuleInput): Promise<AutomationRule> {
  const rule = await db
    .updateTable('automation_rules')
    .set({
      ...(input.name !== undefined ? { name: input.name } : {}),
      ...(input.description !== undefined ? { description: input.description } : {}),
      ...(input.event_name !== undefined ? { event_name: input.event_name } : {}),
      ...(input.active !== undefined ? { active: input.active } : {}),
      ...(input.conditions !== undefined ? { conditions: json(input.conditions) } : {}),
      ...(input.actions !== undefined ? { actions: json(input.actions) } : {}),
      updated_at: new Date(),
    })
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!rule) throw notFound();
  return rule;
}

export async function deleteRule(db: Db, accountId: number, id: number): Promise<void> {
  const result = await db
    .deleteFrom('automation_rules')
    .where('account_id', '=', accountId)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}

/** A copy with the same name and settings (Chatwoot's clone is a plain dup). */
export async function cloneRule(db: Db, accountId: number, id: number): Promise<AutomationRule> {
  const rule = await getRule(db, accountId, id);
  return insertRule(db, accountId, rule);
}

export const RUNS_PAGE = 25;

/** A rule's runs, newest first, with the HTTP calls they queued (two statements whatever the page size). */
export async function listRuns(
  db: Db,
  accountId: number,
  ruleId: number,
  page: number,
): Promise<{ run: AutomationRun & { display_id: number | null }; calls: AutomationCall[] }[]> {
  const runs = await db
    .selectFrom('automation_runs as r')
    .leftJoin('conversations as c', 'c.id', 'r.conversation_id')
    .selectAll('r')
    .select('c.display_id')
    .where('r.account_id', '=', accountId)
    .where('r.rule_id', '=', ruleId)
    .orderBy('r.id', 'desc')
    .limit(RUNS_PAGE)
    .offset((page - 1) * RUNS_PAGE)
    .execute();
  const calls = runs.length
    ? await db
        .selectFrom('automation_calls')
        .selectAll()
        .where('account_id', '=', accountId)
        .where(
          'run_id',
          'in',
          runs.map((r) => r.id),
        )
        .orderBy('action_index')
        .execute()
    : [];
  return runs.map((run) => ({ run, calls: calls.filter((c) => c.run_id === run.id) }));
}
