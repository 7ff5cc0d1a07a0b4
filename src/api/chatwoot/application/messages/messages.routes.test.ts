import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';
import { formData, PNG_PIXEL, type FormFile } from '../../../../../test/helpers/multipart.ts';

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base } = f;

function multipart(fields: Record<string, string>, files: FormFile[]) {
  const { payload, contentType } = formData(fields, files);
  return { payload, headers: { 'content-type': contentType, api_access_token: f.account.api_access_token } };
}

describe('messages', () => {
  it('sends an outgoing message and answers the bare API shape', async () => {
    const c = await f.openConversation();
    const res = await api.post(`${base}/conversations/${c.id}/messages`, {
      content: 'Your order shipped',
      echo_id: 'tmp-1',
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      content: 'Your order shipped',
      inbox_id: f.inbox.id,
      conversation_id: c.id,
      message_type: 1,
      content_type: 'text',
      status: 'sent',
      content_attributes: {},
      private: false,
      source_id: null,
      echo_id: 'tmp-1',
      sender: { id: f.account.user_id, type: 'user' },
    });
    expect(res.body.attachments).toBeUndefined();
    expect(Number.isInteger(res.body.created_at)).toBe(true);
  });

  it('stores private notes and incoming messages (API inbox), and counts the reply', async () => {
    const c = await f.openConversation();
    const note = await api.post(`${base}/conversations/${c.id}/messages`, { content: 'internal', private: 'true' });
    expect(note.body.private).toBe(true);
    const incoming = await api.post(`${base}/conversations/${c.id}/messages`, {
      content: 'hi',
      message_type: 'incoming',
    });
    expect(incoming.body).toMatchObject({ message_type: 0, sender: { id: f.contact.id, type: 'contact' } });
    const shown = await api.get(`${base}/conversations/${c.id}`);
    expect(shown.body.unread_count).toBe(1);
    expect(shown.body.first_reply_created_at).toBe(0);
    await api.post(`${base}/conversations/${c.id}/messages`, { content: 'reply' });
    const after = await api.get(`${base}/conversations/${c.id}`);
    expect(after.body.first_reply_created_at).toBeGreaterThan(0);
    expect(after.body.waiting_since).toBe(0);
  });

  it('refuses incoming messages outside API inboxes', async () => {
    const widget = await insertInbox(ctx.database.db, f.account.account_id, {
      name: 'Site',
      channel_type: 'Channel::WebWidget',
    });
    const c = await f.openConversation(api, { inbox_id: widget.id });
    const res = await api.post(`${base}/conversations/${c.id}/messages`, { content: 'x', message_type: 'incoming' });
    expect(res).toMatchObject({ status: 422, body: { error: 'Incoming messages are only allowed in Api inboxes' } });
    const patch = await api.patch(
      `${base}/conversations/${c.id}/messages/${(await api.post(`${base}/conversations/${c.id}/messages`, { content: 'y' })).body.id}`,
      { status: 'read' },
    );
    expect(patch).toMatchObject({
      status: 403,
      body: { error: 'Message status update is only allowed for API inboxes' },
    });
  });

  it('reopens a resolved conversation when the contact writes', async () => {
    const c = await f.openConversation();
    await api.post(`${base}/conversations/${c.id}/toggle_status`, { status: 'resolved' });
    await f.incoming(c.id, 'one more thing');
    expect((await api.get(`${base}/conversations/${c.id}`)).body.status).toBe('open');
  });

  it('needs items for cards, but treats n8n’s default "cards" without items as text', async () => {
    const c = await f.openConversation();
    const plain = await api.post(`${base}/conversations/${c.id}/messages`, {
      content: 'hello',
      content_type: 'cards',
      private: false,
    });
    expect(plain).toMatchObject({ status: 200, body: { content_type: 'text' } });
    const cards = await api.post(`${base}/conversations/${c.id}/messages`, {
      content: 'pick',
      content_type: 'input_select',
      content_attributes: '{"items":[{"title":"Yes","value":"yes"}]}',
    });
    expect(cards).toMatchObject({
      status: 200,
      body: { content_type: 'input_select', content_attributes: { items: [{ title: 'Yes', value: 'yes' }] } },
    });
    const empty = await api.post(`${base}/conversations/${c.id}/messages`, { content: '' });
    expect(empty.status).toBe(422);
    const badType = await api.post(`${base}/conversations/${c.id}/messages`, {
      content: 'x',
      message_type: 'activity',
    });
    expect(badType).toMatchObject({ status: 422, body: { attributes: ['message_type'] } });
  });

  it('pages with before/after cursors, oldest first', async () => {
    const c = await f.openConversation();
    const ids: number[] = [];
    for (let i = 0; i < 30; i++) ids.push((await f.incoming(c.id, `m${i}`)).id);
    const latest = await api.get(`${base}/conversations/${c.id}/messages`);
    expect(latest.status).toBe(200);
    expect(latest.body.payload).toHaveLength(20);
    expect(latest.body.payload.at(-1).id).toBe(ids[29]);
    expect(latest.body.payload[0].id).toBeLessThan(latest.body.payload[1].id);
    expect(latest.body.meta).toMatchObject({
      labels: [],
      contact: { id: f.contact.id, type: 'contact' },
      additional_attributes: {},
    });
    const before = await api.get(`${base}/conversations/${c.id}/messages`, { before: ids[10] });
    expect(before.body.payload.map((m: any) => m.id)).toEqual(ids.slice(0, 10));
    const after = await api.get(`${base}/conversations/${c.id}/messages`, { after: ids[25] });
    expect(after.body.payload.map((m: any) => m.id)).toEqual(ids.slice(26));
    const between = await api.get(`${base}/conversations/${c.id}/messages`, { after: ids[2], before: ids[6] });
    expect(between.body.payload.map((m: any) => m.id)).toEqual(ids.slice(3, 6));
  });

  it('updates delivery status in API inboxes and soft-deletes', async () => {
    const c = await f.openConversation();
    const m = (await api.post(`${base}/conversations/${c.id}/messages`, { content: 'x' })).body;
    const failed = await api.patch(`${base}/conversations/${c.id}/messages/${m.id}`, {
      status: 'failed',
      external_error: 'WhatsApp said no',
    });
    expect(failed.body).toMatchObject({ status: 'failed', content_attributes: { external_error: 'WhatsApp said no' } });
    expect((await api.patch(`${base}/conversations/${c.id}/messages/${m.id}`, { status: 'lost' })).status).toBe(422);
    const deleted = await api.delete(`${base}/conversations/${c.id}/messages/${m.id}`);
    expect(deleted.body).toMatchObject({
      id: m.id,
      content: 'This message was deleted',
      content_type: 'text',
      content_attributes: { deleted: true },
    });
  });

  it('accepts multipart bodies with attachments and serves the files', async () => {
    const c = await f.openConversation();
    const form = multipart({ content: 'see attached', private: 'false', message_type: 'outgoing' }, [
      { filename: 'notes.txt', type: 'text/plain', body: 'hello file' },
      { filename: 'pic.png', type: 'image/png', body: PNG_PIXEL },
    ]);
    const res = await ctx.app.inject({ method: 'POST', url: `${base}/conversations/${c.id}/messages`, ...form });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    expect(body.private).toBe(false);
    expect(body.attachments).toHaveLength(2);
    expect(body.attachments[0]).toMatchObject({ file_type: 'file', extension: 'txt', file_size: 10, thumb_url: '' });
    expect(body.attachments[1]).toMatchObject({ file_type: 'image', extension: 'png' });
    const download = await ctx.app.inject({ method: 'GET', url: new URL(body.attachments[0].data_url).pathname });
    expect(download.statusCode).toBe(200);
    expect(download.body).toBe('hello file');
    // Plain text is no media type a browser shows safely from this origin: it is a download.
    expect(download.headers['content-type']).toBe('application/octet-stream');
    const list = await api.get(`${base}/conversations/${c.id}/attachments`);
    expect(list.body.meta.total_count).toBe(2);
    expect(list.body.payload[0]).toMatchObject({ message_id: body.id, file_type: 'image', sender: { type: 'user' } });
    const forged = await ctx.app.inject({
      method: 'GET',
      url: `/attachments/${body.attachments[0].id}/wrongkey/notes.txt`,
    });
    expect(forged.statusCode).toBe(404);
  });
});
