import crypto from 'node:crypto';
import fs from 'node:fs';
import { once } from 'node:events';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import type { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import { assertStorageKey, type ObjectStorage, type StoredObject } from './object-storage.ts';
import { amzDate, EMPTY_PAYLOAD_HASH, signatureV4, uriEncode } from './sigv4.ts';

export interface S3Settings {
  endpoint: string;
  bucket: string;
  region: string;
  accessKeyId: string;
  secretAccessKey: string;
  /** `endpoint/bucket/key` (MinIO and most self-hosted stores) instead of `bucket.endpoint/key`. */
  forcePathStyle: boolean;
}

/** A store that stops answering must not hold an upload or a download forever. */
const IDLE_TIMEOUT_MS = 30_000;

interface Body {
  stream: Readable;
  length: number;
  sha256: string;
}

async function failure(response: http.IncomingMessage, what: string): Promise<Error> {
  let text = '';
  for await (const chunk of response) if (text.length < 2048) text += String(chunk);
  return new Error(`S3 ${what} answered ${response.statusCode}: ${text.slice(0, 2048)}`);
}

/** An S3-compatible bucket, spoken to directly: three requests, signed with SigV4. */
export class S3Storage implements ObjectStorage {
  private readonly settings: S3Settings;
  private readonly spoolDir: string;

  constructor(settings: S3Settings, spoolDir: string) {
    this.settings = settings;
    this.spoolDir = spoolDir;
  }

  private send(method: string, key: string, body?: Body): Promise<http.IncomingMessage> {
    assertStorageKey(key);
    const { bucket, forcePathStyle } = this.settings;
    const endpoint = new URL(this.settings.endpoint);
    const basePath = endpoint.pathname.replace(/\/$/, '');
    const objectPath = key.split('/').map(uriEncode).join('/');
    const hostname = forcePathStyle ? endpoint.hostname : `${bucket}.${endpoint.hostname}`;
    const host = endpoint.port ? `${hostname}:${endpoint.port}` : hostname;
    const requestPath = forcePathStyle ? `${basePath}/${uriEncode(bucket)}/${objectPath}` : `${basePath}/${objectPath}`;
    const date = new Date();
    const payloadHash = body?.sha256 ?? EMPTY_PAYLOAD_HASH;
    const signed = { host, 'x-amz-date': amzDate(date), 'x-amz-content-sha256': payloadHash };
    const authorization = signatureV4(
      { method, path: requestPath, query: '', headers: signed, payloadHash },
      { ...this.settings, service: 's3' },
      date,
    );
    const transport = endpoint.protocol === 'https:' ? https : http;
    const request = transport.request({
      method,
      hostname,
      port: endpoint.port || undefined,
      path: requestPath,
      headers: { ...signed, authorization, 'content-length': String(body?.length ?? 0) },
      timeout: IDLE_TIMEOUT_MS,
    });
    return new Promise((resolve, reject) => {
      request.on('timeout', () => request.destroy(new Error(`S3 ${method} timed out`)));
      request.on('error', reject);
      request.on('response', resolve);
      if (body) pipeline(body.stream, request).catch(reject);
      else request.end();
    });
  }

  /** S3 wants the length (and here the hash) before the body: the stream is spooled to a local file first. */
  async put(key: string, body: Readable): Promise<void> {
    await fs.promises.mkdir(this.spoolDir, { recursive: true });
    const spool = path.join(this.spoolDir, `${crypto.randomBytes(8).toString('hex')}.s3.part`);
    const file = fs.createWriteStream(spool, { flags: 'wx' });
    try {
      const hash = crypto.createHash('sha256');
      let length = 0;
      await pipeline(
        body,
        async function* (source: AsyncIterable<Buffer>) {
          for await (const chunk of source) {
            hash.update(chunk);
            length += chunk.length;
            yield chunk;
          }
        },
        file,
      );
      const response = await this.send('PUT', key, {
        stream: fs.createReadStream(spool),
        length,
        sha256: hash.digest('hex'),
      });
      if (response.statusCode !== 200) throw await failure(response, 'PUT');
      response.resume();
    } finally {
      // A body that fails at once can fail before the file is even open: wait until it is closed, or its
      // opening would create the file again after it was removed.
      if (!file.closed) await once(file, 'close').catch(() => {});
      await fs.promises.rm(spool, { force: true });
    }
  }

  async get(key: string): Promise<StoredObject | undefined> {
    const response = await this.send('GET', key);
    if (response.statusCode === 404) {
      response.resume();
      return undefined;
    }
    if (response.statusCode !== 200) throw await failure(response, 'GET');
    // The body now flows at the pace of whoever downloads it: a slow reader is not an idle store.
    response.socket.setTimeout(0);
    return { body: response, length: Number(response.headers['content-length']) };
  }

  async delete(key: string): Promise<void> {
    const response = await this.send('DELETE', key);
    if (response.statusCode !== 204 && response.statusCode !== 200 && response.statusCode !== 404)
      throw await failure(response, 'DELETE');
    response.resume();
  }
}
