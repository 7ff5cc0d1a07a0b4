import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Range } from './metrics.ts';

export type SummaryDimension = 'agent' | 'inbox' | 'team' | 'label';

export interface GroupedSummaryRow {
  id: number;
  name?: string;
  conversations_count: number;
  resolved_conversations_count: number;
  avg_resolution_time: number | null;
  avg_first_response_time: number | null;
  avg_reply_time: number | null;
}

interface Source {
  members: RawBuilder<unknown>;
  conversationKey: RawBuilder<unknown>;
  eventKey: RawBuilder<unknown>;
  joinConversation: boolean;
}

function sources(accountId: number): Record<Exclude<SummaryDimension, 'label'>, Source> {
  return {
    agent: {
      members: sql`SELECT user_id AS id FROM account_users WHERE account_id = ${accountId} ORDER BY id`,
      conversationKey: sql`c.assignee_id`,
      eventKey: sql`e.user_id`,
      joinConversation: false,
    },
    inbox: {
      members: sql`SELECT id FROM inboxes WHERE account_id = ${accountId} ORDER BY id`,
      conversationKey: sql`c.inbox_id`,
      eventKey: sql`e.inbox_id`,
      joinConversation: false,
    },
    team: {
      members: sql`SELECT id FROM teams WHERE account_id = ${accountId} ORDER BY id`,
      conversationKey: sql`c.team_id`,
      eventKey: sql`c.team_id`,
      joinConversation: true,
    },
  };
}

const num = (v: unknown) => (v === null || v === undefined ? null : Number(v));

/**
 * Chatwoot's `summary_reports/{agent,inbox,team}`: for every agent (inbox, team) of the account, conversations
 * created in the range, resolutions recorded in it and the average durations recorded in it (null when none).
 * Without since and until Chatwoot matches nothing. Three statements.
 */
export async function groupedSummary(
  db: Db,
  accountId: number,
  dimension: Exclude<SummaryDimension, 'label'>,
  range: Range | undefined,
  businessHours: boolean,
): Promise<GroupedSummaryRow[]> {
  const s = sources(accountId)[dimension];
  const members = (await sql<{ id: string }>`${s.members}`.execute(db)).rows.map((r) => Number(r.id));
  const empty = (id: number): GroupedSummaryRow => ({
    id,
    conversations_count: 0,
    resolved_conversations_count: 0,
    avg_resolution_time: null,
    avg_first_response_time: null,
    avg_reply_time: null,
  });
  if (!range || !members.length) return members.map(empty);
  const value = businessHours ? sql`coalesce(e.value_in_business_hours, e.value)` : sql`e.value`;
  const [conversations, events] = await Promise.all([
    sql<{ key: string; n: string }>`SELECT ${s.conversationKey} AS key, count(*) AS n FROM conversations c
      WHERE c.account_id = ${accountId} AND c.created_at >= ${range.since} AND c.created_at < ${range.until} AND ${s.conversationKey} IS NOT NULL
      GROUP BY 1`.execute(db),
    sql<{ key: string; resolved: string; resolution: number | null; first: number | null; reply: number | null }>`
      SELECT ${s.eventKey} AS key,
        count(*) FILTER (WHERE e.name = 'conversation_resolved') AS resolved,
        avg(${value}) FILTER (WHERE e.name = 'conversation_resolved') AS resolution,
        avg(${value}) FILTER (WHERE e.name = 'first_response') AS first,
        avg(${value}) FILTER (WHERE e.name = 'reply_time') AS reply
      FROM reporting_events e ${s.joinConversation ? sql`JOIN conversations c ON c.id = e.conversation_id` : sql``}
      WHERE e.account_id = ${accountId} AND e.name IN ('conversation_resolved', 'first_response', 'reply_time')
        AND e.created_at >= ${range.since} AND e.created_at < ${range.until} AND ${s.eventKey} IS NOT NULL
      GROUP BY 1`.execute(db),
  ]);
  const counts = new Map(conversations.rows.map((r) => [Number(r.key), Number(r.n)]));
  const byKey = new Map(events.rows.map((r) => [Number(r.key), r]));
  return members.map((id) => {
    const e = byKey.get(id);
    return {
      id,
      conversations_count: counts.get(id) ?? 0,
      resolved_conversations_count: Number(e?.resolved ?? 0),
      avg_resolution_time: num(e?.resolution),
      avg_first_response_time: num(e?.first),
      avg_reply_time: num(e?.reply),
    };
  });
}

