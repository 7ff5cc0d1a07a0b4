-- Reporting events for what happened before the triggers existed (20261206140000), from the store itself, by the
-- same rules: first responses and reply times from the messages, resolutions and bot handoffs from the event
-- outbox's conversation.status_changed rows. The agent of a past resolution is the conversation's assignee now.
-- Resolutions and bot handoffs first: a first response after a handoff is measured from it.
INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
SELECT e.account_id,
  CASE WHEN e.data->'changed_attributes'->'status'->>'current_value' IN ('resolved', 'hidden') THEN 'conversation_resolved' ELSE 'conversation_bot_handoff' END,
  extract(epoch FROM e.created_at - c.created_at), extract(epoch FROM e.created_at - c.created_at),
  c.assignee_id, c.inbox_id, c.id, c.created_at, e.created_at, e.created_at
FROM events e JOIN conversations c ON c.id = e.conversation_id
WHERE e.name = 'conversation.status_changed'
  AND NOT EXISTS (SELECT 1 FROM reporting_events r WHERE r.conversation_id = c.id AND r.name IN ('conversation_resolved', 'conversation_bot_handoff'))
  AND (
    (e.data->'changed_attributes'->'status'->>'current_value' IN ('resolved', 'hidden')
      AND coalesce(e.data->'changed_attributes'->'status'->>'previous_value', '') NOT IN ('resolved', 'hidden'))
    OR (e.data->'changed_attributes'->'status'->>'previous_value' = 'pending' AND e.data->'changed_attributes'->'status'->>'current_value' = 'open')
  );

INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
SELECT s.account_id, s.name, s.value, s.value, s.user_id, s.inbox_id, s.conversation_id, s.started, s.ended, s.ended
FROM (
  -- a conversation's first human reply, since its creation or the last bot handoff before it
  SELECT DISTINCT ON (m.conversation_id) c.account_id, 'first_response' AS name, extract(epoch FROM m.created_at - since.at) AS value,
    m.sender_id AS user_id, c.inbox_id, c.id AS conversation_id, since.at AS started, m.created_at AS ended
  FROM messages m JOIN conversations c ON c.id = m.conversation_id
  CROSS JOIN LATERAL (SELECT coalesce(max(h.event_end_time), c.created_at) AS at FROM reporting_events h
    WHERE h.conversation_id = c.id AND h.name = 'conversation_bot_handoff' AND h.event_end_time <= m.created_at) since
  WHERE m.message_type = 1 AND NOT m.private AND m.sender_type = 'User'
  ORDER BY m.conversation_id, m.created_at, m.id
) s
WHERE NOT EXISTS (SELECT 1 FROM reporting_events r WHERE r.conversation_id = s.conversation_id AND r.name = 'first_response');

-- Every later human reply: waiting since the first incoming message after the reply before it (any reply, a
-- bot's too, ends a wait, as insert_message clears waiting_since).
WITH replies AS (
  SELECT m.id, m.conversation_id, m.created_at, m.sender_type, m.sender_id,
    lag(m.created_at) OVER (PARTITION BY m.conversation_id ORDER BY m.created_at, m.id) AS previous_reply
  FROM messages m
  WHERE m.message_type IN (1, 3) AND NOT m.private AND m.sender_type IS NOT NULL
    AND NOT EXISTS (SELECT 1 FROM reporting_events r WHERE r.conversation_id = m.conversation_id AND r.name = 'reply_time')
),
first_human AS (
  SELECT DISTINCT ON (conversation_id) conversation_id, id FROM replies WHERE sender_type = 'User' ORDER BY conversation_id, created_at, id
)
INSERT INTO reporting_events (account_id, name, value, value_in_business_hours, user_id, inbox_id, conversation_id, event_start_time, event_end_time, created_at)
SELECT c.account_id, 'reply_time', extract(epoch FROM r.created_at - w.since), extract(epoch FROM r.created_at - w.since),
  r.sender_id, c.inbox_id, c.id, w.since, r.created_at, r.created_at
FROM replies r
JOIN conversations c ON c.id = r.conversation_id
CROSS JOIN LATERAL (
  SELECT min(i.created_at) AS since FROM messages i
  WHERE i.conversation_id = r.conversation_id AND i.message_type = 0 AND NOT i.private
    AND i.created_at > coalesce(r.previous_reply, '-infinity') AND i.created_at <= r.created_at
) w
WHERE r.sender_type = 'User' AND w.since IS NOT NULL AND r.id NOT IN (SELECT id FROM first_human);
