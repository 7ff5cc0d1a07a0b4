import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';
import { sendDueScheduled } from '../../../../domain/scheduled_messages/send.ts';

/** WTS files: upload URL → PUT of the bytes → save → `fileId` in every send, stored as an attachment. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const other = await wtsFixture(ctx, 'Other');
const { api, base, wts } = f;
const db = ctx.database.db;

const PNG = Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), Buffer.alloc(200, 7)]);
const pathOf = (url: string) => new URL(url).pathname;
const putBytes = (url: string, bytes: Buffer, headers: Record<string, string> = { 'content-type': 'image/png' }) =>
  ctx.app.inject({ method: 'PUT', url: pathOf(url), payload: bytes, headers });

async function uploadV2(client = wts, name = 'photo.png'): Promise<string> {
  const url = await client.get('/core/v2/file', { Type: 'UNDEFINED', Name: name, MimeType: 'image/png' });
  expect(url.status, url.text).toBe(200);
  expect((await putBytes(url.body.urlUpload, PNG)).statusCode).toBe(200);
  const saved = await client.post('/core/v2/file', { tempFileId: url.body.tempFileId });
  expect(saved.status, saved.text).toBe(200);
  return saved.body.id;
}

async function attachmentsOf(messageId: string) {
  const message = await db
    .selectFrom('messages')
    .select(['id', 'conversation_id'])
    .where('uuid', '=', messageId)
    .executeTakeFirstOrThrow();
  return db.selectFrom('attachments').selectAll().where('message_id', '=', message.id).execute();
}

describe('the /core/v2/file upload', () => {
  it('gives a signed URL, takes the bytes once, and saves a sendable file', async () => {
    const url = await wts.get('/core/v2/file', { Type: 'IMAGE', Name: 'paisagem.png', MimeType: 'image/png' });
    expect(url.status, url.text).toBe(200);
    expect(url.body).toEqual({
      tempFileId: expect.any(String),
      urlUpload: expect.stringMatching(/\/core\/v2\/file\/upload\/[\w-]{40,}$/),
    });
    const stored = await db
      .selectFrom('wts_files')
      .select('upload_token_hash')
      .where('uuid', '=', url.body.tempFileId)
      .executeTakeFirstOrThrow();
    expect(url.body.urlUpload).not.toContain(stored.upload_token_hash);

    const early = await wts.post('/core/v2/file', { tempFileId: url.body.tempFileId });
    expect(early.status).toBe(400);
    expect(early.body).toMatchObject({ error: true, httpStatusCode: 400, text: expect.stringMatching(/not uploaded/) });

    const put = await putBytes(url.body.urlUpload, PNG);
    expect(put.statusCode, put.body).toBe(200);
    const again = await putBytes(url.body.urlUpload, PNG);
    expect(again.statusCode).toBe(404);
    expect(JSON.parse(again.body)).toMatchObject({
      error: true,
      text: expect.stringMatching(/expired or was already used/),
    });

    const saved = await wts.post('/core/v2/file', { tempFileId: url.body.tempFileId });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({
      id: url.body.tempFileId,
      companyId: f.companyId,
      name: 'paisagem.png',
      extension: 'png',
      mimeType: 'image/png',
      type: 'IMAGE',
      size: PNG.length,
    });
  });

  it('refuses an expired URL', async () => {
    const url = await wts.get('/core/v2/file', { Name: 'late.png' });
    await db
      .updateTable('wts_files')
      .set({ upload_expires_at: new Date(Date.now() - 1000) })
      .where('uuid', '=', url.body.tempFileId)
      .execute();
    expect((await putBytes(url.body.urlUpload, PNG)).statusCode).toBe(404);
    const row = await db
      .selectFrom('wts_files')
      .select('storage_key')
      .where('uuid', '=', url.body.tempFileId)
      .executeTakeFirstOrThrow();
    expect(row.storage_key).toBeNull();
  });

  it('refuses bad input with the WTS envelope and stores nothing', async () => {
    const before = (await db.selectFrom('wts_files').select('id').execute()).length;
    const missing = await wts.get('/core/v2/file', {});
    expect(missing.status).toBe(400);
    expect(missing.body).toMatchObject({ error: true, httpStatusCode: 400 });
    expect((await wts.get('/core/v2/file', { Name: 'x.png', Type: 'SPREADSHEET' })).status).toBe(400);
    expect((await wts.post('/core/v2/file', { tempFileId: 'nope' })).status).toBe(400);
    expect((await wts.post('/core/v1/file/upload', {})).status).toBe(400);
    expect((await db.selectFrom('wts_files').select('id').execute()).length).toBe(before);
    expect((await putBytes('http://x/core/v2/file/upload/not-a-real-token-at-all-000000', PNG)).statusCode).toBe(404);
  });

  it('asks for a token on everything but the signed URL', async () => {
    const anonymous = ctx.client();
    expect((await anonymous.get('/core/v2/file', { Name: 'x.png' })).status).toBe(401);
    expect((await anonymous.post('/core/v2/file', { tempFileId: '00000000-0000-4000-8000-000000000000' })).status).toBe(
      401,
    );
  });

  it("another company's file is not theirs to save or send", async () => {
    const id = await uploadV2();
    const saved = await other.wts.post('/core/v2/file', { tempFileId: id });
    expect(saved.status).toBe(400);
    expect(saved.body.text).toMatch(/is not a file of this company/);
    const sent = await other.wts.post('/chat/v1/message/send', {
      from: other.channelId,
      to: '+5511977771000',
      body: { fileId: id },
    });
    expect(sent.status).toBe(400);
    expect(sent.body).toMatchObject({
      error: true,
      text: expect.stringMatching(/fileId .* is not a file of this company/),
    });
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511977771000').execute(),
    ).toHaveLength(0);
  });
});

describe('the n8n node’s upload (/core/v1/file/upload + PUT /core/v1/file)', () => {
  it('uploads and saves, and the id sends as in Send File To Contact', async () => {
    const url = await wts.post('/core/v1/file/upload', { mimeType: 'image/png', name: 'n8n.png' });
    expect(url.status, url.text).toBe(200);
    expect(url.body).toMatchObject({ urlUpload: expect.any(String), keyS3: expect.any(String) });
    expect(
      (await putBytes(url.body.urlUpload, PNG, { 'content-type': 'image/png', 'content-length': String(PNG.length) }))
        .statusCode,
    ).toBe(200);
    const saved = await wts.put('/core/v1/file', {
      name: 'n8n.png',
      keyS3: url.body.keyS3,
      mimeType: 'image/png',
      generateThumb: false,
    });
    expect(saved.status, saved.text).toBe(200);
    expect(saved.body).toMatchObject({ id: expect.any(String), name: 'n8n.png', type: 'IMAGE' });

    // the node's body: fileUrl null beside the fileId, user and department null (no agent, no department)
    const sent = await wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511977771001',
      body: { fileUrl: null, fileId: saved.body.id },
      options: { enableBot: false, hiddenSession: false, forceStartSession: false },
      user: { id: null },
      department: { id: null },
    });
    expect(sent.status, sent.text).toBe(200);
    const [attachment] = await attachmentsOf(sent.body.id);
    expect(attachment).toMatchObject({
      filename: 'n8n.png',
      content_type: 'image/png',
      file_type: 'image',
      file_size: PNG.length,
    });
  });
});

describe('fileId in every send', () => {
  it('POST /chat/v1/message/send and send-sync store it as an attachment, visible through Chatwoot', async () => {
    const id = await uploadV2();
    for (const path of ['/chat/v1/message/send', '/chat/v1/message/send-sync']) {
      const sent = await wts.post(path, {
        from: f.channelId,
        to: '+5511977771002',
        body: { fileId: id, text: 'the photo' },
      });
      expect(sent.status, sent.text).toBe(200);
      expect(await attachmentsOf(sent.body.id)).toHaveLength(1);
    }
    const conversation = await db
      .selectFrom('conversations')
      .select('display_id')
      .where(
        'contact_id',
        '=',
        (
          await db
            .selectFrom('contacts')
            .select('id')
            .where('phone_number', '=', '+5511977771002')
            .executeTakeFirstOrThrow()
        ).id,
      )
      .executeTakeFirstOrThrow();
    const messages = (await api.get(`${base}/conversations/${conversation.display_id}/messages`)).body.payload;
    const withFile = messages.filter((m: any) => m.attachments?.length);
    expect(withFile).toHaveLength(2);
    expect(withFile[0].attachments[0]).toMatchObject({ file_type: 'image', data_url: expect.any(String) });
    const download = await ctx.app.inject({
      method: 'GET',
      url: new URL(withFile[0].attachments[0].data_url).pathname + new URL(withFile[0].attachments[0].data_url).search,
    });
    expect(download.statusCode).toBe(200);
    expect(download.rawPayload.equals(PNG)).toBe(true);
  });

  it('the session message, the typed senders (fileIdOrUrl) and a scheduled message take it too', async () => {
    const id = await uploadV2();
    const s = await f.openSession();
    const inSession = await wts.post(`/chat/v1/session/${s.id}/message`, { fileId: id });
    expect(inSession.status, inSession.text).toBe(200);
    const typed = await wts.post('/chat/v1/send/image', { from: f.channelId, to: '+5511977771003', fileIdOrUrl: id });
    expect(typed.status, typed.text).toBe(200);
    expect(await attachmentsOf(typed.body.id)).toHaveLength(1);
    const scheduled = await wts.post('/chat/v1/scheduled-message', {
      from: f.channelId,
      to: '+5511977771004',
      type: 'TEMPLATE',
      scheduling: new Date(Date.now() - 1000).toISOString(),
      text: 'later',
      templateParams: { fileId: id },
    });
    expect(scheduled.status, scheduled.text).toBe(200);
    await sendDueScheduled(db);
    const row = await db
      .selectFrom('scheduled_messages')
      .select(['status', 'message_id'])
      .where('uuid', '=', scheduled.body.id)
      .executeTakeFirstOrThrow();
    expect(row.status).toBe('SENT');
    expect(
      await db.selectFrom('attachments').select('id').where('message_id', '=', row.message_id!).execute(),
    ).toHaveLength(1);
  });

  it('a message deleted keeps the file sendable (the object has other owners)', async () => {
    const id = await uploadV2();
    const first = await wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511977771005',
      body: { fileId: id },
    });
    const [attachment] = await attachmentsOf(first.body.id);
    expect((await wts.delete(`/chat/v1/message/${first.body.id}`)).status).toBe(200);
    expect(
      await db
        .selectFrom('storage_orphans')
        .select('storage_key')
        .where('storage_key', '=', attachment.storage_key!)
        .execute(),
    ).toHaveLength(0);
    const second = await wts.post('/chat/v1/message/send', {
      from: f.channelId,
      to: '+5511977771005',
      body: { fileId: id },
    });
    expect(second.status, second.text).toBe(200);
  });

  it('an unknown or unsaved file id is refused before anything is created', async () => {
    const unsaved = (await wts.get('/core/v2/file', { Name: 'a.png' })).body.tempFileId;
    for (const fileId of ['00000000-0000-4000-8000-000000000000', unsaved, 'not-a-uuid']) {
      const res = await wts.post('/chat/v1/message/send', {
        from: f.channelId,
        to: '+5511977771006',
        body: { fileId },
      });
      expect(res.status, res.text).toBe(400);
      expect(res.body).toMatchObject({ error: true, httpStatusCode: 400 });
    }
    expect(
      await db.selectFrom('contacts').select('id').where('phone_number', '=', '+5511977771006').execute(),
    ).toHaveLength(0);
  });
});
