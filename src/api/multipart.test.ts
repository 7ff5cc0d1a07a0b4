import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../test/helpers/context.ts';
import { conversationFixture } from '../../test/helpers/fixtures.ts';
import { formData, type FormFile } from '../../test/helpers/multipart.ts';

/**
 * Upload limits (issue 11, item 7): per file, per request (count and bytes), tighter on the anonymous
 * Client API than on the authenticated APIs; over a limit the answer is a 413 in the dialect's shape and
 * nothing stays in storage.
 */
const KB = 1024;
const ctx = await createTestContext({
  UPLOAD_MAX_FILE_BYTES: String(300 * KB),
  UPLOAD_MAX_FILES: '4',
  UPLOAD_MAX_REQUEST_BYTES: String(700 * KB),
  PUBLIC_UPLOAD_MAX_FILE_BYTES: String(100 * KB),
  PUBLIC_UPLOAD_MAX_FILES: '2',
  PUBLIC_UPLOAD_MAX_REQUEST_BYTES: String(150 * KB),
});
const f = await conversationFixture(ctx, 'Acme');
const db = ctx.database.db;
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;
const contact = (await ctx.client().post(`${inboxPath}/contacts`, { name: 'Anonymous Visitor' })).body;
const conversation = (await ctx.client().post(`${inboxPath}/contacts/${contact.source_id}/conversations`, {})).body;
const clientMessages = `${inboxPath}/contacts/${contact.source_id}/conversations/${conversation.id}/messages`;

/** Every file under DATA_DIR/attachments, finished or partial. */
function filesInStorage(): string[] {
  const root = path.join(ctx.config.dataDir, 'attachments');
  if (!fs.existsSync(root)) return [];
  return fs
    .readdirSync(root, { recursive: true, withFileTypes: true })
    .filter((e) => e.isFile())
    .map((e) => path.join(e.parentPath, e.name));
}

const bytes = (size: number, fill = 0x61) => Buffer.alloc(size, fill);
const files = (...sizes: number[]): FormFile[] =>
  sizes.map((size, i) => ({ filename: `part-${i}.bin`, body: bytes(size) }));

function post(url: string, form: { payload: Buffer; contentType: string }, token?: string) {
  const headers: Record<string, string> = {
    'content-type': form.contentType,
    ...(token ? { api_access_token: token } : {}),
  };
  return ctx.app.inject({ method: 'POST', url, payload: form.payload, headers });
}

