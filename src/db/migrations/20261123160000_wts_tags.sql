-- WTS tags are labels (one table, two presentations). A WTS tag name may hold spaces and capitals
-- ("Cliente VIP") that a Chatwoot label title cannot: the title stays the Chatwoot-valid slug
-- ("cliente-vip") that conversations and contacts refer to, and display_name keeps the name as WTS wrote it
-- (null when it is the title itself). Renaming through Chatwoot drops it.
ALTER TABLE labels ADD COLUMN display_name text;

-- Chatbot dispatch callbacks (`callbackUrl` of POST /chat/v1/chatbot/send: "a webhook when the chatbot is
-- started or fails"). The run keeps the URL; each chatbot has the secret its callbacks are signed with.
ALTER TABLE chatbots ADD COLUMN callback_secret text NOT NULL DEFAULT replace(gen_random_uuid()::text || gen_random_uuid()::text, '-', '');
ALTER TABLE chatbot_runs ADD COLUMN callback_url text;

-- One row per outcome to call back, written by a trigger in the very transaction that changes the run, so no
-- path (dispatch, step, agent takeover, crash recovery) can change a run without its callback. The engine's
-- sweep turns new rows into retried jobs (enqueued_at), the job records the result.
CREATE TABLE chatbot_callbacks (
  id bigserial PRIMARY KEY,
  uuid uuid NOT NULL DEFAULT gen_random_uuid() UNIQUE,
  account_id bigint NOT NULL REFERENCES accounts ON DELETE CASCADE,
  run_id bigint NOT NULL REFERENCES chatbot_runs ON DELETE CASCADE,
  outcome text NOT NULL CHECK (outcome IN ('STARTED', 'SKIPPED', 'COMPLETED', 'FAILED', 'STOPPED')),
  url text NOT NULL,
  enqueued_at timestamptz,
  attempts integer NOT NULL DEFAULT 0,
  last_status_code integer,
  last_error text,
  delivered_at timestamptz,
  failed_at timestamptz,
  created_at timestamptz NOT NULL DEFAULT now(),
  UNIQUE (run_id, outcome)
);
CREATE INDEX chatbot_callbacks_unsent_idx ON chatbot_callbacks (id) WHERE delivered_at IS NULL AND failed_at IS NULL;

CREATE FUNCTION chatbot_runs_callbacks() RETURNS trigger AS $$
DECLARE
  called_back text;
BEGIN
  IF NEW.callback_url IS NULL THEN
    RETURN NEW;
  END IF;
  IF NEW.status IN ('skipped', 'completed', 'failed', 'stopped') AND (TG_OP = 'INSERT' OR OLD.status IS DISTINCT FROM NEW.status) THEN
    called_back := upper(NEW.status);
  ELSIF NEW.started_at IS NOT NULL AND (TG_OP = 'INSERT' OR OLD.started_at IS NULL) THEN
    called_back := 'STARTED';
  ELSE
    RETURN NEW;
  END IF;
  INSERT INTO chatbot_callbacks (account_id, run_id, outcome, url)
  VALUES (NEW.account_id, NEW.id, called_back, NEW.callback_url)
  ON CONFLICT (run_id, outcome) DO NOTHING;
  PERFORM pg_notify('switchboard_chatbot_runs', 'callback');
  RETURN NEW;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER chatbot_runs_callbacks
  AFTER INSERT OR UPDATE OF status, started_at ON chatbot_runs
  FOR EACH ROW EXECUTE FUNCTION chatbot_runs_callbacks();
