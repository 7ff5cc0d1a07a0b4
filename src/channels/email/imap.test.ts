import { simpleParser } from 'mailparser';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../test/helpers/context.ts';
import { cleanUpAfterFile } from '../../../test/helpers/cleanup.ts';
import { dovecotUnavailable, startDovecot, type Dovecot, type Mailbox } from '../../../test/helpers/dovecot.ts';
import { startSmtpServer } from '../../../test/helpers/smtp.ts';

const unavailable = dovecotUnavailable();
if (unavailable) console.warn(`IMAP tests skipped: ${unavailable}`);

describe.skipIf(unavailable)('IMAP polling against Dovecot', async () => {
  const dovecot: Dovecot = await startDovecot();
  const smtp = await startSmtpServer();
  // The timer polls once at start; the tests ask for each poll themselves (pollImapNow), as the timer would.
  const ctx = await createTestContext(
    { IMAP_POLL_SECONDS: '3600', CHANNEL_TIMEOUT_MS: '5000' },
    { worker: true, channels: true },
  );
  cleanUpAfterFile(async () => {
    await dovecot.stop();
    await smtp.close();
  });
  const { db } = ctx.database;
  type Account = Awaited<ReturnType<typeof ctx.account>>;
  let addresses = 0;

  async function imapInbox(account: Account, mailbox: Mailbox, password = mailbox.password) {
    const email = `imap${++addresses}-${account.account_id}@shop.example`;
    const created = await account.api.post(`/api/v1/accounts/${account.account_id}/inboxes`, {
      name: 'IMAP mail',
      channel: {
        type: 'email',
        email,
        imap_enabled: true,
        imap_address: '127.0.0.1',
        imap_port: dovecot.port,
        imap_login: mailbox.user,
        imap_password: password,
        imap_enable_ssl: false,
        smtp_enabled: true,
        smtp_address: '127.0.0.1',
        smtp_port: Number(new URL(smtp.url).port),
        smtp_enable_starttls_auto: false,
      },
    });
    expect(created.status).toBe(200);
    return { email, inbox: created.body };
  }

  const inboxJson = async (account: Account, id: number) =>
    (await account.api.get(`/api/v1/accounts/${account.account_id}/inboxes/${id}`)).body;

  async function waitFor<T>(read: () => Promise<T>, holds: (value: T) => boolean, what: string): Promise<T> {
    const deadline = Date.now() + 20_000;
    for (;;) {
      const value = await read();
      if (holds(value)) return value;
      if (Date.now() > deadline)
        throw new Error(`${what}: not met; last ${JSON.stringify(value)}\n${dovecot.logs().slice(-2000)}`);
      await new Promise((r) => setTimeout(r, 25));
    }
  }

  /** Asks for a poll of every IMAP inbox and waits until this inbox's has ended (its imap_checked_at moved on). */
  async function poll(account: Account, inboxId: number) {
    const before = (await inboxJson(account, inboxId)).imap_checked_at;
    await ctx.channels!.pollImapNow();
    return waitFor(
      () => inboxJson(account, inboxId),
      (inbox) => Boolean(inbox.imap_checked_at) && inbox.imap_checked_at !== before,
      'IMAP poll ended',
    );
  }

  const messagesOf = (account: Account, inboxId: number) =>
    db
      .selectFrom('messages')
      .selectAll()
      .where('account_id', '=', account.account_id)
      .where('inbox_id', '=', inboxId)
      .orderBy('id')
      .execute();

  const mail = (headers: Record<string, string>, body: string) =>
    `${Object.entries({
      Date: new Date().toUTCString(),
      'MIME-Version': '1.0',
      'Content-Type': 'text/plain; charset=utf-8',
      ...headers,
    })
      .map(([k, v]) => `${k}: ${v}`)
      .join('\n')}\n\n${body}\n`;

  it('takes unseen mail in once, flags it seen, threads the answer to a reply, and survives UIDVALIDITY starting over', async () => {
    const account = await ctx.account();
    const mailbox = dovecot.mailbox();
    const { email, inbox } = await imapInbox(account, mailbox);
    mailbox.deliver(
      mail(
        {
          From: 'Grace Hopper <grace@customer.example>',
          To: email,
          Subject: 'Printer on fire',
          'Message-ID': '<imap-1@customer.example>',
        },
        'The printer is on fire.',
      ),
    );
    const polled = await poll(account, inbox.id);
    expect(polled).toMatchObject({ imap_error: null, reauthorization_required: false });

    const [message] = await messagesOf(account, inbox.id);
    expect(message).toMatchObject({
      content: 'The printer is on fire.',
      message_type: 0,
      source_id: '<imap-1@customer.example>',
    });
    expect(mailbox.mails().filter((m) => m.file.includes('.sb') && !m.seen)).toEqual([]);
    const channel = await db
      .selectFrom('channel_email')
      .select(['imap_uid_validity', 'imap_last_uid'])
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    expect(Number(channel.imap_last_uid)).toBeGreaterThan(0);
    expect(channel.imap_uid_validity).not.toBeNull();

    // Both dialects show the conversation and the contact with the address.
    const list = await account.api.get(`/api/v1/accounts/${account.account_id}/conversations`, { inbox_id: inbox.id });
    const conversation = list.body.data.payload[0];
    expect(conversation.meta.sender).toMatchObject({ name: 'Grace Hopper', email: 'grace@customer.example' });
    const row = await db
      .selectFrom('conversations')
      .select(['uuid', 'id'])
      .where('id', '=', message.conversation_id)
      .executeTakeFirstOrThrow();
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const session = await wts.get(`/chat/v1/session/${row.uuid}`, { IncludeDetails: 'ContactDetails' });
    expect(session.body.contactDetails).toMatchObject({ name: 'Grace Hopper' });
    expect((await wts.get(`/core/v1/contact/${session.body.contactDetails.id}`)).body).toMatchObject({
      email: 'grace@customer.example',
    });

    // A second poll takes nothing in twice, even with the mail marked unseen again by the mailbox's owner.
    for (const file of mailbox.mails()) mailbox.markUnseen(file.file);
    await poll(account, inbox.id);
    expect(await messagesOf(account, inbox.id)).toHaveLength(1);

    // The agent's reply goes out through SMTP; the customer's answer to it, delivered to the mailbox, threads in.
    const before = smtp.received.length;
    const sent = await account.api.post(
      `/api/v1/accounts/${account.account_id}/conversations/${conversation.id}/messages`,
      { message_type: 'outgoing', content: 'Please step away from it.' },
    );
    const reply = await waitFor(
      () => db.selectFrom('messages').selectAll().where('id', '=', sent.body.id).executeTakeFirstOrThrow(),
      (m) => m.source_id !== null,
      'reply sent',
    );
    await waitFor(
      async () => smtp.received.length,
      (n) => n > before,
      'reply received',
    );
    expect((await simpleParser(smtp.received.at(-1)!.raw)).inReplyTo).toBe('<imap-1@customer.example>');
    const later: string[] = [];
    later.push(
      mailbox.deliver(
        mail(
          {
            From: 'grace@customer.example',
            To: email,
            Subject: 'Re: Printer on fire',
            'Message-ID': '<imap-2@customer.example>',
            'In-Reply-To': reply.source_id!,
            References: `<imap-1@customer.example> ${reply.source_id}`,
          },
          'Done, it is out.\n\nOn Tue, Support wrote:\n> Please step away from it.',
        ),
      ),
    );
    // And a bounce and an auto-reply in the mailbox: flagged seen, never taken in.
    later.push(
      mailbox.deliver(
        mail(
          {
            'Return-Path': '<>',
            From: 'grace@customer.example',
            To: email,
            Subject: 'Undeliverable',
            'Message-ID': '<bounce-1@customer.example>',
          },
          'failed',
        ),
      ),
    );
    later.push(
      mailbox.deliver(
        mail(
          {
            From: 'grace@customer.example',
            To: email,
            Subject: 'Away',
            'Auto-Submitted': 'auto-replied',
            'Message-ID': '<auto-1@customer.example>',
          },
          'I am away',
        ),
      ),
    );
    await poll(account, inbox.id);
    const all = await messagesOf(account, inbox.id);
    expect(all.map((m) => [m.conversation_id, m.content])).toEqual([
      [row.id, 'The printer is on fire.'],
      [row.id, 'Please step away from it.'],
      [row.id, 'Done, it is out.'],
    ]);
    // The new mails are flagged seen; the first, marked unread by a person, is below the last UID and left as it is.
    expect(
      mailbox
        .mails()
        .filter((m) => later.some((name) => m.file.startsWith(name)))
        .map((m) => m.seen),
    ).toEqual([true, true, true]);
    expect(mailbox.mails().filter((m) => !m.seen)).toHaveLength(1);

    // The server's UIDs start over (a rebuilt mailbox: another UIDVALIDITY): everything unseen is read again, nothing stored twice.
    await db
      .updateTable('channel_email')
      .set({ imap_uid_validity: 1, imap_last_uid: 0 })
      .where('inbox_id', '=', inbox.id)
      .execute();
    for (const file of mailbox.mails()) mailbox.markUnseen(file.file);
    await poll(account, inbox.id);
    expect(await messagesOf(account, inbox.id)).toHaveLength(3);
    expect(mailbox.mails().filter((m) => !m.seen)).toEqual([]);
    const after = await db
      .selectFrom('channel_email')
      .select(['imap_uid_validity'])
      .where('inbox_id', '=', inbox.id)
      .executeTakeFirstOrThrow();
    expect(after.imap_uid_validity).toBe(channel.imap_uid_validity);
  });

  it('a refused login shows on the inbox in both dialects, stores nothing, and other inboxes keep polling', async () => {
    const account = await ctx.account();
    const mailbox = dovecot.mailbox();
    const { inbox: wrong } = await imapInbox(account, mailbox, 'not-the-password');
    const rightBox = dovecot.mailbox();
    const { email, inbox: right } = await imapInbox(account, rightBox);
    const failed = await poll(account, wrong.id);
    expect(failed).toMatchObject({
      reauthorization_required: true,
      imap_error: expect.stringMatching(
        /^IMAP login refused: .*Authentication failed.*check imap_login and imap_password/,
      ),
    });
    expect(JSON.stringify(failed)).not.toContain('not-the-password');
    const wts = ctx.client(undefined, { authorization: `Bearer ${account.api_access_token}` });
    const channels = (await wts.get('/chat/v1/channel')).body as { id: string; active: boolean }[];
    const uuids = await db
      .selectFrom('inboxes')
      .select(['id', 'uuid'])
      .where('id', 'in', [wrong.id, right.id])
      .execute();
    const uuidOf = (id: number) => uuids.find((u) => Number(u.id) === id)!.uuid;
    expect(channels.find((c) => c.id === uuidOf(wrong.id))).toMatchObject({ active: false });
    expect(channels.find((c) => c.id === uuidOf(right.id))).toMatchObject({ active: true });

    rightBox.deliver(
      mail(
        { From: 'linus@customer.example', To: email, Subject: 'Hello', 'Message-ID': '<imap-ok-1@customer.example>' },
        'Still here?',
      ),
    );
    await poll(account, right.id);
    expect((await messagesOf(account, right.id)).map((m) => m.content)).toEqual(['Still here?']);
    expect(await messagesOf(account, wrong.id)).toEqual([]);
    // The server is still answering: the failure was the login's, not the process's.
    expect(
      await ctx
        .client()
        .get('/health')
        .then((r) => r.status),
    ).toBeLessThan(500);
  });
});
