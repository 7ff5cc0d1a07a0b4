-- Account webhooks (Chatwoot dialect). The secret signs deliveries, so it is kept (it is a key, not a password).
CREATE TABLE webhooks (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint REFERENCES inboxes ON DELETE CASCADE,
  name text,
  url text NOT NULL,
  subscriptions text[] NOT NULL,
  secret text NOT NULL,
  status text NOT NULL DEFAULT 'active' CHECK (status IN ('active', 'paused')),
  paused_reason text,
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (account_id, url)
);

-- One row per event per receiver. `id` is the X-Chatwoot-Delivery header: the same on every retry.
-- `payload` is built once, so every attempt sends the same bytes.
CREATE TABLE webhook_deliveries (
  id uuid PRIMARY KEY DEFAULT gen_random_uuid(),
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  event_id bigint NOT NULL REFERENCES events ON DELETE CASCADE,
  event_seq bigint NOT NULL,
  event_name text NOT NULL,
  target_type text NOT NULL CHECK (target_type IN ('webhook', 'inbox', 'agent_bot')),
  target_id bigint NOT NULL,
  url text NOT NULL,
  secret text,
  conversation_id bigint,
  payload jsonb NOT NULL,
  status text NOT NULL DEFAULT 'pending' CHECK (status IN ('pending', 'delivered', 'failed')),
  attempts integer NOT NULL DEFAULT 0,
  next_attempt_at timestamptz NOT NULL DEFAULT now(),
  locked_until timestamptz,
  last_status_code integer,
  last_error text,
  last_latency_ms integer,
  delivered_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX webhook_deliveries_due_idx ON webhook_deliveries (next_attempt_at) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_order_idx ON webhook_deliveries (target_type, target_id, conversation_id, event_seq) WHERE status = 'pending';
CREATE INDEX webhook_deliveries_target_idx ON webhook_deliveries (target_type, target_id, created_at DESC);

CREATE TABLE webhook_attempts (
  id bigserial PRIMARY KEY,
  delivery_id uuid NOT NULL REFERENCES webhook_deliveries ON DELETE CASCADE,
  attempted_at timestamptz NOT NULL DEFAULT now(),
  status_code integer,
  error text,
  latency_ms integer NOT NULL,
  response_excerpt text
);
CREATE INDEX webhook_attempts_delivery_idx ON webhook_attempts (delivery_id, id);
