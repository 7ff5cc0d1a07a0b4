import type { App } from '../../../types.ts';
import {
  createAccountBot,
  deleteAccountBot,
  removeAccountBotAvatar,
  resetAccountBotToken,
  updateAccountBot,
  type BotInput,
} from '../../../../domain/bots/commands.ts';
import { getVisibleBot, listAccountBots } from '../../../../domain/bots/repository.ts';
import { checkOptionalUrl } from '../../../../domain/webhooks/ssrf.ts';
import { presentAgentBot } from '../../presenters/agent_bot.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { AgentBotSchema, BotListResponse, BotParams, CreateBotBody, UpdateBotBody } from './schema.ts';

const tags = ['Agent Bots'];
const bodyWrapper = 'agent_bot';
const one = { 200: AgentBotSchema };

/** bot_type arrives as Chatwoot's enum name or its integer; there is one type. */
const botInput = ({ bot_type, ...rest }: Omit<BotInput, 'bot_type'> & { bot_type?: 'webhook' | 0 }): BotInput => ({
  ...rest,
  ...(bot_type === undefined ? {} : { bot_type: 'webhook' }),
});

export default async function agentBotRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const checkOutgoingUrl = (url: string | null | undefined) =>
    checkOptionalUrl(url, config.webhooks.allowPrivateNetworks, 'outgoing_url');

  app.get(
    '/agent_bots',
    {
      config: { policy: 'agent_bots.read' },
      schema: { tags, summary: 'List the account’s and system agent bots', response: { 200: BotListResponse } },
    },
    async (request) => (await listAccountBots(db, request.auth.account.id)).map((bot) => presentAgentBot(bot)),
  );

  app.get(
    '/agent_bots/:id',
    {
      config: { policy: 'agent_bots.read' },
      schema: { tags, summary: 'Show an agent bot', params: BotParams, response: one },
    },
    async (request) => presentAgentBot(await getVisibleBot(db, request.auth.account.id, request.params.id)),
  );

  app.post(
    '/agent_bots',
    {
      config: { policy: 'agent_bots.manage', bodyWrapper },
      schema: {
        tags,
        summary: 'Create an agent bot (answers its new access token)',
        body: CreateBotBody,
        response: one,
      },
    },
    async (request) => {
      await checkOutgoingUrl(request.body.outgoing_url);
      const { bot, accessToken } = await createAccountBot(db, request.auth.account.id, botInput(request.body));
      return presentAgentBot(bot, accessToken);
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/agent_bots/:id',
    config: { policy: 'agent_bots.manage', bodyWrapper },
    schema: { tags, summary: 'Update an agent bot', params: BotParams, body: UpdateBotBody, response: one },
    handler: async (request) => {
      await checkOutgoingUrl(request.body.outgoing_url);
      return presentAgentBot(
        await updateAccountBot(db, request.auth.account.id, request.params.id, botInput(request.body)),
      );
    },
  });

  app.delete(
    '/agent_bots/:id',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Delete an agent bot', params: BotParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteAccountBot(db, request.auth.account.id, request.params.id);
      return sendEmpty(reply);
    },
  );

  app.delete(
    '/agent_bots/:id/avatar',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Remove an agent bot’s avatar', params: BotParams, response: one },
    },
    async (request) => presentAgentBot(await removeAccountBotAvatar(db, request.auth.account.id, request.params.id)),
  );

  app.post(
    '/agent_bots/:id/reset_access_token',
    {
      config: { policy: 'agent_bots.manage' },
      schema: { tags, summary: 'Replace an agent bot’s access token', params: BotParams, response: one },
    },
    async (request) => {
      const { bot, accessToken } = await resetAccountBotToken(db, request.auth.account.id, request.params.id);
      return presentAgentBot(bot, accessToken);
    },
  );
}
