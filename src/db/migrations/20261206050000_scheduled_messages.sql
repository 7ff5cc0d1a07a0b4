-- WTS scheduled messages: a message (or a chatbot) sent to a contact at a time. A sweep claims due rows
-- (FOR UPDATE SKIP LOCKED) and sends in the same transaction, so a message is sent once or not at all.
CREATE TABLE scheduled_messages (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  team_id bigint REFERENCES teams ON DELETE SET NULL,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  type text NOT NULL CHECK (type IN ('TEMPLATE', 'CHATBOT')),
  text text,
  template_id text,
  template_params jsonb NOT NULL DEFAULT '{}',
  bot_key text,
  hidden_session boolean NOT NULL DEFAULT false,
  scheduled_at timestamptz NOT NULL,
  status text NOT NULL DEFAULT 'SCHEDULED' CHECK (status IN ('SCHEDULED', 'PROCESSED', 'SENT', 'CANCELED', 'FAILED')),
  failure_reason text,
  conversation_id bigint REFERENCES conversations ON DELETE SET NULL,
  message_id bigint REFERENCES messages ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX scheduled_messages_account_idx ON scheduled_messages (account_id, scheduled_at);
CREATE INDEX scheduled_messages_due_idx ON scheduled_messages (scheduled_at) WHERE status = 'SCHEDULED';

-- WTS sequences: timed message series. Steps are [{ "delaySeconds": n, "text": "..." }], each delay counted
-- from the previous step (the first from enrolment). Enrolments are claimed and advanced like scheduled messages.
CREATE TABLE sequences (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  name text NOT NULL,
  enabled boolean NOT NULL DEFAULT true,
  stop_on_reply boolean NOT NULL DEFAULT true,
  steps jsonb NOT NULL DEFAULT '[]',
  created_by_id bigint REFERENCES users ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX sequences_account_idx ON sequences (account_id, id);

CREATE TABLE sequence_contacts (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  sequence_id bigint NOT NULL REFERENCES sequences ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  added_by_user_id bigint REFERENCES users ON DELETE SET NULL,
  origin text NOT NULL DEFAULT 'API',
  status text NOT NULL DEFAULT 'ACTIVE' CHECK (status IN ('ACTIVE', 'COMPLETED', 'STOPPED', 'REMOVED')),
  stop_reason text,
  next_step integer NOT NULL DEFAULT 0,
  next_at timestamptz,
  last_added_at timestamptz NOT NULL DEFAULT now(),
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (sequence_id, contact_id)
);
CREATE INDEX sequence_contacts_due_idx ON sequence_contacts (next_at) WHERE status = 'ACTIVE';
