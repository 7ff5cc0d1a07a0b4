-- An email inbox (src/channels/email): its address, and the mail servers Chatwoot's Channel::Email names.
-- The IMAP and SMTP passwords are needed in clear to log in to the customer's servers: they are kept here,
-- out of inboxes.channel (which presenters read), and never presented. The address is unique across
-- accounts: the built-in SMTP receiver finds the inbox by the address mail is sent to.
CREATE TABLE channel_email (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL UNIQUE REFERENCES inboxes ON DELETE CASCADE,
  email text NOT NULL,
  imap_enabled boolean NOT NULL DEFAULT false,
  imap_address text,
  imap_port integer,
  imap_login text,
  imap_password text,
  imap_enable_ssl boolean NOT NULL DEFAULT true,
  -- IMAP polling resumes after the last UID it took in (reset when the mailbox's UIDVALIDITY changes).
  imap_uid_validity bigint,
  imap_last_uid bigint NOT NULL DEFAULT 0,
  smtp_enabled boolean NOT NULL DEFAULT false,
  smtp_address text,
  smtp_port integer,
  smtp_login text,
  smtp_password text,
  smtp_domain text,
  smtp_enable_starttls_auto boolean NOT NULL DEFAULT true,
  smtp_enable_ssl_tls boolean NOT NULL DEFAULT false,
  smtp_authentication text,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX channel_email_address ON channel_email (lower(email));

-- Email threading finds the conversation an In-Reply-To / References Message-ID belongs to.
CREATE INDEX messages_inbox_source_id ON messages (inbox_id, source_id) WHERE source_id IS NOT NULL;
