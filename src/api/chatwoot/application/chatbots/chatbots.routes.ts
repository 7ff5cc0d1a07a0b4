import type { App } from '../../../types.ts';
import { listChatbots } from '../../../../domain/chatbots/repository.ts';
import { pageNumber } from '../contacts/pages.ts';
import flowRoutes from './flows.routes.ts';
import sandboxRoutes from './sandbox.routes.ts';
import { ChatbotsQuery, ChatbotsResponse, presentChatbotSummary } from './schema.ts';

const tags = ['Agent Bots'];
const PER_PAGE = 50;

/**
 * Switchboard addition: the account's chatbot flows, for the dashboard's flow builder; the same flows as the
 * WTS-dialect flows API, /chat/v1/chatbot.
 */
export default async function chatbotListRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/chatbots',
    {
      config: { policy: 'agent_bots.read' },
      schema: { tags, summary: 'List chatbot flows', querystring: ChatbotsQuery, response: { 200: ChatbotsResponse } },
    },
    async (request) => {
      const page = pageNumber(request.query.page);
      const { rows, total } = await listChatbots(db, request.auth.account.id, {
        orderBy: 'name',
        descending: false,
        page,
        pageSize: PER_PAGE,
      });
      return { payload: rows.map(presentChatbotSummary), meta: { count: total, current_page: page } };
    },
  );
  // The sandbox first: its fixed path must not be read as a chatbot id.
  await app.register(sandboxRoutes);
  await app.register(flowRoutes);
}
