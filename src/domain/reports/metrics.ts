import { sql, type RawBuilder } from 'kysely';
import { conversationCondition, eventCondition, messageCondition, type ReportScope } from './scope.ts';

export const COUNT_METRICS = [
  'conversations_count',
  'incoming_messages_count',
  'outgoing_messages_count',
  'resolutions_count',
  'bot_resolutions_count',
  'bot_handoffs_count',
] as const;
export const AVERAGE_METRICS = ['avg_first_response_time', 'avg_resolution_time', 'reply_time'] as const;
export const METRICS = [...COUNT_METRICS, ...AVERAGE_METRICS] as const;
export type Metric = (typeof METRICS)[number];

export const isAverage = (metric: Metric) => (AVERAGE_METRICS as readonly string[]).includes(metric);

/** [since, until) as Chatwoot reads `since`/`until` (unix seconds); absent when either is missing. */
export interface Range {
  since: Date;
  until: Date;
}

const EVENT_OF: Record<string, string> = {
  avg_first_response_time: 'first_response',
  avg_resolution_time: 'conversation_resolved',
  reply_time: 'reply_time',
  resolutions_count: 'conversation_resolved',
  bot_resolutions_count: 'conversation_bot_resolved',
  bot_handoffs_count: 'conversation_bot_handoff',
};

/**
 * The rows a metric is made of, as `(at, value, key)`: `at` places the row in a period, `value` is averaged, and
 * the metric counts distinct `key`s (a resolution counts a conversation once, and only while it is resolved).
 */
export function metricRows(
  metric: Metric,
  scope: ReportScope,
  range: Range,
  businessHours: boolean,
): RawBuilder<unknown> {
  const inRange = (column: RawBuilder<unknown>) => sql`${column} >= ${range.since} AND ${column} < ${range.until}`;
  switch (metric) {
    case 'conversations_count':
      return sql`SELECT c.created_at AS at, 0::float8 AS value, c.id AS key FROM conversations c
        WHERE ${conversationCondition(scope)} AND ${inRange(sql`c.created_at`)}`;
    case 'incoming_messages_count':
    case 'outgoing_messages_count':
      return sql`SELECT m.created_at AS at, 0::float8 AS value, m.id AS key FROM messages m
        WHERE ${messageCondition(scope)} AND m.message_type = ${metric === 'incoming_messages_count' ? 0 : 1} AND ${inRange(sql`m.created_at`)}`;
    case 'resolutions_count':
    case 'bot_resolutions_count':
      return sql`SELECT e.created_at AS at, 0::float8 AS value, e.conversation_id AS key FROM reporting_events e
        JOIN conversations c ON c.id = e.conversation_id AND c.status IN ('resolved', 'hidden')
        WHERE ${eventCondition(scope)} AND e.name = ${EVENT_OF[metric]} AND ${inRange(sql`e.created_at`)}`;
    case 'bot_handoffs_count':
      return sql`SELECT e.created_at AS at, 0::float8 AS value, e.conversation_id AS key FROM reporting_events e
        WHERE ${eventCondition(scope)} AND e.name = ${EVENT_OF[metric]} AND ${inRange(sql`e.created_at`)}`;
    default: {
      const value = businessHours ? sql`coalesce(e.value_in_business_hours, e.value)` : sql`e.value`;
      return sql`SELECT e.created_at AS at, ${value} AS value, e.id AS key FROM reporting_events e
        WHERE ${eventCondition(scope)} AND e.name = ${EVENT_OF[metric]} AND ${inRange(sql`e.created_at`)}`;
    }
  }
}
