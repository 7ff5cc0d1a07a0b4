import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** Session messages and notes through WTS, read back through Chatwoot: one conversation, two views. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const admin = await f.userUuid(f.account.user_id);

describe('session messages', () => {
  it('lists messages in WTS shape, FROM_HUB for the contact and TO_HUB for the company, paged', async () => {
    const s = await f.openSession();
    await f.incoming(s.displayId, 'Hi, where is my order?');
    await api.post(`${base}/conversations/${s.displayId}/messages`, { content: 'On its way!' });
    await api.post(`${base}/conversations/${s.displayId}/messages`, {
      content: 'internal: check courier',
      private: true,
    });
    const res = await wts.get(`/chat/v1/session/${s.id}/message`);
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      pageNumber: 1,
      pageSize: 15,
      totalItems: 2,
      totalPages: 1,
      hasMorePages: false,
      orderDirection: 'ASCENDING',
    });
    const [incoming, outgoing] = res.body.items;
    expect(incoming).toMatchObject({
      sessionId: s.id,
      direction: 'FROM_HUB',
      type: 'TEXT',
      text: 'Hi, where is my order?',
      status: 'SENT',
      senderId: f.contactId,
      userId: null,
    });
    expect(outgoing).toMatchObject({
      direction: 'TO_HUB',
      text: 'On its way!',
      senderId: admin,
      userId: admin,
      origin: 'DEFAULT',
    });
    expect(incoming.timestamp).toBe(incoming.createdAt);

    const page2 = await wts.get(`/chat/v1/session/${s.id}/message`, {
      PageSize: 1,
      PageNumber: 2,
      OrderDirection: 'DESCENDING',
    });
    expect(page2.body).toMatchObject({ totalItems: 2, totalPages: 2, hasMorePages: false });
    expect(page2.body.items.map((m: any) => m.text)).toEqual(['Hi, where is my order?']);
  });

  it('sends async: answers id, session, SENT and a status URL that reads the same status', async () => {
    const s = await f.openSession();
    const res = await wts.post(`/chat/v1/session/${s.id}/message`, { text: 'Hello from WTS' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ sessionId: s.id, senderId: admin, status: 'SENT', failureReason: null });
    expect(res.body.statusUrl).toBe(`${ctx.config.publicUrl}/chat/v1/message/${res.body.id}/status`);
    const status = await wts.get(new URL(res.body.statusUrl).pathname);
    expect(status.body).toMatchObject({ id: res.body.id, sessionId: s.id, status: 'SENT' });
    const chatwoot = (await api.get(`${base}/conversations/${s.displayId}/messages`)).body.payload;
    expect(chatwoot.at(-1)).toMatchObject({ content: 'Hello from WTS', message_type: 1, sender: { type: 'user' } });
  });

  it('sends a file by URL and answers refId replies', async () => {
    const s = await f.openSession();
    const first = await wts.post(`/chat/v1/session/${s.id}/message`, { text: 'Your invoice' });
    const res = await wts.post(`/chat/v1/session/${s.id}/message/sync`, {
      fileUrl: 'https://cdn.example.com/docs/invoice.pdf',
      refId: first.body.id,
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      type: 'DOCUMENT',
      text: null,
      refId: first.body.id,
      status: 'SENT',
      direction: 'TO_HUB',
    });
    expect(res.body.details.file).toMatchObject({
      name: 'invoice.pdf',
      mimeType: 'application/pdf',
      type: 'PDF',
      publicUrl: 'https://cdn.example.com/docs/invoice.pdf',
    });
  });

  it('refuses bodies it cannot send, naming the field', async () => {
    const s = await f.openSession();
    const empty = await wts.post(`/chat/v1/session/${s.id}/message`, {});
    expect(empty).toMatchObject({ status: 400, body: { error: true, errors: [{ field: 'text' }] } });
    expect(empty.body.text).toMatch(/text is required/);
    const template = await wts.post(`/chat/v1/session/${s.id}/message`, { templateId: 'welcome' });
    expect(template.body.text).toMatch(/templateId welcome is not a message template/);
    const badUrl = await wts.post(`/chat/v1/session/${s.id}/message`, { fileUrl: 'ftp://x/y' });
    expect(badUrl).toMatchObject({ status: 400, body: { errors: [{ field: 'fileUrl' }] } });
    const badRef = await wts.post(`/chat/v1/session/${s.id}/message`, {
      text: 'x',
      refId: '00000000-0000-4000-8000-000000000000',
    });
    expect(badRef.body.text).toMatch(/refId is not a message of this session/);
    const unknown = await wts.post('/chat/v1/session/00000000-0000-4000-8000-000000000000/message', { text: 'x' });
    expect(unknown).toMatchObject({ status: 404, body: { key: 'ERROR_NOT_FOUND' } });
  });

  it('lists with a constant number of statements whatever the page size', async () => {
    const s = await f.openSession();
    for (let i = 0; i < 6; i++) await f.incoming(s.displayId, `m${i}`);
    const count = async (size: number) => {
      const before = ctx.database.counter.count;
      const res = await wts.get(`/chat/v1/session/${s.id}/message`, { PageSize: size });
      expect(res.body.items).toHaveLength(size);
      return ctx.database.counter.count - before;
    };
    const one = await count(1);
    expect(await count(6)).toBe(one);
    expect(one).toBeLessThanOrEqual(8);
  });
});

