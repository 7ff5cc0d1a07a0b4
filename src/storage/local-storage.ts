import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import path from 'node:path';
import { pipeline } from 'node:stream/promises';
import type { Readable } from 'node:stream';
import { assertStorageKey, type ObjectStorage, type StoredObject } from './object-storage.ts';

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

/** Files under one directory (DATA_DIR/attachments by default), one per key. */
export class LocalStorage implements ObjectStorage {
  readonly root: string;

  constructor(root: string) {
    this.root = root;
  }

  private file(key: string): string {
    assertStorageKey(key);
    return path.join(this.root, ...key.split('/'));
  }

  /** Written beside the store and renamed into place when complete: a reader never sees half a file. */
  async put(key: string, body: Readable): Promise<void> {
    const target = this.file(key);
    const partial = path.join(this.root, '.partial', `${crypto.randomBytes(8).toString('hex')}.part`);
    await fs.promises.mkdir(path.dirname(partial), { recursive: true });
    const file = fs.createWriteStream(partial, { flags: 'wx' });
    try {
      await pipeline(body, file);
      await fs.promises.mkdir(path.dirname(target), { recursive: true });
      await fs.promises.rename(partial, target);
    } catch (error) {
      // A body that fails at once can fail before the file is open: its opening must not come after the removal.
      if (!file.closed) await once(file, 'close').catch(() => {});
      await fs.promises.rm(partial, { force: true });
      throw error;
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    let handle: fs.promises.FileHandle;
    try {
      handle = await fs.promises.open(this.file(key), 'r');
    } catch (error) {
      if (isMissing(error)) return undefined;
      throw error;
    }
    try {
      // Length and bytes from the same open file: a delete meanwhile cannot make them disagree.
      const { size } = await handle.stat();
      return { body: handle.createReadStream(), length: size };
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  async delete(key: string): Promise<void> {
    await fs.promises.rm(this.file(key), { force: true });
  }
}
