-- WTS dialect, second part.
--
-- Webhook subscriptions live in the one webhooks table (the same delivery queue, signing, retries, pausing
-- and delivery log), marked with the dialect whose events and payload envelope they speak. The same URL may
-- be subscribed once per dialect.
ALTER TABLE webhooks ADD COLUMN dialect text NOT NULL DEFAULT 'chatwoot' CHECK (dialect IN ('chatwoot', 'wts'));
ALTER TABLE webhooks DROP CONSTRAINT webhooks_account_id_url_key;
ALTER TABLE webhooks ADD CONSTRAINT webhooks_account_id_url_key UNIQUE (account_id, dialect, url);

-- WTS custom fields are contact custom attribute definitions; WTS names them by UUID.
ALTER TABLE custom_attribute_definitions ADD COLUMN uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE;

-- WTS send-sync waits for the channel's answer to one message: its event is found by message, and the
-- event's delivery by event.
CREATE INDEX events_message_idx ON events (message_id) WHERE message_id IS NOT NULL;
CREATE INDEX IF NOT EXISTS webhook_deliveries_event_idx ON webhook_deliveries (event_id);
