-- The two writes every message pays for, as functions: one round trip and plans PostgreSQL keeps between
-- calls, where the same work took seven statements from the application.

-- Events of one account, in the caller's transaction. The account row is locked to take the next sequence
-- numbers, so seq is gap-free and in commit order; the NOTIFY ("account:last seq", channel
-- switchboard_events) is delivered at commit and wakes the dispatchers of every process. Answers the first
-- seq taken and what was notified (the application reports committed notifications to its own transports).
CREATE FUNCTION record_events(
  p_account_id bigint,
  p_names text[],
  p_conversation_ids bigint[],
  p_contact_ids bigint[],
  p_message_ids bigint[],
  p_inbox_ids bigint[],
  p_data jsonb[],
  OUT first_seq bigint,
  OUT notify_channel text,
  OUT notify_payload text
) AS $$
DECLARE
  taken int := cardinality(p_names);
  last_seq bigint;
BEGIN
  UPDATE accounts SET last_event_seq = last_event_seq + taken WHERE id = p_account_id RETURNING last_event_seq INTO last_seq;
  IF NOT FOUND THEN
    RAISE EXCEPTION 'account % does not exist', p_account_id USING ERRCODE = 'foreign_key_violation';
  END IF;
  INSERT INTO events (account_id, seq, name, conversation_id, contact_id, message_id, inbox_id, data)
  SELECT p_account_id, last_seq - taken + e.ord, e.name, e.conversation_id, e.contact_id, e.message_id, e.inbox_id, e.data
  FROM unnest(p_names, p_conversation_ids, p_contact_ids, p_message_ids, p_inbox_ids, p_data)
    WITH ORDINALITY AS e(name, conversation_id, contact_id, message_id, inbox_id, data, ord);
  first_seq := last_seq - taken + 1;
  notify_channel := 'switchboard_events';
  notify_payload := p_account_id || ':' || last_seq;
  PERFORM pg_notify(notify_channel, notify_payload);
END;
$$ LANGUAGE plpgsql;

