import crypto from 'node:crypto';
import path from 'node:path';
import type { Readable } from 'node:stream';

export interface StoredObject {
  body: Readable;
  length: number;
}

/** Where attachment bytes live; PostgreSQL keeps only their metadata and key. */
export interface ObjectStorage {
  /** Stores the stream under `key`; when the stream or the store fails nothing is kept and it rejects. */
  put(key: string, body: Readable): Promise<void>;
  /** The object, or undefined when there is none under `key`. */
  get(key: string): Promise<StoredObject | undefined>;
  /** Removes the object; removing one that is not there is not an error. */
  delete(key: string): Promise<void>;
}

/**
 * Keys are made here, never from anything a client sent: `yyyy/mm/<32 hex>`. The month spreads a disk
 * store over directories of bounded size; the random part makes keys unguessable and unique.
 */
export function newStorageKey(now = new Date()): string {
  const month = String(now.getUTCMonth() + 1).padStart(2, '0');
  return `${now.getUTCFullYear()}/${month}/${crypto.randomBytes(16).toString('hex')}`;
}

const KEY_PATTERN = /^\d{4}\/\d{2}\/[0-9a-f]{32}$/;

/** Backends check every key against the shape newStorageKey makes: a key can never name a path of its choosing. */
export function assertStorageKey(key: string): void {
  if (!KEY_PATTERN.test(key)) throw new Error(`not a storage key: ${JSON.stringify(key)}`);
}

/** Files being written (an upload on its way, an S3 body spooled for its length) live here until complete. */
export function partialDir(dataDir: string): string {
  return path.join(dataDir, 'attachments', '.partial');
}
