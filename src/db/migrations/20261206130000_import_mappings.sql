-- What `switchboard import chatwoot` has copied: for each kind of record (inbox, agent, contact, conversation,
-- message, ...) the source's id beside the id it got here, per target account. A re-run reads it to skip what
-- is already copied, so an import that stopped continues where it was and duplicates nothing.
-- `source` names the source installation and account, e.g. "https://chat.example.com#3".
CREATE TABLE import_mappings (
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  source text NOT NULL,
  kind text NOT NULL,
  source_id text NOT NULL,
  target_id bigint NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, source, kind, source_id)
);
-- Finding the account a source was imported into (kind 'account').
CREATE INDEX import_mappings_source_idx ON import_mappings (source, kind);
