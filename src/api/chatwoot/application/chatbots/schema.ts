import { Type, type Static } from 'typebox';
import type { Chatbot } from '../../../../domain/chatbots/repository.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';
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

export const ChatbotParams = Type.Object({ id: Type.String({ maxLength: 64 }) });
/** The editor opens the newest version (a draft, perhaps); `version` opens another. */
export const ChatbotShowQuery = Type.Object({ version: Type.Optional(Type.Integer({ minimum: 1 })) });

export const ChatbotDetailSchema = Type.Object({
  ...ChatbotSummarySchema.properties,
  definition: FreeObject,
  definition_version: Type.Integer(),
  versions: Type.Array(Type.Object({ version: Type.Integer(), created_at: Type.String(), live: Type.Boolean() })),
});

export const CreateChatbotBody = Type.Object({
  name: Type.String({ maxLength: 200 }),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  definition: FreeObject,
});

/** A changed definition is saved as a new version; `publish: false` keeps it a draft (the live version stays). */
export const UpdateChatbotBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 200 })),
  description: Type.Optional(Nullable(Type.String({ maxLength: 2000 }))),
  definition: Type.Optional(FreeObject),
  publish: Type.Optional(Type.Boolean()),
});

export const PublishBody = Type.Object({ version: Type.Integer({ minimum: 1 }) });
