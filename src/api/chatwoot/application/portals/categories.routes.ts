import type { App } from '../../../types.ts';
import {
  createCategory,
  deleteCategory,
  getCategory,
  listCategories,
  updateCategory,
} from '../../../../domain/help_center/categories.ts';
import { findPortal } from '../../../../domain/help_center/portals.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  CategoriesQuery,
  CategoriesResponse,
  CategoryBody,
  CategoryPayload,
  PortalItemParams,
  PortalParams,
  presentCategory,
} from './schema.ts';

const tags = ['Help Center'];
const policy = 'help_center.manage';

/** A portal's categories (Chatwoot's CategoryPolicy: administrators and portal members). */
export default async function categoryRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/portals/:portal_id/categories',
    {
      config: { policy },
      schema: {
        tags,
        summary: 'List categories',
        params: PortalParams,
        querystring: CategoriesQuery,
        response: { 200: CategoriesResponse },
      },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      const rows = await listCategories(db, portal, { locale: request.query.locale });
      return { payload: rows.map(presentCategory), meta: { current_page: 1, categories_count: rows.length } };
    },
  );

  app.get(
    '/portals/:portal_id/categories/:id',
    {
      config: { policy },
      schema: { tags, summary: 'Show a category', params: PortalItemParams, response: { 200: CategoryPayload } },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      return { payload: presentCategory(await getCategory(db, portal, request.params.id)) };
    },
  );

  app.post(
    '/portals/:portal_id/categories',
    {
      config: { policy, bodyWrapper: 'category' },
      schema: {
        tags,
        summary: 'Create a category',
        params: PortalParams,
        body: CategoryBody,
        response: { 200: CategoryPayload },
      },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      return { payload: presentCategory(await createCategory(db, portal, request.body)) };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/portals/:portal_id/categories/:id',
    config: { policy, bodyWrapper: 'category' },
    schema: {
      tags,
      summary: 'Update a category',
      params: PortalItemParams,
      body: CategoryBody,
      response: { 200: CategoryPayload },
    },
    handler: async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      return { payload: presentCategory(await updateCategory(db, portal, request.params.id, request.body)) };
    },
  });

  app.delete(
    '/portals/:portal_id/categories/:id',
    {
      config: { policy },
      schema: { tags, summary: 'Delete a category', params: PortalItemParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      await deleteCategory(db, portal, request.params.id);
      return sendEmpty(reply);
    },
  );
}
