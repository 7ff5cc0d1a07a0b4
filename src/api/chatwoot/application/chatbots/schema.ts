import { Type, type Static } from 'typebox';
import type { Chatbot } from '../../../../domain/chatbots/repository.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';

export const ChatbotsQuery = Type.Object({ page: Type.Optional(Type.Integer({ minimum: 0 })) });

/** A chatbot flow in brief: ids as the flows API (/chat/v1/chatbot) names them, so a client can open it there. */
export const ChatbotSummarySchema = Type.Object({
  id: Type.String({ description: 'the flow’s id in /chat/v1/chatbot' }),
  key: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  version: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
});

export const ChatbotsResponse = Type.Object({
  payload: Type.Array(ChatbotSummarySchema),
  meta: Type.Object({ count: Type.Integer(), current_page: Type.Integer() }),
});

export function presentChatbotSummary(bot: Chatbot): Static<typeof ChatbotSummarySchema> {
  return {
    id: bot.uuid,
    key: bot.key,
    name: bot.name,
    description: bot.description,
    version: bot.version,
    created_at: iso(bot.created_at)!,
    updated_at: iso(bot.updated_at)!,
  };
}
