-- A WhatsApp Cloud API inbox (Chatwoot's Channel::Whatsapp with provider `whatsapp_cloud`). The access token
-- (api_key) and the app secret are needed in clear to call the Graph API and to check X-Hub-Signature-256: kept
-- here, out of inboxes.channel (which presenters read). The webhook verify token is kept in clear too: Meta's
-- handshake compares it and administrators read it back to configure the webhook (as in Chatwoot).
-- Synced message templates live in inboxes.channel (presented, as Chatwoot lists them). The phone number names the inbox in /webhooks/whatsapp/:phone_number, so it is unique.
CREATE TABLE channel_whatsapp (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  inbox_id bigint NOT NULL UNIQUE REFERENCES inboxes ON DELETE CASCADE,
  phone_number text NOT NULL UNIQUE,
  phone_number_id text NOT NULL,
  business_account_id text NOT NULL,
  api_key text NOT NULL,
  webhook_verify_token text NOT NULL,
  app_secret text,
  created_at timestamptz NOT NULL DEFAULT now()
);
