import type { App } from '../../../types.ts';
import { addTeamMembers, removeTeamMembers, setTeamMembers } from '../../../../domain/teams/commands.ts';
import { getTeamMembers } from '../../../../domain/teams/repository.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AgentList, TeamParams, UserIdsBody } from './schema.ts';

const tags = ['Teams'];
const url = '/teams/:id/team_members';

export default async function teamMemberRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    url,
    {
      config: { policy: 'teams.read' },
      schema: { tags, summary: 'Members of a team', params: TeamParams, response: { 200: AgentList } },
    },
    async (request) => (await getTeamMembers(db, request.auth.account.id, request.params.id)).map(presentAgent),
  );

  app.post(
    url,
    {
      config: { policy: 'teams.manage' },
      schema: {
        tags,
        summary: 'Add members; answers the newly added',
        params: TeamParams,
        body: UserIdsBody,
        response: { 200: AgentList },
      },
    },
    async (request) =>
      (await addTeamMembers(db, request.auth.account.id, request.params.id, request.body.user_ids)).map(presentAgent),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url,
    config: { policy: 'teams.manage' },
    schema: {
      tags,
      summary: 'Set the exact member list; answers every member',
      params: TeamParams,
      body: UserIdsBody,
      response: { 200: AgentList },
    },
    handler: async (request) =>
      (await setTeamMembers(db, request.auth.account.id, request.params.id, request.body.user_ids)).map(presentAgent),
  });

  app.delete(
    url,
    {
      config: { policy: 'teams.manage' },
      schema: { tags, summary: 'Remove members', params: TeamParams, body: UserIdsBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      await removeTeamMembers(db, request.auth.account.id, request.params.id, request.body.user_ids);
      return sendEmpty(reply);
    },
  );
}
