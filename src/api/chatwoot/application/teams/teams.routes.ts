import type { App } from '../../../types.ts';
import { createTeam, deleteTeam, updateTeam } from '../../../../domain/teams/commands.ts';
import { getTeam, listTeams } from '../../../../domain/teams/repository.ts';
import { presentTeam } from '../../presenters/team.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { CreateTeamBody, TeamList, TeamParams, TeamSchema, UpdateTeamBody } from './schema.ts';

const tags = ['Teams'];

export default async function teamRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/teams',
    { config: { policy: 'teams.read' }, schema: { tags, summary: 'List teams', response: { 200: TeamList } } },
    async (request) =>
      (await listTeams(db, request.auth.account.id, request.auth.user?.id)).map((t) => presentTeam(t, t.is_member)),
  );

  app.get(
    '/teams/:id',
    {
      config: { policy: 'teams.read' },
      schema: { tags, summary: 'Show a team', params: TeamParams, response: { 200: TeamSchema } },
    },
    async (request) => {
      const team = await getTeam(db, request.auth.account.id, request.params.id, request.auth.user?.id);
      return presentTeam(team, team.is_member);
    },
  );

  app.post(
    '/teams',
    {
      config: { policy: 'teams.manage', bodyWrapper: 'team' },
      schema: {
        tags,
        summary: 'Create a team (name lower-cased, unique)',
        body: CreateTeamBody,
        response: { 200: TeamSchema },
      },
    },
    // A new team has no members yet, so the caller is not one.
    async (request) => presentTeam(await createTeam(db, request.auth.account.id, request.body), false),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/teams/:id',
    config: { policy: 'teams.manage', bodyWrapper: 'team' },
    schema: { tags, summary: 'Update a team', params: TeamParams, body: UpdateTeamBody, response: { 200: TeamSchema } },
    handler: async (request) => {
      const team = await updateTeam(
        db,
        request.auth.account.id,
        request.params.id,
        request.body,
        request.auth.user?.id,
      );
      return presentTeam(team, team.is_member);
    },
  });

  app.delete(
    '/teams/:id',
    {
      config: { policy: 'teams.manage' },
      schema: { tags, summary: 'Delete a team', params: TeamParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteTeam(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );
}
