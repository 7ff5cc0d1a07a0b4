-- A delivery copies its receiver's URL and secret when it is planned. When the receiver's address changes
-- (a dead endpoint fixed, a secret rotated, an inbox's webhook_url or a bot's outgoing_url edited), the
-- deliveries still pending follow it: a held backlog goes to where the receiver is now, never to the address
-- it was moved away from. A receiver left without a URL fails its pending deliveries, saying why.
CREATE FUNCTION follow_receiver_address() RETURNS trigger AS $$
DECLARE
  new_url text;
  new_secret text;
BEGIN
  IF TG_ARGV[0] = 'webhook' THEN
    new_url := NEW.url; new_secret := NEW.secret;
  ELSIF TG_ARGV[0] = 'inbox' THEN
    new_url := NEW.webhook_url; new_secret := NEW.hmac_token;
  ELSE
    new_url := NEW.outgoing_url; new_secret := NULL;
  END IF;
  IF coalesce(new_url, '') = '' THEN
    UPDATE webhook_deliveries SET status = 'failed', last_error = 'receiver has no URL any more', locked_until = NULL
    WHERE status = 'pending' AND target_type = TG_ARGV[0] AND target_id = NEW.id;
  ELSE
    UPDATE webhook_deliveries SET url = new_url, secret = new_secret
    WHERE status = 'pending' AND target_type = TG_ARGV[0] AND target_id = NEW.id;
  END IF;
  RETURN NULL;
END;
$$ LANGUAGE plpgsql;

CREATE TRIGGER webhooks_follow_address AFTER UPDATE OF url, secret ON webhooks
  FOR EACH ROW WHEN (OLD.url IS DISTINCT FROM NEW.url OR OLD.secret IS DISTINCT FROM NEW.secret)
  EXECUTE FUNCTION follow_receiver_address('webhook');
CREATE TRIGGER inboxes_follow_address AFTER UPDATE OF webhook_url, hmac_token ON inboxes
  FOR EACH ROW WHEN (OLD.webhook_url IS DISTINCT FROM NEW.webhook_url OR OLD.hmac_token IS DISTINCT FROM NEW.hmac_token)
  EXECUTE FUNCTION follow_receiver_address('inbox');
CREATE TRIGGER agent_bots_follow_address AFTER UPDATE OF outgoing_url ON agent_bots
  FOR EACH ROW WHEN (OLD.outgoing_url IS DISTINCT FROM NEW.outgoing_url)
  EXECUTE FUNCTION follow_receiver_address('agent_bot');