/**
 * Chatwoot's label summary: per label of the account, conversations created in the range carrying it, resolutions
 * recorded in the range of conversations carrying it, and the average durations of conversations created in the
 * range (0 when none, as Chatwoot answers). Without since and until, all time. Four statements.
 */
export async function labelSummary(
  db: Db,
  accountId: number,
  range: Range | undefined,
  businessHours: boolean,
): Promise<GroupedSummaryRow[]> {
  const labels = await db
    .selectFrom('labels')
    .select(['id', 'title'])
    .where('account_id', '=', accountId)
    .orderBy('id')
    .execute();
  if (!labels.length) return [];
  const titles = labels.map((l) => l.title);
  const created = range ? sql`AND c.created_at >= ${range.since} AND c.created_at < ${range.until}` : sql``;
  const recorded = range ? sql`AND e.created_at >= ${range.since} AND e.created_at < ${range.until}` : sql``;
  const value = businessHours ? sql`coalesce(e.value_in_business_hours, e.value)` : sql`e.value`;
  const [conversations, resolved, averages] = await Promise.all([
    sql<{
      title: string;
      n: string;
    }>`SELECT t.title, count(*) AS n FROM conversations c CROSS JOIN LATERAL unnest(c.labels) AS t(title)
      WHERE c.account_id = ${accountId} AND c.labels && ${titles}::text[] ${created} GROUP BY 1`.execute(db),
    sql<{
      title: string;
      n: string;
    }>`SELECT t.title, count(*) AS n FROM reporting_events e JOIN conversations c ON c.id = e.conversation_id
      CROSS JOIN LATERAL unnest(c.labels) AS t(title)
      WHERE e.account_id = ${accountId} AND e.name = 'conversation_resolved' AND c.labels && ${titles}::text[] ${recorded} GROUP BY 1`.execute(
      db,
    ),
    sql<{ title: string; resolution: number | null; first: number | null; reply: number | null }>`
      SELECT t.title,
        avg(${value}) FILTER (WHERE e.name = 'conversation_resolved') AS resolution,
        avg(${value}) FILTER (WHERE e.name = 'first_response') AS first,
        avg(${value}) FILTER (WHERE e.name = 'reply_time') AS reply
      FROM reporting_events e JOIN conversations c ON c.id = e.conversation_id AND c.account_id = ${accountId}
      CROSS JOIN LATERAL unnest(c.labels) AS t(title)
      WHERE e.account_id = ${accountId} AND e.name IN ('conversation_resolved', 'first_response', 'reply_time') AND c.labels && ${titles}::text[] ${created}
      GROUP BY 1`.execute(db),
  ]);
  const counts = new Map(conversations.rows.map((r) => [r.title, Number(r.n)]));
  const resolutions = new Map(resolved.rows.map((r) => [r.title, Number(r.n)]));
  const avgs = new Map(averages.rows.map((r) => [r.title, r]));
  return labels.map((l) => {
    const a = avgs.get(l.title);
    return {
      id: l.id,
      name: l.title,
      conversations_count: counts.get(l.title) ?? 0,
      avg_resolution_time: num(a?.resolution) ?? 0,
      avg_first_response_time: num(a?.first) ?? 0,
      avg_reply_time: num(a?.reply) ?? 0,
      resolved_conversations_count: resolutions.get(l.title) ?? 0,
    };
  });
}
