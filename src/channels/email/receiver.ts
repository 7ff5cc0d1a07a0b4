import crypto from 'node:crypto';
import fs from 'node:fs';
import type { AddressInfo } from 'node:net';
import { SMTPServer, type SMTPServerAddress } from 'smtp-server';
import type { ChannelContext } from '../adapter.ts';
import { destinationOf, takeRawMail, type MailDestination } from './inbound.ts';

/** Mail larger than this is refused at the SMTP level (552). */
const MAX_MAIL_BYTES = 50 * 1024 * 1024;

export interface EmailReceiver {
  port: number;
  stop(): Promise<void>;
}

type Session = {
  envelope: { mailFrom: SMTPServerAddress | false; rcptTo: SMTPServerAddress[] };
  destinations?: MailDestination[];
};

/**
 * The built-in SMTP receiver (SMTP_INBOUND_PORT): mail for an email inbox's address, or a conversation's
 * reply address, is taken in (channels/email/inbound.ts); any other recipient is refused (550), so it
 * never relays. As the MX (or the forward target) for the inboxes' addresses it asks for no authentication;
 * with SMTP_INBOUND_AUTH_* set it requires AUTH (a relay or forwarder that logs in), after STARTTLS when
 * SMTP_INBOUND_TLS_* gives it a certificate. An error while storing answers 451, and the sending server tries
 * again later (receipts make that safe).
 */
export async function startEmailReceiver(ctx: ChannelContext, port: number, host: string): Promise<EmailReceiver> {
  const { emailInboundTls: tls, emailInboundAuth: auth } = ctx.config.channels;
  const disabled = [...(auth ? [] : ['AUTH']), ...(tls ? [] : ['STARTTLS'])];
  const server = new SMTPServer({
    authOptional: !auth,
    disabledCommands: disabled,
    ...(tls ? { key: fs.readFileSync(tls.keyPath), cert: fs.readFileSync(tls.certPath) } : {}),
    // Without TLS there is nothing to wait for; with it, a password never crosses the wire in clear.
    allowInsecureAuth: !tls,
    authMethods: ['PLAIN', 'LOGIN'],
    onAuth(login, _session, callback) {
      if (auth && login.username === auth.username && sameSecret(login.password ?? '', auth.password))
        return callback(null, { user: login.username });
      callback(Object.assign(new Error('Invalid username or password'), { responseCode: 535 }));
    },
    size: MAX_MAIL_BYTES,
    banner: 'Switchboard',
    // A reverse DNS lookup per connection names the client in logs we do not keep, and costs a resolver round trip.
    disableReverseLookup: true,
    logger: false,
    async onRcptTo(address, session, callback) {
      try {
        const destination = await destinationOf(ctx, address.address);
        if (!destination)
          return callback(
            Object.assign(new Error(`No mailbox here by that name: ${address.address}`), { responseCode: 550 }),
          );
        const state = session as unknown as Session;
        state.destinations = [...(state.destinations ?? []), destination];
        callback();
      } catch (error) {
        ctx.log.warn({ err: error }, 'email receiver: recipient lookup failed');
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      }
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on('data', (chunk: Buffer) => chunks.push(chunk));
      stream.on('end', async () => {
        if ((stream as unknown as { sizeExceeded?: boolean }).sizeExceeded) {
          return callback(Object.assign(new Error('Message exceeds the size limit'), { responseCode: 552 }));
        }
        const state = session as unknown as Session;
        // One delivery per inbox: a mail to an inbox's address and a reply address of the same inbox is one mail.
        const seen = new Set<string>();
        const threadedFirst = [...(state.destinations ?? [])].sort(
          (a, b) => Number(b.conversationId !== undefined) - Number(a.conversationId !== undefined),
        );
        const destinations = threadedFirst.filter((d) => {
          const key = `${d.inbox.id}`;
          if (seen.has(key)) return false;
          seen.add(key);
          return true;
        });
        const mailFrom = state.envelope.mailFrom === false ? undefined : state.envelope.mailFrom.address;
        try {
          await takeRawMail(ctx, destinations, Buffer.concat(chunks), mailFrom);
          callback();
        } catch (error) {
          ctx.log.warn({ err: error }, 'email receiver: mail not stored, the sender will retry');
          callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
        }
      });
    },
  });
  server.on('error', (error) => ctx.log.warn({ err: error }, 'email receiver error'));
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(port, host, () => resolve());
  });
  return {
    port: (server.server.address() as AddressInfo).port,
    stop: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

/** Compares in constant time (digests of equal length), so timing tells nothing about the password. */
function sameSecret(given: string, expected: string): boolean {
  const digest = (value: string) => crypto.createHash('sha256').update(value).digest();
  return crypto.timingSafeEqual(digest(given), digest(expected));
}
