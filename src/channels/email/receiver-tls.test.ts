import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import nodemailer from 'nodemailer';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { cleanUpAfterFile } from '../../../test/helpers/cleanup.ts';

/** A self-signed certificate for localhost, made with Debian's openssl; undefined (with the reason printed) without it. */
function selfSignedCertificate(): { dir: string; cert: string; key: string } | undefined {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'sb-smtp-tls-'));
  try {
    execFileSync(
      'openssl',
      [
        'req',
        '-x509',
        '-newkey',
        'rsa:2048',
        '-nodes',
        '-keyout',
        path.join(dir, 'key.pem'),
        '-out',
        path.join(dir, 'cert.pem'),
        '-days',
        '1',
        '-subj',
        '/CN=localhost',
        '-addext',
        'subjectAltName=DNS:localhost',
      ],
      { stdio: 'ignore' },
    );
    return { dir, cert: path.join(dir, 'cert.pem'), key: path.join(dir, 'key.pem') };
  } catch (error) {
    console.warn(`SMTP receiver TLS tests skipped: openssl could not make a certificate (${(error as Error).message})`);
    return undefined;
  }
}

const certificate = selfSignedCertificate();

describe.skipIf(!certificate)('the SMTP receiver with STARTTLS and AUTH', async () => {
  const { dir, cert, key } = certificate!;
  const ctx = await createTestContext(
    {
      SMTP_INBOUND_PORT: '0',
      SMTP_INBOUND_HOST: '127.0.0.1',
      SMTP_INBOUND_TLS_CERT: cert,
      SMTP_INBOUND_TLS_KEY: key,
      SMTP_INBOUND_AUTH_USERNAME: 'relay',
      SMTP_INBOUND_AUTH_PASSWORD: 'relay-pass-1',
    },
    { worker: true, channels: true },
  );
  cleanUpAfterFile(() => fs.rmSync(dir, { recursive: true, force: true }));
  const port = ctx.channels!.emailInboundPort!;
  // The certificate is trusted as the CA it is: the handshake is verified, not waved through.
  const tls = { ca: fs.readFileSync(cert), servername: 'localhost' };
  const transport = (options: Record<string, unknown>) =>
    nodemailer.createTransport({ host: '127.0.0.1', port, secure: false, tls, ...options });

  async function emailInbox() {
    const account = await ctx.account();
    const email = `tls-${account.account_id}@shop.example`;
    const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
      name: 'TLS mail',
      channel: { type: 'email', email },
    });
    expect(created.status).toBe(200);
    return { account, email, inboxId: created.body.id as number };
  }

  it('takes mail over STARTTLS from a sender that logs in', async () => {
    const { account, email, inboxId } = await emailInbox();
    const sender = transport({ requireTLS: true, auth: { user: 'relay', pass: 'relay-pass-1' } });
    const info = await sender.sendMail({
      from: 'ada@customer.example',
      to: email,
      subject: 'Secure',
      text: 'Over TLS.',
      messageId: '<tls-1@customer.example>',
    });
    expect(info.response).toMatch(/^250/);
    const messages = await ctx.database.db
      .selectFrom('messages')
      .select('content')
      .where('account_id', '=', account.account_id)
      .where('inbox_id', '=', inboxId)
      .execute();
    expect(messages.map((m) => m.content)).toEqual(['Over TLS.']);
  });

  it('refuses a wrong password, a sender that does not log in, and a login before STARTTLS', async () => {
    const { account, email, inboxId } = await emailInbox();
    await expect(
      transport({ requireTLS: true, auth: { user: 'relay', pass: 'wrong' } }).sendMail({
        from: 'x@customer.example',
        to: email,
        text: 'x',
      }),
    ).rejects.toMatchObject({ responseCode: 535 });
    await expect(
      transport({ requireTLS: true }).sendMail({ from: 'x@customer.example', to: email, text: 'x' }),
    ).rejects.toMatchObject({ responseCode: 530 });
    // A client that skips STARTTLS is not offered AUTH on the clear connection.
    await expect(
      transport({ ignoreTLS: true, auth: { user: 'relay', pass: 'relay-pass-1' } }).sendMail({
        from: 'x@customer.example',
        to: email,
        text: 'x',
      }),
    ).rejects.toThrow();
    const messages = await ctx.database.db
      .selectFrom('messages')
      .select('id')
      .where('account_id', '=', account.account_id)
      .where('inbox_id', '=', inboxId)
      .execute();
    expect(messages).toEqual([]);
  });

  it('presents the certificate it was given (the handshake fails for a client that trusts another)', async () => {
    const { email } = await emailInbox();
    const other = nodemailer.createTransport({
      host: '127.0.0.1',
      port,
      secure: false,
      requireTLS: true,
      tls: { servername: 'localhost' },
      auth: { user: 'relay', pass: 'relay-pass-1' },
    });
    await expect(other.sendMail({ from: 'x@customer.example', to: email, text: 'x' })).rejects.toThrow(
      /self[- ]signed|certificate/i,
    );
  });
});
