import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import { notFound } from '../../../../errors.ts';
import { bulkCreateAgents, createAgent, removeAgent, updateAgent } from '../../../../domain/agents/commands.ts';
import { inviteAgent, inviteNewAgent } from '../../../../domain/agents/invitations.ts';
import { findMember, listMembers, type Member } from '../../../../domain/users/repository.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  AgentList,
  AgentParams,
  AgentSchema,
  BulkCreateBody,
  CreateAgentBody,
  InvitationSchema,
  UpdateAgentBody,
  toAvailability,
} from './schema.ts';

const tags = ['Agents'];

export default async function agentRoutes(app: App): Promise<void> {
  const { db, mailer, config } = app.deps;

  /**
   * New agents get their invitation mail after the answer: a known email (no mail) and an unknown one (a
   * mail) then take equally long, so adding agents still tells nobody which emails have users elsewhere.
   */
  const invite = (request: FastifyRequest, members: Member[]) => {
    const { account, user } = request.auth;
    for (const member of members)
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
  };

  app.get(
    '/agents',
    {
      config: { policy: 'agents.list' },
      schema: { tags, summary: 'List the account’s agents', response: { 200: AgentList } },
    },
    async (request) => (await listMembers(db, request.auth.account.id)).map(presentAgent),
  );

  app.post(
    '/agents',
    {
      config: { policy: 'agents.manage', bodyWrapper: 'agent' },
      schema: {
        tags,
        summary: 'Add an agent (a new user, or an existing one)',
        body: CreateAgentBody,
        response: { 200: AgentSchema },
      },
    },
    async (request) => {
      const { availability, availability_status, ...rest } = request.body;
      const agent = await createAgent(db, request.auth.account.id, request.auth.user?.id ?? null, {
        ...rest,
        availability: toAvailability(availability ?? availability_status),
      });
      invite(request, [agent]);
      return presentAgent(agent);
    },
  );

  app.post(
    '/agents/bulk_create',
    {
      config: { policy: 'agents.manage' },
      schema: { tags, summary: 'Invite agents by email', body: BulkCreateBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      invite(
        request,
        await bulkCreateAgents(db, request.auth.account.id, request.auth.user?.id ?? null, request.body.emails),
      );
      return sendEmpty(reply);
    },
  );

  app.post(
    '/agents/:id/invitation',
    {
      config: { policy: 'agents.manage' },
      schema: {
        tags,
        summary: 'A new invitation link for an agent who has not chosen a password yet (mailed when SMTP_URL is set)',
        params: AgentParams,
        response: { 200: InvitationSchema },
      },
    },
    async (request) => {
      const member = await findMember(db, request.auth.account.id, request.params.id);
      if (!member) throw notFound();
      const invitation = await inviteAgent(
        db,
        mailer,
        config.publicUrl,
        request.auth.account.id,
        request.auth.account.name,
        member,
        request.auth.user?.name ?? null,
      );
      return { invitation_url: invitation.url, mailed: invitation.mailed };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/agents/:id',
    config: { policy: 'agents.manage', bodyWrapper: 'agent' },
    schema: {
      tags,
      summary: 'Update an agent',
      params: AgentParams,
      body: UpdateAgentBody,
      response: { 200: AgentSchema },
    },
    handler: async (request) => {
      const { availability, ...rest } = request.body;
      const agent = await updateAgent(db, request.auth.account.id, request.params.id, {
        ...rest,
        availability: toAvailability(availability),
      });
      return presentAgent(agent);
    },
  });

  app.delete(
    '/agents/:id',
    {
      config: { policy: 'agents.manage' },
      schema: { tags, summary: 'Remove an agent from the account', params: AgentParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await removeAgent(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );
}
