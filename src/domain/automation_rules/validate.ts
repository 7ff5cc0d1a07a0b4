import type { Db } from '../../db/pool.ts';
import type { AutomationAction, AutomationCondition } from '../../db/types.ts';
import { AppError, invalidRecord } from '../../errors.ts';
import { checkWebhookUrl } from '../webhooks/ssrf.ts';
import { ACTION_NAMES, CONDITION_KEYS, FILTER_OPERATORS, RULE_EVENTS } from './catalogue.ts';
import { parseHttpRequestParams } from './http-request.ts';

export interface RuleFields {
  event_name: string;
  conditions: AutomationCondition[];
  actions: AutomationAction[];
}

/** "nil" is what the n8n node sends by default (Chatwoot's own placeholder); blank means none too. */
export function queryOperatorOf(condition: Pick<AutomationCondition, 'query_operator'>): 'AND' | 'OR' | null {
  const raw = condition.query_operator;
  if (raw === null || raw === undefined) return null;
  const word = String(raw).trim().toUpperCase();
  if (word === '' || word === 'NIL') return null;
  return word as 'AND' | 'OR';
}

function checkConditions(conditions: AutomationCondition[], customKeys: Set<string>): void {
  const unknown = conditions
    .map((c) => c.attribute_key)
    .filter((key) => !(CONDITION_KEYS as readonly string[]).includes(key) && !customKeys.has(key));
  if (unknown.length) throw invalidRecord('conditions', `Automation conditions ${unknown.join(',')} not supported.`);
  const operators = conditions
    .map((c) => c.filter_operator)
    .filter((op) => !(FILTER_OPERATORS as readonly string[]).includes(op));
  if (operators.length)
    throw invalidRecord('conditions', `Automation condition operators ${operators.join(',')} not supported.`);
  if (conditions.filter((c) => queryOperatorOf(c) === null).length > 1)
    throw invalidRecord('conditions', 'Automation conditions should have query operator.');
  for (const condition of conditions) {
    const operator = queryOperatorOf(condition);
    if (operator !== null && operator !== 'AND' && operator !== 'OR')
      throw invalidRecord('conditions', 'Query operator must be either "AND" or "OR"');
  }
}

async function checkActions(actions: AutomationAction[], allowPrivateNetworks: boolean): Promise<void> {
  const unknown = actions.map((a) => a.action_name).filter((name) => !ACTION_NAMES.includes(name));
  if (unknown.length) throw invalidRecord('actions', `Automation actions ${unknown.join(',')} not supported.`);
  for (const action of actions) {
    const url =
      action.action_name === 'http_request'
        ? parseHttpRequestParams(action.action_params).url
        : action.action_name === 'send_webhook_event'
          ? String(action.action_params[0] ?? '')
          : undefined;
    if (url === undefined) continue;
    // A template in the host is resolved per run (and vetted then); only a literal URL can be judged now.
    if (url.includes('{{')) continue;
    try {
      await checkWebhookUrl(url, allowPrivateNetworks, 'url');
    } catch (error) {
      if (error instanceof AppError)
        throw invalidRecord('actions', `Automation action ${action.action_name}: ${error.message}`);
      throw error;
    }
  }
}

/** A rule as Chatwoot's model validates it (with its sentences), plus operators and call targets. */
export async function validateRule(
  db: Db,
  accountId: number,
  rule: RuleFields,
  allowPrivateNetworks: boolean,
): Promise<void> {
  if (!(RULE_EVENTS as readonly string[]).includes(rule.event_name))
    throw invalidRecord('event_name', `Automation event ${rule.event_name} not supported.`);
  const definitions = await db
    .selectFrom('custom_attribute_definitions')
    .select('attribute_key')
    .where('account_id', '=', accountId)
    .execute();
  checkConditions(rule.conditions, new Set(definitions.map((d) => d.attribute_key)));
  await checkActions(rule.actions, allowPrivateNetworks);
}
