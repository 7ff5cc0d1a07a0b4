import { Type, type Static } from 'typebox';
import type { App } from '../../../types.ts';
import type { Webhook } from '../../../../db/types.ts';
import { checkWebhookUrl } from '../../../../domain/webhooks/ssrf.ts';
import {
  createSubscription,
  deleteSubscription,
  DISABLED,
  getSubscription,
  listSubscriptions,
  SUBSCRIPTION_FIELDS,
  updateSubscription,
  WTS_WEBHOOK_EVENTS,
  type SubscriptionField,
  type WtsWebhookEvent,
} from '../../sessions-app/webhooks.ts';
import { iso, Literals, Nullable, Uuid } from '../../schema.ts';

const tags = ['WTS Webhooks'];
const EventSchema = Type.Object({ event: Type.String(), description: Type.String() });
const Events = Type.Array(Type.String({ maxLength: 64 }), { maxItems: 50 });

/**
 * PublicWebhookSubscriptionDTO, plus `secret` and `pausedReason`: WTS documents no signing scheme, so
 * deliveries carry Switchboard's (`X-Chatwoot-Signature: sha256=HMAC(secret, "<timestamp>.<body>")`), and a
 * subscription paused after failing for the whole retry window says why.
 */
const SubscriptionSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  name: Nullable(Type.String()),
  url: Type.String(),
  enabled: Type.Boolean(),
  events: Type.Array(EventSchema),
  secret: Type.String(),
  pausedReason: Nullable(Type.String()),
});

const CreateBody = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  url: Type.String({ maxLength: 2048 }),
  enabled: Type.Optional(Type.Boolean()),
  events: Events,
});
const UpdateBody = Type.Object({
  fields: Type.Array(Literals(SUBSCRIPTION_FIELDS), { minItems: 1, maxItems: 4 }),
  name: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  url: Type.Optional(Type.String({ maxLength: 2048 })),
  enabled: Type.Optional(Type.Boolean()),
  events: Type.Optional(Events),
});
const Params = Type.Object({ subscriptionId: Uuid });

const describe = (event: string) => ({ event, description: WTS_WEBHOOK_EVENTS[event as WtsWebhookEvent] ?? event });

function present(webhook: Webhook, companyId: string): Static<typeof SubscriptionSchema> {
  return {
    id: webhook.uuid,
    createdAt: iso(webhook.created_at),
    updatedAt: iso(webhook.updated_at),
    companyId,
    name: webhook.name,
    url: webhook.url,
    enabled: webhook.status === 'active',
    events: webhook.subscriptions.map(describe),
    secret: webhook.secret,
    pausedReason: webhook.status === 'paused' && webhook.paused_reason !== DISABLED ? webhook.paused_reason : null,
  };
}

/** WTS webhook subscriptions, delivered in WTS's `{eventType, date, content, changeMetadata}` envelope. */
export default async function webhookRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const policy = { policy: 'webhooks.manage' as const };

  app.get(
    '/v1/webhook/event',
    {
      config: policy,
      schema: { tags, summary: 'Events a subscription can take', response: { 200: Type.Array(EventSchema) } },
    },
    async () => Object.keys(WTS_WEBHOOK_EVENTS).map(describe),
  );

  app.get(
    '/v1/webhook/subscription',
    {
      config: policy,
      schema: { tags, summary: 'List subscriptions', response: { 200: Type.Array(SubscriptionSchema) } },
    },
    async (request) =>
      (await listSubscriptions(db, request.auth.account.id)).map((w) => present(w, request.auth.account.uuid)),
  );

  app.post(
    '/v1/webhook/subscription',
    { config: policy, schema: { tags, summary: 'Subscribe', body: CreateBody, response: { 200: SubscriptionSchema } } },
    async (request) => {
      await checkWebhookUrl(request.body.url, config.webhooks.allowPrivateNetworks);
      return present(await createSubscription(db, request.auth.account.id, request.body), request.auth.account.uuid);
    },
  );

  app.get(
    '/v1/webhook/subscription/:subscriptionId',
    {
      config: policy,
      schema: { tags, summary: 'Show a subscription', params: Params, response: { 200: SubscriptionSchema } },
    },
    async (request) =>
      present(
        await getSubscription(db, request.auth.account.id, request.params.subscriptionId),
        request.auth.account.uuid,
      ),
  );

  app.put(
    '/v1/webhook/subscription/:subscriptionId',
    {
      config: policy,
      schema: {
        tags,
        summary: 'Update the listed fields',
        params: Params,
        body: UpdateBody,
        response: { 200: SubscriptionSchema },
      },
    },
    async (request) => {
      const { fields: listed, ...input } = request.body;
      const fields = listed as SubscriptionField[];
      if (fields.includes('Url') && input.url) await checkWebhookUrl(input.url, config.webhooks.allowPrivateNetworks);
      return present(
        await updateSubscription(db, request.auth.account.id, request.params.subscriptionId, fields, input),
        request.auth.account.uuid,
      );
    },
  );

  app.delete(
    '/v1/webhook/subscription/:subscriptionId',
    { config: policy, schema: { tags, summary: 'Unsubscribe', params: Params } },
    async (request, reply) => {
      await deleteSubscription(db, request.auth.account.id, request.params.subscriptionId);
      return reply.code(200).send();
    },
  );
}
