import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { listLabels } from '../../../../domain/labels/repository.ts';
import { presentTag, TagSchema } from '../../presenters/directory.ts';

/** `GET /core/v1/tag`: the account's labels as WTS tags, a bare array as WTS answers it. */
export default async function tagRoutes(app: App): Promise<void> {
  app.get(
    '/v1/tag',
    { config: { policy: 'labels.read' }, schema: { tags: ['WTS Tags'], summary: 'List tags', response: { 200: Type.Array(TagSchema) } } },
    async (request) => (await listLabels(app.deps.db, request.auth.account.id)).map(presentTag),
  );
}
