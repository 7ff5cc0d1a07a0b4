import type { App } from '../../../types.ts';
import { createDefinition, deleteDefinition, updateDefinition } from '../../../../domain/custom_attributes/commands.ts';
import { getDefinition, listDefinitions } from '../../../../domain/custom_attributes/repository.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  CreateBody,
  DefinitionParams,
  DefinitionSchema,
  ListQuery,
  ListResponse,
  UpdateBody,
  definitionInput,
  modelParam,
  presentDefinition,
} from './schema.ts';

const tags = ['Custom Attributes'];
const bodyWrapper = 'custom_attribute_definition';

export default async function customAttributeDefinitionRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/custom_attribute_definitions',
    {
      config: { policy: 'custom_attributes.read' },
      schema: {
        tags,
        summary: 'List custom attribute definitions',
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
    },
    async (request) =>
      (await listDefinitions(db, request.auth.account.id, modelParam(request.query.attribute_model))).map(
        presentDefinition,
      ),
  );

  app.get(
    '/custom_attribute_definitions/:id',
    {
      config: { policy: 'custom_attributes.read' },
      schema: {
        tags,
        summary: 'Show a custom attribute definition',
        params: DefinitionParams,
        response: { 200: DefinitionSchema },
      },
    },
    async (request) => presentDefinition(await getDefinition(db, request.auth.account.id, request.params.id)),
  );

  app.post(
    '/custom_attribute_definitions',
    {
      config: { policy: 'custom_attributes.manage', bodyWrapper },
      schema: {
        tags,
        summary: 'Create a custom attribute definition',
        body: CreateBody,
        response: { 200: DefinitionSchema },
      },
    },
    async (request) =>
      presentDefinition(await createDefinition(db, request.auth.account.id, definitionInput(request.body))),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/custom_attribute_definitions/:id',
    config: { policy: 'custom_attributes.manage', bodyWrapper },
    schema: {
      tags,
      summary: 'Update a custom attribute definition',
      params: DefinitionParams,
      body: UpdateBody,
      response: { 200: DefinitionSchema },
    },
    handler: async (request) =>
      presentDefinition(
        await updateDefinition(db, request.auth.account.id, request.params.id, definitionInput(request.body)),
      ),
  });

  app.delete(
    '/custom_attribute_definitions/:id',
    {
      config: { policy: 'custom_attributes.manage' },
      schema: {
        tags,
        summary: 'Delete a custom attribute definition',
        params: DefinitionParams,
        response: { 204: Empty },
      },
    },
    async (request, reply) => {
      await deleteDefinition(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply, 204);
    },
  );
}
