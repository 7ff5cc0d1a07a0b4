import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { DomainEvent } from '../../db/types.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import { isEnded } from '../conversations/status.ts';
import { MAX_CHAIN_DEPTH, type RuleEvent } from './catalogue.ts';

/** Wakes automation engines (jobs/automations.ts) at the commit of a fan-out that queued runs. */
export const AUTOMATION_CHANNEL = 'switchboard_automation';

interface StatusChange {
  changed_attributes?: { status?: { previous_value?: string; current_value?: string } };
}

/** The rule event a core event is, if any (conversation_opened/resolved are status changes into those states). */
export function ruleEventOf(event: Pick<DomainEvent, 'name' | 'data'>): RuleEvent | undefined {
  switch (event.name) {
    case 'conversation.created':
      return 'conversation_created';
    case 'conversation.updated':
      return 'conversation_updated';
    case 'message.created':
      return 'message_created';
    case 'conversation.status_changed': {
      const status = (event.data as StatusChange).changed_attributes?.status;
      if (status?.current_value === 'open') return 'conversation_opened';
      if (isEnded(String(status?.current_value)) && !isEnded(String(status?.previous_value)))
        return 'conversation_resolved';
      return undefined;
    }
    default:
      return undefined;
  }
}

/**
 * The outbox's part in automation, run in the event fan-out transaction (events/fanout.ts): one run per event and
 * active rule of its account listening to it, in rule id order; the unique (rule, event) key makes an event
 * fanned out twice plan nothing twice. A run deeper than MAX_CHAIN_DEPTH is recorded as `cut` and not executed.
 * Constant statements per batch: the rules, the message types (activity messages start nothing), the insert.
 */
export async function planAutomationRuns(trx: Db, events: DomainEvent[]): Promise<number> {
  const candidates = events
    .map((event) => ({ event, ruleEvent: ruleEventOf(event) }))
    .filter((c) => c.ruleEvent !== undefined);
  if (!candidates.length) return 0;
  const rules = await trx
    .selectFrom('automation_rules')
    .select(['id', 'account_id', 'event_name'])
    .where('active', '=', true)
    .where('account_id', 'in', [...new Set(candidates.map((c) => c.event.account_id))])
    .where('event_name', 'in', [...new Set(candidates.map((c) => c.ruleEvent!))])
    .orderBy('id')
    .execute();
  if (!rules.length) return 0;
  const messageIds = candidates
    .filter((c) => c.ruleEvent === 'message_created' && c.event.message_id !== null)
    .map((c) => c.event.message_id!);
  const activity = new Set(
    messageIds.length
      ? (
          await trx
            .selectFrom('messages')
            .select('id')
            .where('id', 'in', messageIds)
            .where('message_type', '=', MESSAGE_TYPE.activity)
            .execute()
        ).map((m) => m.id)
      : [],
  );
  const runs = candidates.flatMap(({ event, ruleEvent }) => {
    if (event.message_id !== null && activity.has(event.message_id)) return [];
    const depth = event.automation_depth + 1;
    return rules
      .filter((rule) => rule.account_id === event.account_id && rule.event_name === ruleEvent)
      .map((rule) => ({
        account_id: event.account_id,
        rule_id: rule.id,
        event_id: event.id,
        event_name: ruleEvent!,
        conversation_id: event.conversation_id,
        message_id: ruleEvent === 'message_created' ? event.message_id : null,
        depth,
        status: depth > MAX_CHAIN_DEPTH ? ('cut' as const) : ('queued' as const),
        error:
          depth > MAX_CHAIN_DEPTH
            ? `chain cut: the event was caused by automation ${depth - 1} levels deep (at most ${MAX_CHAIN_DEPTH})`
            : null,
        finished_at: depth > MAX_CHAIN_DEPTH ? new Date() : null,
      }));
  });
  if (!runs.length) return 0;
  await trx
    .insertInto('automation_runs')
    .values(runs)
    .onConflict((oc) => oc.columns(['rule_id', 'event_id']).doNothing())
    .execute();
  if (runs.some((r) => r.status === 'queued')) await sql`SELECT pg_notify(${AUTOMATION_CHANNEL}, '')`.execute(trx);
  return runs.length;
}
