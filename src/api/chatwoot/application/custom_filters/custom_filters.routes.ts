import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import {
  createCustomFilter,
  deleteCustomFilter,
  getCustomFilter,
  listCustomFilters,
  updateCustomFilter,
  type Owner,
} from '../../../../domain/custom_filters/custom-filters.ts';
import {
  CreateBody,
  CustomFilterParams,
  CustomFilterSchema,
  ListQuery,
  ListResponse,
  UpdateBody,
  presentCustomFilter,
} from './schema.ts';

const tags = ['Custom Filters'];

/** Saved filters are the caller's own (the policy admits users only, never bots). */
const owner = (request: FastifyRequest): Owner => ({
  accountId: request.auth.account.id,
  userId: request.auth.user!.id,
});

export default async function customFilterRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const config = { policy: 'custom_filters.manage' as const, bodyWrapper: 'custom_filter' };

  app.get(
    '/custom_filters',
    {
      config,
      schema: {
        tags,
        summary: "The caller's saved filters of one type (conversation by default)",
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
    },
    async (request) =>
      (await listCustomFilters(db, owner(request), request.query.filter_type ?? 'conversation')).map(
        presentCustomFilter,
      ),
  );

  app.get(
    '/custom_filters/:id',
    {
      config,
      schema: {
        tags,
        summary: 'Show a saved filter',
        params: CustomFilterParams,
        response: { 200: CustomFilterSchema },
      },
    },
    async (request) => presentCustomFilter(await getCustomFilter(db, owner(request), request.params.id)),
  );

  app.post(
    '/custom_filters',
    {
      config,
      schema: {
        tags,
        summary: 'Save a filter',
        querystring: ListQuery,
        body: CreateBody,
        response: { 200: CustomFilterSchema },
      },
    },
    async (request) => {
      const { name, filter_type, type, query } = request.body;
      const filterType = filter_type ?? type ?? request.query.filter_type;
      return presentCustomFilter(
        await createCustomFilter(db, owner(request), { name, query, filter_type: filterType }),
      );
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/custom_filters/:id',
    config,
    schema: {
      tags,
      summary: 'Change a saved filter',
      params: CustomFilterParams,
      body: UpdateBody,
      response: { 200: CustomFilterSchema },
    },
    handler: async (request) => {
      // `type` is not read here: the n8n node always sends it at its default, which would retype the filter.
      // An empty `query` is the node's default too: a saved filter keeps its query unless given a new one.
      const { name, filter_type, query } = request.body;
      const newQuery = query && Object.keys(query).length > 0 ? query : undefined;
      return presentCustomFilter(
        await updateCustomFilter(db, owner(request), request.params.id, { name, filter_type, query: newQuery }),
      );
    },
  });

  app.delete(
    '/custom_filters/:id',
    { config, schema: { tags, summary: 'Delete a saved filter (204)', params: CustomFilterParams } },
    async (request, reply) => {
      await deleteCustomFilter(db, owner(request), request.params.id);
      return reply.code(204).send();
    },
  );
}
