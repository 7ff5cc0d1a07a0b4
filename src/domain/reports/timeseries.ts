import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { isAverage, metricRows, type Metric, type Range } from './metrics.ts';
import type { ReportScope } from './scope.ts';

export const GROUP_BY = ['hour', 'day', 'week', 'month', 'year'] as const;
export type GroupBy = (typeof GROUP_BY)[number];

export interface TimeseriesOptions {
  metric: Metric;
  groupBy: GroupBy;
  /** Hours east of UTC (Chatwoot's timezone_offset): periods start at local midnight. */
  offsetHours: number;
  businessHours: boolean;
}

export interface Point {
  value: number;
  timestamp: number;
  count?: number;
}

/**
 * The period a UTC instant falls in, as local wall time (timestamp without time zone). Weeks start on Sunday,
 * as Chatwoot's grouping (groupdate's default) starts them.
 */
function period(at: RawBuilder<unknown>, groupBy: GroupBy, offsetSeconds: number): RawBuilder<Date> {
  const local = sql`((${at}) AT TIME ZONE 'UTC' + make_interval(secs => ${offsetSeconds}))`;
  if (groupBy === 'week') return sql<Date>`(date_trunc('week', ${local} + interval '1 day') - interval '1 day')`;
  return sql<Date>`date_trunc(${groupBy}, ${local})`;
}

/**
 * Chatwoot's `GET /api/v2/accounts/:id/reports`: one point per period from the one holding `since` to the one
 * holding the last instant before `until`, empty periods at 0, each stamped with the period's start (unix
 * seconds, in the offset). Averages carry how many events they average. One statement.
 */
export async function timeseries(
  db: Db,
  scope: ReportScope,
  range: Range | undefined,
  options: TimeseriesOptions,
): Promise<Point[]> {
  // Chatwoot filters on `created_at: range`, which is `IS NULL` without since and until: nothing.
  if (!range) return [];
  const { metric, groupBy, offsetHours, businessHours } = options;
  const offsetSeconds = Math.round(offsetHours * 3600);
  const first = period(sql`${range.since}::timestamptz`, groupBy, offsetSeconds);
  const last = period(sql`${range.until}::timestamptz - interval '1 microsecond'`, groupBy, offsetSeconds);
  const result = await sql<{ start: string; value: number | null; count: string }>`
    WITH rows AS (${metricRows(metric, scope, range, businessHours)}),
    grouped AS (
      SELECT ${period(sql`at`, groupBy, offsetSeconds)} AS p, count(DISTINCT key) AS count, avg(value) AS value FROM rows GROUP BY 1
    )
    SELECT extract(epoch FROM s.p) - ${offsetSeconds} AS start, g.value, coalesce(g.count, 0) AS count
    FROM generate_series(${first}, ${last}, ${sql.raw(`interval '1 ${groupBy}'`)}) AS s(p)
    LEFT JOIN grouped g ON g.p = s.p
    ORDER BY s.p`.execute(db);
  const average = isAverage(metric);
  return result.rows.map((r) => {
    const timestamp = Math.round(Number(r.start));
    const count = Number(r.count);
    return average ? { value: r.value === null ? 0 : Number(r.value), timestamp, count } : { value: count, timestamp };
  });
}
