import type { Db } from '../../../db/pool.ts';
import type { DomainEvent, Webhook } from '../../../db/types.ts';
import { planChatwootDeliveries } from './fanout.ts';

/** The webhook event an automation rule's event is sent as (opened/resolved are status changes to Chatwoot's account webhooks). */
const WEBHOOK_NAME: Record<string, string> = {
  conversation_opened: 'conversation_status_changed',
  conversation_resolved: 'conversation_status_changed',
};

/**
 * One event as a Chatwoot account webhook subscribed to it would receive it (automation's send_webhook_event):
 * the webhook planner asked about a listener that exists only for the question.
 */
export async function chatwootEventPayload(
  db: Db,
  event: DomainEvent,
  ruleEvent: string,
  publicUrl: string,
): Promise<Record<string, unknown> | undefined> {
  const name = WEBHOOK_NAME[ruleEvent] ?? ruleEvent;
  const listener = {
    id: -1,
    account_id: event.account_id,
    inbox_id: null,
    url: '',
    secret: '',
    subscriptions: [name],
    dialect: 'chatwoot',
  } as unknown as Webhook;
  const planned = await planChatwootDeliveries(db, [event], publicUrl, [listener]);
  return planned.find((p) => p.targetType === 'webhook' && p.targetId === -1 && p.eventName === name)?.payload;
}
