import type { App } from '../../../types.ts';
import { listIntegrationApps, refuseHook } from '../../../../domain/integrations/apps.ts';
import { notFound } from '../../../../errors.ts';
import { AppListResponse, AppParams, AppSchema, CreateHookBody, HookParams, UpdateHookBody, presentApp } from './schema.ts';

const tags = ['Integrations'];

/**
 * `/integrations/apps` and `/integrations/hooks` (Chatwoot's shapes). The catalogue lists what Switchboard
 * runs; since none of those apps takes hooks, a hook is never created (422, saying why) and so no hook id
 * exists to update or delete (404).
 */
export default async function integrationRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/integrations/apps',
    { config: { policy: 'integrations.read' }, schema: { tags, summary: 'Integration apps Switchboard runs', response: { 200: AppListResponse } } },
    async (request) => {
      const administrator = request.auth.actor === 'administrator';
      return { payload: (await listIntegrationApps(db, request.auth.account.id)).map((a) => presentApp(a, administrator)) };
    },
  );

  app.get(
    '/integrations/apps/:id',
    { config: { policy: 'integrations.read' }, schema: { tags, summary: 'One integration app', params: AppParams, response: { 200: AppSchema } } },
    async (request) => {
      const found = (await listIntegrationApps(db, request.auth.account.id)).find((a) => a.id === request.params.id);
      if (!found) throw notFound();
      return presentApp(found, request.auth.actor === 'administrator');
    },
  );

  app.post(
    '/integrations/hooks',
    { config: { policy: 'integrations.manage', bodyWrapper: 'hook' }, schema: { tags, summary: 'Create an integration hook (refused: no app here takes hooks)', body: CreateHookBody } },
    async (request) => refuseHook(request.body.app_id),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/integrations/hooks/:id',
    config: { policy: 'integrations.manage', bodyWrapper: 'hook' },
    schema: { tags, summary: 'Update an integration hook', params: HookParams, body: UpdateHookBody },
    handler: async () => {
      throw notFound();
    },
  });

  app.delete(
    '/integrations/hooks/:id',
    { config: { policy: 'integrations.manage' }, schema: { tags, summary: 'Delete an integration hook', params: HookParams } },
    async () => {
      throw notFound();
    },
  );
}
