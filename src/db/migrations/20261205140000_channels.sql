-- Channel adapters (src/channels): what each provider needs beside the inbox, what came in, what goes out.

-- A Telegram bot inbox. The bot token is needed in clear to call the Bot API; it is kept here, out of
-- inboxes.channel (which presenters read), and found by its digest when Telegram calls
-- /webhooks/telegram/:bot_token. The webhook's secret_token is only ever compared: kept as its digest.
CREATE TABLE channel_telegram (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL UNIQUE REFERENCES inboxes ON DELETE CASCADE,
  bot_token text NOT NULL,
  bot_token_digest text NOT NULL UNIQUE,
  bot_name text,
  secret_token_digest text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);

-- Provider message ids already taken in, per inbox: a provider that redelivers finds its id here and
-- nothing is stored twice (the receipt is inserted in the message's transaction).
CREATE TABLE channel_receipts (
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  provider_message_id text NOT NULL,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  message_id bigint REFERENCES messages ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (inbox_id, provider_message_id)
);

-- Outgoing messages a channel must send (or, once an agent deleted them, remove from the provider): planned once per event by the fan-out, turned into pg-boss jobs by
-- the channel engine; the row counts attempts and keeps the last reason.
CREATE TABLE channel_sends (
  message_id bigint PRIMARY KEY REFERENCES messages ON DELETE CASCADE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  action text NOT NULL DEFAULT 'send' CHECK (action IN ('send', 'delete')),
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'enqueued', 'sent', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  last_error text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX channel_sends_queued ON channel_sends (created_at) WHERE status = 'queued';
