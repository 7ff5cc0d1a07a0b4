import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { metricRows, type Metric, type Range } from './metrics.ts';
import type { ReportScope } from './scope.ts';

const SUMMARY_COUNTS = [
  'conversations_count',
  'incoming_messages_count',
  'outgoing_messages_count',
  'resolutions_count',
] as const;
const SUMMARY_AVERAGES = ['avg_first_response_time', 'avg_resolution_time', 'reply_time'] as const;

export interface Summary {
  conversations_count: number;
  incoming_messages_count: number;
  outgoing_messages_count: number;
  avg_first_response_time: number | null;
  avg_resolution_time: number | null;
  resolutions_count: number;
  reply_time: number | null;
}

const EMPTY: Summary = {
  conversations_count: 0,
  incoming_messages_count: 0,
  outgoing_messages_count: 0,
  avg_first_response_time: null,
  avg_resolution_time: null,
  resolutions_count: 0,
  reply_time: null,
};

/** Chatwoot's report summary over one range: counts, and averages in seconds (null when nothing happened). One statement. */
export async function summary(
  db: Db,
  scope: ReportScope,
  range: Range | undefined,
  businessHours: boolean,
): Promise<Summary> {
  if (!range) return { ...EMPTY };
  const part = (metric: Metric, aggregate: 'count' | 'avg') =>
    aggregate === 'count'
      ? sql`(SELECT count(DISTINCT key) FROM (${metricRows(metric, scope, range, businessHours)}) r)`
      : sql`(SELECT avg(value) FROM (${metricRows(metric, scope, range, businessHours)}) r)`;
  const columns = [
    ...SUMMARY_COUNTS.map((m) => sql`${part(m, 'count')} AS ${sql.ref(m)}`),
    ...SUMMARY_AVERAGES.map((m) => sql`${part(m, 'avg')} AS ${sql.ref(m)}`),
  ];
  const { rows } = await sql<Record<string, string | number | null>>`SELECT ${sql.join(columns)}`.execute(db);
  const row = rows[0];
  const out = { ...EMPTY };
  for (const m of SUMMARY_COUNTS) out[m] = Number(row[m]);
  for (const m of SUMMARY_AVERAGES) out[m] = row[m] === null ? null : Number(row[m]);
  return out;
}

/** The bot summary (Chatwoot's `reports/bot_summary` body without `previous`). */
export async function botSummary(
  db: Db,
  scope: ReportScope,
  range: Range | undefined,
): Promise<{ bot_resolutions_count: number; bot_handoffs_count: number }> {
  if (!range) return { bot_resolutions_count: 0, bot_handoffs_count: 0 };
  const count = (metric: Metric) =>
    sql`(SELECT count(DISTINCT key) FROM (${metricRows(metric, scope, range, false)}) r)`;
  const { rows } = await sql<{
    r: string;
    h: string;
  }>`SELECT ${count('bot_resolutions_count')} AS r, ${count('bot_handoffs_count')} AS h`.execute(db);
  return { bot_resolutions_count: Number(rows[0].r), bot_handoffs_count: Number(rows[0].h) };
}
