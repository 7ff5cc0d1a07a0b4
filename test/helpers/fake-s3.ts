import crypto from 'node:crypto';
import http from 'node:http';
import type { AddressInfo } from 'node:net';

/**
 * A loopback S3 (path-style) that keeps objects in memory and checks every request's SigV4 signature the way
 * AWS documents it. Written apart from src/storage/sigv4.ts on purpose: a signer that agreed only with
 * itself would pass against a copy of itself.
 */
export interface FakeS3 {
  url: string;
  bucket: string;
  accessKeyId: string;
  secretAccessKey: string;
  region: string;
  /** Stored objects by key. */
  objects: Map<string, Buffer>;
  /** Requests refused for their credentials or signature, with why. */
  refusals: string[];
  close(): Promise<void>;
}

const sha256 = (data: string | Buffer) => crypto.createHash('sha256').update(data).digest('hex');
const hmac = (key: Buffer | string, data: string) => crypto.createHmac('sha256', key).update(data).digest();

function expectedSignature(
  request: http.IncomingMessage,
  signedHeaders: string[],
  scope: string[],
  secret: string,
): string {
  const [date, region, service] = scope;
  const url = new URL(request.url!, 'http://x');
  const canonicalHeaders = signedHeaders.map((name) => `${name}:${String(request.headers[name]).trim()}\n`).join('');
  const canonical = [
    request.method,
    url.pathname,
    url.search.slice(1),
    canonicalHeaders,
    signedHeaders.join(';'),
    request.headers['x-amz-content-sha256'],
  ].join('\n');
  const stringToSign = `AWS4-HMAC-SHA256\n${request.headers['x-amz-date']}\n${scope.join('/')}\n${sha256(canonical)}`;
  const signingKey = hmac(hmac(hmac(hmac(`AWS4${secret}`, date), region), service), 'aws4_request');
  return crypto.createHmac('sha256', signingKey).update(stringToSign).digest('hex');
}

export async function startFakeS3(options: { bucket?: string; region?: string } = {}): Promise<FakeS3> {
  const bucket = options.bucket ?? 'switchboard-test';
  const region = options.region ?? 'eu-central-1';
  const accessKeyId = 'AKIDFAKES3TEST';
  const secretAccessKey = crypto.randomBytes(20).toString('base64');
  const objects = new Map<string, Buffer>();
  const refusals: string[] = [];

  const server = http.createServer(async (request, response) => {
    const chunks: Buffer[] = [];
    for await (const chunk of request) chunks.push(chunk as Buffer);
    const body = Buffer.concat(chunks);
    const refuse = (status: number, code: string) => {
      if (status === 403) refusals.push(`${request.method} ${request.url}: ${code}`);
      response.writeHead(status, { 'content-type': 'application/xml' }).end(`<Error><Code>${code}</Code></Error>`);
    };
    const match = /^AWS4-HMAC-SHA256 Credential=([^,]+),SignedHeaders=([^,]+),Signature=([0-9a-f]{64})$/.exec(
      request.headers.authorization ?? '',
    );
    if (!match) return refuse(403, 'AccessDenied');
    const [keyId, ...scope] = match[1].split('/');
    const signedHeaders = match[2].split(';');
    if (keyId !== accessKeyId || scope[1] !== region || scope[2] !== 's3' || scope[3] !== 'aws4_request')
      return refuse(403, 'InvalidAccessKeyId');
    if (
      !signedHeaders.includes('host') ||
      !signedHeaders.includes('x-amz-date') ||
      !signedHeaders.includes('x-amz-content-sha256')
    )
      return refuse(403, 'AccessDenied');
    const when = Date.parse(
      String(request.headers['x-amz-date']).replace(
        /^(\d{4})(\d{2})(\d{2})T(\d{2})(\d{2})(\d{2})Z$/,
        '$1-$2-$3T$4:$5:$6Z',
      ),
    );
    if (!(Math.abs(Date.now() - when) < 15 * 60_000) || !String(request.headers['x-amz-date']).startsWith(scope[0]))
      return refuse(403, 'RequestTimeTooSkewed');
    if (expectedSignature(request, signedHeaders, scope, secretAccessKey) !== match[3])
      return refuse(403, 'SignatureDoesNotMatch');
    if (request.headers['x-amz-content-sha256'] !== sha256(body)) return refuse(400, 'XAmzContentSHA256Mismatch');
    const [, pathBucket, ...keyParts] = new URL(request.url!, 'http://x').pathname.split('/');
    if (pathBucket !== bucket) return refuse(404, 'NoSuchBucket');
    const key = keyParts.map(decodeURIComponent).join('/');
    if (request.method === 'PUT') {
      objects.set(key, body);
      return response.writeHead(200, { etag: `"${crypto.createHash('md5').update(body).digest('hex')}"` }).end();
    }
    if (request.method === 'GET') {
      const object = objects.get(key);
      if (!object) return refuse(404, 'NoSuchKey');
      return response
        .writeHead(200, { 'content-length': object.length, 'content-type': 'binary/octet-stream' })
        .end(object);
    }
    if (request.method === 'DELETE') {
      objects.delete(key);
      return response.writeHead(204).end();
    }
    refuse(405, 'MethodNotAllowed');
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    bucket,
    accessKeyId,
    secretAccessKey,
    region,
    objects,
    refusals,
    close: () => new Promise((resolve) => server.close(() => resolve())),
  };
}

/** The settings that point Switchboard at the fake. */
export function fakeS3Env(s3: FakeS3): Record<string, string> {
  return {
    STORAGE: 's3',
    S3_ENDPOINT: s3.url,
    S3_BUCKET: s3.bucket,
    S3_REGION: s3.region,
    S3_ACCESS_KEY_ID: s3.accessKeyId,
    S3_SECRET_ACCESS_KEY: s3.secretAccessKey,
    S3_FORCE_PATH_STYLE: 'true',
  };
}
