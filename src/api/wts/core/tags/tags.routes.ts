import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listLabels } from '../../../../domain/labels/repository.ts';
import { TAG_COLORS } from '../../../../domain/labels/palette.ts';
import { createTag, deleteTag, updateTag } from '../../../../domain/labels/tags.ts';
import { presentTag, TagSchema } from '../../presenters/directory.ts';
import { IdParams } from '../../schema.ts';
import { CreateTagBody, DeleteTagBody, DeleteTagQuery, TagColorSchema, UpdateTagBody } from './schema.ts';

const tags = ['WTS Tags'];

/** `/core/v1/tag`: the account's labels as WTS tags (domain/labels/tags.ts says how names map to titles). */
export default async function tagRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/tag',
    {
      config: { policy: 'labels.read' },
      schema: { tags, summary: 'List tags', response: { 200: Type.Array(TagSchema) } },
    },
    async (request) => (await listLabels(db, request.auth.account.id)).map(presentTag),
  );

  app.get(
    '/v1/tag/color',
    {
      config: { policy: 'labels.read' },
      schema: { tags, summary: 'List tag colours', response: { 200: Type.Array(TagColorSchema) } },
    },
    async () => [...TAG_COLORS],
  );

  app.post(
    '/v1/tag',
    {
      config: { policy: 'labels.manage' },
      schema: { tags, summary: 'Create a tag', body: CreateTagBody, response: { 200: TagSchema } },
    },
    async (request) => presentTag(await createTag(db, request.auth.account.id, request.body)),
  );

  app.put(
    '/v1/tag/:id',
    {
      config: { policy: 'labels.manage' },
      schema: {
        tags,
        summary: 'Rename or recolour a tag',
        params: IdParams,
        body: UpdateTagBody,
        response: { 200: TagSchema },
      },
    },
    async (request) => presentTag(await updateTag(db, request.auth.account.id, request.params.id, request.body)),
  );

  app.delete(
    '/v1/tag/:id',
    {
      config: { policy: 'labels.manage' },
      schema: { tags, summary: 'Delete a tag', params: IdParams, querystring: DeleteTagQuery, body: DeleteTagBody },
    },
    async (request, reply) => {
      const confirmed = Boolean(request.body?.removeFromContacts ?? request.query.removeFromContacts);
      await deleteTag(db, request.auth.account.id, request.params.id, confirmed);
      return reply.status(200).send();
    },
  );
}
