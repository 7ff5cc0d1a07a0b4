import { Readable } from 'node:stream';
import { Type } from 'typebox';
import type { FastifyReply } from 'fastify';
import type { StoredObject } from '../../storage/object-storage.ts';
import type { App } from '../types.ts';
import type { Attachment } from '../../db/types.ts';
import { attachmentFile } from '../../domain/attachments/repository.ts';
import { isInlineSafe } from '../../domain/attachments/media-type.ts';
import { contentDisposition } from './content-disposition.ts';

const Params = Type.Object({
  id: Type.Integer({ minimum: 1 }),
  key: Type.String({ maxLength: 64 }),
  filename: Type.String({ maxLength: 500 }),
});

/** The public download URL both dialects present: the random access key in the path is the credential. */
export function attachmentUrl(
  publicUrl: string,
  attachment: Pick<Attachment, 'id' | 'access_key' | 'filename' | 'external_url'>,
): string {
  return (
    attachment.external_url ??
    `${publicUrl}/attachments/${attachment.id}/${attachment.access_key}/${encodeURIComponent(attachment.filename)}`
  );
}

/**
 * Attachments are served from the API's own origin, so nothing in one may run there: no script, no styles,
 * no plugins, a unique opaque origin. PDFs go without `sandbox`, which stops browsers' PDF viewers (PDF
 * script runs inside the viewer, never with the page's origin).
 */
const SANDBOX_POLICY = "default-src 'none'; sandbox";
const PDF_POLICY = "default-src 'none'";
/** A stored type is used in a header only in this shape (rows stored before sniffing hold whatever a client sent). */
const MEDIA_TYPE = /^[a-z]+\/[a-z0-9.+-]+$/;

/** Sends stored bytes with the headers that keep anything in them from running on this origin. */
export function sendStoredFile(
  reply: FastifyReply,
  file: { content_type: string; filename: string },
  stored: StoredObject,
) {
  const inline = MEDIA_TYPE.test(file.content_type) && isInlineSafe(file.content_type);
  return reply
    .header('content-type', inline ? file.content_type : 'application/octet-stream')
    .header('content-length', stored.length)
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.filename))
    .header('x-content-type-options', 'nosniff')
    .header('content-security-policy', file.content_type === 'application/pdf' ? PDF_POLICY : SANDBOX_POLICY)
    .send(stored.body);
}

export async function attachmentRoutes(app: App): Promise<void> {
  const { db, storage } = app.deps;
  app.get('/attachments/:id/:key/:filename', { schema: { hide: true, params: Params } }, async (request, reply) => {
    const file = await attachmentFile(db, request.params.id, request.params.key);
    if (!file) return reply.status(404).send({ error: 'Resource could not be found' });
    // A linked file (external_url) is presented by its own address, never by ours: redirecting from this
    // origin to wherever a client's link points would make our domain an open redirect.
    // A row stored before object storage keeps its bytes in `data` until the start-up step moves them.
    const stored = file.storage_key
      ? await storage.get(file.storage_key)
      : file.data
        ? { body: Readable.from([file.data]), length: file.data.length }
        : undefined;
    if (!stored) return reply.status(404).send({ error: 'Resource could not be found' });
    return sendStoredFile(reply, file, stored);
  });
}
