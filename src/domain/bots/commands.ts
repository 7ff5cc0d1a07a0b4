import type { Db } from '../../db/pool.ts';
import type { AgentBot } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { issueToken, resetTokens } from '../auth/tokens.ts';
import { getAccountBot } from './repository.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface BotInput {
  name?: string;
  description?: string | null;
  outgoing_url?: string | null;
  bot_type?: 'webhook';
  bot_config?: Record<string, unknown>;
  avatar_url?: string | null;
}

/** A bot as just minted: its token is stored hashed, so this is the only moment it can be shown. */
export interface MintedBot {
  bot: AgentBot;
  accessToken: string;
}

function httpUrl(value: string | null | undefined, field: string): string | null | undefined {
  if (value === undefined || value === null) return value;
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw validation(`${field === 'outgoing_url' ? 'Outgoing url' : 'Avatar url'} is invalid`, [field]);
  }
  if (url.protocol !== 'http:' && url.protocol !== 'https:') {
    throw validation(`${field === 'outgoing_url' ? 'Outgoing url' : 'Avatar url'} must be http or https`, [field]);
  }
  return value;
}

function columns(input: BotInput) {
  const out = {
    name: input.name?.trim(),
    description: input.description,
    outgoing_url: httpUrl(input.outgoing_url, 'outgoing_url'),
    bot_type: input.bot_type,
    bot_config: input.bot_config === undefined ? undefined : JSON.stringify(input.bot_config),
    avatar_url: httpUrl(input.avatar_url, 'avatar_url'),
  };
  if (out.name === '') throw validation("Name can't be blank", ['name']);
  return Object.fromEntries(Object.entries(out).filter(([, v]) => v !== undefined)) as Partial<typeof out>;
}

/** Inserts a bot and mints its token in the caller's transaction. accountId null makes a system-wide bot. */
export async function insertBot(trx: Db, accountId: number | null, input: BotInput): Promise<MintedBot> {
  const { name, ...values } = columns(input);
  if (!name) throw validation("Name can't be blank", ['name']);
  const bot = await trx
    .insertInto('agent_bots')
    .values({ ...values, name, account_id: accountId, bot_config: values.bot_config ?? '{}' })
    .returningAll()
    .executeTakeFirstOrThrow();
  return { bot, accessToken: await issueToken(trx, 'AgentBot', bot.id) };
}

export async function createAccountBot(db: Db, accountId: number, input: BotInput): Promise<MintedBot> {
  return inTransaction(db, (trx) => insertBot(trx, accountId, input));
}

/**
 * Changes a bot already resolved through an account-scoped or platform-permitted lookup. Only the platform
 * API moves a bot (`accountId`: another account, or null for system-wide).
 */
export async function updateBot(db: Db, bot: AgentBot, input: BotInput, accountId?: number | null): Promise<AgentBot> {
  return db
    .updateTable('agent_bots')
    .set({ ...columns(input), ...(accountId === undefined ? {} : { account_id: accountId }), updated_at: new Date() })
    .where('id', '=', bot.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function removeBotAvatar(db: Db, bot: AgentBot): Promise<AgentBot> {
  return updateBot(db, bot, { avatar_url: null });
}

/** Deletes the bot with its tokens and any platform app's claim on it. */
export async function deleteBot(db: Db, bot: AgentBot): Promise<void> {
  await inTransaction(db, async (trx) => {
    await trx.deleteFrom('access_tokens').where('owner_type', '=', 'AgentBot').where('owner_id', '=', bot.id).execute();
    await trx
      .deleteFrom('platform_app_permissibles')
      .where('permissible_type', '=', 'AgentBot')
      .where('permissible_id', '=', bot.id)
      .execute();
    await trx.deleteFrom('agent_bots').where('id', '=', bot.id).execute();
  });
}

// Account-scoped forms: the bot must belong to the account (404 otherwise, system bots included).

export async function updateAccountBot(db: Db, accountId: number, id: number, input: BotInput): Promise<AgentBot> {
  return updateBot(db, await getAccountBot(db, accountId, id), input);
}

export async function removeAccountBotAvatar(db: Db, accountId: number, id: number): Promise<AgentBot> {
  return removeBotAvatar(db, await getAccountBot(db, accountId, id));
}

export async function deleteAccountBot(db: Db, accountId: number, id: number): Promise<void> {
  return deleteBot(db, await getAccountBot(db, accountId, id));
}

/** Replaces the bot's tokens by a new one (the old token stops working at once). */
export async function resetAccountBotToken(db: Db, accountId: number, id: number): Promise<MintedBot> {
  const bot = await getAccountBot(db, accountId, id);
  return inTransaction(db, async (trx) => ({ bot, accessToken: await resetTokens(trx, 'AgentBot', bot.id) }));
}
