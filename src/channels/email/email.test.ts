import type { AddressInfo } from 'node:net';
import nodemailer from 'nodemailer';
import { SMTPServer } from 'smtp-server';
import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { startSmtpServer } from '../../../test/helpers/smtp.ts';

const smtp = await startSmtpServer();
const smtpPort = Number(new URL(smtp.url).port);
const ctx = await createTestContext(
  {
    SMTP_INBOUND_PORT: '0',
    SMTP_INBOUND_HOST: '127.0.0.1',
    CHANNEL_SEND_RETRY_DELAY_SECONDS: '1',
    CHANNEL_SEND_ATTEMPTS: '2',
    CHANNEL_TIMEOUT_MS: '2000',
  },
  { worker: true, channels: true },
);
const { db } = ctx.database;
const inbound = nodemailer.createTransport({
  host: '127.0.0.1',
  port: ctx.channels!.emailInboundPort!,
  secure: false,
  ignoreTLS: true,
});

type Account = Awaited<ReturnType<typeof ctx.account>>;
let addresses = 0;

async function emailInbox(account: Account, smtpSettings: Record<string, unknown> = { smtp_port: smtpPort }) {
  const email = `support${++addresses}-${account.account_id}@shop.example`;
  const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
    name: 'Support mail',
    channel: {
      type: 'email',
      email,
      imap_enabled: false,
      imap_address: 'imap.shop.example',
      imap_port: 993,
      imap_login: email,
      imap_password: 'imap-secret-pw',
      imap_enable_ssl: true,
      smtp_enabled: true,
      smtp_address: '127.0.0.1',
      smtp_enable_starttls_auto: false,
      ...smtpSettings,
    },
  });
  expect(created.status).toBe(200);
  return { email, inbox: created.body, text: created.text };
}

const messagesOf = (accountId: number, inboxId: number) =>
  db
    .selectFrom('messages')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('inbox_id', '=', inboxId)
    .orderBy('id')
    .execute();

