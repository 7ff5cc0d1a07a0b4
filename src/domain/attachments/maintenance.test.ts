import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { conversationFixture } from '../../../test/helpers/fixtures.ts';
import { formData, PNG_PIXEL } from '../../../test/helpers/multipart.ts';
import { newStorageKey, partialDir } from '../../storage/object-storage.ts';
import { moveLegacyAttachments, removeStalePartials } from './maintenance.ts';
import { reserveStorageKey, sweepOrphans } from './orphans.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const db = ctx.database.db;
const { storage } = ctx.app.deps;
const DAY = 86_400_000;

/** A row as stored before object storage: bytes in `data`, the client's type. */
async function legacyAttachment(messageId: number, filename: string, contentType: string, data: Buffer) {
  return db
    .insertInto('attachments')
    .values({
      account_id: f.account.account_id,
      message_id: messageId,
      file_type: contentType.split('/')[0] === 'image' ? 'image' : 'file',
      filename,
      content_type: contentType,
      file_size: data.length,
      access_key: `legacy${filename.length}key`,
      data,
    })
    .returning(['id', 'access_key'])
    .executeTakeFirstOrThrow();
}

/** Posts a message with files through the Application API; answers it. */
async function sendFiles(displayId: number, content: string, files: { filename: string; body: Buffer }[]) {
  const { payload, contentType } = formData({ content }, files);
  const res = await ctx.app.inject({
    method: 'POST',
    url: `${f.base}/conversations/${displayId}/messages`,
    payload,
    headers: { 'content-type': contentType, api_access_token: f.account.api_access_token },
  });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
}

const download = (row: { id: number; access_key: string }, name: string) =>
  ctx.app.inject({ method: 'GET', url: `/attachments/${row.id}/${row.access_key}/${name}` });

describe('attachments stored in the database before object storage', () => {
  it('are served as they are, then moved to storage with their type read from their bytes', async () => {
    const c = await f.openConversation();
    const message = (await f.api.post(`${f.base}/conversations/${c.id}/messages`, { content: 'old files' })).body;
    const page = await legacyAttachment(message.id, 'page.html', 'text/html', Buffer.from('<script>alert(1)</script>'));
    const photo = await legacyAttachment(message.id, 'photo.png', 'image/png', PNG_PIXEL);

    const before = await download(page, 'page.html');
    expect(before.statusCode).toBe(200);
    expect(before.headers['content-type']).toBe('application/octet-stream');
    expect(before.body).toBe('<script>alert(1)</script>');
    expect((await download(photo, 'photo.png')).headers['content-type']).toBe('image/png');

    expect(await moveLegacyAttachments(db, storage)).toBe(2);
    const rows = await db
      .selectFrom('attachments')
      .select(['id', 'data', 'storage_key', 'content_type', 'file_type', 'checksum'])
      .where('id', 'in', [page.id, photo.id])
      .orderBy('id')
      .execute();
    expect(rows).toEqual([
      {
        id: page.id,
        data: null,
        storage_key: expect.stringMatching(/^\d{4}\/\d{2}\/[0-9a-f]{32}$/),
        content_type: 'application/octet-stream',
        file_type: 'file',
        checksum: expect.any(String),
      },
      {
        id: photo.id,
        data: null,
        storage_key: expect.any(String),
        content_type: 'image/png',
        file_type: 'image',
        checksum: expect.any(String),
      },
    ]);
    const after = await download(photo, 'photo.png');
    expect(after.rawPayload.equals(PNG_PIXEL)).toBe(true);
    expect((await download(page, 'page.html')).body).toBe('<script>alert(1)</script>');
    expect(await moveLegacyAttachments(db, storage)).toBe(0);
    expect(await db.selectFrom('storage_orphans').selectAll().execute()).toEqual([]);
  });
});

describe('objects nothing owns', () => {
  it('removes a deleted message’s files, and uploads a dead process never finished, keeping the young ones', async () => {
    const c = await f.openConversation();
    const sent = await sendFiles(c.id, 'to delete', [{ filename: 'a.png', body: PNG_PIXEL }]);
    const { storage_key: deletedKey } = await db
      .selectFrom('attachments')
      .select('storage_key')
      .where('message_id', '=', sent.id)
      .executeTakeFirstOrThrow();
    await f.api.delete(`${f.base}/conversations/${c.id}/messages/${sent.id}`);

    const abandoned = newStorageKey();
    await reserveStorageKey(db, abandoned);
    await storage.put(abandoned, Readable.from(['half a request']));
    await sql`UPDATE storage_orphans SET since = now() - interval '2 days' WHERE storage_key = ${abandoned}`.execute(
      db,
    );
    const inProgress = newStorageKey();
    await reserveStorageKey(db, inProgress);
    await storage.put(inProgress, Readable.from(['still arriving']));

    // Rows that go by cascade (a conversation, contact, inbox or account deleted) hand their objects over too.
    const other = await f.openConversation();
    await sendFiles(other.id, 'gone with its conversation', [{ filename: 'b.png', body: PNG_PIXEL }]);
    await db
      .deleteFrom('conversations')
      .where('display_id', '=', other.id)
      .where('account_id', '=', f.account.account_id)
      .execute();

    expect(await sweepOrphans(db, storage, { graceMs: DAY })).toBe(3);
    expect(await storage.get(deletedKey!)).toBeUndefined();
    expect(await storage.get(abandoned)).toBeUndefined();
    expect(await storage.get(inProgress)).toBeDefined();
    expect((await db.selectFrom('storage_orphans').select('storage_key').execute()).map((r) => r.storage_key)).toEqual([
      inProgress,
    ]);
  });

  it('removes partial files a crashed process left, not the ones being written', async () => {
    const dir = partialDir(ctx.config.dataDir);
    fs.mkdirSync(dir, { recursive: true });
    fs.writeFileSync(path.join(dir, 'old.part'), 'x');
    fs.writeFileSync(path.join(dir, 'new.part'), 'y');
    const twoDaysAgo = new Date(Date.now() - 2 * DAY);
    fs.utimesSync(path.join(dir, 'old.part'), twoDaysAgo, twoDaysAgo);
    expect(await removeStalePartials(dir)).toBe(1);
    expect(fs.readdirSync(dir)).toEqual(['new.part']);
  });
});
