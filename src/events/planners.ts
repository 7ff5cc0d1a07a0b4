import type { Db } from '../db/pool.ts';
import type { DeliveryTarget, DomainEvent, Webhook } from '../db/types.ts';

/** What a dialect's planner makes of one event for one listener: the delivery row to insert. */
export interface PlannedDelivery {
  event: DomainEvent;
  targetType: DeliveryTarget;
  targetId: number;
  url: string;
  secret: string | null;
  eventName: string;
  payload: Record<string, unknown>;
}

/** A dialect's webhook planner: the deliveries its subscriptions want for a batch of events. */
export type DeliveryPlanner = (
  db: Db,
  events: DomainEvent[],
  publicUrl: string,
  accountWebhooks: Webhook[],
) => Promise<PlannedDelivery[]>;

const planners: DeliveryPlanner[] = [];

/** Called by the dialects' composition (src/dialects.ts); the same planner twice counts once. */
export function registerDeliveryPlanner(planner: DeliveryPlanner): void {
  if (!planners.includes(planner)) planners.push(planner);
}

/**
 * The registered planners. None registered means this process never loaded a dialect: fanning out then would
 * mark events dispatched with no deliveries (lost), so it is refused instead.
 */
export function deliveryPlanners(): readonly DeliveryPlanner[] {
  if (!planners.length)
    throw new Error('no dialect registered a webhook planner: import src/dialects.ts before fanning out events');
  return planners;
}
