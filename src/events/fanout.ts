import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { deliveryPlanners, type PlannedDelivery } from './planners.ts';
import { planChatbotSignals } from '../domain/chatbots/signals.ts';
import { planSequenceStops } from '../domain/sequences/signals.ts';
import { planChannelSends } from '../channels/outbound-plan.ts';
import { planAutomationRuns } from '../domain/automation_rules/plan.ts';
import { planSlackNotifications } from '../domain/integrations/slack.ts';
import { lockReceiversExclusive } from './lines.ts';

/** Held for one fan-out transaction: one process at a time turns events into deliveries. */
const FAN_OUT_LOCK = 4_210_001;

/** What one fan-out pass did. */
export interface FanOut {
  /** Events turned into deliveries (a full batch means more may wait). */
  events: number;
  deliveries: number;
}

export const FAN_OUT_BATCH = 100;
const NOTHING: FanOut = { events: 0, deliveries: 0 };

/**
 * Inserts the planned deliveries, each line's earliest one as its head unless a delivery of that line is
 * still pending (then the end of that one promotes the next: events/lines.ts says why the lock).
 */
export async function insertDeliveries(trx: Db, planned: PlannedDelivery[]): Promise<void> {
  const lineOf = (p: PlannedDelivery) => `${p.targetType}:${p.targetId}:${p.event.conversation_id}`;
  const earliest = new Map<string, number>();
  for (const p of planned) {
    if (p.event.conversation_id === null) continue;
    const seq = earliest.get(lineOf(p));
    if (seq === undefined || p.event.seq < seq) earliest.set(lineOf(p), p.event.seq);
  }
  await lockReceiversExclusive(trx, planned);
  await trx
    .insertInto('webhook_deliveries')
    .values(
      planned.map((p) => {
        const { event } = p;
        const line = event.conversation_id === null ? null : lineOf(p);
        return {
          account_id: event.account_id,
          event_id: event.id,
          event_seq: event.seq,
          event_name: p.eventName,
          target_type: p.targetType,
          target_id: p.targetId,
          url: p.url,
          secret: p.secret,
          conversation_id: event.conversation_id,
          payload: JSON.stringify(p.payload),
          head:
            line === null ||
            (earliest.get(line) === event.seq &&
              sql<boolean>`NOT EXISTS (SELECT 1 FROM webhook_deliveries e WHERE e.status = 'pending' AND e.target_type = ${p.targetType}
                AND e.target_id = ${p.targetId} AND e.conversation_id = ${event.conversation_id})`),
        };
      }),
    )
    .execute();
}

/**
 * Turns undispatched events into webhook deliveries, in one transaction per batch: their deliveries
 * inserted and the events marked dispatched together — a crash anywhere leaves the batch undispatched,
 * to be redone. One process fans out at a time (the others skip): two batches committing in the wrong
 * order would let a later event's delivery look like the head of its conversation's line.
 */
export async function fanOutEvents(db: Db, publicUrl: string, limit = FAN_OUT_BATCH): Promise<FanOut> {
  // Most wake-ups find nothing new: one cheap look (a partial index) instead of a transaction.
  if (!(await db.selectFrom('events').select('id').where('dispatched_at', 'is', null).limit(1).executeTakeFirst()))
    return NOTHING;
  return db.transaction().execute(async (trx) => {
    // The lock in its own statement: the batch's read must see what the previous holder committed (a
    // statement's snapshot is taken when it starts, before a lock taken inside it).
    const { rows } = await sql<{
      locked: boolean;
    }>`SELECT pg_try_advisory_xact_lock(${FAN_OUT_LOCK}) AS locked`.execute(trx);
    if (!rows[0].locked) return NOTHING;
    const events: DomainEvent[] = await trx
      .selectFrom('events')
      .selectAll()
      .where('dispatched_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .execute();
    if (!events.length) return NOTHING;
    // The batch's account webhooks, read once: each dialect's planner takes its own subscriptions.
    const webhooks = await trx
      .selectFrom('webhooks')
      .selectAll()
      .where('account_id', 'in', [...new Set(events.map((e) => e.account_id))])
      .execute();
    const planned: PlannedDelivery[] = [];
    for (const plan of deliveryPlanners()) planned.push(...(await plan(trx, events, publicUrl, webhooks)));
    // Integration hooks (Slack): notices that go out through the same deliveries, retried and logged alike.
    planned.push(...(await planSlackNotifications(trx, events, publicUrl)));
    // Chatbots: replies resume waiting flows, agents taking over stop them (exactly once per event, like deliveries).
    await planChatbotSignals(trx, events);
    // Sequences that stop on reply: the contact's message ends its enrolments at once (not at their next step).
    await planSequenceStops(trx, events);
    // Channel adapters: outgoing messages in their inboxes become sends (exactly once per event too).
    await planChannelSends(trx, events);
    // Automation rules: one run per event and rule, executed later by the automation engine (jobs/automations.ts).
    await planAutomationRuns(trx, events);
    await trx
      .updateTable('events')
      .set({ dispatched_at: new Date() })
      .where(
        'id',
        'in',
        events.map((e) => e.id),
      )
      .execute();
    // Last, so the receivers' line locks are held only for the insert and the commit.
    if (planned.length) await insertDeliveries(trx, planned);
    return { events: events.length, deliveries: planned.length };
  });
}
