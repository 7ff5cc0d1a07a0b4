import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { startSmtpServer } from '../../../../../test/helpers/smtp.ts';

const smtp = await startSmtpServer();
const received = smtp.received;
afterAll(smtp.close);

const ctx = await createTestContext({ SMTP_URL: smtp.url });
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
    smtp.refuse(true);
    const res = await acme.api.post(`${base}/contacts/export`, {});
    smtp.refuse(false);
    expect(res).toMatchObject({ status: 503, body: { error: expect.stringMatching(/GET \/contacts\/export/) } });
  });
});