async function messageCount(): Promise<number> {
  const row = await db
    .selectFrom('messages')
    .select((eb) => eb.fn.countAll<string>().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

describe('anonymous uploads (Client API)', () => {
  it('refuses a file over the Client API limit with 413, storing nothing', async () => {
    const before = await messageCount();
    const res = await post(clientMessages, formData({ content: 'big' }, files(100 * KB + 1)));
    expect(res.statusCode).toBe(413);
    expect(res.json()).toEqual({ error: expect.stringMatching(/part-0\.bin is larger than the 102400 bytes/) });
    expect(filesInStorage()).toEqual([]);
    expect(await messageCount()).toBe(before);
  });

  it('refuses more files than the Client API allows, removing those already stored', async () => {
    const res = await post(clientMessages, formData({ content: 'many' }, files(10, 10, 10)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/at most 2 files/);
    expect(filesInStorage()).toEqual([]);
    expect(await db.selectFrom('storage_orphans').selectAll().execute()).toEqual([]);
  });

  it('refuses a request over the Client API total, removing the file stored before it', async () => {
    const res = await post(clientMessages, formData({ content: 'two' }, files(80 * KB, 80 * KB)));
    expect(res.statusCode).toBe(413);
    expect(res.json().error).toMatch(/larger than the 153600 bytes allowed/);
    expect(res.headers.connection).toBe('close');
    expect(filesInStorage()).toEqual([]);
  });

  it('accepts what is within the limits, every file stored', async () => {
    const res = await post(clientMessages, formData({ content: 'fine' }, files(90 * KB, 50 * KB)));
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().attachments.map((a: { file_size: number }) => a.file_size)).toEqual([90 * KB, 50 * KB]);
    expect(filesInStorage()).toHaveLength(2);
  });
});

describe('authenticated uploads (Application API)', () => {
  it('takes files the Client API refuses, up to its own limits', async () => {
    const c = await f.openConversation();
    const url = `${f.base}/conversations/${c.id}/messages`;
    const stored = filesInStorage().length;
    const ok = await post(url, formData({ content: 'report' }, files(250 * KB)), f.account.api_access_token);
    expect(ok.statusCode, ok.body).toBe(200);
    const served = await ctx.app.inject({ method: 'GET', url: new URL(ok.json().attachments[0].data_url).pathname });
    expect(served.rawPayload.equals(bytes(250 * KB))).toBe(true);
    expect(filesInStorage()).toHaveLength(stored + 1);
    const tooBig = await post(url, formData({ content: 'x' }, files(300 * KB + 1)), f.account.api_access_token);
    expect(tooBig.statusCode).toBe(413);
    const tooMany = await post(url, formData({ content: 'x' }, files(1, 1, 1, 1, 1)), f.account.api_access_token);
    expect(tooMany.statusCode).toBe(413);
    expect(filesInStorage()).toHaveLength(stored + 1);
  });

  it('leaves nothing behind when the message is refused after its files were stored', async () => {
    const stored = filesInStorage().length;
    const c = await f.openConversation();
    const refused = await post(
      `${f.base}/conversations/${c.id}/messages`,
      formData({ content: 'x', content_type: 'input_select', private: 'sometimes' }, files(10)),
      f.account.api_access_token,
    );
    expect(refused.statusCode).toBe(422);
    const missing = await post(
      `${f.base}/conversations/999999/messages`,
      formData({ content: 'x' }, files(10)),
      f.account.api_access_token,
    );
    expect(missing.statusCode).toBe(404);
    expect(filesInStorage()).toHaveLength(stored);
  });

  it('stores nothing for a caller refused before its body is read', async () => {
    const stored = filesInStorage().length;
    const stranger = await ctx.account('Other');
    const res = await post(
      `${f.base}/conversations/1/messages`,
      formData({ content: 'x' }, files(10)),
      stranger.api_access_token,
    );
    expect(res.statusCode).toBe(401);
    expect(filesInStorage()).toHaveLength(stored);
  });

  it('reads and drops files sent to a route that takes none', async () => {
    const stored = filesInStorage().length;
    const form = formData({ name: 'With Avatar', email: 'avatar@example.com' }, [
      { field: 'avatar', filename: 'me.png', body: bytes(10) },
    ]);
    const res = await post(`${f.base}/contacts`, form, f.account.api_access_token);
    expect(res.statusCode, res.body).toBe(200);
    const wtsForm = formData({ name: 'Form Contact', phonenumber: '5511999990000' }, files(10));
    const wts = await ctx.app.inject({
      method: 'POST',
      url: '/core/v1/contact',
      payload: wtsForm.payload,
      headers: { 'content-type': wtsForm.contentType, authorization: `Bearer ${f.account.api_access_token}` },
    });
    expect(wts.statusCode, wts.body).toBeLessThan(500);
    expect(filesInStorage()).toHaveLength(stored);
  });

  it("answers an over-limit form in the WTS dialect's own error shape", async () => {
    const form = formData({ name: 'Form Contact' }, files(1, 1, 1, 1, 1));
    const res = await ctx.app.inject({
      method: 'POST',
      url: '/core/v1/contact',
      payload: form.payload,
      headers: { 'content-type': form.contentType, authorization: `Bearer ${f.account.api_access_token}` },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({
      httpStatusCode: 413,
      error: true,
      key: 'ERROR_PAYLOAD_TOO_LARGE',
      text: expect.stringMatching(/at most 4 files/),
    });
  });

  it('answers a malformed or cut-off form with 400, keeping no part of its files', async () => {
    const stored = filesInStorage().length;
    const c = await f.openConversation();
    const url = `${f.base}/conversations/${c.id}/messages`;
    const noBoundary = await ctx.app.inject({
      method: 'POST',
      url,
      payload: 'x',
      headers: { 'content-type': 'multipart/form-data', api_access_token: f.account.api_access_token },
    });
    expect(noBoundary.statusCode).toBe(400);
    expect(noBoundary.json().error).toMatch(/multipart body is malformed/);
    const form = formData({ content: 'cut' }, files(50 * KB));
    const cut = await post(
      url,
      { payload: form.payload.subarray(0, 30 * KB), contentType: form.contentType },
      f.account.api_access_token,
    );
    expect(cut.statusCode).toBe(400);
    expect(filesInStorage()).toHaveLength(stored);
  });
});
