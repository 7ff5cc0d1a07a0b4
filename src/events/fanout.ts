import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { planChatwootDeliveries } from '../api/chatwoot/webhooks/fanout.ts';

/**
 * Turns undispatched events into webhook deliveries, in one transaction per batch: the events are
 * claimed with SKIP LOCKED (several processes can run this), their deliveries inserted and the events
 * marked dispatched together — a crash anywhere leaves the batch undispatched, to be redone.
 */
export async function fanOutEvents(db: Db, publicUrl: string, limit = 100): Promise<number> {
  return db.transaction().execute(async (trx) => {
    const events: DomainEvent[] = await trx
      .selectFrom('events')
      .selectAll()
      .where('dispatched_at', 'is', null)
      .orderBy('id')
      .limit(limit)
      .forUpdate()
      .skipLocked()
      .execute();
    if (!events.length) return 0;
    const planned = await planChatwootDeliveries(trx, events, publicUrl);
    if (planned.length) {
      await trx
        .insertInto('webhook_deliveries')
        .values(
          planned.map(({ event, ...p }) => ({
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
          })),
        )
        .execute();
    }
    await trx.updateTable('events').set({ dispatched_at: new Date() }).where('id', 'in', events.map((e) => e.id)).execute();
    return events.length;
  });
}
