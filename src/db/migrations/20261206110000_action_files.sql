-- Files for automation rules' and macros' send_attachment action (Chatwoot's attach_file: an uploaded blob whose
-- id the action names). A file is uploaded first (owner unset), then claimed by the rule or macro whose
-- send_attachment names it; it goes with its owner. Bytes live in object storage like attachments' bytes.
CREATE TABLE action_files (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  blob_key text NOT NULL UNIQUE,
  automation_rule_id bigint REFERENCES automation_rules ON DELETE CASCADE,
  macro_id bigint REFERENCES macros ON DELETE CASCADE,
  filename text NOT NULL,
  content_type text NOT NULL,
  byte_size bigint NOT NULL,
  checksum text NOT NULL,
  storage_key text NOT NULL UNIQUE,
  uploaded_by_id bigint REFERENCES users ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  CHECK (automation_rule_id IS NULL OR macro_id IS NULL)
);
CREATE INDEX action_files_rule_idx ON action_files (automation_rule_id) WHERE automation_rule_id IS NOT NULL;
CREATE INDEX action_files_macro_idx ON action_files (macro_id) WHERE macro_id IS NOT NULL;
CREATE INDEX action_files_unclaimed_idx ON action_files (created_at) WHERE automation_rule_id IS NULL AND macro_id IS NULL;

-- A file that goes (with its rule, macro or account, or unclaimed) hands its object to the storage sweeper.
CREATE TRIGGER action_files_orphan_objects
  AFTER DELETE ON action_files REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION attachments_orphan_objects();
