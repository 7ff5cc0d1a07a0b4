-- Chatwoot's dashboard apps: an account's own web pages, shown to agents beside a conversation (in a frame).
CREATE TABLE dashboard_apps (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  title text NOT NULL,
  content jsonb NOT NULL DEFAULT '[]',
  show_on_sidebar boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX dashboard_apps_account_idx ON dashboard_apps (account_id, id);
