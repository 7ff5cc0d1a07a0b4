import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { getDepartment, listDepartments } from '../../sessions-app/directory.ts';
import { createTeam, deleteTeam, updateTeam, type TeamInput } from '../../../../domain/teams/commands.ts';
import { memberIdsByUuid, syncTeamMembers } from '../../../../domain/teams/membership-sync.ts';
import { validation } from '../../../../errors.ts';
import { DepartmentSchema, presentDepartment } from '../../presenters/directory.ts';
import { IdParams } from '../../schema.ts';
import { membershipAction } from '../agents/membership.ts';
import {
  CreateDepartmentBody,
  DepartmentAgentsBody,
  DepartmentChannelsSchema,
  UpdateDepartmentBody,
} from './schema.ts';

const tags = ['WTS Departments'];

/**
 * Teams as WTS departments: the same teams, and members, the Chatwoot dialect shows. The list is a bare array
 * (the WTS n8n node appends to it). Distribution is the team's auto-assignment; departments are not tied to
 * channels here (every department serves every channel).
 */
export default async function departmentRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const present = async (request: FastifyRequest, uuid: string) =>
    presentDepartment(await getDepartment(db, request.auth.account.id, uuid), request.auth.account.uuid);
  const teamId = async (request: FastifyRequest<{ Params: { id: string } }>) =>
    (await getDepartment(db, request.auth.account.id, request.params.id)).id;
  /** Only "every channel" can be kept: anything narrower would be stored and not obeyed. */
  const checkChannels = (config: { scope?: string } | undefined) => {
    if (config?.scope && config.scope !== 'ALL')
      throw validation('channelsConfig: departments serve every channel here (scope ALL)', ['channelsConfig.scope']);
  };

  for (const version of ['v1', 'v2']) {
    app.get(
      `/${version}/department`,
      {
        config: { policy: 'teams.read' },
        schema: { tags, summary: 'List departments', response: { 200: Type.Array(DepartmentSchema) } },
      },
      async (request) =>
        (await listDepartments(db, request.auth.account.id)).map((t) =>
          presentDepartment(t, request.auth.account.uuid),
        ),
    );
  }

  app.get(
    '/v1/department/:id',
    {
      config: { policy: 'teams.read' },
      schema: { tags, summary: 'Show a department', params: IdParams, response: { 200: DepartmentSchema } },
    },
    async (request) => present(request, request.params.id),
  );

  app.post(
    '/v1/department',
    {
      config: { policy: 'teams.manage' },
      schema: {
        tags,
        summary: 'Create a department (a team) with its agents',
        body: CreateDepartmentBody,
        response: { 200: DepartmentSchema },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const { name, description, distributionIsEnabled, channelsConfig, agents = [] } = request.body;
      checkChannels(channelsConfig);
      const userIds = await memberIdsByUuid(
        db,
        accountId,
        agents.map((a) => a.userId),
        'agents.userId',
      );
      const team = await createTeam(db, accountId, { name, description, allow_auto_assign: distributionIsEnabled });
      await syncTeamMembers(db, accountId, team.id, 'add', userIds);
      return present(request, team.uuid);
    },
  );

  app.put(
    '/v1/department/:id',
    {
      config: { policy: 'teams.manage' },
      schema: {
        tags,
        summary: 'Change the fields named in `fields`',
        params: IdParams,
        body: UpdateDepartmentBody,
        response: { 200: DepartmentSchema },
      },
    },
    async (request) => {
      const id = await teamId(request);
      const { fields, name, description, distributionIsEnabled, channelsConfig } = request.body;
      const chosen = new Set<string>(fields);
      const input: TeamInput = {};
      if (chosen.has('Name')) input.name = name ?? '';
      if (chosen.has('Description')) input.description = description ?? null;
      if (chosen.has('DistributionIsEnabled')) input.allow_auto_assign = Boolean(distributionIsEnabled);
      if (chosen.has('ChannelsConfig')) checkChannels(channelsConfig);
      await updateTeam(db, request.auth.account.id, id, input);
      return present(request, request.params.id);
    },
  );

  app.delete(
    '/v1/department/:id',
    { config: { policy: 'teams.manage' }, schema: { tags, summary: 'Delete a department', params: IdParams } },
    async (request, reply) => {
      await deleteTeam(db, request.auth.account.id, await teamId(request));
      return reply.status(200).send();
    },
  );

  app.put(
    '/v1/department/:id/agents',
    {
      config: { policy: 'teams.manage' },
      schema: {
        tags,
        summary: "Change a department's agents",
        params: IdParams,
        body: DepartmentAgentsBody,
        response: { 200: DepartmentAgentsBody },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const id = await teamId(request);
      const userIds = await memberIdsByUuid(
        db,
        accountId,
        request.body.items.map((item) => item.userId),
        'items.userId',
      );
      await syncTeamMembers(db, accountId, id, membershipAction(request.body.action), userIds);
      return request.body;
    },
  );

  app.get(
    '/v1/department/:id/channel',
    {
      config: { policy: 'teams.read' },
      schema: {
        tags,
        summary: "A department's channels (every channel: departments are not tied to channels here)",
        params: IdParams,
        response: { 200: DepartmentChannelsSchema },
      },
    },
    async (request) => {
      await teamId(request);
      return { scope: 'ALL', channels: [] };
    },
  );
}
