import path from 'node:path';
import type { Readable } from 'node:stream';
import type { Db } from '../../db/pool.ts';
import type { WtsFile } from '../../db/types.ts';
import { AppError, notFound, validation } from '../../errors.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { randomToken, tokenDigest } from '../auth/secrets.ts';
import { receiveFile } from '../attachments/upload.ts';
import { claimStorageKeys, releaseUnclaimed } from '../attachments/orphans.ts';
import { safeFileName } from '../attachments/file-name.ts';
import { inTransaction } from '../../db/transaction.ts';
import type { NewFile } from '../messages/commands.ts';
import { isUuid } from '../uuid.ts';

/** WTS's file types (`Type` of `GET /core/v2/file`); UNDEFINED lets the server tell from the name and type. */
export const FILE_TYPES = ['UNDEFINED', 'PDF', 'EXCEL', 'WORD', 'IMAGE', 'AUDIO', 'VIDEO', 'DOCUMENT'] as const;
export type FileType = (typeof FILE_TYPES)[number];

/** How long an upload URL works. */
export const UPLOAD_URL_TTL_MS = 15 * 60 * 1000;

const EXCEL = new Set(['xls', 'xlsx', 'csv', 'ods']);
const WORD = new Set(['doc', 'docx', 'odt', 'rtf']);

export function fileTypeFor(declared: string | undefined, name: string, mimeType: string | undefined): FileType {
  if (declared && declared !== 'UNDEFINED') return declared as FileType;
  const extension = path.extname(name).slice(1).toLowerCase();
  const kind = (mimeType ?? '').split('/')[0].toLowerCase();
  if (kind === 'image' || kind === 'audio' || kind === 'video') return kind.toUpperCase() as FileType;
  if (extension === 'pdf' || mimeType === 'application/pdf') return 'PDF';
  if (EXCEL.has(extension)) return 'EXCEL';
  if (WORD.has(extension)) return 'WORD';
  return 'DOCUMENT';
}

/**
 * Step one of an upload: a file row waiting for its bytes, and the one-time token of the URL they are PUT to.
 * The token is kept as a digest only; the URL stops working after UPLOAD_URL_TTL_MS or its first upload.
 */
export async function startUpload(
  db: Db,
  accountId: number,
  userId: number | null,
  input: { name: string; type?: string; mimeType?: string },
  now = new Date(),
) {
  const name = input.name.trim();
  if (!name) throw validation('Name is required', ['Name']);
  const token = randomToken(32);
  const file = await db
    .insertInto('wts_files')
    .values({
      account_id: accountId,
      user_id: userId,
      name: safeFileName(name),
      type: fileTypeFor(input.type, name, input.mimeType),
      declared_mime_type: input.mimeType?.trim() || null,
      upload_token_hash: tokenDigest(token),
      upload_expires_at: new Date(now.getTime() + UPLOAD_URL_TTL_MS),
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { file, token };
}

const uploadGone = () =>
  new AppError('not_found', 'This upload URL has expired or was already used: ask for a new one');

/**
 * Step two: the bytes PUT to the signed URL. The token is taken first (a second PUT, even a concurrent one, finds
 * nothing), the bytes are streamed into storage and the object is claimed by the file row in one transaction; a
 * failed upload gives the token back so the client may retry while the URL lasts.
 */
export async function receiveUpload(
  db: Db,
  storage: ObjectStorage,
  token: string,
  body: Readable,
  maxBytes: number,
): Promise<WtsFile> {
  const digest = tokenDigest(token);
  const taken = await db
    .updateTable('wts_files')
    .set({ upload_token_hash: null })
    .where('upload_token_hash', '=', digest)
    .where('upload_expires_at', '>', new Date())
    .returningAll()
    .executeTakeFirst();
  if (!taken) throw uploadGone();
  let received;
  try {
    received = await receiveFile(
      db,
      storage,
      body,
      { filename: taken.name, mimetype: taken.declared_mime_type ?? undefined },
      maxBytes,
    );
  } catch (error) {
    await db.updateTable('wts_files').set({ upload_token_hash: digest }).where('id', '=', taken.id).execute();
    throw error;
  }
  try {
    return await inTransaction(db, async (trx) => {
      await claimStorageKeys(trx, [received.storageKey]);
      return trx
        .updateTable('wts_files')
        .set({
          storage_key: received.storageKey,
          content_type: received.contentType,
          size: received.size,
          checksum: received.checksum,
          uploaded_at: new Date(),
        })
        .where('id', '=', taken.id)
        .returningAll()
        .executeTakeFirstOrThrow();
    });
  } catch (error) {
    await releaseUnclaimed(db, storage, [received.storageKey]).catch(() => {});
    throw error;
  }
}

async function fileOfAccount(db: Db, accountId: number, uuid: string, field: string): Promise<WtsFile> {
  const file = await db
    .selectFrom('wts_files')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!file) throw validation(`${field} ${uuid} is not a file of this company`, [field]);
  return file;
}

/** Step three (`POST /core/v2/file`, `PUT /core/v1/file`): the uploaded file confirmed; its id is then sendable. */
export async function saveFile(
  db: Db,
  accountId: number,
  uuid: string,
  field: string,
  rename?: string,
): Promise<WtsFile> {
  const file = await fileOfAccount(db, accountId, uuid, field);
  if (!file.storage_key)
    throw validation(`${field} ${uuid}: the file's bytes were not uploaded yet (PUT them to urlUpload first)`, [field]);
  return db
    .updateTable('wts_files')
    .set({ saved_at: file.saved_at ?? new Date(), ...(rename?.trim() ? { name: safeFileName(rename.trim()) } : {}) })
    .where('id', '=', file.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export function checkFileId(fileId: string, field: string): void {
  if (!isUuid(fileId)) throw validation(`${field} ${fileId} is not a file of this company`, [field]);
}

/** A saved file of the account as a message attachment: the same stored object, owned by both rows. */
export async function fileForMessage(db: Db, accountId: number, uuid: string, field = 'fileId'): Promise<NewFile> {
  checkFileId(uuid, field);
  const file = await fileOfAccount(db, accountId, uuid, field);
  if (!file.saved_at || !file.storage_key)
    throw validation(`${field} ${uuid} is not a saved file: save it (POST /core/v2/file) before sending`, [field]);
  return {
    filename: file.name,
    contentType: file.content_type ?? 'application/octet-stream',
    size: file.size ?? 0,
    storageKey: file.storage_key,
    checksum: file.checksum ?? '',
    shared: true,
  };
}

export async function getFile(db: Db, accountId: number, uuid: string): Promise<WtsFile> {
  const file = await db
    .selectFrom('wts_files')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('uuid', '=', uuid)
    .executeTakeFirst();
  if (!file) throw notFound('File');
  return file;
}

/** The file with its uploader's public id, as the WTS dialect shows it. */
export async function withUploader(db: Db, file: WtsFile): Promise<WtsFile & { user_uuid: string | null }> {
  const user = file.user_id
    ? await db.selectFrom('users').select('uuid').where('id', '=', file.user_id).executeTakeFirst()
    : undefined;
  return { ...file, user_uuid: user?.uuid ?? null };
}
