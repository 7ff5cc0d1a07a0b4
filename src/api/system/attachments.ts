import { Type } from 'typebox';
import type { App } from '../types.ts';
import { attachmentFile } from '../../domain/messages/attachments.ts';

const Params = Type.Object({ id: Type.Integer({ minimum: 1 }), key: Type.String({ maxLength: 64 }), filename: Type.String({ maxLength: 500 }) });

/** Public download URL of an attachment; the random access key in the path is the credential. */
export async function attachmentRoutes(app: App): Promise<void> {
  app.get('/attachments/:id/:key/:filename', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const file = await attachmentFile(app.deps.db, request.params.id, request.params.key);
    if (!file) return reply.status(404).send({ error: 'Resource could not be found' });
    if (!file.data && file.external_url) return reply.redirect(file.external_url, 302);
    return reply
      .header('content-type', file.content_type)
      .header('content-disposition', `inline; filename="${file.filename.replace(/"/g, '')}"`)
      .header('x-content-type-options', 'nosniff')
      .send(file.data);
  });
}
