import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { formData, PNG_PIXEL, type FormFile } from '../../../test/helpers/multipart.ts';

/**
 * Attachments are served from the API's origin (and soon the dashboard's): a file anyone can upload through
 * the Client API must never come back as a page that runs script there (issue 11, item 6), and any name
 * must download (item 11: `文件.txt` answered 500).
 */
const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;

const contact = (await ctx.client().post(`${inboxPath}/contacts`, { name: 'Anonymous Visitor' })).body;
const conversation = (await ctx.client().post(`${inboxPath}/contacts/${contact.source_id}/conversations`, {})).body;

/** Posts files as the anonymous contact (Client API): answers the message as presented. */
async function sendAnonymously(files: FormFile[]) {
  const { payload, contentType } = formData({ content: 'see attached' }, files);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${inboxPath}/contacts/${contact.source_id}/conversations/${conversation.id}/messages`,
    payload,
    headers: { 'content-type': contentType },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

async function sendAsAgent(displayId: number, files: FormFile[]) {
  const { payload, contentType } = formData({ content: 'from the agent' }, files);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${f.base}/conversations/${displayId}/messages`,
    payload,
    headers: { 'content-type': contentType, api_access_token: f.account.api_access_token },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const download = (dataUrl: string) => ctx.app.inject({ method: 'GET', url: new URL(dataUrl).pathname });

function expectServedAsDownload(res: Awaited<ReturnType<typeof download>>) {
  expect(res.statusCode).toBe(200);
  expect(res.headers['content-type']).toBe('application/octet-stream');
  expect(res.headers['content-disposition']).toMatch(/^attachment;/);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['content-security-policy']).toMatch(/default-src 'none'/);
  expect(res.headers['content-security-policy']).toMatch(/sandbox/);
}

const HTML =
  '<!doctype html><html><body><script>fetch("/api/v1/profile").then(r => r.text()).then(alert)</script></body></html>';
const SVG = '<svg xmlns="http://www.w3.org/2000/svg"><script>alert(document.domain)</script></svg>';

describe('attachment downloads', () => {
  it('serves an HTML page sent anonymously as a download, never as a page of this origin', async () => {
    const message = await sendAnonymously([{ filename: 'invoice.html', type: 'text/html', body: HTML }]);
    expect(message.attachments[0]).toMatchObject({ file_type: 'file', extension: 'html' });
    const res = await download(message.attachments[0].data_url);
    expectServedAsDownload(res);
    expect(res.body).toBe(HTML);
  });

  it('serves SVG as a download: an image that carries script is not a safe image', async () => {
    const message = await sendAnonymously([{ filename: 'logo.svg', type: 'image/svg+xml', body: SVG }]);
    expect(message.attachments[0]).toMatchObject({ file_type: 'file', thumb_url: '' });
    expectServedAsDownload(await download(message.attachments[0].data_url));
  });

  it('types a file by its bytes, not by the type or name a client claims', async () => {
    const c = await f.openConversation();
    const message = await sendAsAgent(c.id, [
      { filename: 'cat.png', type: 'image/png', body: HTML },
      { filename: 'scan', type: 'application/octet-stream', body: PNG_PIXEL },
    ]);
    const [disguised, image] = message.attachments;
    expect(disguised).toMatchObject({ file_type: 'file', extension: 'png', thumb_url: '' });
    expectServedAsDownload(await download(disguised.data_url));
    expect(image).toMatchObject({ file_type: 'image', thumb_url: image.data_url });
    const served = await download(image.data_url);
    expect(served.headers['content-type']).toBe('image/png');
    expect(served.headers['content-disposition']).toBe('inline; filename="scan"');
    expect(served.headers['x-content-type-options']).toBe('nosniff');
    expect(served.headers['content-security-policy']).toBe("default-src 'none'; sandbox");
    expect(served.rawPayload.equals(PNG_PIXEL)).toBe(true);
    const head = await ctx.app.inject({ method: 'HEAD', url: new URL(image.data_url).pathname });
    expect(head.statusCode).toBe(200);
    expect(head.headers['content-length']).toBe(String(PNG_PIXEL.length));
    // WTS presents the same sniffed type.
    const wts = ctx.client(undefined, { authorization: `Bearer ${f.account.api_access_token}` });
    const listed = await wts.get(`/chat/v1/session/${c.uuid}/message`);
    const files = listed.body.items.find((m: { text: string }) => m.text === 'from the agent').details.files;
    expect(files.map((file: { mimeType: string; type: string }) => [file.mimeType, file.type])).toEqual([
      ['application/octet-stream', 'UNDEFINED'],
      ['image/png', 'IMAGE'],
    ]);
    expect(files[1].publicUrl).toBe(image.data_url);
  });

  it('shows PDFs and audio inline; a PDF without `sandbox`, which browsers’ PDF viewers refuse', async () => {
    const message = await sendAnonymously([
      { filename: 'terms.pdf', type: 'application/pdf', body: '%PDF-1.7\n1 0 obj\n<<>>\nendobj\n%%EOF\n' },
      {
        filename: 'voice.mp3',
        type: 'audio/mpeg',
        body: Buffer.concat([Buffer.from('ID3\x04\x00\x00\x00\x00\x00\x00', 'latin1'), Buffer.alloc(64)]),
      },
    ]);
    const [pdf, audio] = message.attachments;
    expect([pdf.file_type, audio.file_type]).toEqual(['file', 'audio']);
    const servedPdf = await download(pdf.data_url);
    expect(servedPdf.headers['content-type']).toBe('application/pdf');
    expect(servedPdf.headers['content-disposition']).toBe('inline; filename="terms.pdf"');
    expect(servedPdf.headers['content-security-policy']).toBe("default-src 'none'");
    const servedAudio = await download(audio.data_url);
    expect(servedAudio.headers['content-type']).toBe('audio/mpeg');
    expect(servedAudio.headers['content-disposition']).toMatch(/^inline;/);
  });
});

