import { Type, type Static } from 'typebox';
import type { AgentBot } from '../../../../db/types.ts';
import { Nullable } from '../../presenters/schema-helpers.ts';

export const BotParams = Type.Object({ id: Type.Integer({ minimum: 1 }) });

const Fields = {
  name: Type.String({ minLength: 1, maxLength: 255 }),
  description: Nullable(Type.String({ maxLength: 2000 })),
  outgoing_url: Nullable(Type.String({ maxLength: 2048 })),
  account_id: Nullable(Type.Integer({ minimum: 1, description: 'null (or absent) makes a system-wide bot' })),
  avatar_url: Nullable(Type.String({ maxLength: 2048 })),
};

export const CreateBotBody = Type.Object({ ...Type.Partial(Type.Object(Fields)).properties, name: Fields.name });
export const UpdateBotBody = Type.Partial(Type.Object(Fields));

/** `access_token` is stored hashed: shown when minted (create), null elsewhere. */
export const PlatformBotSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  outgoing_url: Nullable(Type.String()),
  account_id: Nullable(Type.Integer()),
  access_token: Nullable(Type.String()),
});
export const BotList = Type.Array(PlatformBotSchema);

export function presentPlatformBot(bot: AgentBot, accessToken: string | null = null): Static<typeof PlatformBotSchema> {
  return {
    id: bot.id,
    name: bot.name,
    description: bot.description,
    outgoing_url: bot.outgoing_url,
    account_id: bot.account_id,
    access_token: accessToken,
  };
}
