-- Values the installation keeps about itself, e.g. the check value that proves the encryption key of the
-- provider credentials (src/domain/auth/credentials.ts) is the one they were sealed with. The credentials
-- already stored in clear are sealed by the application at start (the key is not the database's to know).
CREATE TABLE installation_secrets (
  name text PRIMARY KEY,
  value text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
);
