import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { newStorageKey, type ObjectStorage } from '../../storage/object-storage.ts';
import { fileTypeOf, SNIFF_BYTES, sniffMediaType } from './media-type.ts';
import { claimStorageKeys, releaseUnclaimed, reserveStorageKey } from './orphans.ts';
import { inTransaction } from '../../db/transaction.ts';

/**
 * Rows stored before object storage keep their bytes in `attachments.data`. This moves them out one row at
 * a time (memory holds one file), typing each from its bytes as new uploads are, and empties the column.
 * Downloads read `data` while a row waits, so moving may run while serving; several processes may run it
 * at once (SKIP LOCKED). Once every process has run it the column is unused, and a later release drops it.
 */
export async function moveLegacyAttachments(db: Db, storage: ObjectStorage): Promise<number> {
  let moved = 0;
  for (;;) {
    const key = newStorageKey();
    const done = await inTransaction(db, async (trx) => {
      const row = (
        await sql<{ id: number; data: Buffer; content_type: string }>`
        SELECT id, data, content_type FROM attachments WHERE data IS NOT NULL ORDER BY id LIMIT 1 FOR UPDATE SKIP LOCKED`.execute(
          trx,
        )
      ).rows[0];
      if (!row) return true;
      await reserveStorageKey(db, key);
      await storage.put(key, Readable.from([row.data]));
      const contentType = sniffMediaType(row.data.subarray(0, SNIFF_BYTES), row.content_type);
      await claimStorageKeys(trx, [key]);
      await trx
        .updateTable('attachments')
        .set({
          storage_key: key,
          checksum: crypto.createHash('sha256').update(row.data).digest('hex'),
          content_type: contentType,
          file_type: fileTypeOf(contentType),
          data: null,
        })
        .where('id', '=', row.id)
        .execute();
      return false;
    }).catch(async (error) => {
      await releaseUnclaimed(db, storage, [key]).catch(() => {});
      throw error;
    });
    if (done) return moved;
    moved++;
  }
}

/** Partial files older than this belong to a process that died mid-write; younger ones may be in progress. */
const STALE_PARTIAL_MS = 24 * 3_600_000;

/** Removes partial files (DATA_DIR/attachments/.partial) a crashed process left behind. */
export async function removeStalePartials(dir: string, now = Date.now()): Promise<number> {
  let removed = 0;
  for (const name of await fs.promises.readdir(dir).catch(() => [])) {
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => undefined);
    if (stat && now - stat.mtimeMs > STALE_PARTIAL_MS) {
      await fs.promises.rm(file, { force: true });
      removed++;
    }
  }
  return removed;
}
