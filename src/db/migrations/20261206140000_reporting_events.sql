-- Reporting events (Chatwoot's v2 reports): durations recorded when they happen, in the same transaction as the
-- change, by triggers on the two tables every write path goes through (the insert_message function, the
-- conversation commands, bulk actions, automations, the WTS API): one home for "what is a first response".
--   first_response          first reply of a human agent (a User, not private): seconds since the conversation was
--                           created, or since the last bot handoff when a bot had it first
--   reply_time              a later human reply while the contact was waiting: seconds since waiting_since
--   conversation_resolved   the conversation became resolved (or hidden): seconds since it was created
--   conversation_bot_resolved  resolved with no human reply while a bot had the inbox or the conversation
--   conversation_bot_handoff   pending (bot) -> open (agents)
CREATE TABLE reporting_events (
  id bigserial PRIMARY KEY,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  name text NOT NULL,
  value double precision NOT NULL,
  -- Business hours are not computed yet: the same as value (the reports answer value for business_hours too).
  value_in_business_hours double precision,
  user_id bigint,
  inbox_id bigint,
  conversation_id bigint REFERENCES conversations ON DELETE CASCADE,
  event_start_time timestamptz,
  event_end_time timestamptz,
  created_at timestamptz NOT NULL DEFAULT now()
);
CREATE INDEX reporting_events_account_idx ON reporting_events (account_id, name, created_at);
CREATE INDEX reporting_events_conversation_idx ON reporting_events (conversation_id, name);

-- What the reports count by creation time, per account.
CREATE INDEX conversations_account_created_idx ON conversations (account_id, created_at);
CREATE INDEX messages_account_type_created_idx ON messages (account_id, message_type, created_at) WHERE message_type IN (0, 1);

CREATE FUNCTION record_reply_reporting_event() RETURNS trigger AS $$
DECLARE
  conv record;
  since timestamptz;
BEGIN
  IF NEW.message_type <> 1 OR NEW.private OR NEW.sender_type IS DISTINCT FROM 'User' THEN
    RETURN NULL;
  END IF;
  SELECT id, account_id, inbox_id, created_at, waiting_since INTO conv FROM conversations WHERE id = NEW.conversation_id;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;
  IF NOT EXISTS (SELECT 1 FROM reporting_events WHERE conversation_id = conv.id AND name = 'first_response') THEN
    SELECT max(event_end_time) INTO since FROM reporting_events WHERE conversation_id = conv.id AND name = 'conversation_bot_handoff';
    since := coalesce(since, conv.created_at);
    INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
    VALUES (conv.account_id, 'first_response', extract(epoch FROM NEW.created_at - since), extract(epoch FROM NEW.created_at - since),
      NEW.sender_id, conv.inbox_id, conv.id, since, NEW.created_at, NEW.created_at);
  ELSIF conv.waiting_since IS NOT NULL THEN
    INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
    VALUES (conv.account_id, 'reply_time', extract(epoch FROM NEW.created_at - conv.waiting_since), extract(epoch FROM NEW.created_at - conv.waiting_since),
      NEW.sender_id, conv.inbox_id, conv.id, conv.waiting_since, NEW.created_at, NEW.created_at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER messages_reporting_events AFTER INSERT ON messages
  FOR EACH ROW WHEN (NEW.message_type = 1 AND NOT NEW.private AND NEW.sender_type = 'User')
  EXECUTE FUNCTION record_reply_reporting_event();

CREATE FUNCTION record_status_reporting_event() RETURNS trigger AS $$
DECLARE
  at timestamptz := CASE WHEN NEW.updated_at IS DISTINCT FROM OLD.updated_at THEN NEW.updated_at ELSE now() END;
  seconds double precision := extract(epoch FROM at - NEW.created_at);
BEGIN
  IF NEW.status IN ('resolved', 'hidden') AND OLD.status NOT IN ('resolved', 'hidden') THEN
    INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
    VALUES (NEW.account_id, 'conversation_resolved', seconds, seconds, NEW.assignee_id, NEW.inbox_id, NEW.id, NEW.created_at, at, at);
    IF NOT EXISTS (SELECT 1 FROM reporting_events WHERE conversation_id = NEW.id AND name = 'first_response')
       AND (NEW.assignee_agent_bot_id IS NOT NULL OR EXISTS (SELECT 1 FROM agent_bot_inboxes WHERE inbox_id = NEW.inbox_id)) THEN
      INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
      VALUES (NEW.account_id, 'conversation_bot_resolved', seconds, seconds, NULL, NEW.inbox_id, NEW.id, NEW.created_at, at, at);
    END IF;
  ELSIF OLD.status = 'pending' AND NEW.status = 'open' THEN
    INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
    VALUES (NEW.account_id, 'conversation_bot_handoff', seconds, seconds, NEW.assignee_id, NEW.inbox_id, NEW.id, NEW.created_at, at, at);
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversations_reporting_events AFTER UPDATE OF status ON conversations
  FOR EACH ROW WHEN (OLD.status IS DISTINCT FROM NEW.status)
  EXECUTE FUNCTION record_status_reporting_event();