-- A timestamp as the application writes it in events (JavaScript's toISOString), or null.
CREATE FUNCTION iso_time(t timestamptz) RETURNS text AS $$
  SELECT to_char(t AT TIME ZONE 'UTC', 'YYYY-MM-DD"T"HH24:MI:SS.MS"Z"')
$$ LANGUAGE sql IMMUTABLE;

-- Stores a message and keeps its conversation in step, in the caller's transaction: the conversation row is
-- locked first so concurrent messages update its aggregates (last message, counts, activity and waiting
-- times, first reply) one after another; an incoming message reopens a resolved, hidden or snoozed
-- conversation (pending when an agent bot serves the inbox) and touches its contact's activity time; the
-- events (message.created, and status_changed + updated when the status moved) are recorded last.
-- `m` holds the message's fields by column name (absent = column default). Answers null when the
-- conversation does not exist, else {message, conversation, contact (the incoming message's sender, with its
-- new activity time; else null), notify_channel, notify_payload}.
CREATE FUNCTION insert_message(p_conversation_id bigint, m jsonb) RETURNS jsonb AS $$
DECLARE
  prior conversations;
  updated conversations;
  stored messages;
  touched contacts;
  stamp timestamptz := coalesce((m->>'created_at')::timestamptz, date_trunc('milliseconds', clock_timestamp()));
  kind smallint := (m->>'message_type')::smallint;
  is_private boolean := coalesce((m->>'private')::boolean, false);
  is_incoming boolean := kind = 0;
  is_reply boolean := kind NOT IN (0, 2) AND NOT is_private AND m->>'sender_type' IS NOT NULL;
  next_status text;
  changes jsonb := '{}';
  recorded record;
BEGIN
  SELECT * INTO prior FROM conversations WHERE id = p_conversation_id FOR NO KEY UPDATE;
  IF NOT FOUND THEN
    RETURN NULL;
  END IF;

  INSERT INTO messages (account_id, inbox_id, conversation_id, message_type, content, private, content_type,
    content_attributes, additional_attributes, sender_type, sender_id, source_id, echo_id, status, created_at, updated_at)
  VALUES (prior.account_id, prior.inbox_id, prior.id, kind, m->>'content', is_private, coalesce(m->>'content_type', 'text'),
    coalesce(m->'content_attributes', '{}'), coalesce(m->'additional_attributes', '{}'), m->>'sender_type',
    (m->>'sender_id')::bigint, m->>'source_id', m->>'echo_id', coalesce(m->>'status', 'sent'), stamp, stamp)
  RETURNING * INTO stored;

  next_status := prior.status;
  IF is_incoming AND NOT is_private THEN
    IF prior.status IN ('resolved', 'hidden') THEN
      next_status := CASE WHEN EXISTS (SELECT 1 FROM agent_bot_inboxes WHERE inbox_id = prior.inbox_id) THEN 'pending' ELSE 'open' END;
    ELSIF prior.status = 'snoozed' THEN
      next_status := 'open';
    END IF;
  END IF;

  IF is_incoming AND m->>'sender_type' = 'Contact' THEN
    UPDATE contacts SET last_activity_at = stamp WHERE id = (m->>'sender_id')::bigint AND account_id = prior.account_id RETURNING * INTO touched;
  END IF;

  UPDATE conversations SET
    last_message_id = stored.id,
    last_non_activity_message_id = CASE WHEN kind = 2 OR is_private THEN last_non_activity_message_id ELSE stored.id END,
    last_activity_at = stamp,
    updated_at = stamp,
    messages_count = messages_count + 1,
    unread_incoming_count = unread_incoming_count + CASE WHEN is_incoming THEN 1 ELSE 0 END,
    waiting_since = CASE WHEN is_incoming THEN coalesce(waiting_since, stamp) WHEN is_reply THEN NULL ELSE waiting_since END,
    first_reply_created_at = CASE WHEN is_reply THEN coalesce(first_reply_created_at, stamp) ELSE first_reply_created_at END,
    status = next_status,
    snoozed_until = CASE WHEN next_status = prior.status THEN snoozed_until END
  WHERE id = prior.id
  RETURNING * INTO updated;

  IF next_status = prior.status THEN
    SELECT * INTO recorded FROM record_events(prior.account_id, ARRAY['message.created'], ARRAY[prior.id], ARRAY[prior.contact_id],
      ARRAY[stored.id], ARRAY[prior.inbox_id], ARRAY['{}'::jsonb]);
  ELSE
    changes := jsonb_build_object('status', jsonb_build_object('previous_value', prior.status, 'current_value', updated.status));
    IF prior.snoozed_until IS NOT NULL THEN
      changes := changes || jsonb_build_object('snoozed_until', jsonb_build_object('previous_value', iso_time(prior.snoozed_until), 'current_value', null));
    END IF;
    changes := jsonb_build_object('changed_attributes', changes);
    SELECT * INTO recorded FROM record_events(prior.account_id,
      ARRAY['message.created', 'conversation.status_changed', 'conversation.updated'],
      ARRAY[prior.id, prior.id, prior.id], ARRAY[prior.contact_id, NULL, NULL],
      ARRAY[stored.id, NULL, NULL], ARRAY[prior.inbox_id, prior.inbox_id, prior.inbox_id],
      ARRAY['{}'::jsonb, changes, changes]);
  END IF;

  RETURN jsonb_build_object('message', to_jsonb(stored), 'conversation', to_jsonb(updated),
    'contact', CASE WHEN touched.id IS NOT NULL THEN to_jsonb(touched) END,
    'notify_channel', recorded.notify_channel, 'notify_payload', recorded.notify_payload);
END;
$$ LANGUAGE plpgsql;

-- Several messages in one transaction (the application gathers messages that arrive while a write is in
-- flight): one commit, one hold of each account's sequence lock, instead of one each. Rows are locked up
-- front in the order every single writer takes them — conversations, then the contacts incoming messages
-- touch, then accounts (insert_message: conversation, contact, account; contact edits: contact, account) —
-- each kind in id order, so batches and single writers never wait on each other in a cycle. The locks are
-- the ones the updates take anyway (FOR NO KEY UPDATE: inserts referencing these rows are not held up).
-- Answers insert_message's result for each message, in the order given.
CREATE FUNCTION insert_messages(p_conversation_ids bigint[], p_messages jsonb[]) RETURNS SETOF jsonb AS $$
BEGIN
  PERFORM 1 FROM conversations WHERE id = ANY(p_conversation_ids) ORDER BY id FOR NO KEY UPDATE;
  PERFORM 1 FROM contacts
  WHERE id IN (SELECT (m->>'sender_id')::bigint FROM unnest(p_messages) AS m WHERE m->>'message_type' = '0' AND m->>'sender_type' = 'Contact')
  ORDER BY id FOR NO KEY UPDATE;
  PERFORM 1 FROM accounts WHERE id IN (SELECT account_id FROM conversations WHERE id = ANY(p_conversation_ids)) ORDER BY id FOR NO KEY UPDATE;
  FOR i IN 1 .. cardinality(p_conversation_ids) LOOP
    RETURN NEXT insert_message(p_conversation_ids[i], p_messages[i]);
  END LOOP;
END;
$$ LANGUAGE plpgsql;
