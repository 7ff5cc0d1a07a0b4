import type { App } from '../../../types.ts';
import { getWebhook } from '../../../../domain/webhooks/repository.ts';
import { listDeliveries, redeliver } from '../../../../domain/webhooks/deliveries.ts';
import type { WebhookAttempt, WebhookDelivery } from '../../../../db/types.ts';
import { iso } from '../../presenters/time.ts';
import { pageNumber } from '../contacts/pages.ts';
import { DeliveriesQuery, DeliveriesResponse, DeliveryParams, DeliverySchema, WebhookParams } from './schema.ts';

const tags = ['Webhooks'];

export function presentDelivery(delivery: WebhookDelivery, attempts: WebhookAttempt[]) {
  return {
    id: delivery.id,
    event: delivery.event_name,
    status: delivery.status,
    attempts: delivery.attempts,
    next_attempt_at: delivery.status === 'pending' ? iso(delivery.next_attempt_at) : null,
    delivered_at: iso(delivery.delivered_at),
    last_status_code: delivery.last_status_code,
    last_error: delivery.last_error,
    last_latency_ms: delivery.last_latency_ms,
    created_at: iso(delivery.created_at)!,
    attempt_log: attempts.map((a) => ({
      attempted_at: iso(a.attempted_at)!,
      status_code: a.status_code,
      error: a.error,
      latency_ms: a.latency_ms,
      response_excerpt: a.response_excerpt,
    })),
  };
}

/** Switchboard's own additions to Chatwoot's webhooks: the delivery log and redelivery. */
export default async function deliveryRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/webhooks/:id/deliveries',
    {
      config: { policy: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Delivery log: attempts, status, latency, response excerpt',
        params: WebhookParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveriesResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getWebhook(db, accountId, request.params.id);
      const page = pageNumber(request.query.page);
      const { count, deliveries } = await listDeliveries(db, accountId, request.params.id, page);
      return {
        payload: deliveries.map((d) => presentDelivery(d.delivery, d.attempts)),
        meta: { count, current_page: page },
      };
    },
  );

  app.post(
    '/webhooks/:id/deliveries/:delivery_id/redeliver',
    {
      config: { policy: 'webhooks.manage' },
      schema: {
        tags,
        summary: 'Send a delivery again (same delivery id)',
        params: DeliveryParams,
        response: { 200: DeliverySchema },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getWebhook(db, accountId, request.params.id);
      return presentDelivery(await redeliver(db, accountId, request.params.id, request.params.delivery_id), []);
    },
  );
}
