import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { groupedSummary, labelSummary } from '../../../../domain/reports/grouped.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';

const tags = ['Reports'];
const config = { policy: 'reports.read' as const };
const UnixSeconds = Type.String({ pattern: '^(-?[0-9]{1,12})?$' });
const Query = Type.Object({
  since: Type.Optional(UnixSeconds),
  until: Type.Optional(UnixSeconds),
  business_hours: Type.Optional(Type.Union([Type.Boolean(), Type.String({ maxLength: 10 })])),
});
const Row = Type.Object({
  id: Type.Integer(),
  name: Type.Optional(Type.String()),
  conversations_count: Type.Integer(),
  resolved_conversations_count: Type.Integer(),
  avg_resolution_time: Nullable(Type.Number()),
  avg_first_response_time: Nullable(Type.Number()),
  avg_reply_time: Nullable(Type.Number()),
});
const Response = Type.Array(Row);

function paramsOf(q: { since?: string; until?: string; business_hours?: boolean | string }) {
  const range =
    q.since && q.until
      ? { since: new Date(Number(q.since) * 1000), until: new Date(Number(q.until) * 1000) }
      : undefined;
  const businessHours = q.business_hours === true || q.business_hours === 'true' || q.business_hours === '1';
  return { range, businessHours };
}

/** Chatwoot's `summary_reports/{agent,inbox,team,label}`: one row per agent (inbox, team, label) of the account. */
export default async function summaryReportRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  for (const dimension of ['agent', 'inbox', 'team'] as const) {
    app.get(
      `/summary_reports/${dimension}`,
      {
        config,
        schema: {
          tags,
          summary: `Conversations and response times per ${dimension}`,
          querystring: Query,
          response: { 200: Response },
        },
      },
      async (request) => {
        const { range, businessHours } = paramsOf(request.query);
        return groupedSummary(db, request.auth.account.id, dimension, range, businessHours);
      },
    );
  }
  app.get(
    '/summary_reports/label',
    {
      config,
      schema: {
        tags,
        summary: 'Conversations and response times per label',
        querystring: Query,
        response: { 200: Response },
      },
    },
    async (request) => {
      const { range, businessHours } = paramsOf(request.query);
      return labelSummary(db, request.auth.account.id, range, businessHours);
    },
  );
}
