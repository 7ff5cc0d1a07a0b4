-- Dashboard sign-ins. One row per signed-in browser or tool: the session token travels as an HttpOnly
-- cookie (browsers) or as Chatwoot's devise-token-auth headers (`access-token` + `client` + `uid`); only
-- its SHA-256 digest is stored.
CREATE TABLE user_sessions (
  id bigserial PRIMARY KEY,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  token_digest text NOT NULL UNIQUE,
  client_id text NOT NULL UNIQUE,
  user_agent text,
  ip_address text,
  created_at timestamptz NOT NULL DEFAULT now(),
  last_active_at timestamptz NOT NULL DEFAULT now(),
  expires_at timestamptz NOT NULL
);
CREATE INDEX user_sessions_user_idx ON user_sessions (user_id);

-- Failed sign-ins per key (`email:<address>`, `ip:<address>`): after a few, further attempts wait, so a
-- password cannot be guessed quickly from one address or against one account from many.
CREATE TABLE sign_in_failures (
  key text PRIMARY KEY,
  failures integer NOT NULL DEFAULT 0,
  first_failed_at timestamptz NOT NULL DEFAULT now(),
  blocked_until timestamptz
);
