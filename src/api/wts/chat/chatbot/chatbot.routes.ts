import type { App } from '../../../types.ts';
import { createChatbot, deleteChatbot, publishVersion, updateChatbot } from '../../../../domain/chatbots/commands.ts';
import { getChatbot, listChatbots, listVersions, withDefinition } from '../../../../domain/chatbots/repository.ts';
import { envelope, pageOrder, paging } from '../../page.ts';
import { isAllowed } from '../../../../domain/auth/policies.ts';
import type { Actor } from '../../../../domain/auth/policies.ts';
import { iso, queryRange } from '../../schema.ts';
import { presentChatbot } from './present.ts';
import {
  ChatbotDetailSchema,
  ChatbotPage,
  ChatbotParams,
  CreateBody,
  ListQuery,
  PublishBody,
  ShowQuery,
  UpdateBody,
} from './schema.ts';
import sendRoutes from './send.ts';

const tags = ['WTS Chatbots'];

/**
 * `GET /chat/v1/chatbot` lists bots as WTS does (the n8n node pages through it to fill its bot picker);
 * create / show / update (a new version when the flow changes) / delete are our own flows API.
 */
export default async function chatbotRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/chatbot',
    {
      config: { policy: 'agent_bots.read' },
      schema: { tags, summary: 'List chatbots', querystring: ListQuery, response: { 200: ChatbotPage } },
    },
    async (request) => {
      const q = request.query;
      const page = paging(q, { orderBy: 'name', orderDirection: 'ASCENDING' });
      // Every flow of ours is an Automation (started over the API); a filter for Reactive bots finds none.
      const types = q.Types as string[] | undefined;
      if (types?.length && !types.includes('Automation')) return envelope([], 0, page);
      const [created, updated] = [queryRange(q, 'CreatedAt'), queryRange(q, 'UpdatedAt')];
      const { rows, total } = await listChatbots(db, request.auth.account.id, {
        name: q.Name,
        createdAfter: created.after,
        createdBefore: created.before,
        updatedAfter: updated.after,
        updatedBefore: updated.before,
        ...pageOrder(page),
      });
      return envelope(
        rows.map((bot) => presentChatbot(bot, request.auth.account.uuid)),
        total,
        page,
      );
    },
  );

  async function detail(accountId: number, companyId: string, idOrKey: string, actor: Actor, version?: number) {
    const bot = await getChatbot(db, accountId, idOrKey);
    const [full, versions] = await Promise.all([withDefinition(db, bot, version), listVersions(db, bot.id)]);
    return {
      ...presentChatbot(bot, companyId),
      definition: full.definition,
      definitionVersion: version ?? bot.version,
      // The secret that verifies callbacks is for those who may manage the bot, as webhook secrets are.
      callbackSecret: isAllowed('agent_bots.manage', actor) ? bot.callback_secret : undefined,
      versions: versions.map((v) => ({
        version: v.version,
        createdAt: iso(v.created_at)!,
        live: v.version === bot.version,
      })),
    };
  }

  app.get(
    '/v1/chatbot/:id',
    {
      config: { policy: 'agent_bots.read' },
      schema: {
        tags,
        summary: 'Show a chatbot and its flow',
        params: ChatbotParams,
        querystring: ShowQuery,
        response: { 200: ChatbotDetailSchema },
      },
    },
    async (request) =>
      detail(
        request.auth.account.id,
        request.auth.account.uuid,
        request.params.id,
        request.auth.actor,
        request.query.Version,
      ),
  );

  app.post(
    '/v1/chatbot',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Create a chatbot flow', body: CreateBody, response: { 201: ChatbotDetailSchema } },
    },
    async (request, reply) => {
      const bot = await createChatbot(db, request.auth.account.id, request.body);
      return reply
        .status(201)
        .send(await detail(request.auth.account.id, request.auth.account.uuid, bot.uuid, request.auth.actor));
    },
  );

  app.put(
    '/v1/chatbot/:id',
    {
      config: { policy: 'agent_bots.manage' },
      schema: {
        tags,
        summary: 'Update a chatbot (a changed flow is a new version)',
        params: ChatbotParams,
        body: UpdateBody,
        response: { 200: ChatbotDetailSchema },
      },
    },
    async (request) => {
      const bot = await updateChatbot(db, request.auth.account.id, request.params.id, request.body);
      return detail(request.auth.account.id, request.auth.account.uuid, bot.uuid, request.auth.actor);
    },
  );

  app.post(
    '/v1/chatbot/:id/publish',
    {
      config: { policy: 'agent_bots.manage' },
      schema: {
        tags,
        summary: 'Make a saved version live (publish a draft, or roll back)',
        params: ChatbotParams,
        body: PublishBody,
        response: { 200: ChatbotDetailSchema },
      },
    },
    async (request) => {
      const bot = await publishVersion(db, request.auth.account.id, request.params.id, request.body.version);
      return detail(request.auth.account.id, request.auth.account.uuid, bot.uuid, request.auth.actor);
    },
  );

  app.delete(
    '/v1/chatbot/:id',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Delete a chatbot (its running sessions are stopped)', params: ChatbotParams },
    },
    async (request, reply) => {
      await deleteChatbot(db, request.auth.account.id, request.params.id);
      return reply.status(204).send();
    },
  );

  await app.register(sendRoutes);
}
