-- Attachment bytes move out of PostgreSQL into object storage (DATA_DIR/attachments or an S3 bucket): a row
-- keeps the object's key and a SHA-256 of its bytes. `data` stays for rows stored before this change until
-- the process's start-up step has moved them to storage (it empties the column; a later release drops it).
ALTER TABLE attachments ADD COLUMN storage_key text UNIQUE, ADD COLUMN checksum text;

-- Objects no attachment row owns: an upload on its way (reserved before its first byte is stored, claimed in
-- the transaction that inserts its row) and the objects of deleted rows. A failed request removes its own at
-- once; the storage sweeper removes deleted rows' objects, and reservations older than a day (a process that
-- died mid-upload), so storage never keeps bytes nothing points at.
CREATE TABLE storage_orphans (
  storage_key text PRIMARY KEY,
  reason text NOT NULL CHECK (reason IN ('upload', 'deleted')),
  since timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX storage_orphans_since_idx ON storage_orphans (since);

-- Every way a row goes (a message deleted, its conversation, contact, inbox or account deleted by cascade)
-- hands its object to the sweeper.
CREATE FUNCTION attachments_orphan_objects() RETURNS trigger AS $$
BEGIN
  INSERT INTO storage_orphans (storage_key, reason)
  SELECT storage_key, 'deleted' FROM gone WHERE storage_key IS NOT NULL
  ON CONFLICT (storage_key) DO UPDATE SET reason = 'deleted';
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER attachments_orphan_objects
  AFTER DELETE ON attachments REFERENCING OLD TABLE AS gone
  FOR EACH STATEMENT EXECUTE FUNCTION attachments_orphan_objects();
