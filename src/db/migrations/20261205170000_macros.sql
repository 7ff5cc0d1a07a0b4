-- Chatwoot's macros: a named list of conversation actions an agent runs by hand on chosen conversations.
-- visibility 'personal' (only its creator sees, edits, runs it) or 'global' (the whole account; administrators edit it).
CREATE TABLE macros (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  visibility text NOT NULL DEFAULT 'personal' CHECK (visibility IN ('personal', 'global')),
  actions jsonb NOT NULL DEFAULT '[]',
  created_by_id bigint REFERENCES users ON DELETE SET NULL,
  updated_by_id bigint REFERENCES users ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX macros_account_idx ON macros (account_id, id);

-- One execution request: the macro's actions, in order, on each listed conversation of the account; claimed by a small loop.
CREATE TABLE macro_runs (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  macro_id bigint NOT NULL REFERENCES macros ON DELETE CASCADE,
  performer_id bigint REFERENCES users ON DELETE SET NULL,
  conversation_ids jsonb NOT NULL DEFAULT '[]',
  status text NOT NULL DEFAULT 'queued' CHECK (status IN ('queued', 'running', 'done')),
  log jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  finished_at timestamptz
);
CREATE INDEX macro_runs_queued_idx ON macro_runs (id) WHERE status = 'queued';
