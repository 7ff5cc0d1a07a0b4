import { Type, type Static } from 'typebox';
import type { Inbox, Webhook } from '../../../../db/types.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';

export const WebhookSchema = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  url: Type.String(),
  account_id: Type.Integer(),
  subscriptions: Type.Array(Type.String()),
  inbox: Type.Optional(Type.Object({ id: Type.Integer(), name: Type.String(), channel_type: Type.String() })),
  /** HMAC-SHA256 key: X-Chatwoot-Signature = sha256=hex(HMAC(secret, "<timestamp>.<raw body>")) */
  secret: Type.String(),
  status: Type.String({ description: 'active, or paused after deliveries kept failing for the whole retry window' }),
  paused_reason: Nullable(Type.String()),
});

export const WebhookParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

export const CreateBody = Type.Object({
  url: Type.String({ minLength: 1, maxLength: 2048 }),
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  subscriptions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  inbox_id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
});

export const UpdateBody = Type.Object({
  url: Type.Optional(Type.String({ minLength: 1, maxLength: 2048 })),
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  subscriptions: Type.Optional(Type.Array(Type.String({ maxLength: 64 }), { maxItems: 20 })),
  inbox_id: Type.Optional(Nullable(Type.Integer({ minimum: 1 }))),
  status: Type.Optional(Type.Union([Type.Literal('active'), Type.Literal('paused')])),
});

export const ListResponse = Type.Object({ payload: Type.Object({ webhooks: Type.Array(WebhookSchema) }) });
export const OneResponse = Type.Object({ payload: Type.Object({ webhook: WebhookSchema }) });

export function presentWebhook(
  webhook: Webhook,
  inbox?: Pick<Inbox, 'id' | 'name' | 'channel_type'>,
): Static<typeof WebhookSchema> {
  return {
    id: webhook.id,
    name: webhook.name,
    url: webhook.url,
    account_id: webhook.account_id,
    subscriptions: webhook.subscriptions,
    ...(inbox ? { inbox: { id: inbox.id, name: inbox.name, channel_type: inbox.channel_type } } : {}),
    secret: webhook.secret,
    status: webhook.status,
    paused_reason: webhook.paused_reason,
  };
}

export const DeliveryParams = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  delivery_id: Type.String({ format: 'uuid' }),
});
export const DeliveriesQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 0 })) });

export const DeliverySchema = Type.Object({
  id: Type.String(),
  event: Type.String(),
  status: Type.String(),
  attempts: Type.Integer(),
  next_attempt_at: Nullable(Type.String()),
  delivered_at: Nullable(Type.String()),
  last_status_code: Nullable(Type.Integer()),
  last_error: Nullable(Type.String()),
  last_latency_ms: Nullable(Type.Integer()),
  created_at: Type.String(),
  attempt_log: Type.Array(
    Type.Object({
      attempted_at: Type.String(),
      status_code: Nullable(Type.Integer()),
      error: Nullable(Type.String()),
      latency_ms: Type.Integer(),
      response_excerpt: Nullable(Type.String()),
    }),
  ),
});
export const DeliveriesResponse = Type.Object({
  payload: Type.Array(DeliverySchema),
  meta: Type.Object({ count: Type.Integer(), current_page: Type.Integer() }),
});
