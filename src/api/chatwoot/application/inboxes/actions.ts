import type { App } from '../../../types.ts';
import { removeInboxAvatar, setInboxAgentBot } from '../../../../domain/inboxes/commands.ts';
import { getAssignableAgents, getInboxAgentBot } from '../../../../domain/inboxes/repository.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { presentAgentBot } from '../../presenters/agent_bot.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AgentPayload, AssignableQuery, InboxAgentBot, InboxParams, SetAgentBotBody } from './schema.ts';

const tags = ['Inboxes'];

/** Inbox sub-resources: avatar, assignable agents, the attached agent bot. */
export default async function inboxActions(app: App): Promise<void> {
  const { db } = app.deps;

  app.delete(
    '/inboxes/:id/avatar',
    {
      config: { policy: 'inboxes.manage' },
      schema: { tags, summary: 'Remove the inbox avatar', params: InboxParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await removeInboxAvatar(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );

  app.get(
    '/inboxes/:id/assignable_agents',
    {
      config: { policy: 'inboxes.read' },
      schema: {
        tags,
        summary: 'Agents who may be assigned in the inbox',
        params: InboxParams,
        response: { 200: AgentPayload },
      },
    },
    async (request) => {
      const { account, inboxIds } = request.auth;
      return { payload: (await getAssignableAgents(db, account.id, [request.params.id], inboxIds)).map(presentAgent) };
    },
  );

  app.get(
    '/assignable_agents',
    {
      config: { policy: 'inboxes.read' },
      schema: {
        tags,
        summary: 'Agents who may be assigned in all the given inboxes',
        querystring: AssignableQuery,
        response: { 200: AgentPayload },
      },
    },
    async (request) => {
      const { account, inboxIds } = request.auth;
      return {
        payload: (await getAssignableAgents(db, account.id, request.query.inbox_ids, inboxIds)).map(presentAgent),
      };
    },
  );

  app.get(
    '/inboxes/:id/agent_bot',
    {
      config: { policy: 'inboxes.read' },
      schema: {
        tags,
        summary: 'The agent bot attached to the inbox',
        params: InboxParams,
        response: { 200: InboxAgentBot },
      },
    },
    async (request) => {
      const bot = await getInboxAgentBot(db, request.auth.account.id, request.params.id, request.auth.inboxIds);
      return bot ? { agent_bot: presentAgentBot(bot) } : {};
    },
  );

  app.post(
    '/inboxes/:id/set_agent_bot',
    {
      config: { policy: 'inboxes.manage' },
      // A bare POST (no body at all) detaches, as an absent agent_bot does.
      preValidation: async (request) => {
        request.body ??= {};
      },
      schema: {
        tags,
        summary: 'Attach an agent bot (null or absent detaches)',
        params: InboxParams,
        body: SetAgentBotBody,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      // n8n sends 0 when the field is left untouched: no bot, as when it is absent.
      await setInboxAgentBot(db, request.auth.account.id, request.params.id, request.body.agent_bot || null);
      return sendEmpty(reply);
    },
  );
}
