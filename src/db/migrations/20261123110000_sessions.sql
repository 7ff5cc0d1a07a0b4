-- WTS sessions say when an agent took them (activeAt) and when they ended (endAt). Both are kept on the
-- conversation row so session lists filter and sort on them without joins.
--
-- A status or assignee changes in several places (status commands, an incoming message reopening a
-- resolved conversation, a contact resolving through the Client API, a bot handoff), so the row keeps
-- the two times itself, whatever path wrote it:
--   ended_at  = when it entered resolved/hidden; cleared when it is reopened
--   active_at = the first time an agent was assigned or replied; never cleared
ALTER TABLE conversations
  ADD COLUMN active_at timestamptz,
  ADD COLUMN ended_at timestamptz;

UPDATE conversations
SET active_at = COALESCE(first_reply_created_at, CASE WHEN assignee_id IS NOT NULL THEN updated_at END),
    ended_at = CASE WHEN status IN ('resolved', 'hidden') THEN updated_at END;

CREATE FUNCTION conversations_session_times() RETURNS trigger AS $$
BEGIN
  IF NEW.status IN ('resolved', 'hidden') THEN
    IF TG_OP = 'INSERT' OR OLD.status NOT IN ('resolved', 'hidden') OR NEW.ended_at IS NULL THEN
      NEW.ended_at := now();
    END IF;
  ELSE
    NEW.ended_at := NULL;
  END IF;
  IF NEW.active_at IS NULL AND (NEW.assignee_id IS NOT NULL OR NEW.first_reply_created_at IS NOT NULL) THEN
    NEW.active_at := COALESCE(NEW.first_reply_created_at, now());
  END IF;
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER conversations_session_times
  BEFORE INSERT OR UPDATE OF status, assignee_id, first_reply_created_at ON conversations
  FOR EACH ROW EXECUTE FUNCTION conversations_session_times();

CREATE INDEX conversations_ended_idx ON conversations (account_id, ended_at) WHERE ended_at IS NOT NULL;
