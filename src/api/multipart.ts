import multipart, { type MultipartFile, type MultipartValue } from '@fastify/multipart';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface UploadedFile {
  filename: string;
  mimetype: string;
  data: Buffer;
}

export function isUploadedFile(value: unknown): value is UploadedFile {
  return typeof value === 'object' && value !== null && Buffer.isBuffer((value as UploadedFile).data);
}

type Part = MultipartFile | MultipartValue;

function partValue(part: Part): unknown {
  return part.type === 'file' ? (part as unknown as { value: UploadedFile }).value : part.value;
}

/** Multipart bodies (generated SDKs post every message this way) become plain objects before validation. */
export async function registerMultipart(app: FastifyInstance): Promise<void> {
  await app.register(multipart, {
    attachFieldsToBody: true,
    limits: { fileSize: 40 * 1024 * 1024, files: 15, fields: 200, parts: 250 },
    async onFile(part) {
      (part as unknown as { value: UploadedFile }).value = {
        filename: part.filename,
        mimetype: part.mimetype,
        data: await part.toBuffer(),
      };
    },
  });
}

export function flattenMultipartBody(request: FastifyRequest): void {
  if (!request.isMultipart() || !request.body || typeof request.body !== 'object') return;
  const flat: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(request.body as Record<string, Part | Part[]>)) {
    flat[key] = Array.isArray(value) ? value.map(partValue) : partValue(value);
  }
  request.body = flat;
}
