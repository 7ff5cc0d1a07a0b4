-- WTS Chat's CRM: Kanban panels of ordered steps; cards sit in a step, link contacts, a session, tags
-- (the account's labels) and carry a value, a due date and custom fields the panel defines.
CREATE TABLE crm_panels (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  key text NOT NULL,
  type text NOT NULL DEFAULT 'MANAGEMENT' CHECK (type IN ('MANAGEMENT', 'SALES')),
  archived boolean NOT NULL DEFAULT false,
  -- cards are numbered per panel (#1, #2, ...): the card's `number` and its `key` ("<panel key>-<number>")
  last_card_number integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_panels_account_idx ON crm_panels (account_id, id);

CREATE TABLE crm_steps (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  panel_id bigint NOT NULL REFERENCES crm_panels ON DELETE CASCADE,
  title text NOT NULL,
  position double precision NOT NULL,
  archived boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_steps_panel_idx ON crm_steps (panel_id, position);

-- A panel's custom fields (WTS entityType PANEL, scopeId = the panel): the keys a card's customFields may use.
CREATE TABLE crm_panel_fields (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  panel_id bigint NOT NULL REFERENCES crm_panels ON DELETE CASCADE,
  name text NOT NULL,
  key text NOT NULL,
  type text NOT NULL CHECK (type IN ('STRING', 'TEXT', 'INTEGER', 'FLOAT', 'SINGLESELECT', 'MULTISELECT', 'DATE', 'TIME', 'DATETIME', 'BOOLEAN')),
  options jsonb NOT NULL DEFAULT '[]',
  position integer NOT NULL,
  required boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (panel_id, key)
);

CREATE TABLE crm_cards (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  panel_id bigint NOT NULL REFERENCES crm_panels ON DELETE CASCADE,
  -- a step holding cards cannot be deleted (the API says so first); deleting the panel takes all
  step_id bigint NOT NULL REFERENCES crm_steps ON DELETE CASCADE,
  number integer NOT NULL,
  position double precision NOT NULL,
  title text NOT NULL,
  description text,
  due_date timestamptz,
  responsible_user_id bigint REFERENCES users ON DELETE SET NULL,
  session_id bigint REFERENCES conversations ON DELETE SET NULL,
  monetary_amount double precision,
  status text NOT NULL DEFAULT 'OPEN' CHECK (status IN ('OPEN', 'WON', 'LOST', 'ARCHIVED')),
  custom_fields jsonb NOT NULL DEFAULT '{}',
  metadata jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (panel_id, number)
);
CREATE INDEX crm_cards_panel_idx ON crm_cards (account_id, panel_id, created_at);
CREATE INDEX crm_cards_step_idx ON crm_cards (step_id, position);

-- The link tables carry account_id too, so isolation checks (and sweeps over account tables) see them.
CREATE TABLE crm_card_contacts (
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  card_id bigint NOT NULL REFERENCES crm_cards ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  PRIMARY KEY (card_id, contact_id)
);
CREATE INDEX crm_card_contacts_contact_idx ON crm_card_contacts (contact_id);

CREATE TABLE crm_card_tags (
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  card_id bigint NOT NULL REFERENCES crm_cards ON DELETE CASCADE,
  label_id bigint NOT NULL REFERENCES labels ON DELETE CASCADE,
  PRIMARY KEY (card_id, label_id)
);
CREATE INDEX crm_card_tags_label_idx ON crm_card_tags (label_id);

CREATE TABLE crm_card_notes (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  card_id bigint NOT NULL REFERENCES crm_cards ON DELETE CASCADE,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  text text NOT NULL DEFAULT '',
  file_urls jsonb NOT NULL DEFAULT '[]',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX crm_card_notes_card_idx ON crm_card_notes (card_id, created_at);
