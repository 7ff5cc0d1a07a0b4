import type { App } from '../../../types.ts';
import { createChatbot, deleteChatbot, publishVersion, updateChatbot } from '../../../../domain/chatbots/commands.ts';
import { getChatbot, listVersions, withDefinition, type Chatbot } from '../../../../domain/chatbots/repository.ts';
import { sendEmpty } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';
import {
  ChatbotDetailSchema,
  ChatbotParams,
  ChatbotShowQuery,
  CreateChatbotBody,
  presentChatbotSummary,
  PublishBody,
  UpdateChatbotBody,
} from './schema.ts';

const tags = ['Agent Bots'];
const one = { 200: ChatbotDetailSchema };

/**
 * Switchboard addition: the dashboard's flow builder edits chatbot flows here (the same commands as the flows
 * API, /chat/v1/chatbot). Saving a changed flow adds a version; `publish` makes a version the live one.
 */
export default async function chatbotFlowRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  async function detail(bot: Chatbot, version?: number) {
    const versions = await listVersions(db, bot.id);
    const shown = version ?? versions.at(-1)?.version ?? bot.version;
    const full = await withDefinition(db, bot, shown);
    return {
      ...presentChatbotSummary(bot),
      definition: full.definition,
      definition_version: shown,
      versions: versions.map((v) => ({
        version: v.version,
        created_at: iso(v.created_at)!,
        live: v.version === bot.version,
      })),
    };
  }

  app.get(
    '/chatbots/:id',
    {
      config: { policy: 'agent_bots.read' },
      schema: {
        tags,
        summary: 'Show a chatbot flow (the newest version unless `version`)',
        params: ChatbotParams,
        querystring: ChatbotShowQuery,
        response: one,
      },
    },
    async (request) => detail(await getChatbot(db, request.auth.account.id, request.params.id), request.query.version),
  );

  app.post(
    '/chatbots',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Create a chatbot flow', body: CreateChatbotBody, response: one },
    },
    async (request) => detail(await createChatbot(db, request.auth.account.id, request.body)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/chatbots/:id',
    config: { policy: 'agent_bots.manage' },
    schema: {
      tags,
      summary: 'Update a chatbot flow (a changed flow is a new version)',
      params: ChatbotParams,
      body: UpdateChatbotBody,
      response: one,
    },
    handler: async (request) =>
      detail(await updateChatbot(db, request.auth.account.id, request.params.id, request.body)),
  });

  app.post(
    '/chatbots/:id/publish',
    {
      config: { policy: 'agent_bots.manage' },
      schema: {
        tags,
        summary: 'Make a version live (publish a draft, or roll back)',
        params: ChatbotParams,
        body: PublishBody,
        response: one,
      },
    },
    async (request) =>
      detail(await publishVersion(db, request.auth.account.id, request.params.id, request.body.version)),
  );

  app.delete(
    '/chatbots/:id',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Delete a chatbot flow (its running sessions are stopped)', params: ChatbotParams },
    },
    async (request, reply) => {
      await deleteChatbot(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );
}
