import type { App } from '../../../types.ts';
import {
  createCannedResponse,
  deleteCannedResponse,
  updateCannedResponse,
} from '../../../../domain/canned_responses/commands.ts';
import { listCannedResponses } from '../../../../domain/canned_responses/repository.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  CannedResponseParams,
  CannedResponseSchema,
  CreateBody,
  ListQuery,
  ListResponse,
  UpdateBody,
  presentCannedResponse,
} from './schema.ts';

const tags = ['Canned Responses'];

export default async function cannedResponseRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/canned_responses',
    {
      config: { policy: 'canned_responses.read' },
      schema: { tags, summary: 'List canned responses', querystring: ListQuery, response: { 200: ListResponse } },
    },
    async (request) =>
      (await listCannedResponses(db, request.auth.account.id, request.query.search)).map(presentCannedResponse),
  );

  app.post(
    '/canned_responses',
    {
      config: { policy: 'canned_responses.write', bodyWrapper: 'canned_response' },
      schema: { tags, summary: 'Create a canned response', body: CreateBody, response: { 200: CannedResponseSchema } },
    },
    async (request) => presentCannedResponse(await createCannedResponse(db, request.auth.account.id, request.body)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/canned_responses/:id',
    config: { policy: 'canned_responses.write', bodyWrapper: 'canned_response' },
    schema: {
      tags,
      summary: 'Update a canned response',
      params: CannedResponseParams,
      body: UpdateBody,
      response: { 200: CannedResponseSchema },
    },
    handler: async (request) =>
      presentCannedResponse(await updateCannedResponse(db, request.auth.account.id, request.params.id, request.body)),
  });

  app.delete(
    '/canned_responses/:id',
    {
      config: { policy: 'canned_responses.delete' },
      schema: { tags, summary: 'Delete a canned response', params: CannedResponseParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteCannedResponse(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );
}
