import { Type, type Static } from 'typebox';
import type { AgentBot } from '../../../db/types.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';

/**
 * An agent bot as the account API shows it. `access_token` is stored hashed, so it appears only in the answer
 * that minted it (create, reset_access_token); system bots never show `outgoing_url`.
 */
export const AgentBotSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  thumbnail: Type.String(),
  outgoing_url: Type.Optional(Nullable(Type.String())),
  bot_type: Type.String(),
  bot_config: FreeObject,
  account_id: Nullable(Type.Integer()),
  access_token: Type.Optional(Type.String()),
  system_bot: Type.Boolean(),
});
export type AgentBotJson = Static<typeof AgentBotSchema>;

export function presentAgentBot(bot: AgentBot, accessToken?: string): AgentBotJson {
  const systemBot = bot.account_id === null;
  const json: AgentBotJson = {
    id: bot.id,
    name: bot.name,
    description: bot.description,
    thumbnail: bot.avatar_url ?? '',
    bot_type: bot.bot_type,
    bot_config: bot.bot_config,
    account_id: bot.account_id,
    system_bot: systemBot,
  };
  if (!systemBot) json.outgoing_url = bot.outgoing_url;
  if (accessToken && !systemBot) json.access_token = accessToken;
  return json;
}
