import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import {
  createDashboardApp,
  deleteDashboardApp,
  getDashboardApp,
  listDashboardApps,
  updateDashboardApp,
} from '../../../../domain/dashboard_apps/commands.ts';
import { CreateBody, DashboardAppParams, DashboardAppSchema, UpdateBody, presentDashboardApp } from './schema.ts';

const tags = ['Dashboard Apps'];

/** Chatwoot's dashboard apps: every member reads them (the dashboard shows them beside conversations); administrators manage them. */
export default async function dashboardAppRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/dashboard_apps',
    {
      config: { policy: 'dashboard_apps.read' },
      schema: { tags, summary: 'List dashboard apps', response: { 200: Type.Array(DashboardAppSchema) } },
    },
    async (request) => (await listDashboardApps(db, request.auth.account.id)).map(presentDashboardApp),
  );

  app.get(
    '/dashboard_apps/:id',
    {
      config: { policy: 'dashboard_apps.read' },
      schema: {
        tags,
        summary: 'Show a dashboard app',
        params: DashboardAppParams,
        response: { 200: DashboardAppSchema },
      },
    },
    async (request) => presentDashboardApp(await getDashboardApp(db, request.auth.account.id, request.params.id)),
  );

  app.post(
    '/dashboard_apps',
    {
      config: { policy: 'dashboard_apps.manage', bodyWrapper: 'dashboard_app' },
      schema: { tags, summary: 'Create a dashboard app', body: CreateBody, response: { 200: DashboardAppSchema } },
    },
    async (request) =>
      presentDashboardApp(
        await createDashboardApp(db, request.auth.account.id, request.auth.user?.id ?? null, request.body),
      ),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/dashboard_apps/:id',
    config: { policy: 'dashboard_apps.manage', bodyWrapper: 'dashboard_app' },
    schema: {
      tags,
      summary: 'Update a dashboard app',
      params: DashboardAppParams,
      body: UpdateBody,
      response: { 200: DashboardAppSchema },
    },
    handler: async (request) =>
      presentDashboardApp(await updateDashboardApp(db, request.auth.account.id, request.params.id, request.body)),
  });

  app.delete(
    '/dashboard_apps/:id',
    {
      config: { policy: 'dashboard_apps.manage' },
      schema: { tags, summary: 'Delete a dashboard app', params: DashboardAppParams },
    },
    async (request, reply) => {
      await deleteDashboardApp(db, request.auth.account.id, request.params.id);
      return reply.status(204).send();
    },
  );
}
