-- Fair delivery claims (issue 11, item 2). A claim used to read the 256 earliest due pending deliveries and only
-- then drop those blocked behind their line's head or held by a paused webhook: one account's dead or paused
-- receiver with a few hundred events filled that window and stalled every other account.
--
-- Now a pending delivery that may go out next is marked `head` (the earliest pending delivery of its line —
-- receiver + conversation — or one without a conversation). Only heads are in the claim index, so followers
-- never take a claim's room; a claim walks that index receiver by receiver (events/claim.ts), so neither one
-- receiver's backlog nor one account's receivers decide its cost or fill it.

-- Deliveries of receivers deleted before this migration can never go out: say so instead of holding them.
UPDATE webhook_deliveries d SET status = 'failed', last_error = 'receiver deleted', locked_until = NULL
WHERE d.status = 'pending' AND NOT EXISTS (
  SELECT 1 FROM webhooks w WHERE d.target_type = 'webhook' AND w.id = d.target_id
  UNION ALL SELECT 1 FROM inboxes i WHERE d.target_type = 'inbox' AND i.id = d.target_id
  UNION ALL SELECT 1 FROM agent_bots b WHERE d.target_type = 'agent_bot' AND b.id = d.target_id);

ALTER TABLE webhook_deliveries ADD COLUMN head boolean NOT NULL DEFAULT false;
UPDATE webhook_deliveries d SET head = true
WHERE d.status = 'pending' AND (d.conversation_id IS NULL OR NOT EXISTS (
  SELECT 1 FROM webhook_deliveries e
  WHERE e.status = 'pending' AND e.target_type = d.target_type AND e.target_id = d.target_id
    AND e.conversation_id = d.conversation_id AND e.event_seq < d.event_seq));

DROP INDEX webhook_deliveries_due_idx;
-- Walked as (account, receiver) keys, then each receiver's heads in due order.
CREATE INDEX webhook_deliveries_ready_idx ON webhook_deliveries (account_id, target_type, target_id, next_attempt_at)
  WHERE status = 'pending' AND head;
-- Claimed deliveries, counted per receiver and per account against their caps.
CREATE INDEX webhook_deliveries_claimed_idx ON webhook_deliveries (account_id, target_type, target_id)
  WHERE status = 'pending' AND locked_until IS NOT NULL;

-- A deleted receiver's pending deliveries are marked failed with the reason, in the deleting transaction:
-- an event is delivered or visibly failed, never silently dropped, and none waits forever for a receiver
-- that is gone. (Whatever path deletes it: the API of either dialect, the platform API, an inbox's cascade.)
CREATE FUNCTION fail_deliveries_of_deleted_receiver() RETURNS trigger AS $$
BEGIN
  UPDATE webhook_deliveries SET status = 'failed', last_error = 'receiver deleted', locked_until = NULL
  WHERE status = 'pending' AND target_type = TG_ARGV[0] AND target_id = OLD.id;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhooks_fail_pending_deliveries AFTER DELETE ON webhooks
  FOR EACH ROW EXECUTE FUNCTION fail_deliveries_of_deleted_receiver('webhook');
CREATE TRIGGER inboxes_fail_pending_deliveries AFTER DELETE ON inboxes
  FOR EACH ROW EXECUTE FUNCTION fail_deliveries_of_deleted_receiver('inbox');
CREATE TRIGGER agent_bots_fail_pending_deliveries AFTER DELETE ON agent_bots
  FOR EACH ROW EXECUTE FUNCTION fail_deliveries_of_deleted_receiver('agent_bot');
