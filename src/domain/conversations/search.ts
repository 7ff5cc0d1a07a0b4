import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { listConversations, type ConversationCounts, type ConversationQuery } from './list.ts';

export interface SearchHit {
  id: number;
  uuid: string;
  created_at: number;
  contact: { id: number; name: string | null };
  inbox: { id: number; name: string; channel_type: string };
  messages: {
    content: string | null;
    id: number;
    sender_name: string | null;
    message_type: number;
    created_at: number;
  }[];
  account_id: number;
}

const MATCHES_PER_CONVERSATION = 5;

/**
 * Conversations whose messages contain `q`, in Chatwoot's slim search shape: the page and counts (two
 * statements) plus the matching messages with their contact, inbox and sender names (one more).
 */
export async function searchConversations(
  db: Db,
  accountId: number,
  query: ConversationQuery,
): Promise<{ payload: SearchHit[]; counts: ConversationCounts }> {
  if (!query.q) return { payload: [], counts: { mine_count: 0, assigned_count: 0, unassigned_count: 0, all_count: 0 } };
  const { conversations, counts } = await listConversations(db, accountId, query);
  if (!conversations.length) return { payload: [], counts };
  const pattern = '%' + query.q.replace(/[\\%_]/g, (c) => '\\' + c) + '%';
  const ids = conversations.map((c) => c.id);
  const rows = await sql<{
    conversation_id: number;
    contact_name: string | null;
    inbox_name: string;
    channel_type: string;
    id: number | null;
    content: string | null;
    message_type: number | null;
    created_at: Date | null;
    sender_name: string | null;
  }>`
    SELECT c.id AS conversation_id, ct.name AS contact_name, i.name AS inbox_name, i.channel_type,
           m.id, m.content, m.message_type, m.created_at,
           COALESCE(u.display_name, u.name, sc.name, b.name) AS sender_name
    FROM conversations c
    JOIN contacts ct ON ct.id = c.contact_id
    JOIN inboxes i ON i.id = c.inbox_id
    LEFT JOIN LATERAL (
      SELECT * FROM messages m WHERE m.conversation_id = c.id AND m.content ILIKE ${pattern}
      ORDER BY m.id DESC LIMIT ${MATCHES_PER_CONVERSATION}
    ) m ON true
    LEFT JOIN users u ON m.sender_type = 'User' AND u.id = m.sender_id
    LEFT JOIN contacts sc ON m.sender_type = 'Contact' AND sc.id = m.sender_id
    LEFT JOIN agent_bots b ON m.sender_type = 'AgentBot' AND b.id = m.sender_id AND (b.account_id = c.account_id OR b.account_id IS NULL)
    WHERE c.account_id = ${accountId} AND c.id = ANY(${sql.val(ids)}::bigint[])
    ORDER BY m.id ASC`.execute(db);
  const byConversation = new Map<number, typeof rows.rows>();
  for (const row of rows.rows)
    byConversation.set(row.conversation_id, [...(byConversation.get(row.conversation_id) ?? []), row]);
  const seconds = (d: Date | string | null) => (d ? Math.floor(new Date(d).getTime() / 1000) : 0);
  return {
    counts,
    payload: conversations.map((c) => {
      const matches = byConversation.get(c.id) ?? [];
      const first = matches[0];
      return {
        id: c.display_id,
        uuid: c.uuid,
        created_at: seconds(c.created_at),
        contact: { id: c.contact_id, name: first?.contact_name ?? null },
        inbox: { id: c.inbox_id, name: first?.inbox_name ?? '', channel_type: first?.channel_type ?? '' },
        messages: matches
          .filter((m) => m.id !== null)
          .map((m) => ({
            content: m.content,
            id: m.id!,
            sender_name: m.sender_name,
            message_type: m.message_type!,
            created_at: seconds(m.created_at),
          })),
        account_id: c.account_id,
      };
    }),
  };
}
