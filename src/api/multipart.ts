import { Busboy, type BusboyInstance } from '@fastify/busboy';
import { Transform, type Readable } from 'node:stream';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import type { UploadLimits } from '../config.ts';
import { AppError } from '../errors.ts';
import { ReceivedFile, receiveFile, tooLarge } from '../domain/attachments/upload.ts';
import { releaseUnclaimed } from '../domain/attachments/orphans.ts';
import { nestFormFields } from './body/nest.ts';

/**
 * Multipart bodies (generated SDKs post every message this way) are read by the API a route belongs to,
 * after its authentication, with that API's limits: files stream into storage as they arrive, the fields
 * become a plain object for validation, and nothing of a file is ever held whole in memory.
 */

/** Requests whose multipart body nobody has read yet. */
const unread = new WeakSet<FastifyRequest>();
/** Storage keys of the files each request stored, released after the answer unless a row claimed them. */
const storedKeys = new WeakMap<FastifyRequest, string[]>();

/** Text fields of a form together may carry what a JSON body may (app.ts bodyLimit). */
const MAX_FIELD_BYTES = 4 * 1024 * 1024;
const PARSER_LIMITS = { fieldNameSize: 200, fieldSize: 1024 * 1024, fields: 200, parts: 300, headerPairs: 100 };

export function isUploadedFile(value: unknown): value is ReceivedFile {
  return value instanceof ReceivedFile;
}

export async function registerMultipart(app: FastifyInstance): Promise<void> {
  app.addContentTypeParser('multipart/form-data', (request, _payload, done) => {
    unread.add(request);
    done(null, undefined);
  });
  // onSend runs once the handler (or the error handler) is done, whatever the outcome and even for a client
  // that went away: files no attachment row claimed are removed before the answer leaves.
  app.addHook('onSend', async (request) => {
    const keys = storedKeys.get(request);
    if (!keys?.length) return;
    storedKeys.delete(request);
    const { db, storage } = request.server.deps;
    await releaseUnclaimed(db, storage, keys).catch((err) =>
      request.log.warn({ err }, 'uploads not released; the storage sweeper will remove them'),
    );
  });
}

/** preValidation: turns a multipart body into plain fields; files land in storage (only the route's `uploadField`). */
export async function readMultipartBody(
  request: FastifyRequest,
  reply: FastifyReply,
  limits: UploadLimits,
): Promise<void> {
  if (!unread.has(request)) return;
  unread.delete(request);
  try {
    request.body = await parseMultipart(request, limits);
  } catch (error) {
    // What the client is still sending is not wanted: close the connection after the answer rather than read it.
    if (!request.raw.complete) reply.header('connection', 'close');
    throw error;
  }
}

/** Files are taken under the route's `uploadField`, plain or under its body wrapper (`message[attachments][]`). */
function takesFile(name: string, uploadField: string | undefined, wrapper: string | undefined): boolean {
  if (!uploadField) return false;
  const field = name.replace(/\[\]$/, '');
  return field === uploadField || (wrapper !== undefined && field === `${wrapper}[${uploadField}]`);
}

function parseMultipart(request: FastifyRequest, limits: UploadLimits): Promise<Record<string, unknown>> {
  const declaredLength = Number(request.headers['content-length']);
  const overRequest = () => tooLarge(`The request is larger than the ${limits.maxRequestBytes} bytes allowed`);
  if (declaredLength > limits.maxRequestBytes) return Promise.reject(overRequest());
  let parser: BusboyInstance;
  try {
    parser = Busboy({ headers: request.headers as never, limits: { ...PARSER_LIMITS, files: limits.maxFiles } });
  } catch (error) {
    return Promise.reject(new AppError('bad_request', `The multipart body is malformed: ${(error as Error).message}`));
  }
  const { db, storage } = request.server.deps;
  const { uploadField, bodyWrapper } = request.routeOptions.config;
  const keys: string[] = [];
  storedKeys.set(request, keys);

  return new Promise((resolve, reject) => {
    const entries: [string, unknown][] = [];
    const files: Promise<ReceivedFile>[] = [];
    const active = new Set<Readable>();
    let requestBytes = 0;
    let fieldBytes = 0;
    let failed = false;

    const meter = new Transform({
      transform(chunk: Buffer, _encoding, callback) {
        requestBytes += chunk.length;
        callback(requestBytes > limits.maxRequestBytes ? overRequest() : null, chunk);
      },
    });
    const fail = (error: unknown) => {
      if (failed) return;
      failed = true;
      request.raw.unpipe(meter);
      for (const stream of active) stream.destroy(error as Error);
      // Reject once every file has settled: stored ones are in `keys` for release, partial ones removed.
      void Promise.allSettled(files).then(() => reject(error));
    };
    parser.on('field', (name, value, _nameTruncated, valueTruncated) => {
      if (failed) return;
      fieldBytes += value.length;
      if (valueTruncated || fieldBytes > MAX_FIELD_BYTES)
        return fail(tooLarge(`The form's fields are larger than allowed (${name})`));
      entries.push([name, value]);
    });
    parser.on('file', (name, stream, filename, _encoding, mimetype) => {
      if (failed || !takesFile(name, uploadField, bodyWrapper)) {
        stream.resume(); // read and dropped: this route takes no files under that name
        return;
      }
      active.add(stream);
      const file = receiveFile(db, storage, stream, { filename, mimetype }, limits.maxFileBytes).then((received) => {
        keys.push(received.storageKey);
        return received;
      });
      file.catch(fail).finally(() => active.delete(stream));
      files.push(file);
      entries.push([name, file]);
    });
    parser.on('filesLimit', () => fail(tooLarge(`A request may carry at most ${limits.maxFiles} files`)));
    parser.on('fieldsLimit', () => fail(tooLarge('The form has too many fields')));
    parser.on('partsLimit', () => fail(tooLarge('The form has too many parts')));
    parser.on('error', (error: Error) =>
      fail(new AppError('bad_request', `The multipart body is malformed: ${error.message}`)),
    );
    parser.on('finish', () => {
      Promise.all(files)
        .then(async () => {
          if (failed) return;
          // Bracketed names nest as in a urlencoded form; `attachments[]` is a list even with one file (Rails' rule).
          const fields = await Promise.all(entries.map(async ([name, pending]) => [name, await pending] as const));
          const body = nestFormFields(fields);
          resolve(body);
        })
        .catch(fail);
    });
    meter.on('error', fail);
    request.raw.on('close', () => {
      if (!request.raw.complete) fail(new AppError('bad_request', 'The request ended before its body did'));
    });
    request.raw.pipe(meter).pipe(parser);
  });
}
