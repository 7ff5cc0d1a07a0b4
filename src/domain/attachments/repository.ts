import type { Db } from '../../db/pool.ts';

/** What presenting an attachment reads: never its bytes (a legacy row's `data` may be megabytes). */
export const ATTACHMENT_COLUMNS = [
  'id',
  'account_id',
  'message_id',
  'file_type',
  'filename',
  'content_type',
  'extension',
  'file_size',
  'width',
  'height',
  'external_url',
  'access_key',
  'storage_key',
  'checksum',
  'created_at',
] as const;

/** The file behind a public download URL (the access key is the credential). */
export async function attachmentFile(db: Db, id: number, accessKey: string) {
  return db
    .selectFrom('attachments')
    .select(['filename', 'content_type', 'storage_key', 'data'])
    .where('id', '=', id)
    .where('access_key', '=', accessKey)
    .executeTakeFirst();
}
