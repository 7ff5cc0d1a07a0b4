import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { DeliveryTarget, WebhookAttempt, WebhookDelivery } from '../../db/types.ts';
import { notFound } from '../../errors.ts';

export const DELIVERIES_PER_PAGE = 25;

/** A receiver's delivery log (a webhook's, or an integration hook's), newest first, with every attempt: three statements per page. */
export async function listDeliveries(
  db: Db,
  accountId: number,
  webhookId: number,
  page: number,
  targetType: DeliveryTarget = 'webhook',
) {
  const base = db
    .selectFrom('webhook_deliveries')
    .where('account_id', '=', accountId)
    .where('target_type', '=', targetType)
    .where('target_id', '=', webhookId);
  const [deliveries, total] = await Promise.all([
    base
      .selectAll()
      .orderBy('created_at', 'desc')
      .orderBy('event_seq', 'desc')
      .limit(DELIVERIES_PER_PAGE)
      .offset((page - 1) * DELIVERIES_PER_PAGE)
      .execute(),
    base.select((eb) => eb.fn.countAll<number>().as('count')).executeTakeFirstOrThrow(),
  ]);
  const attempts: WebhookAttempt[] = deliveries.length
    ? await db
        .selectFrom('webhook_attempts')
        .selectAll()
        .where(
          'delivery_id',
          'in',
          deliveries.map((d) => d.id),
        )
        .orderBy('id')
        .execute()
    : [];
  return {
    count: Number(total.count),
    deliveries: deliveries.map((delivery) => ({
      delivery,
      attempts: attempts.filter((a) => a.delivery_id === delivery.id),
    })),
  };
}

/**
 * Sends a delivery again — same id, same payload — whatever its state. One that had gone out (or failed) goes
 * out on its own, not back into its conversation's line: the receiver has seen the later events already. One
 * still pending keeps its place in the line.
 */
export async function redeliver(
  db: Db,
  accountId: number,
  webhookId: number,
  deliveryId: string,
): Promise<WebhookDelivery> {
  const delivery = await db
    .updateTable('webhook_deliveries')
    .set({
      status: 'pending',
      next_attempt_at: new Date(),
      locked_until: null,
      delivered_at: null,
      head: sql<boolean>`status <> 'pending' OR head`,
    })
    .where('account_id', '=', accountId)
    .where('target_type', '=', 'webhook')
    .where('target_id', '=', webhookId)
    .where('id', '=', deliveryId)
    .returningAll()
    .executeTakeFirst();
  if (!delivery) throw notFound();
  return delivery;
}
