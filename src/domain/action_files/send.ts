import type { Db } from '../../db/pool.ts';
import type { ActionFile } from '../../db/types.ts';
import { newStorageKey, type ObjectStorage } from '../../storage/object-storage.ts';
import { releaseUnclaimed, reserveStorageKey } from '../attachments/orphans.ts';
import type { NewFile } from '../messages/commands.ts';

/**
 * Each message owns its attachments' objects (deleting a message removes them), so a rule's or macro's file is
 * copied for every message that sends it. A copy that cannot be made leaves nothing behind and throws.
 */
export async function copyForMessage(db: Db, storage: ObjectStorage, file: ActionFile): Promise<NewFile> {
  const stored = await storage.get(file.storage_key);
  if (!stored) throw new Error(`file ${file.id} (${file.filename}) is no longer in storage`);
  const key = newStorageKey();
  await reserveStorageKey(db, key);
  try {
    await storage.put(key, stored.body);
  } catch (error) {
    await releaseUnclaimed(db, storage, [key]).catch(() => {});
    throw error;
  }
  return {
    filename: file.filename,
    contentType: file.content_type,
    size: Number(file.byte_size),
    storageKey: key,
    checksum: file.checksum,
  };
}