async function waitFor<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
  const deadline = Date.now() + 20_000;
  for (;;) {
    const value = await read();
    if (holds(value)) return value;
    if (Date.now() > deadline) throw new Error(`${what}: not met; last ${JSON.stringify(value)}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

async function reply(account: Account, displayId: number, content: string) {
  const sent = await account.api.post(`/api/v1/accounts/${account.account_id}/conversations/${displayId}/messages`, {
    message_type: 'outgoing',
    content,
  });
  expect(sent.status).toBe(200);
  return sent.body.id as number;
}

const customer = { name: 'Ada Lovelace', address: 'ada@customer.example' };

describe('email inbox setup', () => {
  it("creates the inbox from Chatwoot's channel body; the passwords are never answered; WTS lists it as EMAIL", async () => {
    const account = await ctx.account();
    const { email, inbox, text } = await emailInbox(account, {
      smtp_port: smtpPort,
      smtp_login: 'support',
      smtp_password: 'smtp-secret-pw',
      smtp_authentication: 'login',
    });
    expect(inbox).toMatchObject({
      channel_type: 'Channel::Email',
      email,
      imap_enabled: false,
      imap_address: 'imap.shop.example',
      imap_port: 993,
      smtp_enabled: true,
      smtp_address: '127.0.0.1',
      smtp_port: smtpPort,
      smtp_authentication: 'login',
    });
    expect(text).not.toContain('secret-pw');
    expect((await account.api.get(`/api/v1/accounts/${account.account_id}/inboxes`)).text).not.toContain('secret-pw');
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const channels = await wts.get('/chat/v1/channel');
    expect(channels.body).toEqual([
      expect.objectContaining({
        type: 'EMAIL',
        identity: expect.objectContaining({ platform: 'EMAIL', humanId: email }),
      }),
    ]);
  });

  it('answers 422 for a missing, malformed or taken address, and for an enabled server without its address', async () => {
    const account = await ctx.account();
    const { email } = await emailInbox(account);
    const create = (channel: Record<string, unknown>) =>
      account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
        name: 'Mail',
        channel: { type: 'email', ...channel },
      });
    expect((await create({})).body).toMatchObject({ attributes: ['channel.email'] });
    expect((await create({ email: 'not an address' })).status).toBe(422);
    expect((await create({ email: email.toUpperCase() })).body).toMatchObject({
      message: 'Email has already been taken',
    });
    expect((await create({ email: 'other@shop.example', smtp_enabled: true })).status).toBe(422);
    expect(
      (await create({ email: 'other@shop.example', imap_enabled: true, imap_address: 'bad host!', imap_port: 993 }))
        .status,
    ).toBe(422);
  });
});

describe('email inbound and outbound', () => {
  it('takes a mail in, sends the reply threaded, and threads the answer to that reply into the same conversation', async () => {
    const account = await ctx.account();
    const { email, inbox } = await emailInbox(account);
    const first = await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Broken order',
      text: 'My order #12 arrived broken.',
      messageId: '<first-1@customer.example>',
    });
    expect(first.accepted).toEqual([email]);
    // The same mail delivered again (a sender retrying) is stored once.
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Broken order',
      text: 'My order #12 arrived broken.',
      messageId: '<first-1@customer.example>',
    });
    const [message] = await messagesOf(account.account_id, inbox.id);
    expect(await messagesOf(account.account_id, inbox.id)).toHaveLength(1);
    expect(message).toMatchObject({
      content: 'My order #12 arrived broken.',
      message_type: 0,
      source_id: '<first-1@customer.example>',
    });
    expect((message.content_attributes as any).email).toMatchObject({
      subject: 'Broken order',
      from: [customer.address],
      to: [email],
      message_id: '<first-1@customer.example>',
    });

    const list = await account.api.get(`/api/v1/accounts/${account.account_id}/conversations`, { inbox_id: inbox.id });
    const conversation = list.body.data.payload[0];
    expect(conversation.meta.sender).toMatchObject({ name: 'Ada Lovelace', email: customer.address });
    expect(conversation.additional_attributes).toMatchObject({ mail_subject: 'Broken order' });
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const row = await db
      .selectFrom('conversations')
      .select(['uuid', 'id'])
      .where('id', '=', message.conversation_id)
      .executeTakeFirstOrThrow();
    const session = await wts.get(`/chat/v1/session/${row.uuid}`, { IncludeDetails: 'ContactDetails' });
    expect(session.status).toBe(200);
    expect(session.body.contactDetails).toMatchObject({ name: 'Ada Lovelace' });
    const contact = await wts.get(`/core/v1/contact/${session.body.contactDetails.id}`);
    expect(contact.body).toMatchObject({ email: customer.address, name: 'Ada Lovelace' });

    const before = smtp.received.length;
    const replyId = await reply(account, conversation.id, 'Sorry! A new one is on its way.');
    const sent = await waitFor(
      () => db.selectFrom('messages').selectAll().where('id', '=', replyId).executeTakeFirstOrThrow(),
      (m) => m.source_id !== null,
      'reply sent',
    );
    expect(smtp.received.slice(before)).toHaveLength(1);
    const mail = await simpleParser(smtp.received.at(-1)!.raw);
    expect(smtp.received.at(-1)!.to).toEqual([customer.address]);
    expect(mail.from?.value[0].address).toBe(email);
    expect(mail.subject).toBe('Re: Broken order');
    expect(mail.inReplyTo).toBe('<first-1@customer.example>');
    expect(mail.references).toBe('<first-1@customer.example>');
    expect(mail.messageId).toBe(sent.source_id);
    expect(mail.replyTo?.value[0].address).toBe(`reply+${row.uuid}@shop.example`);
    expect(mail.text?.trim()).toBe('Sorry! A new one is on its way.');

    // The customer answers the reply (threaded by In-Reply-To / References, with the history quoted below).
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Re: Broken order',
      inReplyTo: sent.source_id!,
      references: ['<first-1@customer.example>', sent.source_id!],
      text: 'Thanks, got it.\n\nOn Mon, 1 Dec 2026 at 10:00, Support wrote:\n> Sorry! A new one is on its way.\n',
      html: '<p onclick="steal()">Thanks, <b>got it</b>.<script>alert(1)</script></p><div class="gmail_quote"><blockquote>Sorry! A new one</blockquote></div>',
      messageId: '<second-2@customer.example>',
    });
    // And again from another client, to the reply address only, without threading headers.
    await inbound.sendMail({
      from: customer,
      to: `reply+${row.uuid}@shop.example`,
      subject: 'one more thing',
      text: 'Also the box was wet.',
      messageId: '<third-3@customer.example>',
    });
    const all = await messagesOf(account.account_id, inbox.id);
    expect(all.map((m) => [m.conversation_id, m.content])).toEqual([
      [row.id, 'My order #12 arrived broken.'],
      [row.id, 'Sorry! A new one is on its way.'],
      [row.id, 'Thanks, got it.'],
      [row.id, 'Also the box was wet.'],
    ]);
    const answer = (all[2].content_attributes as any).email;
    expect(answer.text_content.full).toContain('> Sorry! A new one is on its way.');
    expect(answer.html_content.reply).toBe('<p>Thanks, <b>got it</b>.</p>');
    expect(answer.html_content.full).not.toMatch(/script|onclick/);
    expect(answer.html_content.full).toContain('Sorry! A new one');
  });

  it('sends the reply as text and HTML alternatives, the markdown rendered and everything typed escaped', async () => {
    const account = await ctx.account();
    const { email, inbox } = await emailInbox(account);
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Formats',
      text: 'Can you format?',
      messageId: '<fmt-1@customer.example>',
    });
    const conversation = await db
      .selectFrom('conversations')
      .selectAll()
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    const before = smtp.received.length;
    const content =
      'Hi **Ada**, see [the guide](https://shop.example/guide?a=1&b=2).\n\n- one\n- <script>alert(1)</script>\n\n[bad](javascript:alert(1)) <img src=x onerror=alert(1)>';
    const id = await reply(account, conversation.display_id, content);
    await waitFor(
      () => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      (m) => m.source_id !== null,
      'reply sent',
    );
    const raw = smtp.received.slice(before).at(-1)!.raw;
    expect(raw).toMatch(/^Content-Type: multipart\/alternative;/m);
    const mail = await simpleParser(raw);
    expect(mail.text?.trim()).toBe(content);
    expect(mail.inReplyTo).toBe('<fmt-1@customer.example>');
    expect(mail.replyTo?.value[0].address).toBe(`reply+${conversation.uuid}@shop.example`);
    const html = String(mail.html);
    expect(html).toContain(
      '<p>Hi <strong>Ada</strong>, see <a href="https://shop.example/guide?a=1&amp;b=2">the guide</a>.</p>',
    );
    expect(html).toContain('<ul><li>one</li><li>&lt;script&gt;alert(1)&lt;/script&gt;</li></ul>');
    expect(html).toContain('[bad](javascript:alert(1)) &lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/<script|<img|href="javascript/);
  });

  it('stores attachments and sends the agent’s attachments', async () => {
    const account = await ctx.account();
    const { email, inbox } = await emailInbox(account);
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Invoice',
      text: 'See attached.',
      attachments: [
        { filename: 'invoice.pdf', content: Buffer.from('%PDF-1.4 invoice'), contentType: 'application/pdf' },
      ],
    });
    const [message] = await messagesOf(account.account_id, inbox.id);
    const attachments = await db.selectFrom('attachments').selectAll().where('message_id', '=', message.id).execute();
    expect(attachments).toEqual([
      expect.objectContaining({ content_type: 'application/pdf', filename: 'invoice.pdf', file_size: 16 }),
    ]);
  });

  it('drops auto-replies, bulk mail, bounces and our own mail come back; refuses unknown recipients', async () => {
    const account = await ctx.account();
    const { email, inbox } = await emailInbox(account);
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Out of office',
      text: 'I am away',
      headers: { 'Auto-Submitted': 'auto-replied' },
    });
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Newsletter',
      text: 'Deals',
      headers: { Precedence: 'bulk' },
    });
    await inbound.sendMail({
      from: { name: 'Mail Delivery System', address: 'MAILER-DAEMON@customer.example' },
      to: email,
      subject: 'Undelivered',
      text: 'failed',
    });
    await inbound.sendMail({
      envelope: { from: '', to: [email] },
      from: customer,
      to: email,
      subject: 'Bounce',
      text: 'failed',
    });
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Loop',
      text: 'ours',
      messageId: '<sb.00000000-0000-4000-8000-000000000000.1@shop.example>',
    });
    await inbound.sendMail({
      from: customer,
      to: email,
      subject: 'Real',
      text: 'A real question',
      headers: { 'Auto-Submitted': 'no' },
    });
    expect((await messagesOf(account.account_id, inbox.id)).map((m) => m.content)).toEqual(['A real question']);
    await expect(inbound.sendMail({ from: customer, to: 'nobody@shop.example', text: 'hi' })).rejects.toMatchObject({
      responseCode: 550,
    });
  });
});

describe('email sending failures', () => {
  async function conversationIn(account: Account, smtpSettings: Record<string, unknown>) {
    const { email, inbox } = await emailInbox(account, smtpSettings);
    await inbound.sendMail({ from: customer, to: email, subject: 'Help', text: 'Hello?' });
    const conversation = await db
      .selectFrom('conversations')
      .selectAll()
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    return conversation.display_id;
  }

  it('retries while the SMTP server is down, then fails the message visibly with the reason, never sending it', async () => {
    const account = await ctx.account();
    const down = await startSmtpServer();
    const downPort = Number(new URL(down.url).port);
    await down.close();
    const displayId = await conversationIn(account, { smtp_port: downPort });
    const id = await reply(account, displayId, 'Are you there?');
    const failed = await waitFor(
      () => db.selectFrom('messages').selectAll().where('id', '=', id).executeTakeFirstOrThrow(),
      (m) => m.status === 'failed',
      'failed',
    );
    const send = await db
      .selectFrom('channel_sends')
      .selectAll()
      .where('message_id', '=', id)
      .executeTakeFirstOrThrow();
    expect(send).toMatchObject({ status: 'failed', attempts: 2 });
    expect(send.last_error).toMatch(/ECONNREFUSED/);
    expect((failed.content_attributes as any).external_error).toMatch(/ECONNREFUSED/);
    const shown = await account.api.get(`/api/v1/accounts/${account.account_id}/conversations/${displayId}/messages`);
    expect(shown.body.payload.find((m: any) => m.id === id)).toMatchObject({ status: 'failed' });
  });

  it('retries a temporary refusal (4xx) and fails with the server’s words once the attempts are spent', async () => {
    const account = await ctx.account();
    const displayId = await conversationIn(account, { smtp_port: smtpPort });
    smtp.refuse(true);
    try {
      const id = await reply(account, displayId, 'Hello from support');
      await waitFor(
        () => db.selectFrom('channel_sends').selectAll().where('message_id', '=', id).executeTakeFirst(),
        (s) => s?.status === 'failed',
        'failed',
      );
      const send = await db
        .selectFrom('channel_sends')
        .selectAll()
        .where('message_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(send).toMatchObject({ attempts: 2 });
      expect(send.last_error).toMatch(/^45\d .*mailbox full/);
    } finally {
      smtp.refuse(false);
    }
  });

  it('fails at once with the server’s words when it refuses the mail for good (5xx)', async () => {
    const account = await ctx.account();
    const rejecting = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onRcptTo: (_address, _session, callback) =>
        callback(Object.assign(new Error('5.1.1 No such user here'), { responseCode: 550 })),
    });
    await new Promise<void>((resolve) => rejecting.listen(0, '127.0.0.1', resolve));
    try {
      const displayId = await conversationIn(account, { smtp_port: (rejecting.server.address() as AddressInfo).port });
      const id = await reply(account, displayId, 'Hello from support');
      await waitFor(
        () => db.selectFrom('channel_sends').selectAll().where('message_id', '=', id).executeTakeFirst(),
        (s) => s?.status === 'failed',
        'failed',
      );
      const send = await db
        .selectFrom('channel_sends')
        .selectAll()
        .where('message_id', '=', id)
        .executeTakeFirstOrThrow();
      expect(send.attempts).toBe(1);
      expect(send.last_error).toContain('550 5.1.1 No such user here');
    } finally {
      await new Promise<void>((resolve) => rejecting.close(() => resolve()));
    }
  });
});
