import { Type } from 'typebox';
import { FILE_TYPES } from '../../../../domain/files/commands.ts';
import { Literals, Nullable, Uuid } from '../../schema.ts';

const FileTypeSchema = Literals(FILE_TYPES);

/** `GET /core/v2/file`: the file's metadata as query names. */
export const UploadUrlQuery = Type.Object({
  Type: Type.Optional(FileTypeSchema),
  Name: Type.String({ minLength: 1, maxLength: 255 }),
  MimeType: Type.Optional(Type.String({ maxLength: 255 })),
});

/** `PublicUrlUploadFileV2DTO`. */
export const UploadUrlSchema = Type.Object({ tempFileId: Type.String(), urlUpload: Type.String() });

/** `POST /core/v1/file/upload` (what the WTS n8n node calls): the same metadata as a JSON body. */
export const UploadUrlV1Body = Type.Object({
  name: Type.String({ minLength: 1, maxLength: 255 }),
  mimeType: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  type: Type.Optional(FileTypeSchema),
});

/** The v1 answer: the node reads `urlUpload` and hands `keyS3` back to `PUT /core/v1/file`. */
export const UploadUrlV1Schema = Type.Object({
  tempFileId: Type.String(),
  keyS3: Type.String(),
  urlUpload: Type.String(),
  expiresAt: Type.String(),
});

/** `PublicReqFileSaveV2DTO`. */
export const SaveFileBody = Type.Object({ tempFileId: Uuid });

/** `PUT /core/v1/file` as the n8n node sends it. */
export const SaveFileV1Body = Type.Object({
  keyS3: Type.String({ minLength: 1, maxLength: 64 }),
  name: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  mimeType: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  generateThumb: Type.Optional(Nullable(Type.Boolean())),
});

export const TokenParams = Type.Object({ token: Type.String({ minLength: 20, maxLength: 128 }) });

/** `PublicFileV2DTO`. */
export const FileSchema = Type.Object({
  id: Type.String(),
  companyId: Type.String(),
  userId: Nullable(Type.String()),
  name: Type.String(),
  extension: Nullable(Type.String()),
  mimeType: Nullable(Type.String()),
  type: Type.String(),
  key: Nullable(Type.String()),
  size: Nullable(Type.Integer()),
});

export const UploadedSchema = Type.Object({ tempFileId: Type.String(), size: Type.Integer() });
