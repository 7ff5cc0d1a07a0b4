-- Automation rules (Chatwoot's /automation_rules): a rule is an event name, ordered conditions and ordered
-- actions, kept as Chatwoot's JSON. Runs are planned by the event fan-out (one per event and rule: the unique
-- key makes a redelivered event plan nothing new) and executed by the automation engine (jobs/automations.ts),
-- never inside the request that caused the event.
CREATE TABLE automation_rules (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  event_name text NOT NULL,
  active boolean NOT NULL DEFAULT true,
  conditions jsonb NOT NULL DEFAULT '[]',
  actions jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX automation_rules_active_idx ON automation_rules (account_id, event_name, id) WHERE active;

-- How deep in a chain of automation the change that recorded an event was: 0 for people, bots and channels;
-- n+1 for a change made by a run of depth n. The engine sets switchboard.automation_depth on its own
-- connection while it acts; the default reads it, so no writer of events needs to know.
ALTER TABLE events ADD COLUMN automation_depth integer NOT NULL
  DEFAULT coalesce(nullif(current_setting('switchboard.automation_depth', true), '')::integer, 0);

CREATE TABLE automation_runs (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  rule_id bigint NOT NULL REFERENCES automation_rules ON DELETE CASCADE,
  event_id bigint NOT NULL,
  event_name text NOT NULL,
  conversation_id bigint,
  message_id bigint,
  depth integer NOT NULL,
  -- queued -> running -> succeeded | failed | skipped (conditions not met); cut: the chain was too deep.
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'succeeded', 'failed', 'skipped', 'cut')),
  -- One entry per action: {action_name, status, detail}.
  action_log jsonb NOT NULL DEFAULT '[]',
  error text,
  claimed_until timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (rule_id, event_id)
);
-- The claim (domain/automation_rules/runs.ts): each conversation's earliest waiting event, then that event's runs.
CREATE INDEX automation_runs_waiting_idx ON automation_runs ((coalesce(conversation_id, -event_id)), event_id) WHERE status IN ('queued', 'running');
CREATE INDEX automation_runs_waiting_event_idx ON automation_runs (event_id) WHERE status IN ('queued', 'running');
CREATE INDEX automation_runs_rule_idx ON automation_runs (rule_id, id DESC);

-- http_request and send_webhook_event calls: sent by the engine apart from the run (a slow receiver holds no
-- conversation), retried with backoff, every attempt recorded.
CREATE TABLE automation_calls (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  run_id bigint NOT NULL REFERENCES automation_runs ON DELETE CASCADE,
  rule_id bigint NOT NULL REFERENCES automation_rules ON DELETE CASCADE,
  action_index integer NOT NULL,
  action_name text NOT NULL,
  request jsonb NOT NULL,
  depth integer NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'succeeded', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  claimed_until timestamptz,
  last_status_code integer,
  last_error text,
  attempt_log jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz,
  UNIQUE (run_id, action_index)
);
CREATE INDEX automation_calls_due_idx ON automation_calls (next_attempt_at) WHERE status = 'pending';
