import path from 'node:path';
import type { Config } from '../config.ts';
import { LocalStorage } from './local-storage.ts';
import { partialDir, type ObjectStorage } from './object-storage.ts';
import { S3Storage } from './s3-storage.ts';

/** The configured attachment store: a local folder, or an S3-compatible bucket. */
export function createStorage(config: Pick<Config, 'storage' | 'dataDir'>): ObjectStorage {
  const settings = config.storage;
  return settings.kind === 's3'
    ? new S3Storage(settings, partialDir(config.dataDir))
    : new LocalStorage(path.join(config.dataDir, 'attachments'));
}
