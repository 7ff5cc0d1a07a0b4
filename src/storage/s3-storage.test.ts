import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, describe, expect, it } from 'vitest';
import { fakeS3Env, startFakeS3 } from '../../test/helpers/fake-s3.ts';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { formData, PNG_PIXEL } from '../../test/helpers/multipart.ts';
import { sweepOrphans } from '../domain/attachments/orphans.ts';
import { newStorageKey } from './object-storage.ts';
import { S3Storage } from './s3-storage.ts';
import { EMPTY_PAYLOAD_HASH, sha256Hex, signatureV4 } from './sigv4.ts';

const EXAMPLE_CREDENTIALS = {
  accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
  secretAccessKey: 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY',
  region: 'us-east-1',
  service: 's3',
};
const EXAMPLE_DATE = new Date('2013-05-24T00:00:00Z');

describe('SigV4', () => {
  // AWS's documented S3 examples ("Signature Calculations for the Authorization Header").
  it('signs the GET Object example as AWS documents it', () => {
    const headers = {
      host: 'examplebucket.s3.amazonaws.com',
      range: 'bytes=0-9',
      'x-amz-content-sha256': EMPTY_PAYLOAD_HASH,
      'x-amz-date': '20130524T000000Z',
    };
    expect(
      signatureV4(
        { method: 'GET', path: '/test.txt', query: '', headers, payloadHash: EMPTY_PAYLOAD_HASH },
        EXAMPLE_CREDENTIALS,
        EXAMPLE_DATE,
      ),
    ).toBe(
      'AWS4-HMAC-SHA256 Credential=AKIAIOSFODNN7EXAMPLE/20130524/us-east-1/s3/aws4_request,SignedHeaders=host;range;x-amz-content-sha256;x-amz-date,Signature=f0e8bdb87c964420e857bd35b5d6ed310bd44f0170aba48dd91039c6036bdb41',
    );
  });

  it('signs the PUT Object example as AWS documents it', () => {
    const payloadHash = sha256Hex('Welcome to Amazon S3.');
    expect(payloadHash).toBe('44ce7dd67c959e0d3524ffac1771dfbba87d2b6b4b4e99e42034a8b803f8b072');
    const headers = {
      date: 'Fri, 24 May 2013 00:00:00 GMT',
      host: 'examplebucket.s3.amazonaws.com',
      'x-amz-content-sha256': payloadHash,
      'x-amz-date': '20130524T000000Z',
      'x-amz-storage-class': 'REDUCED_REDUNDANCY',
    };
    expect(
      signatureV4(
        { method: 'PUT', path: '/test%24file.text', query: '', headers, payloadHash },
        EXAMPLE_CREDENTIALS,
        EXAMPLE_DATE,
      ),
    ).toMatch(/Signature=98ad721746da40c64f1a55b78f14c238d841ea1380cd77a1b5971af0ece108bd$/);
  });
});

const s3 = await startFakeS3();
afterAll(() => s3.close());
const spoolDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-s3-spool-'));
afterAll(() => fs.rmSync(spoolDir, { recursive: true, force: true }));
const settings = {
  endpoint: s3.url,
  bucket: s3.bucket,
  region: s3.region,
  accessKeyId: s3.accessKeyId,
  secretAccessKey: s3.secretAccessKey,
  forcePathStyle: true,
};

async function read(stream: Readable): Promise<Buffer> {
  const chunks: Buffer[] = [];
  for await (const chunk of stream) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks);
}

describe('S3 storage against a loopback S3', () => {
  const storage = new S3Storage(settings, spoolDir);

  it('puts, gets and deletes an object, every request signed', async () => {
    const refused = s3.refusals.length;
    const key = newStorageKey();
    const bytes = Buffer.alloc(300_000, 7);
    await storage.put(key, Readable.from([bytes.subarray(0, 100_000), bytes.subarray(100_000)]));
    expect(s3.objects.get(key)?.equals(bytes)).toBe(true);
    const object = await storage.get(key);
    expect(object?.length).toBe(bytes.length);
    expect((await read(object!.body)).equals(bytes)).toBe(true);
    await storage.delete(key);
    expect(s3.objects.has(key)).toBe(false);
    expect(await storage.get(key)).toBeUndefined();
    await storage.delete(key); // deleting what is gone is fine
    expect(s3.refusals.length).toBe(refused);
    expect(fs.readdirSync(spoolDir)).toEqual([]);
  });

  it('fails loudly on a wrong secret, keeping nothing', async () => {
    const wrong = new S3Storage({ ...settings, secretAccessKey: 'not-the-secret' }, spoolDir);
    const key = newStorageKey();
    await expect(wrong.put(key, Readable.from([Buffer.from('x')]))).rejects.toThrow(/403.*SignatureDoesNotMatch/);
    expect(s3.objects.has(key)).toBe(false);
    expect(fs.readdirSync(spoolDir)).toEqual([]);
  });

  it('sends nothing when the stream fails', async () => {
    const key = newStorageKey();
    const failing = new Readable({
      read() {
        this.destroy(new Error('client went away'));
      },
    });
    await expect(storage.put(key, failing)).rejects.toThrow(/client went away/);
    expect(s3.objects.has(key)).toBe(false);
    expect(fs.readdirSync(spoolDir)).toEqual([]);
  });
});

describe('attachments in S3 (STORAGE=s3)', async () => {
  const ctx = await createTestContext(fakeS3Env(s3));
  const f = await conversationFixture(ctx, 'Acme');

  it('stores an upload in the bucket, serves it back and removes it with its message', async () => {
    const refused = s3.refusals.length;
    const c = await f.openConversation();
    const { payload, contentType } = formData({ content: 'photo' }, [{ filename: 'photo.png', body: PNG_PIXEL }]);
    const sent = await ctx.app.inject({
      method: 'POST',
      url: `${f.base}/conversations/${c.id}/messages`,
      payload,
      headers: { 'content-type': contentType, api_access_token: f.account.api_access_token },
    });
    expect(sent.statusCode, sent.body).toBe(200);
    const row = await ctx.database.db
      .selectFrom('attachments')
      .select(['storage_key', 'data', 'checksum'])
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ storage_key: expect.any(String), data: null, checksum: sha256Hex(PNG_PIXEL) });
    expect(s3.objects.get(row.storage_key!)?.equals(PNG_PIXEL)).toBe(true);
    const served = await ctx.app.inject({ method: 'GET', url: new URL(sent.json().attachments[0].data_url).pathname });
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.rawPayload.equals(PNG_PIXEL)).toBe(true);
    await f.api.delete(`${f.base}/conversations/${c.id}/messages/${sent.json().id}`);
    expect(await sweepOrphans(ctx.database.db, ctx.app.deps.storage, { graceMs: 86_400_000 })).toBe(1);
    expect(s3.objects.has(row.storage_key!)).toBe(false);
    expect(s3.refusals.length).toBe(refused);
  });
});
