-- Chatwoot's custom filters (saved views): a user's own named filter query in an account, for conversations,
-- contacts or reports. Only their owner reads or changes them.
CREATE TABLE custom_filters (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  name text NOT NULL,
  filter_type text NOT NULL DEFAULT 'conversation' CHECK (filter_type IN ('conversation', 'contact', 'report')),
  query jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX custom_filters_owner_idx ON custom_filters (account_id, user_id, filter_type, id);
