-- The outbox: every observable change writes an event row in the same transaction as the change.
-- `seq` numbers an account's events gap-free in commit order (the account row is locked to take the next
-- number), so a client can resume from the last seq it saw.
ALTER TABLE accounts ADD COLUMN last_event_seq bigint NOT NULL DEFAULT 0;

CREATE TABLE events (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  seq bigint NOT NULL,
  name text NOT NULL,
  conversation_id bigint,
  contact_id bigint,
  message_id bigint,
  inbox_id bigint,
  data jsonb NOT NULL DEFAULT '{}',
  dispatched_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, seq)
);
CREATE INDEX events_undispatched_idx ON events (id) WHERE dispatched_at IS NULL;
