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

-- The end of one delivery attempt, in one round trip: the attempt logged, the delivery moved on (delivered,
-- failed, or pending with its next attempt), its webhook paused when it gave up (p_pause_reason), and — when it
-- left the pending state — its line's next pending delivery made the head. That last step reads the line after
-- taking the receiver's line lock shared (p_lock_space, p_lock_key, null for a delivery without a line:
-- events/lines.ts says why); each statement of a function sees what was committed before it started, so the
-- read sees the deliveries of a fan-out that held the lock.
-- A redeliver asked for while the attempt was in flight cleared its claim (locked_until): the attempt is
-- logged, but the delivery stays pending so the redelivery still goes out.
CREATE FUNCTION record_delivery_attempt(
  p_id uuid,
  p_status text,
  p_status_code int,
  p_error text,
  p_latency_ms int,
  p_excerpt text,
  p_retry_at timestamptz,
  p_delivered_at timestamptz,
  p_pause_reason text,
  p_lock_space int,
  p_lock_key int
) RETURNS void AS $$
DECLARE
  moved webhook_deliveries%ROWTYPE;
BEGIN
  IF p_status <> 'pending' AND p_lock_key IS NOT NULL THEN
    PERFORM pg_advisory_xact_lock_shared(p_lock_space, p_lock_key);
  END IF;
  INSERT INTO webhook_attempts (delivery_id, status_code, error, latency_ms, response_excerpt)
  VALUES (p_id, p_status_code, p_error, p_latency_ms, p_excerpt);
  IF p_pause_reason IS NOT NULL THEN
    UPDATE webhooks SET status = 'paused', paused_reason = p_pause_reason, updated_at = now()
    WHERE id = (SELECT target_id FROM webhook_deliveries WHERE id = p_id AND target_type = 'webhook');
  END IF;
  UPDATE webhook_deliveries SET attempts = attempts + 1, locked_until = NULL, last_status_code = p_status_code,
    last_error = CASE WHEN p_status = 'delivered' THEN NULL ELSE p_error END, last_latency_ms = p_latency_ms,
    status = p_status, delivered_at = coalesce(p_delivered_at, delivered_at), next_attempt_at = coalesce(p_retry_at, next_attempt_at)
  WHERE id = p_id AND locked_until IS NOT NULL
  RETURNING * INTO moved;
  IF moved.status <> 'pending' AND moved.conversation_id IS NOT NULL THEN
    UPDATE webhook_deliveries SET head = true
    WHERE id = (
      SELECT n.id FROM webhook_deliveries n
      WHERE n.status = 'pending' AND n.target_type = moved.target_type AND n.target_id = moved.target_id
        AND n.conversation_id = moved.conversation_id AND n.event_seq > moved.event_seq
      ORDER BY n.event_seq LIMIT 1);
  END IF;
END;
$$ LANGUAGE plpgsql;
