import type { App } from '../../../types.ts';
import { AppError, translateError } from '../../../../errors.ts';
import {
  createPortal,
  deletePortal,
  findPortal,
  listPortals,
  onlyPortal,
  portalCounts,
  updatePortal,
} from '../../../../domain/help_center/portals.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import articleRoutes from './articles.routes.ts';
import categoryRoutes from './categories.routes.ts';
import { PortalBody, PortalParams, PortalQuery, PortalSchema, PortalsResponse, presentPortal } from './schema.ts';

const tags = ['Help Center'];

/**
 * Chatwoot's portal update answers a failed validation as `{error: {attribute: [message]}}` (the model's
 * error hash), unlike create's `{message, attributes}`.
 */
function asUpdateError(error: unknown): unknown {
  const e = translateError(error);
  if (e.kind !== 'validation' || !e.attributes.length) return e;
  return new AppError('invalid_record', e.attributeMessages?.[0] ?? e.message, [e.attributes[0]]);
}

/** Chatwoot's Help Center portals: members list them; administrators show, create, change and delete them. */
export default async function portalRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const present = async (
    accountId: number,
    userId: number | null,
    portal: Awaited<ReturnType<typeof findPortal>>,
    locale?: string,
  ) => presentPortal(portal, await portalCounts(db, accountId, [portal.id], userId), locale);

  app.get(
    '/portals',
    {
      config: { policy: 'help_center.list' },
      schema: { tags, summary: 'List portals', response: { 200: PortalsResponse } },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const portals = await listPortals(db, accountId);
      const counts = await portalCounts(
        db,
        accountId,
        portals.map((p) => p.id),
        request.auth.user?.id ?? null,
      );
      return {
        payload: portals.map((p) => presentPortal(p, counts)),
        meta: { current_page: 1, portals_count: portals.length },
      };
    },
  );

  app.get(
    '/portals/:portal_id',
    {
      config: { policy: 'help_center.manage' },
      schema: {
        tags,
        summary: 'Show a portal',
        params: PortalParams,
        querystring: PortalQuery,
        response: { 200: PortalSchema },
      },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      return present(request.auth.account.id, request.auth.user?.id ?? null, portal, request.query.locale);
    },
  );

  app.post(
    '/portals',
    {
      config: { policy: 'help_center.manage', bodyWrapper: 'portal' },
      schema: { tags, summary: 'Create a portal', body: PortalBody, response: { 200: PortalSchema } },
    },
    async (request) => {
      const portal = await createPortal(db, request.auth.account.id, request.body);
      return present(request.auth.account.id, request.auth.user?.id ?? null, portal);
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/portals/:portal_id',
    config: { policy: 'help_center.manage', bodyWrapper: 'portal' },
    schema: {
      tags,
      summary: 'Update a portal',
      params: PortalParams,
      body: PortalBody,
      response: { 200: PortalSchema },
    },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      const portal = await findPortal(db, accountId, request.params.portal_id);
      const updated = await updatePortal(db, accountId, portal, request.body).catch((e) =>
        Promise.reject(asUpdateError(e)),
      );
      return present(accountId, request.auth.user?.id ?? null, updated);
    },
  });

  // Switchboard addition for the n8n node ("Update New Portal To Account" sends PATCH /portals with no slug):
  // the account's one portal, or 422 when it has several.
  app.route({
    method: ['PATCH', 'PUT'],
    url: '/portals',
    config: { policy: 'help_center.manage', bodyWrapper: 'portal' },
    schema: { tags, summary: "Update the account's only portal", body: PortalBody, response: { 200: PortalSchema } },
    handler: async (request) => {
      const accountId = request.auth.account.id;
      const portal = await onlyPortal(db, accountId);
      const updated = await updatePortal(db, accountId, portal, request.body).catch((e) =>
        Promise.reject(asUpdateError(e)),
      );
      return present(accountId, request.auth.user?.id ?? null, updated);
    },
  });

  app.patch(
    '/portals/:portal_id/archive',
    {
      config: { policy: 'help_center.manage' },
      schema: { tags, summary: 'Archive a portal', params: PortalParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      await updatePortal(db, request.auth.account.id, portal, { archived: true });
      return sendEmpty(reply);
    },
  );

  app.delete(
    '/portals/:portal_id',
    {
      config: { policy: 'help_center.manage' },
      schema: { tags, summary: 'Delete a portal', params: PortalParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      await deletePortal(db, request.auth.account.id, portal.id);
      return sendEmpty(reply);
    },
  );

  await categoryRoutes(app);
  await articleRoutes(app);
}
