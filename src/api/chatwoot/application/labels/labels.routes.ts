import type { App } from '../../../types.ts';
import { createLabel, deleteLabel, updateLabel } from '../../../../domain/labels/commands.ts';
import { getLabel, listLabels } from '../../../../domain/labels/repository.ts';
import { presentLabel } from '../../presenters/label.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { CreateLabelBody, LabelListResponse, LabelParams, LabelSchema, UpdateLabelBody } from './schema.ts';

const tags = ['Labels'];

export default async function labelRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/labels',
    {
      config: { policy: 'labels.read' },
      schema: { tags, summary: 'List labels', response: { 200: LabelListResponse } },
    },
    async (request) => ({ payload: (await listLabels(db, request.auth.account.id)).map(presentLabel) }),
  );

  app.get(
    '/labels/:id',
    {
      config: { policy: 'labels.read' },
      schema: { tags, summary: 'Show a label', params: LabelParams, response: { 200: LabelSchema } },
    },
    async (request) => presentLabel(await getLabel(db, request.auth.account.id, request.params.id)),
  );

  app.post(
    '/labels',
    {
      config: { policy: 'labels.manage', bodyWrapper: 'label' },
      schema: { tags, summary: 'Create a label', body: CreateLabelBody, response: { 200: LabelSchema } },
    },
    async (request) => presentLabel(await createLabel(db, request.auth.account.id, request.body)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/labels/:id',
    config: { policy: 'labels.manage', bodyWrapper: 'label' },
    schema: {
      tags,
      summary: 'Update a label',
      params: LabelParams,
      body: UpdateLabelBody,
      response: { 200: LabelSchema },
    },
    handler: async (request) =>
      presentLabel(await updateLabel(db, request.auth.account.id, request.params.id, request.body)),
  });

  app.delete(
    '/labels/:id',
    {
      config: { policy: 'labels.manage' },
      schema: { tags, summary: 'Delete a label', params: LabelParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteLabel(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );
}
