import type { Db } from '../../db/pool.ts';
import { validation } from '../../errors.ts';
import { getChatbot, type Chatbot } from './repository.ts';
import { releaseSession } from './release.ts';
import { stopRuns } from './runs.ts';
import { chatbotDb } from './tables.ts';
import { validateFlow } from './validate.ts';
import { inTransaction } from '../../db/transaction.ts';

export interface ChatbotInput {
  name?: string;
  description?: string | null;
  definition?: unknown;
  /** A changed flow goes live at once (the flows API's default); false keeps it a draft until `publishVersion`. */
  publish?: boolean;
}

function cleanName(name: string | undefined): string | undefined {
  if (name === undefined) return undefined;
  const trimmed = name.trim();
  if (!trimmed) throw validation('name can not be blank', ['name']);
  return trimmed;
}

/** Saves a new chatbot (an agent bot of type `flow`) with its first version, after validating the flow. */
export async function createChatbot(db: Db, accountId: number, input: ChatbotInput): Promise<Chatbot> {
  const name = cleanName(input.name);
  if (!name) throw validation('name is required', ['name']);
  if (input.definition === undefined) throw validation('definition is required', ['definition']);
  const definition = validateFlow(input.definition);
  const id = await inTransaction(db, async (trx) => {
    const bot = await trx
      .insertInto('agent_bots')
      .values({ account_id: accountId, name, description: input.description ?? null, bot_type: 'flow', bot_config: {} })
      .returning('id')
      .executeTakeFirstOrThrow();
    const cdb = chatbotDb(trx);
    const chatbot = await cdb
      .insertInto('chatbots')
      .values({ account_id: accountId, agent_bot_id: bot.id })
      .returning(['id'])
      .executeTakeFirstOrThrow();
    await cdb
      .insertInto('chatbot_versions')
      .values({ account_id: accountId, chatbot_id: chatbot.id, version: 1, definition: JSON.stringify(definition) })
      .execute();
    return bot.id;
  });
  const { uuid } = await db.selectFrom('agent_bots').select('uuid').where('id', '=', id).executeTakeFirstOrThrow();
  return getChatbot(db, accountId, uuid);
}

/** Renames and/or saves a new version; runs already going keep the version they started with. */
export async function updateChatbot(db: Db, accountId: number, idOrKey: string, input: ChatbotInput): Promise<Chatbot> {
  const bot = await getChatbot(db, accountId, idOrKey);
  const name = cleanName(input.name);
  const definition = input.definition === undefined ? undefined : validateFlow(input.definition);
  await inTransaction(db, async (trx) => {
    if (name !== undefined || input.description !== undefined) {
      await trx
        .updateTable('agent_bots')
        .set({
          ...(name !== undefined ? { name } : {}),
          ...(input.description !== undefined ? { description: input.description } : {}),
          updated_at: new Date(),
        })
        .where('id', '=', bot.agent_bot_id)
        .execute();
    }
    const cdb = chatbotDb(trx);
    if (definition) {
      // The row lock orders concurrent saves; the live version may be older than the newest (a rollback, a draft).
      await cdb.updateTable('chatbots').set({ updated_at: new Date() }).where('id', '=', bot.id).execute();
      const { newest } = await cdb
        .selectFrom('chatbot_versions')
        .select((eb) => eb.fn.max('version').as('newest'))
        .where('chatbot_id', '=', bot.id)
        .executeTakeFirstOrThrow();
      const version = Number(newest ?? 0) + 1;
      await cdb
        .insertInto('chatbot_versions')
        .values({ account_id: accountId, chatbot_id: bot.id, version, definition: JSON.stringify(definition) })
        .execute();
      if (input.publish !== false)
        await cdb.updateTable('chatbots').set({ version }).where('id', '=', bot.id).execute();
    } else {
      await cdb.updateTable('chatbots').set({ updated_at: new Date() }).where('id', '=', bot.id).execute();
    }
  });
  return getChatbot(db, accountId, bot.uuid);
}

/**
 * Makes a saved version the live one: publishing a draft, or rolling back to an older version. Runs already
 * going keep the version they started with; new dispatches take this one.
 */
export async function publishVersion(db: Db, accountId: number, idOrKey: string, version: number): Promise<Chatbot> {
  const bot = await getChatbot(db, accountId, idOrKey);
  const cdb = chatbotDb(db);
  const exists = await cdb
    .selectFrom('chatbot_versions')
    .select('version')
    .where('chatbot_id', '=', bot.id)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!exists) throw validation(`version ${version} is not a saved version of this chatbot`, ['version']);
  await cdb
    .updateTable('chatbots')
    .set({ version, updated_at: new Date() })
    .where('id', '=', bot.id)
    .where('account_id', '=', accountId)
    .execute();
  return getChatbot(db, accountId, bot.uuid);
}

/** Archives the chatbot (its dispatches stay readable), stops its runs and hands their sessions to the people. */
export async function deleteChatbot(db: Db, accountId: number, idOrKey: string): Promise<void> {
  const bot = await getChatbot(db, accountId, idOrKey);
  const sessions = await inTransaction(db, async (trx) => {
    await chatbotDb(trx)
      .updateTable('chatbots')
      .set({ archived_at: new Date(), updated_at: new Date() })
      .where('id', '=', bot.id)
      .execute();
    return stopRuns(trx, { chatbotId: bot.id }, 'the chatbot was deleted');
  });
  const performer = { type: 'AgentBot' as const, id: bot.agent_bot_id, name: bot.name };
  for (const conversationId of sessions)
    await releaseSession(db, accountId, conversationId, bot.agent_bot_id, performer);
}
