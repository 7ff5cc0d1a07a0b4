import type { App } from '../../../types.ts';
import { findInboxesByIds } from '../../../../domain/inboxes/repository.ts';
import { checkWebhookUrl } from '../../../../domain/webhooks/ssrf.ts';
import {
  createWebhook,
  deleteWebhook,
  getWebhook,
  listWebhooks,
  updateWebhook,
} from '../../../../domain/webhooks/repository.ts';
import type { Webhook } from '../../../../db/types.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { CreateBody, ListResponse, OneResponse, UpdateBody, WebhookParams, presentWebhook } from './schema.ts';
import deliveryRoutes from './deliveries.ts';

const tags = ['Webhooks'];

export default async function webhookRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  async function present(accountId: number, webhooks: Webhook[]) {
    const inboxIds = [...new Set(webhooks.map((w) => w.inbox_id).filter((id): id is number => id !== null))];
    const inboxes = new Map((await findInboxesByIds(db, accountId, inboxIds)).map((i) => [i.id, i]));
    return webhooks.map((w) => presentWebhook(w, w.inbox_id ? inboxes.get(w.inbox_id) : undefined));
  }

  app.get(
    '/webhooks',
    {
      config: { policy: 'webhooks.manage' },
      schema: { tags, summary: 'List webhooks', response: { 200: ListResponse } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      return { payload: { webhooks: await present(accountId, await listWebhooks(db, accountId)) } };
    },
  );

  app.post(
    '/webhooks',
    {
      config: { policy: 'webhooks.manage', bodyWrapper: 'webhook' },
      schema: { tags, summary: 'Create a webhook', body: CreateBody, response: { 200: OneResponse } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await checkWebhookUrl(request.body.url, config.webhooks.allowPrivateNetworks);
      const webhook = await createWebhook(db, accountId, request.body);
      return { payload: { webhook: (await present(accountId, [webhook]))[0] } };
    },
  );

  app.get(
    '/webhooks/:id',
    {
      config: { policy: 'webhooks.manage' },
      schema: { tags, summary: 'Show a webhook', params: WebhookParams, response: { 200: OneResponse } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      return {
        payload: { webhook: (await present(accountId, [await getWebhook(db, accountId, request.params.id)]))[0] },
      };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/webhooks/:id',
    config: { policy: 'webhooks.manage', bodyWrapper: 'webhook' },
    schema: {
      tags,
      summary: 'Update a webhook (status "active" resumes a paused one)',
      params: WebhookParams,
      body: UpdateBody,
      response: { 200: OneResponse },
    },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      if (request.body.url) await checkWebhookUrl(request.body.url, config.webhooks.allowPrivateNetworks);
      const webhook = await updateWebhook(db, accountId, request.params.id, request.body);
      return { payload: { webhook: (await present(accountId, [webhook]))[0] } };
    },
  });

  app.delete(
    '/webhooks/:id',
    {
      config: { policy: 'webhooks.manage' },
      schema: { tags, summary: 'Delete a webhook', params: WebhookParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteWebhook(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );

  await app.register(deliveryRoutes);
}
