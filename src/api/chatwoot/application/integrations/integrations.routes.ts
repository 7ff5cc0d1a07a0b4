import type { App } from '../../../types.ts';
import { hookApp, listIntegrationApps } from '../../../../domain/integrations/apps.ts';
import { createHook, deleteHook, getHook, updateHook } from '../../../../domain/integrations/hooks.ts';
import { listDeliveries } from '../../../../domain/webhooks/deliveries.ts';
import { presentDelivery } from '../webhooks/deliveries.ts';
import { DeliveriesQuery, DeliveriesResponse } from '../webhooks/schema.ts';
import { pageNumber } from '../contacts/pages.ts';
import { notFound } from '../../../../errors.ts';
import {
  AppListResponse,
  AppParams,
  AppSchema,
  CreateHookBody,
  HookParams,
  HookSchema,
  UpdateHookBody,
  presentApp,
  presentHook,
} from './schema.ts';

const tags = ['Integrations'];

/**
 * `/integrations/apps` and `/integrations/hooks` (Chatwoot's shapes). The catalogue lists what Switchboard
 * runs; Slack is the app that takes hooks (an incoming-webhook URL in `settings.webhook_url`), every other
 * app id is refused with a 422 that says why.
 */
export default async function integrationRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const allowPrivate = config.webhooks.allowPrivateNetworks;

  app.get(
    '/integrations/apps',
    {
      config: { policy: 'integrations.read' },
      schema: { tags, summary: 'Integration apps Switchboard runs', response: { 200: AppListResponse } },
    },
    async (request) => {
      const administrator = request.auth.actor === 'administrator';
      return {
        payload: (await listIntegrationApps(db, request.auth.account.id)).map((a) => presentApp(a, administrator)),
      };
    },
  );

  app.get(
    '/integrations/apps/:id',
    {
      config: { policy: 'integrations.read' },
      schema: { tags, summary: 'One integration app', params: AppParams, response: { 200: AppSchema } },
    },
    async (request) => {
      const found = (await listIntegrationApps(db, request.auth.account.id)).find((a) => a.id === request.params.id);
      if (!found) throw notFound();
      return presentApp(found, request.auth.actor === 'administrator');
    },
  );

  app.post(
    '/integrations/hooks',
    {
      config: { policy: 'integrations.manage', bodyWrapper: 'hook' },
      schema: {
        tags,
        summary: 'Enable an integration app (Slack: settings.webhook_url, an incoming webhook)',
        body: CreateHookBody,
        response: { 200: HookSchema },
      },
    },
    async (request) => {
      hookApp(request.body.app_id);
      return presentHook(await createHook(db, request.auth.account.id, request.body, allowPrivate));
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/integrations/hooks/:id',
    config: { policy: 'integrations.manage', bodyWrapper: 'hook' },
    schema: {
      tags,
      summary: 'Update an integration hook (status, settings)',
      params: HookParams,
      body: UpdateHookBody,
      response: { 200: HookSchema },
    },
    handler: async (request) =>
      presentHook(await updateHook(db, request.auth.account.id, request.params.id, request.body, allowPrivate)),
  });

  app.get(
    '/integrations/hooks/:id/deliveries',
    {
      config: { policy: 'integrations.manage' },
      schema: {
        tags,
        summary: 'A hook’s delivery log (beyond Chatwoot): each notice’s attempts, status and errors',
        params: HookParams,
        querystring: DeliveriesQuery,
        response: { 200: DeliveriesResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      await getHook(db, accountId, request.params.id);
      const page = pageNumber(request.query.page);
      const { count, deliveries } = await listDeliveries(db, accountId, request.params.id, page, 'integration_hook');
      return {
        payload: deliveries.map((d) => presentDelivery(d.delivery, d.attempts)),
        meta: { count, current_page: page },
      };
    },
  );

  app.delete(
    '/integrations/hooks/:id',
    {
      config: { policy: 'integrations.manage' },
      schema: { tags, summary: 'Delete an integration hook', params: HookParams },
    },
    async (request, reply) => {
      await deleteHook(db, request.auth.account.id, request.params.id);
      return reply.code(200).send();
    },
  );
}
