import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { AppError } from '../../errors.ts';

/**
 * Stored objects no attachment row owns (table storage_orphans): an upload is reserved before its first
 * byte is stored and claimed in the transaction that inserts its row, so a crash anywhere between leaves a
 * reservation the sweeper finds, never an object nothing points at.
 */
export async function reserveStorageKey(db: Db, key: string): Promise<void> {
  await db.insertInto('storage_orphans').values({ storage_key: key, reason: 'upload' }).execute();
}

/** In the transaction inserting the rows that reference them. */
export async function claimStorageKeys(trx: Db, keys: string[]): Promise<void> {
  if (!keys.length) return;
  const claimed = await trx
    .deleteFrom('storage_orphans')
    .where('storage_key', 'in', keys)
    .where('reason', '=', 'upload')
    .executeTakeFirst();
  // Only a reservation the sweeper gave up on (a request that ran for a day) can be missing here.
  if (Number(claimed.numDeletedRows) !== keys.length)
    throw new AppError('unprocessable', 'An uploaded file is no longer available: send it again', ['attachments']);
}

/** Removes objects, then their orphan rows; an object that cannot be removed keeps its row for the next sweep. */
async function removeObjects(db: Db, storage: ObjectStorage, keys: string[]): Promise<number> {
  const removed: string[] = [];
  for (const key of keys) {
    try {
      await storage.delete(key);
      removed.push(key);
    } catch {
      // the store is unreachable: the row stays and the sweeper tries again
    }
  }
  if (removed.length) await db.deleteFrom('storage_orphans').where('storage_key', 'in', removed).execute();
  return removed.length;
}

/** After a request: whatever of its uploads no row claimed (the request failed, or never used them) goes now. */
export async function releaseUnclaimed(db: Db, storage: ObjectStorage, keys: string[]): Promise<void> {
  if (!keys.length) return;
  const unclaimed = await db
    .selectFrom('storage_orphans')
    .select('storage_key')
    .where('storage_key', 'in', keys)
    .where('reason', '=', 'upload')
    .execute();
  await removeObjects(
    db,
    storage,
    unclaimed.map((row) => row.storage_key),
  );
}

/** Deleted rows' objects at once; reservations older than `graceMs` (their process died mid-upload). */
export async function sweepOrphans(
  db: Db,
  storage: ObjectStorage,
  options: { graceMs: number; batch?: number },
): Promise<number> {
  const rows = await db
    .selectFrom('storage_orphans')
    .select('storage_key')
    .where((eb) =>
      eb.or([
        eb('reason', '=', 'deleted'),
        eb('since', '<', sql<Date>`now() - make_interval(secs => ${options.graceMs / 1000})`),
      ]),
    )
    .orderBy('since')
    .limit(options.batch ?? 100)
    .execute();
  return removeObjects(
    db,
    storage,
    rows.map((row) => row.storage_key),
  );
}
