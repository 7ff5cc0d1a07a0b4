import type { App } from '../../../types.ts';
import { validation } from '../../../../errors.ts';
import { accountConversationMetrics, agentConversationMetrics } from '../../../../domain/reports/live.ts';
import type { Range } from '../../../../domain/reports/metrics.ts';
import { resolveScope } from '../../../../domain/reports/scope.ts';
import { botSummary, summary } from '../../../../domain/reports/summary.ts';
import { GROUP_BY, timeseries, type GroupBy } from '../../../../domain/reports/timeseries.ts';
import {
  BotSummaryResponse,
  ConversationsQuery,
  ConversationsResponse,
  ReportQuery,
  ReportResponse,
  SummaryQuery,
  SummaryResponse,
  type ReportQueryType,
} from './reports.schema.ts';

const tags = ['Reports'];
const config = { policy: 'reports.read' as const };

/** [since, until) from Chatwoot's unix-second strings; none unless both are given. */
function rangeOf(q: { since?: string; until?: string }): Range | undefined {
  if (!q.since || !q.until) return undefined;
  return { since: new Date(Number(q.since) * 1000), until: new Date(Number(q.until) * 1000) };
}

/** Chatwoot's previous period: as long as the current one, ending where it starts. */
function previousRange(q: { since?: string; until?: string }): Range | undefined {
  if (!q.since || !q.until) return undefined;
  const since = Number(q.since);
  const until = Number(q.until);
  return rangeOf({ since: String(since - (until - since)), until: String(since) });
}

const businessHours = (q: ReportQueryType) =>
  [q.business_hours, q.enable_business_hours].some((v) => v === true || v === 'true' || v === '1');

/** Chatwoot's v2 reports (administrators only): time series, summaries and the live conversation counts. */
export default async function reportRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/reports',
    {
      config,
      schema: { tags, summary: 'A metric per period', querystring: ReportQuery, response: { 200: ReportResponse } },
    },
    async (request) => {
      const q = request.query;
      const scope = await resolveScope(db, request.auth.account.id, q.type, q.id);
      const groupBy: GroupBy = (GROUP_BY as readonly string[]).includes(q.group_by ?? '')
        ? (q.group_by as GroupBy)
        : 'day';
      const offsetHours = typeof q.timezone_offset === 'number' ? q.timezone_offset : 0;
      return timeseries(db, scope, rangeOf(q), {
        metric: q.metric,
        groupBy,
        offsetHours,
        businessHours: businessHours(q),
      });
    },
  );

  app.get(
    '/reports/summary',
    {
      config,
      schema: {
        tags,
        summary: 'Totals over a period and the one before it',
        querystring: SummaryQuery,
        response: { 200: SummaryResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const scope = await resolveScope(db, request.auth.account.id, q.type, q.id);
      const [current, previous] = await Promise.all([
        summary(db, scope, rangeOf(q), businessHours(q)),
        summary(db, scope, previousRange(q), businessHours(q)),
      ]);
      return { ...current, previous };
    },
  );

  app.get(
    '/reports/bot_summary',
    {
      config,
      schema: {
        tags,
        summary: 'Bot resolutions and handoffs over a period and the one before it',
        querystring: SummaryQuery,
        response: { 200: BotSummaryResponse },
      },
    },
    async (request) => {
      const q = request.query;
      const scope = await resolveScope(db, request.auth.account.id, q.type, q.id);
      const [current, previous] = await Promise.all([
        botSummary(db, scope, rangeOf(q)),
        botSummary(db, scope, previousRange(q)),
      ]);
      return { ...current, previous };
    },
  );

  app.get(
    '/reports/conversations',
    {
      config,
      schema: {
        tags,
        summary: 'Open conversations now: the account’s, or per agent',
        querystring: ConversationsQuery,
        response: { 200: ConversationsResponse },
      },
    },
    async (request) => {
      const { type, user_id: userId, page } = request.query;
      // Chatwoot answers a missing type with 422 (an empty one): the same status, with our error body.
      if (!type) throw validation('type is required', ['type']);
      const accountId = request.auth.account.id;
      if (type === 'account') return accountConversationMetrics(db, accountId);
      return agentConversationMetrics(db, accountId, page ?? 1, typeof userId === 'number' ? userId : undefined);
    },
  );
}
