import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { startSmtpServer } from '../../../../../test/helpers/smtp.ts';

const smtp = await startSmtpServer();
const received = smtp.received;
afterAll(smtp.close);

const ctx = await createTestContext({ SMTP_URL: smtp.url });
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
