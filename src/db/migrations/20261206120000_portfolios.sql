-- Portfolios (WTS "carteiras"): a contact's owning agent or team. A new conversation of a contact in a
-- portfolio goes to its owner first. A contact is in at most one portfolio per account, so the owner is
-- never ambiguous (adding it to another portfolio moves it).
CREATE TABLE portfolios (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  team_id bigint REFERENCES teams ON DELETE SET NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  CHECK (user_id IS NULL OR team_id IS NULL),
  UNIQUE (account_id, name)
);

CREATE TABLE portfolio_contacts (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  portfolio_id bigint NOT NULL REFERENCES portfolios ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, contact_id)
);
CREATE INDEX portfolio_contacts_portfolio ON portfolio_contacts (portfolio_id, id);
