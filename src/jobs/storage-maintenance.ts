import type { Config } from '../config.ts';
import type { Db } from '../db/pool.ts';
import { partialDir, type ObjectStorage } from '../storage/object-storage.ts';
import { moveLegacyAttachments, removeStalePartials } from '../domain/attachments/maintenance.ts';
import { sweepOrphans } from '../domain/attachments/orphans.ts';
import { removeUnclaimedActionFiles } from '../domain/action_files/action-files.ts';
import { repeat } from './repeat.ts';

export interface StorageMaintenance {
  stop(): Promise<void>;
}

const SWEEP_MS = 60_000;
/** An upload reserved this long ago and never claimed belongs to a process that died mid-request. */
export const ABANDONED_UPLOAD_MS = 24 * 3_600_000;

interface Log {
  info(object: object, message: string): void;
  warn(object: object, message: string): void;
}

/**
 * Keeps storage and the attachments table in step, in the background of each process: at start the
 * legacy bytea rows move to storage and stale partial files go; then, every minute, objects no row owns
 * (deleted messages', abandoned uploads') are removed.
 */
export function startStorageMaintenance(
  db: Db,
  storage: ObjectStorage,
  config: Pick<Config, 'dataDir'>,
  log: Log,
): StorageMaintenance {
  const moveLegacy = async () => {
    try {
      await removeStalePartials(partialDir(config.dataDir));
      const moved = await moveLegacyAttachments(db, storage);
      if (moved) log.info({ moved }, 'storage: moved attachments stored in the database to storage');
    } catch (err) {
      log.warn(
        { err },
        'storage: moving database-stored attachments failed; they are still served, and moved at the next start',
      );
    }
  };
  const sweep = async () => {
    try {
      // attach_file uploads no rule or macro named within the same grace go first; their objects follow in this sweep.
      await removeUnclaimedActionFiles(db, ABANDONED_UPLOAD_MS);
      const removed = await sweepOrphans(db, storage, { graceMs: ABANDONED_UPLOAD_MS });
      if (removed) log.info({ removed }, 'storage: removed objects no attachment owns');
    } catch (err) {
      log.warn({ err }, 'storage sweep failed; it runs again in a minute');
    }
  };
  let started = false;
  return repeat(
    SWEEP_MS,
    async () => {
      if (!started) await moveLegacy();
      started = true;
      await sweep();
    },
    { now: true },
  );
}
