import type { App } from '../../../types.ts';
import { createAppBot, deleteAppBot, removeAppBotAvatar, updateAppBot } from '../../../../domain/platform/commands.ts';
import { getAppBot, listAppBots } from '../../../../domain/platform/repository.ts';
import { checkOptionalUrl } from '../../../../domain/webhooks/ssrf.ts';
import { platformAppId, security } from '../../presenters/platform.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { BotList, BotParams, CreateBotBody, PlatformBotSchema, UpdateBotBody, presentPlatformBot } from './schema.ts';

const tags = ['Platform: Agent Bots'];
const one = { 200: PlatformBotSchema };

export default async function platformAgentBotRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const checkOutgoingUrl = (url: string | null | undefined) =>
    checkOptionalUrl(url, config.webhooks.allowPrivateNetworks, 'outgoing_url');

  app.get(
    '/agent_bots',
    { schema: { tags, security, summary: 'Agent bots this app created', response: { 200: BotList } } },
    async (request) => (await listAppBots(db, platformAppId(request))).map((bot) => presentPlatformBot(bot)),
  );

  app.post(
    '/agent_bots',
    {
      config: { bodyWrapper: 'agent_bot' },
      schema: {
        tags,
        security,
        summary: 'Create an agent bot (answers its new access token)',
        body: CreateBotBody,
        response: one,
      },
    },
    async (request) => {
      await checkOutgoingUrl(request.body.outgoing_url);
      const { bot, accessToken } = await createAppBot(db, platformAppId(request), request.body);
      return presentPlatformBot(bot, accessToken);
    },
  );

  app.get(
    '/agent_bots/:id',
    { schema: { tags, security, summary: 'Show an agent bot', params: BotParams, response: one } },
    async (request) => presentPlatformBot(await getAppBot(db, platformAppId(request), request.params.id)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/agent_bots/:id',
    config: { bodyWrapper: 'agent_bot' },
    schema: { tags, security, summary: 'Update an agent bot', params: BotParams, body: UpdateBotBody, response: one },
    handler: async (request) => {
      await checkOutgoingUrl(request.body.outgoing_url);
      return presentPlatformBot(await updateAppBot(db, platformAppId(request), request.params.id, request.body));
    },
  });

  app.delete(
    '/agent_bots/:id',
    { schema: { tags, security, summary: 'Delete an agent bot', params: BotParams, response: { 200: Empty } } },
    async (request, reply) => {
      await deleteAppBot(db, platformAppId(request), request.params.id);
      return sendEmpty(reply);
    },
  );

  app.delete(
    '/agent_bots/:id/avatar',
    { schema: { tags, security, summary: 'Remove an agent bot’s avatar', params: BotParams, response: one } },
    async (request) => presentPlatformBot(await removeAppBotAvatar(db, platformAppId(request), request.params.id)),
  );
}
