import nodemailer from 'nodemailer';
import type { Readable } from 'node:stream';

export interface MailAttachment {
  filename: string;
  contentType: string;
  /** A stream is read as the mail is sent: a large file is never held whole. */
  content: string | Readable;
}

export interface Mail {
  to: string;
  subject: string;
  text: string;
  html?: string;
  attachments?: MailAttachment[];
}

export interface Mailer {
  readonly configured: boolean;
  send(mail: Mail): Promise<void>;
  close(): void;
}

/** Sends through SMTP_URL; without it, mail is refused visibly rather than silently dropped. */
export function createMailer(smtpUrl: string | undefined, from: string): Mailer {
  if (!smtpUrl) {
    return {
      configured: false,
      async send() {
        throw new Error('SMTP_URL is not configured');
      },
      close() {},
    };
  }
  const transport = nodemailer.createTransport(smtpUrl);
  return {
    configured: true,
    async send(mail) {
      await transport.sendMail({ from, ...mail });
    },
    close() {
      transport.close();
    },
  };
}
