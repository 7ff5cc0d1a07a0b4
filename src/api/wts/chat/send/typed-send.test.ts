import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** `POST /chat/v1/send/{text,image,audio,video,document}`: flat bodies, an address or a session. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { wts } = f;

describe('typed senders', () => {
  it('sends a text to a new number, then answers inside that session by sessionId, echoing the client id', async () => {
    const res = await wts.post('/chat/v1/send/text', {
      from: f.channelId,
      to: '+55 11 92222-0001',
      text: 'Olá',
      senderId: 'crm-42',
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      companyId: f.companyId,
      status: 'SENT',
      senderId: 'crm-42',
      failedReason: null,
      waitReply: false,
    });
    expect(res.body.statusUrl).toMatch(new RegExp(`/chat/v1/send/message/${res.body.id}$`));
    const session = (await wts.get(`/chat/v1/session/${res.body.sessionId}`, { IncludeDetails: 'ContactDetails' }))
      .body;
    expect(session.contactDetails.phonenumber).toBe('+5511922220001');

    const reply = await wts.post('/chat/v1/send/text', {
      sessionId: res.body.sessionId,
      text: 'Tudo bem?',
      refId: res.body.id,
    });
    expect(reply.body.sessionId).toBe(res.body.sessionId);
    const message = (await wts.get(`/chat/v1/message/${reply.body.id}`)).body;
    expect(message).toMatchObject({ text: 'Tudo bem?', refId: res.body.id, direction: 'TO_HUB' });
  });

  it('sends media by URL with a caption, typed by the file', async () => {
    for (const [kind, url, type] of [
      ['image', 'https://cdn.example.com/a.png', 'IMAGE'],
      ['audio', 'https://cdn.example.com/a.ogg', 'AUDIO'],
      ['video', 'https://cdn.example.com/a.mp4', 'VIDEO'],
      ['document', 'https://cdn.example.com/a.pdf', 'DOCUMENT'],
    ]) {
      const res = await wts.post(`/chat/v1/send/${kind}`, {
        to: '+5511922220002',
        fileIdOrUrl: url,
        text: `a ${kind}`,
      });
      expect(res.status, res.text).toBe(200);
      const message = (await wts.get(`/chat/v1/message/${res.body.id}`)).body;
      expect(message).toMatchObject({ type, text: `a ${kind}`, details: { file: { publicUrl: url } } });
    }
  });

  it('options apply to a new session; refusals name the field', async () => {
    const hidden = await wts.post('/chat/v1/send/text', {
      to: '+5511922220003',
      text: 'x',
      options: { hiddenSession: true },
    });
    expect((await wts.get(`/chat/v1/session/${hidden.body.sessionId}`)).body.status).toBe('HIDDEN');

    const noText = await wts.post('/chat/v1/send/text', { to: '+5511922220004' });
    expect(noText).toMatchObject({ status: 400, body: { errors: [{ field: 'text' }] } });
    const noTo = await wts.post('/chat/v1/send/text', { text: 'x' });
    expect(noTo.body.text).toBe('to is required (or sessionId)');
    const fileId = await wts.post('/chat/v1/send/image', {
      to: '+5511922220004',
      fileIdOrUrl: '00000000-0000-4000-8000-000000000000',
    });
    expect(fileId.body.text).toMatch(/^fileId 00000000-0000-4000-8000-000000000000 is not a file of this company/);
    const badSession = await wts.post('/chat/v1/send/text', {
      sessionId: '00000000-0000-4000-8000-000000000000',
      text: 'x',
    });
    expect(badSession).toMatchObject({ status: 400, body: { errors: [{ field: 'sessionId' }] } });
    const other = await wtsFixture(ctx, 'Globex');
    const foreign = await other.wts.post('/chat/v1/send/text', { sessionId: hidden.body.sessionId, text: 'x' });
    expect(foreign.body.text).toMatch(/is not a session of this company/);
  });
});
