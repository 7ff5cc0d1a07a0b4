import { afterAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import { createTestContext } from '../../../../../test/helpers/context.ts';

const received: { to: string[]; raw: string }[] = [];
let refuse = false;
const smtp = new SMTPServer({
  authOptional: true,
  disabledCommands: ['STARTTLS'],
  onData(stream, session, callback) {
    let raw = '';
    stream.on('data', (chunk) => (raw += chunk));
    stream.on('end', () => {
      if (refuse) return callback(new Error('mailbox full'));
      received.push({ to: session.envelope.rcptTo.map((r) => r.address), raw });
      callback();
    });
  },
});
await new Promise<void>((resolve) => smtp.listen(0, '127.0.0.1', resolve));
afterAll(() => new Promise<void>((resolve) => smtp.close(() => resolve())));

const ctx = await createTestContext({ SMTP_URL: `smtp://127.0.0.1:${(smtp.server.address() as AddressInfo).port}` });
const acme = await ctx.account('Acme');
const base = `/api/v1/accounts/${acme.account_id}`;
await acme.api.post(`${base}/contacts`, { name: 'Jane Roe', email: 'jane@example.com' });

describe('POST /contacts/export with SMTP configured', () => {
  it('mails the CSV to the administrator who asked and answers 200 with an empty body, as Chatwoot does', async () => {
    const res = await acme.api.post(`${base}/contacts/export`, { column_names: ['name', 'email'] });
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual([acme.email]);
    expect(received[0].raw).toContain(`filename=Acme_${acme.account_id}_contacts.csv`);
    const attachment = received[0].raw.split(/\r?\n\r?\n/).find((part) => /^bmFtZSxlbWFpbA/.test(part.trim()));
    const base64 = attachment!.split(/\r?\n--/)[0].replace(/\s/g, '');
    expect(Buffer.from(base64, 'base64').toString()).toBe('name,email\r\nJane Roe,jane@example.com\r\n');
  });

  it('the GET still answers the file itself', async () => {
    const res = await acme.api.get(`${base}/contacts/export`);
    expect(res.status).toBe(200);
    expect(res.text).toContain('jane@example.com');
  });

  it('a mail server that refuses is a 503 saying what to do instead, not a 500', async () => {
    refuse = true;
    const res = await acme.api.post(`${base}/contacts/export`, {});
    refuse = false;
    expect(res).toMatchObject({ status: 503, body: { error: expect.stringMatching(/GET \/contacts\/export/) } });
  });
});
