-- Chatbot flows (WTS "chatbots"): a flow bot IS an agent bot (bot_type 'flow'), so its messages are ordinary
-- outgoing messages sent by that bot and both dialects show who sent them. `key` is WTS's second public id
-- (the n8n node sends `botKey` in newer versions, `botId` in older ones).
CREATE TABLE chatbots (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  agent_bot_id bigint NOT NULL UNIQUE REFERENCES agent_bots ON DELETE CASCADE,
  key uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  version integer NOT NULL DEFAULT 1,
  archived_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX chatbots_account_idx ON chatbots (account_id, id) WHERE archived_at IS NULL;

-- Every saved definition is kept: a run executes the version it started with, whatever is saved later.
CREATE TABLE chatbot_versions (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  chatbot_id bigint NOT NULL REFERENCES chatbots ON DELETE CASCADE,
  version integer NOT NULL,
  definition jsonb NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (chatbot_id, version)
);

-- One dispatch of `POST /chat/v1/chatbot/send` and the run it starts. The row is the run's whole state
-- (current step, variables, what it waits for), so a waiting flow survives a restart; jobs only wake it.
--   queued   -> a job will advance it (enqueued_at says a job was sent)
--   running  -> a job is executing its steps
--   waiting  -> waiting for the contact's reply (wait_until: the timeout, if any)
--   sleeping -> a delay step (wait_until: when it wakes)
--   skipped / completed / failed / stopped: final
-- wait_token changes whenever the run leaves a wait, so a late timeout job for an earlier wait does nothing.
CREATE TABLE chatbot_runs (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  chatbot_id bigint NOT NULL REFERENCES chatbots ON DELETE CASCADE,
  version integer NOT NULL,
  conversation_id bigint REFERENCES conversations ON DELETE CASCADE,
  contact_id bigint REFERENCES contacts ON DELETE CASCADE,
  status text NOT NULL CHECK (status IN ('queued', 'running', 'waiting', 'sleeping', 'skipped', 'completed', 'failed', 'stopped')),
  reason text,
  current_step text,
  variables jsonb NOT NULL DEFAULT '{}',
  input jsonb,
  wait_until timestamptz,
  wait_token integer NOT NULL DEFAULT 0,
  steps_executed integer NOT NULL DEFAULT 0,
  enqueued_at timestamptz,
  sender_id text,
  started_at timestamptz,
  finished_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
-- One bot run per session at a time, whatever process or request tries to start another.
CREATE UNIQUE INDEX chatbot_runs_one_active_per_session ON chatbot_runs (conversation_id)
  WHERE status IN ('queued', 'running', 'waiting', 'sleeping');
CREATE INDEX chatbot_runs_queued_idx ON chatbot_runs (id) WHERE status = 'queued';
CREATE INDEX chatbot_runs_waits_idx ON chatbot_runs (wait_until) WHERE status IN ('waiting', 'sleeping');
CREATE INDEX chatbot_runs_account_idx ON chatbot_runs (account_id, id);