describe('session notes', () => {
  it('creates, lists, shows and deletes notes, which are Chatwoot private notes', async () => {
    const s = await f.openSession();
    const created = await wts.post(`/chat/v1/session/${s.id}/note`, { text: 'VIP customer' });
    expect(created.status, created.text).toBe(200);
    expect(created.body).toMatchObject({
      sessionId: s.id,
      userId: admin,
      senderId: admin,
      text: 'VIP customer',
      direction: 'TO_HUB',
      type: 'TEXT',
    });
    const chatwoot = (await api.get(`${base}/conversations/${s.displayId}/messages`)).body.payload;
    expect(chatwoot.at(-1)).toMatchObject({ content: 'VIP customer', private: true });
    expect((await wts.get(`/chat/v1/session/${s.id}/message`)).body.totalItems).toBe(0);

    const list = await wts.get(`/chat/v1/session/${s.id}/note`);
    expect(list.body).toMatchObject({ totalItems: 1, items: [{ id: created.body.id }] });
    expect((await wts.get(`/chat/v1/session/note/${created.body.id}`)).body.text).toBe('VIP customer');
    expect((await wts.delete(`/chat/v1/session/note/${created.body.id}`)).status).toBe(200);
    expect((await wts.get(`/chat/v1/session/note/${created.body.id}`)).status).toBe(404);
    expect((await wts.get(`/chat/v1/session/${s.id}/note`)).body.totalItems).toBe(0);
  });

  it('refuses an empty note', async () => {
    const s = await f.openSession();
    const res = await wts.post(`/chat/v1/session/${s.id}/note`, { text: '  ' });
    expect(res).toMatchObject({ status: 400, body: { errors: [{ field: 'text' }] } });
  });
});

describe('another company', () => {
  it('sees none of these sessions, messages or notes', async () => {
    const other = await wtsFixture(ctx, 'Globex');
    const s = await f.openSession();
    const sent = await wts.post(`/chat/v1/session/${s.id}/message`, { text: 'secret' });
    const note = await wts.post(`/chat/v1/session/${s.id}/note`, { text: 'secret note' });
    for (const path of [
      `/chat/v1/session/${s.id}/message`,
      `/chat/v1/session/${s.id}/note`,
      `/chat/v1/message/${sent.body.id}`,
      `/chat/v1/message/${sent.body.id}/status`,
      `/chat/v1/session/note/${note.body.id}`,
    ]) {
      const res = await other.wts.get(path);
      expect(res.status, path).toBe(404);
      expect(res.text).not.toContain('secret');
    }
    expect((await other.wts.post(`/chat/v1/session/${s.id}/message`, { text: 'x' })).status).toBe(404);
    expect((await other.wts.delete(`/chat/v1/session/note/${note.body.id}`)).status).toBe(404);
  });
});
