-- A macro run is a pg-boss job: a transient failure (the database or object storage away) is retried with
-- backoff, resuming after the last step it finished; past the retry limit the run is marked failed.
ALTER TABLE macro_runs DROP CONSTRAINT macro_runs_status_check;
ALTER TABLE macro_runs ADD CONSTRAINT macro_runs_status_check CHECK (status IN ('queued', 'running', 'done', 'failed'));
-- job_sent_at: when the sweep last handed the queued run to pg-boss (a job lost before it started is sent again).
ALTER TABLE macro_runs ADD COLUMN attempts integer NOT NULL DEFAULT 0, ADD COLUMN error text, ADD COLUMN job_sent_at timestamptz;
