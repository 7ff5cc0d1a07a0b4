import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { AppError } from '../../../../errors.ts';
import { accountConversationMetrics, groupedConversationMetrics } from '../../../../domain/reports/live.ts';
import { resolveScope } from '../../../../domain/reports/scope.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';

const tags = ['Reports'];
const config = { policy: 'reports.read' as const };
const TeamQuery = Type.Object({ team_id: Type.Optional(Type.Integer({ minimum: 1 })) });
const GroupedQuery = Type.Object({
  team_id: Type.Optional(Type.Integer({ minimum: 1 })),
  group_by: Type.Optional(Type.String({ maxLength: 50 })),
});
const Counts = { open: Type.Integer(), unattended: Type.Integer(), unassigned: Type.Integer() };
const MetricsResponse = Type.Object({ ...Counts, pending: Type.Integer() });
const GroupedResponse = Type.Array(
  Type.Object({
    ...Counts,
    team_id: Type.Optional(Nullable(Type.Integer())),
    assignee_id: Type.Optional(Nullable(Type.Integer())),
  }),
);

/** Chatwoot's live reports: the conversations open now, for the account or a team, and per team or assignee. */
export default async function liveReportRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  async function teamOf(accountId: number, teamId: number | undefined) {
    if (teamId !== undefined) await resolveScope(db, accountId, 'team', String(teamId)); // 404 unless the account's
    return teamId;
  }

  app.get(
    '/live_reports/conversation_metrics',
    {
      config,
      schema: {
        tags,
        summary: 'Open, unattended, unassigned and pending conversations now',
        querystring: TeamQuery,
        response: { 200: MetricsResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      return accountConversationMetrics(db, accountId, await teamOf(accountId, request.query.team_id));
    },
  );

  app.get(
    '/live_reports/grouped_conversation_metrics',
    {
      config,
      schema: {
        tags,
        summary: 'Open conversations now per team or assignee (group_by team_id or assignee_id)',
        querystring: GroupedQuery,
        response: { 200: GroupedResponse },
      },
    },
    async (request) => {
      const { group_by: groupBy, team_id: teamId } = request.query;
      if (groupBy !== 'team_id' && groupBy !== 'assignee_id')
        throw new AppError('unprocessable', 'invalid group_by', ['group_by']);
      const accountId = request.auth.account.id;
      return groupedConversationMetrics(db, accountId, groupBy, await teamOf(accountId, teamId));
    },
  );
}
