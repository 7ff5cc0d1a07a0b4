import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { createAgent, removeAgent, updateAgent, type AgentChanges } from '../../../../domain/agents/commands.ts';
import { handOverConversations, type HandOver } from '../../../../domain/agents/hand-over.ts';
import { inviteNewAgent } from '../../../../domain/agents/invitations.ts';
import { signOutAgent } from '../../../../domain/agents/sign-out.ts';
import { listAgents } from '../../sessions-app/directory.ts';
import { memberIdsByUuid, syncUserTeams, teamIdsByUuid } from '../../../../domain/teams/membership-sync.ts';
import { notFound, validation } from '../../../../errors.ts';
import { performerOf } from '../../chat/sessions/present.ts';
import { AgentSchema, presentAgent } from '../../presenters/directory.ts';
import { IdParams } from '../../schema.ts';
import { membershipAction } from './membership.ts';
import {
  AgentDepartmentsBody,
  AgentStatusBody,
  type AGENT_STATUSES,
  CreateAgentBody,
  DeleteAgentBody,
  UpdateAgentBody,
} from './schema.ts';
import type { Availability } from '../../../../db/types.ts';

const tags = ['WTS Agents'];
const AVAILABILITY_OF: Record<(typeof AGENT_STATUSES)[number], Availability | null> = {
  Active: 'online',
  AVAILABLE: 'online',
  ONLINE: 'online',
  BUSY: 'busy',
  AWAY: 'busy',
  UNAVAILABLE: 'offline',
  OFFLINE: 'offline',
  Blocked: null,
  Undefined: null,
};
const NO_PHONE = 'Switchboard agents have no phone number: leave phoneNumber out';

