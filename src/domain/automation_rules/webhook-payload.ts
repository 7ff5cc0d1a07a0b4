import type { Db } from '../../db/pool.ts';
import type { DomainEvent } from '../../db/types.ts';

/** How a dialect renders an event for a rule's `send_webhook_event` action (Chatwoot's webhook body). */
export type EventPayloadRenderer = (
  db: Db,
  event: DomainEvent,
  ruleEvent: string,
  publicUrl: string,
) => Promise<Record<string, unknown> | undefined>;

let registered: EventPayloadRenderer | undefined;

/** Called by the dialects' composition (src/dialects.ts). */
export function registerEventPayloadRenderer(renderer: EventPayloadRenderer): void {
  registered = renderer;
}

export function eventPayloadRenderer(): EventPayloadRenderer {
  if (!registered) throw new Error('no dialect registered a webhook payload renderer: import src/dialects.ts first');
  return registered;
}
