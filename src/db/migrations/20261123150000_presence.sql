-- Who is connected to the realtime endpoint, per server process: a row per (subject, process) while that
-- process holds at least one socket of the subject (or is in the grace period after the last one closed).
-- Each process refreshes `seen_at` of its rows on a heartbeat; rows of a process that died go stale and
-- stop counting, so presence is right across any number of processes without a coordinator.
CREATE TABLE presence_connections (
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  subject_type text NOT NULL CHECK (subject_type IN ('User', 'Contact')),
  subject_id bigint NOT NULL,
  process_id uuid NOT NULL,
  seen_at timestamptz NOT NULL DEFAULT now(),
  PRIMARY KEY (account_id, subject_type, subject_id, process_id)
);
CREATE INDEX presence_connections_process_idx ON presence_connections (process_id);
