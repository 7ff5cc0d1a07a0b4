-- Core store: every row a dialect shows has a bigint id and a stable uuid public id.
-- Every tenant row carries account_id.

CREATE TABLE accounts (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  name text NOT NULL,
  locale text NOT NULL DEFAULT 'en',
  domain text,
  support_email text,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'suspended')),
  features jsonb NOT NULL DEFAULT '{}',
  limits jsonb NOT NULL DEFAULT '{}',
  custom_attributes jsonb NOT NULL DEFAULT '{}',
  settings jsonb NOT NULL DEFAULT '{}',
  auto_resolve_after integer,
  last_display_id bigint NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE users (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  name text NOT NULL,
  display_name text,
  email text NOT NULL,
  password_hash text,
  pubsub_token text NOT NULL UNIQUE,
  message_signature text,
  avatar_url text,
  ui_settings jsonb NOT NULL DEFAULT '{}',
  custom_attributes jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX users_email_key ON users (lower(email));

CREATE TABLE account_users (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  role text NOT NULL DEFAULT 'agent' CHECK (role IN ('agent', 'administrator')),
  availability text NOT NULL DEFAULT 'online' CHECK (availability IN ('online', 'busy', 'offline')),
  auto_offline boolean NOT NULL DEFAULT true,
  inviter_id bigint REFERENCES users ON DELETE SET NULL,
  active_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, user_id)
);
CREATE INDEX account_users_user_idx ON account_users (user_id);

