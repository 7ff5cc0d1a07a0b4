import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { availabilityStatus } from '../presence/repository.ts';

// Chatwoot's `unattended`: no reply yet, or a contact waiting for one.
const UNATTENDED = sql`(c.first_reply_created_at IS NULL OR c.waiting_since IS NOT NULL)`;

export interface AccountConversationMetrics {
  open: number;
  unattended: number;
  unassigned: number;
  pending: number;
}

/**
 * Chatwoot's `reports/conversations?type=account` and `live_reports/conversation_metrics`: the account's (or one
 * team's) conversations as they are now. One statement.
 */
export async function accountConversationMetrics(
  db: Db,
  accountId: number,
  teamId?: number,
): Promise<AccountConversationMetrics> {
  const { rows } = await sql<Record<keyof AccountConversationMetrics, string>>`
    SELECT count(*) FILTER (WHERE c.status = 'open') AS open,
           count(*) FILTER (WHERE c.status = 'open' AND ${UNATTENDED}) AS unattended,
           count(*) FILTER (WHERE c.status = 'open' AND c.assignee_id IS NULL) AS unassigned,
           count(*) FILTER (WHERE c.status = 'pending') AS pending
    FROM conversations c WHERE c.account_id = ${accountId} AND c.status IN ('open', 'pending')
      ${teamId === undefined ? sql`` : sql`AND c.team_id = ${teamId}`}`.execute(db);
  const r = rows[0];
  return {
    open: Number(r.open),
    unattended: Number(r.unattended),
    unassigned: Number(r.unassigned),
    pending: Number(r.pending),
  };
}

export interface AgentConversationMetrics {
  id: number;
  name: string;
  email: string;
  thumbnail: string;
  availability: string;
  metric: { open: number; unattended: number };
}

export const AGENTS_PER_PAGE = 25;

/**
 * Chatwoot's `reports/conversations?type=agent`: a page of 25 members (in membership order), each with the open
 * conversations assigned to them now, most open first. Two statements whatever the page holds.
 */
export async function agentConversationMetrics(
  db: Db,
  accountId: number,
  page: number,
  userId?: number,
): Promise<AgentConversationMetrics[]> {
  let members = db
    .selectFrom('account_users as au')
    .innerJoin('users as u', 'u.id', 'au.user_id')
    .select(['u.id', 'u.name', 'u.email', 'u.avatar_url', availabilityStatus('au').as('availability')])
    .where('au.account_id', '=', accountId);
  if (userId !== undefined) members = members.where('au.user_id', '=', userId);
  const rows = await members
    .orderBy('au.id')
    .limit(AGENTS_PER_PAGE)
    .offset((page - 1) * AGENTS_PER_PAGE)
    .execute();
  if (!rows.length) return [];
  const { rows: counts } = await sql<{ assignee_id: string; open: string; unattended: string }>`
    SELECT c.assignee_id, count(*) AS open, count(*) FILTER (WHERE ${UNATTENDED}) AS unattended
    FROM conversations c
    WHERE c.account_id = ${accountId} AND c.status = 'open' AND c.assignee_id = ANY(${rows.map((r) => r.id)}::bigint[])
    GROUP BY c.assignee_id`.execute(db);
  const byUser = new Map(counts.map((c) => [Number(c.assignee_id), c]));
  return rows
    .map((u) => {
      const c = byUser.get(u.id);
      return {
        id: u.id,
        name: u.name,
        email: u.email,
        thumbnail: u.avatar_url ?? '',
        availability: u.availability,
        metric: { open: Number(c?.open ?? 0), unattended: Number(c?.unattended ?? 0) },
      };
    })
    .sort((a, b) => b.metric.open - a.metric.open);
}

export type LiveGroup = 'team_id' | 'assignee_id';

/** Chatwoot's `live_reports/grouped_conversation_metrics`: open conversations per team or per assignee, now. One statement. */
export async function groupedConversationMetrics(db: Db, accountId: number, groupBy: LiveGroup, teamId?: number) {
  const column = sql.ref(`c.${groupBy}`);
  const { rows } = await sql<{ key: string | null; open: string; unattended: string; unassigned: string }>`
    SELECT ${column} AS key, count(*) AS open, count(*) FILTER (WHERE ${UNATTENDED}) AS unattended, count(*) FILTER (WHERE c.assignee_id IS NULL) AS unassigned
    FROM conversations c
    WHERE c.account_id = ${accountId} AND c.status = 'open' ${teamId === undefined ? sql`` : sql`AND c.team_id = ${teamId}`}
    GROUP BY 1 ORDER BY 1 NULLS FIRST`.execute(db);
  return rows.map((r) => ({
    open: Number(r.open),
    unattended: Number(r.unattended),
    unassigned: Number(r.unassigned),
    [groupBy]: r.key === null ? null : Number(r.key),
  }));
}
