import type { App } from '../../types.ts';
import type { Contact } from '../../../db/types.ts';
import { findContactsByIds } from '../../../domain/contacts/repository.ts';
import { csatMetrics, listCsatResponses, type CsatFilters } from '../../../domain/csat/responses.ts';
import { findMembers, type Member } from '../../../domain/users/repository.ts';
import { presentAgent } from '../presenters/agent.ts';
import { presentContact } from '../presenters/contact.ts';
import { unix } from '../presenters/time.ts';
import { CsatListQuery, CsatListResponse, CsatMetricsResponse, type CsatListQueryType } from './csat.schema.ts';

const tags = ['CSAT Survey Responses'];
const config = { policy: 'reports.read' as const };

function filtersOf(q: CsatListQueryType): CsatFilters {
  const range =
    q.since && q.until ? { since: new Date(Number(q.since) * 1000), until: new Date(Number(q.until) * 1000) } : {};
  return {
    ...range,
    userIds: q.user_ids,
    inboxId: q.inbox_id,
    teamId: q.team_id,
    ratings: q.rating === undefined ? undefined : Array.isArray(q.rating) ? q.rating : [q.rating],
  };
}

/** Chatwoot's CSAT survey responses of the account (administrators only): a page of 25, and the metrics. */
export default async function csatRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/csat_survey_responses',
    {
      config,
      schema: {
        tags,
        summary: 'CSAT answers, newest first, 25 a page',
        querystring: CsatListQuery,
        response: { 200: CsatListResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const rows = await listCsatResponses(db, accountId, filtersOf(request.query), request.query.page ?? 1);
      const contactIds = [...new Set(rows.map((r) => r.contact_id))];
      const agentIds = [...new Set(rows.map((r) => r.assigned_agent_id).filter((id): id is number => id !== null))];
      const [contacts, agents] = await Promise.all([
        findContactsByIds(db, accountId, contactIds),
        findMembers(db, accountId, agentIds),
      ]);
      const contactById = new Map<number, Contact>(contacts.map((c) => [c.id, c]));
      const agentById = new Map<number, Member>(agents.map((m) => [m.id, m]));
      return rows.map((r) => {
        const contact = contactById.get(r.contact_id);
        const agent = r.assigned_agent_id === null ? undefined : agentById.get(r.assigned_agent_id);
        return {
          id: r.id,
          rating: r.rating,
          feedback_message: r.feedback_message,
          account_id: r.account_id,
          message_id: r.message_id,
          ...(contact ? { contact: presentContact(contact) } : {}),
          conversation_id: Number(r.display_id),
          ...(agent ? { assigned_agent: presentAgent(agent) } : {}),
          created_at: unix(r.created_at),
        };
      });
    },
  );

  app.get(
    '/csat_survey_responses/metrics',
    {
      config,
      schema: {
        tags,
        summary: 'CSAT answers per rating and surveys sent',
        querystring: CsatListQuery,
        response: { 200: CsatMetricsResponse },
      },
    },
    async (request) => csatMetrics(db, request.auth.account.id, filtersOf(request.query)),
  );
}
