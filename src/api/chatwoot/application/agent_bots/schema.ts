import { Type } from 'typebox';
import { AgentBotSchema } from '../../presenters/agent_bot.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

export const BotParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Nullable(Type.String({ maxLength: 2000 })),
  outgoing_url: Nullable(Type.String({ maxLength: 2048 })),
  bot_type: Type.Union([Type.Literal('webhook'), Type.Literal(0)], { description: 'webhook (0)' }),
  bot_config: FreeObject,
  avatar_url: Nullable(Type.String({ maxLength: 2048 })),
};

export const CreateBotBody = Type.Object({ ...Type.Partial(Type.Object(Fields)).properties, name: Fields.name });
export const UpdateBotBody = Type.Partial(Type.Object(Fields));
export const BotListResponse = Type.Array(AgentBotSchema);
export { AgentBotSchema };
