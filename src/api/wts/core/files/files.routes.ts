import path from 'node:path';
import type { FastifyRequest } from 'fastify';
import type { Readable } from 'node:stream';
import type { App } from '../../../types.ts';
import type { WtsFile } from '../../../../db/types.ts';
import { receiveUpload, saveFile, startUpload, withUploader } from '../../../../domain/files/commands.ts';
import {
  FileSchema,
  SaveFileBody,
  SaveFileV1Body,
  TokenParams,
  UploadedSchema,
  UploadUrlQuery,
  UploadUrlSchema,
  UploadUrlV1Body,
  UploadUrlV1Schema,
} from './schema.ts';

const tags = ['WTS Files'];

/**
 * WTS files: an upload URL for the file's metadata, a PUT of the bytes to it (signed, expiring, single use, served
 * here), then a save that returns the id `fileId` takes in every message send. The reference's `/core/v2/file` and
 * the `/core/v1/file/upload` + `PUT /core/v1/file` pair the WTS n8n node uses are the same three steps.
 */
export default async function fileRoutes(app: App): Promise<void> {
  const { db, config, storage } = app.deps;
  const uploadUrl = (token: string) => `${config.publicUrl}/core/v2/file/upload/${token}`;

  const present = async (request: FastifyRequest, file: WtsFile) => {
    const shown = await withUploader(db, file);
    return {
      id: shown.uuid,
      companyId: request.auth.account.uuid,
      userId: shown.user_uuid,
      name: shown.name,
      extension: path.extname(shown.name).slice(1) || null,
      mimeType: shown.declared_mime_type ?? shown.content_type,
      type: shown.type,
      key: shown.uuid,
      size: shown.size,
    };
  };
  const start = (request: FastifyRequest, input: { name: string; type?: string; mimeType?: string }) =>
    startUpload(db, request.auth.account.id, request.auth.user?.id ?? null, input);

  app.get(
    '/v2/file',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'An upload URL for a file',
        querystring: UploadUrlQuery,
        response: { 200: UploadUrlSchema },
      },
    },
    async (request) => {
      const { file, token } = await start(request, {
        name: request.query.Name,
        type: request.query.Type,
        mimeType: request.query.MimeType,
      });
      return { tempFileId: file.uuid, urlUpload: uploadUrl(token) };
    },
  );

  app.post(
    '/v1/file/upload',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'An upload URL for a file (v1, the n8n node)',
        body: UploadUrlV1Body,
        response: { 200: UploadUrlV1Schema },
      },
    },
    async (request) => {
      const { file, token } = await start(request, {
        name: request.body.name,
        type: request.body.type,
        mimeType: request.body.mimeType ?? undefined,
      });
      return {
        tempFileId: file.uuid,
        keyS3: file.uuid,
        urlUpload: uploadUrl(token),
        expiresAt: new Date(file.upload_expires_at).toISOString(),
      };
    },
  );

  app.post(
    '/v2/file',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Save an uploaded file (its id is sendable)',
        body: SaveFileBody,
        response: { 200: FileSchema },
      },
    },
    async (request) =>
      present(request, await saveFile(db, request.auth.account.id, request.body.tempFileId, 'tempFileId')),
  );

  app.put(
    '/v1/file',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Save an uploaded file (v1, the n8n node)',
        body: SaveFileV1Body,
        response: { 200: FileSchema },
      },
    },
    async (request) =>
      present(
        request,
        await saveFile(db, request.auth.account.id, request.body.keyS3, 'keyS3', request.body.name ?? undefined),
      ),
  );

  // The signed URL: its token is the credential (no Authorization header, as with a pre-signed S3 URL), and its
  // body is the file's bytes whatever their content type.
  await app.register(async (signed) => {
    signed.removeAllContentTypeParsers();
    signed.addContentTypeParser('*', (_request, payload, done) => done(null, payload));
    signed.put(
      '/v2/file/upload/:token',
      {
        config: { signedUrl: true },
        schema: {
          tags,
          summary: 'Upload the bytes of a file (signed URL)',
          params: TokenParams,
          response: { 200: UploadedSchema },
        },
      },
      async (request) => {
        const body = (request.body ?? request.raw) as Readable;
        const file = await receiveUpload(
          db,
          storage,
          (request.params as { token: string }).token,
          body,
          config.uploads.authenticated.maxFileBytes,
        );
        return { tempFileId: file.uuid, size: file.size ?? 0 };
      },
    );
  });
}