CREATE TABLE platform_apps (
  id bigserial PRIMARY KEY,
  name text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- Objects a platform app created; it may act only on these.
CREATE TABLE platform_app_permissibles (
  id bigserial PRIMARY KEY,
  platform_app_id bigint NOT NULL REFERENCES platform_apps ON DELETE CASCADE,
  permissible_type text NOT NULL CHECK (permissible_type IN ('Account', 'User', 'AgentBot')),
  permissible_id bigint NOT NULL,
  UNIQUE (platform_app_id, permissible_type, permissible_id)
);

CREATE TABLE agent_bots (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint REFERENCES accounts ON DELETE CASCADE, -- null = system-wide bot
  name text NOT NULL,
  description text,
  outgoing_url text,
  bot_type text NOT NULL DEFAULT 'webhook',
  bot_config jsonb NOT NULL DEFAULT '{}',
  avatar_url text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX agent_bots_account_idx ON agent_bots (account_id);

-- Tokens are stored as SHA-256 digests of high-entropy random strings.
CREATE TABLE access_tokens (
  id bigserial PRIMARY KEY,
  owner_type text NOT NULL CHECK (owner_type IN ('User', 'AgentBot', 'PlatformApp')),
  owner_id bigint NOT NULL,
  token_digest text NOT NULL UNIQUE,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX access_tokens_owner_idx ON access_tokens (owner_type, owner_id);

CREATE TABLE teams (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  description text,
  allow_auto_assign boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, name)
);

CREATE TABLE team_members (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  team_id bigint NOT NULL REFERENCES teams ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (team_id, user_id)
);

-- An inbox and its channel live in one row; channel-specific settings sit in `channel`.
CREATE TABLE inboxes (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  channel_type text NOT NULL,
  identifier text NOT NULL UNIQUE, -- the Client API's inbox_identifier
  hmac_token text NOT NULL,
  webhook_url text,
  avatar_url text,
  greeting_enabled boolean NOT NULL DEFAULT false,
  greeting_message text,
  enable_email_collect boolean NOT NULL DEFAULT true,
  csat_survey_enabled boolean NOT NULL DEFAULT false,
  csat_config jsonb NOT NULL DEFAULT '{}',
  enable_auto_assignment boolean NOT NULL DEFAULT true,
  auto_assignment_config jsonb NOT NULL DEFAULT '{}',
  working_hours_enabled boolean NOT NULL DEFAULT false,
  working_hours jsonb NOT NULL DEFAULT '[]',
  out_of_office_message text,
  timezone text NOT NULL DEFAULT 'UTC',
  allow_messages_after_resolved boolean NOT NULL DEFAULT true,
  lock_to_single_conversation boolean NOT NULL DEFAULT false,
  sender_name_type text NOT NULL DEFAULT 'friendly',
  business_name text,
  channel jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX inboxes_account_idx ON inboxes (account_id);

CREATE TABLE inbox_members (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  user_id bigint NOT NULL REFERENCES users ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inbox_id, user_id)
);

CREATE TABLE agent_bot_inboxes (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL UNIQUE REFERENCES inboxes ON DELETE CASCADE,
  agent_bot_id bigint NOT NULL REFERENCES agent_bots ON DELETE CASCADE,
  created_at timestamptz NOT NULL DEFAULT now()
);

CREATE TABLE contacts (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL DEFAULT '',
  email text,
  phone_number text,
  identifier text,
  blocked boolean NOT NULL DEFAULT false,
  avatar_url text,
  contact_type text NOT NULL DEFAULT 'visitor',
  additional_attributes jsonb NOT NULL DEFAULT '{}',
  custom_attributes jsonb NOT NULL DEFAULT '{}',
  labels text[] NOT NULL DEFAULT '{}',
  last_activity_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE UNIQUE INDEX contacts_email_key ON contacts (account_id, lower(email));
CREATE UNIQUE INDEX contacts_phone_key ON contacts (account_id, phone_number);
CREATE UNIQUE INDEX contacts_identifier_key ON contacts (account_id, identifier);
CREATE INDEX contacts_account_idx ON contacts (account_id, id);
CREATE INDEX contacts_labels_idx ON contacts USING gin (labels);

CREATE TABLE contact_inboxes (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  source_id text NOT NULL,
  pubsub_token text NOT NULL UNIQUE,
  hmac_verified boolean NOT NULL DEFAULT false,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (inbox_id, source_id)
);
CREATE INDEX contact_inboxes_contact_idx ON contact_inboxes (contact_id);

CREATE TABLE contact_notes (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  user_id bigint REFERENCES users ON DELETE SET NULL,
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);

-- status holds the core state; each dialect's view is derived in domain/conversations/status.ts.
CREATE TABLE conversations (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  display_id bigint NOT NULL,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  contact_id bigint NOT NULL REFERENCES contacts ON DELETE CASCADE,
  contact_inbox_id bigint REFERENCES contact_inboxes ON DELETE SET NULL,
  status text NOT NULL DEFAULT 'open' CHECK (status IN ('open', 'pending', 'snoozed', 'resolved', 'hidden')),
  assignee_id bigint REFERENCES users ON DELETE SET NULL,
  assignee_agent_bot_id bigint REFERENCES agent_bots ON DELETE SET NULL,
  team_id bigint REFERENCES teams ON DELETE SET NULL,
  priority text CHECK (priority IN ('low', 'medium', 'high', 'urgent')),
  snoozed_until timestamptz,
  muted boolean NOT NULL DEFAULT false,
  labels text[] NOT NULL DEFAULT '{}',
  custom_attributes jsonb NOT NULL DEFAULT '{}',
  additional_attributes jsonb NOT NULL DEFAULT '{}',
  agent_last_seen_at timestamptz,
  assignee_last_seen_at timestamptz,
  contact_last_seen_at timestamptz,
  first_reply_created_at timestamptz,
  waiting_since timestamptz,
  last_activity_at timestamptz NOT NULL DEFAULT now(),
  -- aggregates kept on the row so lists need no per-row queries
  last_message_id bigint,
  last_non_activity_message_id bigint,
  unread_incoming_count integer NOT NULL DEFAULT 0,
  messages_count integer NOT NULL DEFAULT 0,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, display_id)
);
CREATE INDEX conversations_list_idx ON conversations (account_id, status, last_activity_at DESC, id DESC);
CREATE INDEX conversations_contact_idx ON conversations (contact_id, last_activity_at DESC);
CREATE INDEX conversations_inbox_idx ON conversations (inbox_id);
CREATE INDEX conversations_labels_idx ON conversations USING gin (labels);

CREATE TABLE messages (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL REFERENCES inboxes ON DELETE CASCADE,
  conversation_id bigint NOT NULL REFERENCES conversations ON DELETE CASCADE,
  message_type smallint NOT NULL CHECK (message_type BETWEEN 0 AND 3),
  content_type text NOT NULL DEFAULT 'text',
  content text,
  private boolean NOT NULL DEFAULT false,
  status text NOT NULL DEFAULT 'sent' CHECK (status IN ('sent', 'delivered', 'read', 'failed')),
  source_id text,
  echo_id text,
  sender_type text CHECK (sender_type IN ('User', 'Contact', 'AgentBot')),
  sender_id bigint,
  content_attributes jsonb NOT NULL DEFAULT '{}',
  additional_attributes jsonb NOT NULL DEFAULT '{}',
  external_source_ids jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX messages_conversation_idx ON messages (conversation_id, id);
CREATE INDEX messages_account_idx ON messages (account_id, id);

CREATE TABLE attachments (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  message_id bigint NOT NULL REFERENCES messages ON DELETE CASCADE,
  file_type text NOT NULL DEFAULT 'file',
  filename text NOT NULL,
  content_type text NOT NULL,
  extension text,
  file_size integer NOT NULL,
  width integer,
  height integer,
  external_url text,
  access_key text NOT NULL, -- unguessable part of the public download URL
  data bytea,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX attachments_message_idx ON attachments (message_id);

CREATE TABLE labels (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  title text NOT NULL,
  description text,
  color text NOT NULL DEFAULT '#1f93ff',
  show_on_sidebar boolean NOT NULL DEFAULT true,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, title)
);

CREATE TABLE canned_responses (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  short_code text NOT NULL,
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, short_code)
);

CREATE TABLE custom_attribute_definitions (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  attribute_display_name text NOT NULL,
  attribute_display_type text NOT NULL DEFAULT 'text',
  attribute_description text,
  attribute_key text NOT NULL,
  attribute_model text NOT NULL CHECK (attribute_model IN ('conversation_attribute', 'contact_attribute')),
  attribute_values jsonb NOT NULL DEFAULT '[]',
  regex_pattern text,
  regex_cue text,
  default_value text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, attribute_model, attribute_key)
);
