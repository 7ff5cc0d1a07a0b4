-- Password reset and agent invitation links (Chatwoot's /auth/password): one outstanding link per user, kept
-- as a SHA-256 digest (the link itself is the secret), with when it was sent (mail at most once a minute per
-- user) and when it stops working.
ALTER TABLE users
  ADD COLUMN reset_password_digest text,
  ADD COLUMN reset_password_sent_at timestamptz,
  ADD COLUMN reset_password_expires_at timestamptz;
CREATE UNIQUE INDEX users_reset_password_digest_key ON users (reset_password_digest) WHERE reset_password_digest IS NOT NULL;