/** Account members as WTS agents (users), each with the departments (teams) they are in. */
export default async function agentRoutes(app: App): Promise<void> {
  const { db, mailer, config } = app.deps;

  async function present(request: FastifyRequest, uuid: string) {
    const agent = (await listAgents(db, request.auth.account.id)).find((a) => a.uuid === uuid);
    if (!agent) throw notFound('Agent');
    return presentAgent(agent, request.auth.account.uuid);
  }
  /** The agent a path names: a member of this account, else 404. */
  async function memberId(request: FastifyRequest<{ Params: { id: string } }>): Promise<number> {
    const [id] = await memberIdsByUuid(db, request.auth.account.id, [request.params.id], 'id').catch(() => {
      throw notFound('Agent');
    });
    return id;
  }

  app.get(
    '/v1/agent',
    {
      config: { policy: 'agents.list' },
      schema: { tags, summary: 'List agents', response: { 200: Type.Array(AgentSchema) } },
    },
    async (request) =>
      (await listAgents(db, request.auth.account.id)).map((a) => presentAgent(a, request.auth.account.uuid)),
  );

  app.get(
    '/v1/agent/:id',
    {
      config: { policy: 'agents.list' },
      schema: { tags, summary: 'Show an agent', params: IdParams, response: { 200: AgentSchema } },
    },
    async (request) => present(request, request.params.id),
  );

  app.post(
    '/v1/agent',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: 'Add a user (mailed an invitation to choose a password)',
        body: CreateAgentBody,
        response: { 200: AgentSchema },
      },
    },
    async (request) => {
      const { name, email, phoneNumber, profile, availability } = request.body;
      if (!email?.trim()) throw validation('email is required: Switchboard users sign in with their email', ['email']);
      if (phoneNumber) throw validation(NO_PHONE, ['phoneNumber']);
      const { account, user } = request.auth;
      const member = await createAgent(db, account.id, user?.id ?? null, {
        email,
        name,
        role: profile === 'Admin' ? 'administrator' : 'agent',
        ...(availability ? { availability: availability === 'AVAILABLE' ? 'online' : 'offline' } : {}),
      });
      void inviteNewAgent(
        db,
        mailer,
        config.publicUrl,
        account.id,
        account.name,
        member,
        user?.name ?? null,
        request.log,
      );
      const uuid = (await db.selectFrom('users').select('uuid').where('id', '=', member.id).executeTakeFirstOrThrow())
        .uuid;
      return present(request, uuid);
    },
  );

  app.put(
    '/v1/agent/:id',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: 'Change the fields named in `fields`',
        params: IdParams,
        body: UpdateAgentBody,
        response: { 200: AgentSchema },
      },
    },
    async (request) => {
      const userId = await memberId(request);
      const { fields, name, shortName, profile, availability } = request.body;
      const chosen = new Set<string>(fields);
      if (chosen.has('Email'))
        throw validation("email cannot change here: it is the user's sign-in, changed in their own profile", ['email']);
      if (chosen.has('PhoneNumber')) throw validation(NO_PHONE, ['phoneNumber']);
      const changes: AgentChanges = {};
      if (chosen.has('Name')) changes.name = name ?? '';
      if (chosen.has('ShortName')) changes.display_name = shortName ?? null;
      if (chosen.has('Profile')) {
        if (!profile) throw validation('profile is required when fields lists Profile', ['profile']);
        changes.role = profile === 'Admin' ? 'administrator' : 'agent';
      }
      if (chosen.has('Availability')) {
        if (!availability)
          throw validation('availability is required when fields lists Availability', ['availability']);
        changes.availability = availability === 'AVAILABLE' ? 'online' : 'offline';
      }
      await updateAgent(db, request.auth.account.id, userId, changes);
      return present(request, request.params.id);
    },
  );

  app.delete(
    '/v1/agent/:id',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: 'Remove a user from the company, handing over their sessions',
        params: IdParams,
        body: DeleteAgentBody,
      },
    },
    async (request, reply) => {
      const accountId = request.auth.account.id;
      const userId = await memberId(request);
      if (userId === request.auth.user?.id) throw validation('You cannot remove yourself', ['id']);
      const { sessionResolution, transferUserId } = (request.body ?? {}) as {
        sessionResolution?: string | null;
        transferUserId?: string | null;
      };
      let handOver: HandOver | undefined;
      if (sessionResolution === 'COMPLETE') handOver = { mode: 'resolve' };
      else if (sessionResolution === 'RETURN_TO_PENDING') handOver = { mode: 'unassign' };
      else if (sessionResolution === 'TRANSFER') {
        if (!transferUserId)
          throw validation('transferUserId is required when sessionResolution is TRANSFER', ['transferUserId']);
        const [toUserId] = await memberIdsByUuid(db, accountId, [transferUserId], 'transferUserId');
        handOver = { mode: 'transfer', toUserId };
      }
      if (handOver) await handOverConversations(db, accountId, userId, handOver, performerOf(request));
      await removeAgent(db, accountId, userId);
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/agent/:id/departments',
    {
      config: { policy: 'agents.manage' },
      schema: { tags, summary: "Change a user's departments", params: IdParams, body: AgentDepartmentsBody },
    },
    async (request, reply) => {
      const accountId = request.auth.account.id;
      const userId = await memberId(request);
      const teamIds = await teamIdsByUuid(
        db,
        accountId,
        request.body.items.map((item) => item.departmentId),
        'items.departmentId',
      );
      await syncUserTeams(db, accountId, userId, membershipAction(request.body.action), teamIds);
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/agent/:id/logout',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: 'End every dashboard session of the user (a user of this company only)',
        params: IdParams,
      },
    },
    async (request, reply) => {
      await signOutAgent(db, request.auth.account.id, await memberId(request));
      return reply.status(200).send();
    },
  );

  app.post(
    '/v1/agent/:id/status',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: "Set the user's availability (as Chatwoot's availability_status shows it)",
        params: IdParams,
        body: AgentStatusBody,
        response: { 200: AgentSchema },
      },
    },
    async (request) => {
      const userId = await memberId(request);
      const availability = AVAILABILITY_OF[request.body.status];
      if (!availability)
        throw validation(
          'Switchboard has no blocked users: status is Active, AVAILABLE, BUSY, AWAY, UNAVAILABLE or OFFLINE (remove the agent to block them)',
          ['status'],
        );
      await updateAgent(db, request.auth.account.id, userId, { availability });
      app.hub.presence.changed(request.auth.account.id); // dashboards see the new availability at once
      return present(request, request.params.id);
    },
  );
}
