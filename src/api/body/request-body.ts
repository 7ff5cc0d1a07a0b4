import type { FastifyReply, FastifyRequest } from 'fastify';
import type { UploadLimits } from '../../config.ts';
import { isUploadedFile, readMultipartBody } from '../multipart.ts';

/**
 * preValidation, shared by both dialects: the body as Rails would hand it to a controller. A multipart body
 * becomes its fields (files stored), a request without a body has no fields (`{}`, so a route whose fields
 * are all optional works bodiless), and one file where the route takes a list is a list of one.
 */
export async function readRequestBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limits: UploadLimits,
): Promise<void> {
  await readMultipartBody(request, reply, limits);
  const schema = request.routeOptions.schema as { body?: BodySchema } | undefined;
  if (request.body == null && schema?.body) request.body = {};
  const { uploadField, bodyWrapper } = request.routeOptions.config;
  if (uploadField && schema?.body?.properties?.[uploadField]?.type === 'array') {
    listSingleFile(request.body, uploadField);
    if (bodyWrapper) listSingleFile((request.body as Record<string, unknown> | undefined)?.[bodyWrapper], uploadField);
  }
}

type BodySchema = { properties?: Record<string, { type?: unknown }> };

/** `attachments=@one.png` (no brackets) where the route takes a list: a list of one, as `attachments[]` is. */
function listSingleFile(container: unknown, field: string): void {
  if (container === null || typeof container !== 'object' || !Object.hasOwn(container, field)) return;
  const fields = container as Record<string, unknown>;
  if (isUploadedFile(fields[field])) fields[field] = [fields[field]];
}
