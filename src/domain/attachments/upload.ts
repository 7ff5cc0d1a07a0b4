import crypto from 'node:crypto';
import { pipeline, Transform, type Readable } from 'node:stream';
import type { Db } from '../../db/pool.ts';
import { AppError } from '../../errors.ts';
import { newStorageKey, type ObjectStorage } from '../../storage/object-storage.ts';
import { safeFileName } from './file-name.ts';
import { SNIFF_BYTES, sniffMediaType } from './media-type.ts';
import { releaseUnclaimed, reserveStorageKey } from './orphans.ts';

/**
 * A file a request brought, already in storage. Only the multipart reader makes these: a class, so a JSON
 * body shaped like one (naming another tenant's storage key) is never taken for an upload.
 */
export class ReceivedFile {
  readonly filename: string;
  /** Sniffed from the bytes, never the client's claim. */
  readonly contentType: string;
  readonly size: number;
  readonly storageKey: string;
  /** Hex SHA-256 of the bytes. */
  readonly checksum: string;

  constructor(fields: Pick<ReceivedFile, 'filename' | 'contentType' | 'size' | 'storageKey' | 'checksum'>) {
    this.filename = fields.filename;
    this.contentType = fields.contentType;
    this.size = fields.size;
    this.storageKey = fields.storageKey;
    this.checksum = fields.checksum;
  }
}

export const tooLarge = (message: string) => new AppError('payload_too_large', message);

/**
 * Streams one file into storage, chunk by chunk (memory stays flat whatever its size): refuses it past
 * `maxBytes`, hashes it and keeps its first bytes to tell its type. On any failure the object is removed
 * before this rejects.
 */
export async function receiveFile(
  db: Db,
  storage: ObjectStorage,
  source: Readable,
  declared: { filename?: string; mimetype?: string },
  maxBytes: number,
): Promise<ReceivedFile> {
  const filename = safeFileName(declared.filename);
  const key = newStorageKey();
  let size = 0;
  const hash = crypto.createHash('sha256');
  let head = Buffer.alloc(0);
  const inspector = new Transform({
    transform(chunk: Buffer, _encoding, callback) {
      size += chunk.length;
      if (size > maxBytes)
        return callback(tooLarge(`${filename} is larger than the ${maxBytes} bytes a file may have`));
      hash.update(chunk);
      if (head.length < SNIFF_BYTES) head = Buffer.concat([head, chunk.subarray(0, SNIFF_BYTES - head.length)]);
      callback(null, chunk);
    },
  });
  // pipeline() ties the two ends from the start: a client that goes away fails the store, a refused file
  // stops the read. Until the store reads, the inspector holds back what arrives (backpressure).
  pipeline(source, inspector, () => {});
  try {
    await reserveStorageKey(db, key);
    await storage.put(key, inspector);
  } catch (error) {
    inspector.destroy();
    // If even that fails (the database is away), the reservation stays and the sweeper removes the object.
    await releaseUnclaimed(db, storage, [key]).catch(() => {});
    throw error;
  }
  return new ReceivedFile({
    filename,
    contentType: sniffMediaType(head, declared.mimetype),
    size,
    storageKey: key,
    checksum: hash.digest('hex'),
  });
}
