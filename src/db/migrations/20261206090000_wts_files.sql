-- WTS files (`/core/v2/file`, `/core/v1/file`): a file uploaded once through a signed, expiring, single-use URL
-- and then sent by id in any number of messages. Each message's attachment row points at the file's stored
-- object, so one object may now have several owners (the file and its attachments): it goes to the sweeper
-- only when the last of them goes.
CREATE TABLE wts_files (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  name text NOT NULL,
  type text NOT NULL,
  declared_mime_type text,
  -- SHA-256 of the upload URL's token; emptied when the bytes have arrived (the URL works once).
  upload_token_hash text UNIQUE,
  upload_expires_at timestamptz NOT NULL,
  storage_key text,
  content_type text,
  size bigint,
  checksum text,
  uploaded_at timestamptz,
  saved_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX wts_files_account_idx ON wts_files (account_id, created_at);
CREATE INDEX wts_files_storage_key_idx ON wts_files (storage_key) WHERE storage_key IS NOT NULL;

ALTER TABLE attachments DROP CONSTRAINT attachments_storage_key_key;
CREATE INDEX attachments_storage_key_idx ON attachments (storage_key) WHERE storage_key IS NOT NULL;

-- An object is an orphan once no attachment and no WTS file holds its key.
CREATE OR REPLACE FUNCTION attachments_orphan_objects() RETURNS trigger AS $$
BEGIN
  INSERT INTO storage_orphans (storage_key, reason)
  SELECT DISTINCT g.storage_key, 'deleted' FROM gone g
  WHERE g.storage_key IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM attachments a WHERE a.storage_key = g.storage_key)
    AND NOT EXISTS (SELECT 1 FROM wts_files f WHERE f.storage_key = g.storage_key)
  ON CONFLICT (storage_key) DO UPDATE SET reason = 'deleted';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER wts_files_orphan_objects
  AFTER DELETE ON wts_files REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION attachments_orphan_objects();
