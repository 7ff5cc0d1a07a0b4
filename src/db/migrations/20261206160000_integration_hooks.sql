-- Chatwoot's integration hooks (issue 14): an app enabled for an account, or for one inbox of it. The first app
-- that takes hooks is Slack, by incoming webhook: new conversations and public messages are posted to the hook's
-- `settings.webhook_url` through the webhook delivery pipeline (webhook_deliveries, target_type 'integration_hook'),
-- so they are retried, logged attempt by attempt, and failed visibly like any webhook delivery.
CREATE TABLE integration_hooks (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  app_id text NOT NULL,
  -- Set: the hook hears only this inbox (Chatwoot's hook_type "inbox"); null: the whole account.
  inbox_id bigint REFERENCES inboxes ON DELETE CASCADE,
  enabled boolean NOT NULL DEFAULT true,
  settings jsonb NOT NULL DEFAULT '{}',
  created_at timestamptz NOT NULL DEFAULT now(),
  updated_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX integration_hooks_account_idx ON integration_hooks (account_id, app_id, id);

ALTER TABLE webhook_deliveries DROP CONSTRAINT webhook_deliveries_target_type_check;
ALTER TABLE webhook_deliveries ADD CONSTRAINT webhook_deliveries_target_type_check
  CHECK (target_type IN ('webhook', 'inbox', 'agent_bot', 'integration_hook'));

-- A deleted hook's pending deliveries fail with the reason, like every other receiver's (20261204172000).
CREATE TRIGGER integration_hooks_fail_pending_deliveries AFTER DELETE ON integration_hooks
  FOR EACH ROW EXECUTE FUNCTION fail_deliveries_of_deleted_receiver('integration_hook');
