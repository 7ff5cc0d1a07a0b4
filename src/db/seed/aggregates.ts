// After the bulk load, the per-conversation aggregates are computed from the stored messages by the same
// rules insertMessage and markSeen apply one message at a time (src/domain/messages/commands.ts):
// - last_message_id: the newest message; last_non_activity_message_id: the newest non-activity, non-private one
// - messages_count: all messages; unread_incoming_count: incoming messages after agent_last_seen_at
// - last_activity_at (and updated_at): the newest message's time
// - first_reply_created_at: the first reply (outgoing or template, not private, with a sender)
// - waiting_since: the creation time until the first reply; after a reply, the first incoming message since
//   the last reply, or null when the contact has not written since.
import type pg from 'pg';

const REPLY = `m.message_type IN (1, 3) AND NOT m.private AND m.sender_type IS NOT NULL`;

export const CONVERSATION_AGGREGATES = `
WITH agg AS (
  SELECT m.conversation_id,
         count(*)::int AS messages_count,
         max(m.id) AS last_id,
         max(m.id) FILTER (WHERE m.message_type <> 2 AND NOT m.private) AS last_public_id,
         max(m.id) FILTER (WHERE ${REPLY}) AS last_reply_id,
         min(m.created_at) FILTER (WHERE ${REPLY}) AS first_reply_at,
         count(*) FILTER (WHERE m.message_type = 0 AND (c.agent_last_seen_at IS NULL OR m.created_at > c.agent_last_seen_at))::int AS unread
  FROM messages m JOIN conversations c ON c.id = m.conversation_id AND c.account_id = $1
  WHERE m.account_id = $1
  GROUP BY m.conversation_id
), waiting AS (
  SELECT m.conversation_id, min(m.created_at) AS since
  FROM messages m JOIN agg a ON a.conversation_id = m.conversation_id
  WHERE m.account_id = $1 AND m.message_type = 0 AND m.id > a.last_reply_id
  GROUP BY m.conversation_id
)
UPDATE conversations c SET
  messages_count = a.messages_count,
  last_message_id = a.last_id,
  last_non_activity_message_id = a.last_public_id,
  unread_incoming_count = a.unread,
  last_activity_at = lm.created_at,
  updated_at = lm.created_at,
  first_reply_created_at = a.first_reply_at,
  waiting_since = CASE WHEN a.last_reply_id IS NULL THEN c.created_at ELSE w.since END
FROM agg a
JOIN messages lm ON lm.id = a.last_id
LEFT JOIN waiting w ON w.conversation_id = a.conversation_id
WHERE c.id = a.conversation_id AND c.account_id = $1`;

/** A contact's last activity is its newest incoming message (insertMessage touches it on each). */
export const CONTACT_ACTIVITY = `
UPDATE contacts ct SET last_activity_at = x.at
FROM (
  SELECT sender_id, max(created_at) AS at FROM messages
  WHERE account_id = $1 AND message_type = 0 AND sender_type = 'Contact'
  GROUP BY sender_id
) x
WHERE ct.id = x.sender_id AND ct.account_id = $1`;

export const ACCOUNT_DISPLAY_ID = `
UPDATE accounts SET last_display_id = GREATEST(last_display_id, (SELECT coalesce(max(display_id), 0) FROM conversations WHERE account_id = $1))
WHERE id = $1`;

/**
 * Every reference the bulk load wrote, checked in bulk: used when the load ran with foreign-key triggers off,
 * and stricter than the foreign keys (the referenced row must belong to the same account and inbox).
 */
export const DANGLING_REFERENCES = `
SELECT
  (SELECT count(*) FROM messages m WHERE m.account_id = $1 AND NOT EXISTS (
     SELECT 1 FROM conversations c WHERE c.id = m.conversation_id AND c.account_id = $1 AND c.inbox_id = m.inbox_id))::int AS messages,
  (SELECT count(*) FROM conversations c WHERE c.account_id = $1 AND NOT EXISTS (
     SELECT 1 FROM contact_inboxes ci WHERE ci.id = c.contact_inbox_id AND ci.account_id = $1 AND ci.contact_id = c.contact_id AND ci.inbox_id = c.inbox_id))::int AS conversations,
  (SELECT count(*) FROM contact_inboxes ci WHERE ci.account_id = $1 AND NOT EXISTS (
     SELECT 1 FROM contacts ct WHERE ct.id = ci.contact_id AND ct.account_id = $1))::int AS contact_inboxes,
  (SELECT count(*) FROM messages m WHERE m.account_id = $1 AND m.sender_type = 'User' AND NOT EXISTS (
     SELECT 1 FROM account_users au WHERE au.user_id = m.sender_id AND au.account_id = $1))::int AS senders`;

export async function computeAggregates(client: pg.ClientBase, accountId: number): Promise<void> {
  await client.query(CONVERSATION_AGGREGATES, [accountId]);
  await client.query(CONTACT_ACTIVITY, [accountId]);
  await client.query(ACCOUNT_DISPLAY_ID, [accountId]);
}

export async function checkReferences(client: pg.ClientBase, accountId: number): Promise<void> {
  const { rows } = await client.query<Record<string, number>>(DANGLING_REFERENCES, [accountId]);
  const broken = Object.entries(rows[0]).filter(([, n]) => n > 0);
  if (broken.length)
    throw new Error(`seeded rows reference missing rows: ${broken.map(([t, n]) => `${n} ${t}`).join(', ')}`);
}
