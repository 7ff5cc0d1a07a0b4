import { afterAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';

const received: { to: string[]; raw: string }[] = [];
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk) => (raw += chunk));
    stream.on('end', () => {
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
const port = (smtp.server.address() as AddressInfo).port;
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${port}` });
const f = await conversationFixture(ctx, 'Acme');

describe('transcript', () => {
  it('emails the public messages through SMTP', async () => {
    const c = await f.openConversation(f.api, { message: { content: 'How can we help?' } });
    await f.incoming(c.id, 'My order 991 is late');
    await f.api.post(`${f.base}/conversations/${c.id}/messages`, { content: 'secret note', private: true });
    const res = await f.api.post(`${f.base}/conversations/${c.id}/transcript`, { email: 'customer@example.com' });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['customer@example.com']);
    expect(received[0].raw).toContain('My order 991 is late');
    expect(received[0].raw).toContain('How can we help?');
    expect(received[0].raw).not.toContain('secret note');
  });

  it('needs an email', async () => {
    const c = await f.openConversation();
    const res = await f.api.post(`${f.base}/conversations/${c.id}/transcript`, {});
    expect(res).toMatchObject({ status: 422, body: { error: 'email param missing' } });
  });
});