describe('linked files', () => {
  it('never turns our download address into a redirect to the linked site (no open redirect on this origin)', async () => {
    const message = await sendAnonymously([{ filename: 'note.txt', type: 'text/plain', body: 'hello' }]);
    const accessKey = 'linkedfilekey0000000000000000000';
    const linked = await ctx.database.db
      .insertInto('attachments')
      .values({
        account_id: f.account.account_id,
        message_id: message.id,
        file_type: 'file',
        filename: 'x.pdf',
        content_type: 'application/pdf',
        extension: 'pdf',
        file_size: 0,
        external_url: 'https://evil.example/phish',
        access_key: accessKey,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const res = await ctx.app.inject({ method: 'GET', url: `/attachments/${linked.id}/${accessKey}/x.pdf` });
    expect(res.statusCode).toBe(404);
    expect(res.headers.location).toBeUndefined();
  });
});

describe('attachment names', () => {
  it('downloads a file named in any script (RFC 6266 / 5987 Content-Disposition)', async () => {
    const message = await sendAnonymously([{ filename: '文件.txt', type: 'text/plain', body: 'hello' }]);
    const res = await download(message.attachments[0].data_url);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toBe(
      `attachment; filename="__.txt"; filename*=UTF-8''%E6%96%87%E4%BB%B6.txt`,
    );
    expect(res.body).toBe('hello');
  });

  it('stores names without directories, quotes or control characters', async () => {
    const message = await sendAnonymously([
      { filename: '..\\..\\re\\"port\u0007\u202egnp.exe', type: 'application/octet-stream', body: 'x' },
    ]);
    const row = await ctx.database.db
      .selectFrom('attachments')
      .select(['filename', 'extension'])
      .where('id', '=', message.attachments[0].id)
      .executeTakeFirstOrThrow();
    expect(row).toEqual({ filename: 'reportgnp.exe', extension: 'exe' });
    const res = await download(message.attachments[0].data_url);
    expect(res.headers['content-disposition']).toBe('attachment; filename="reportgnp.exe"');
  });
});
