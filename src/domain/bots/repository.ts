import type { ExpressionBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { AgentBot, Database } from '../../db/types.ts';
import { notFound } from '../../errors.ts';

/** The bots an account's requests may name: its own and the system-wide ones (account_id null), never another account's. */
export function usableInAccount(accountId: number) {
  return (eb: ExpressionBuilder<Database, 'agent_bots'>) =>
    eb.or([eb('account_id', '=', accountId), eb('account_id', 'is', null)]);
}

/** A bot of the account or a system bot, of any kind (flow bots send messages too); undefined otherwise. */
export async function findAccountBot(db: Db, accountId: number, id: number): Promise<AgentBot | undefined> {
  return db
    .selectFrom('agent_bots')
    .selectAll()
    .where('id', '=', id)
    .where(usableInAccount(accountId))
    .executeTakeFirst();
}

/**
 * Agent bots as the Chatwoot dialect knows them: webhook bots. Flow bots (bot_type 'flow', the chatbot engine's,
 * domain/chatbots) run inside Switchboard and have no outgoing URL to call; they are managed, listed and
 * started through the chatbot API, so the Chatwoot agent-bot API neither lists nor changes them.
 */
export const FLOW_BOT_TYPE = 'flow';

function chatwootBots(db: Db) {
  return db.selectFrom('agent_bots').selectAll().where('bot_type', '!=', FLOW_BOT_TYPE);
}

/** The account's own bots and the system-wide ones (account_id null), as an account sees them. */
export async function listAccountBots(db: Db, accountId: number): Promise<AgentBot[]> {
  return chatwootBots(db).where(usableInAccount(accountId)).orderBy('id').execute();
}

/** A bot the account may read: its own or a system bot. */
export async function getVisibleBot(db: Db, accountId: number, id: number): Promise<AgentBot> {
  const bot = await chatwootBots(db).where('id', '=', id).where(usableInAccount(accountId)).executeTakeFirst();
  if (!bot) throw notFound();
  return bot;
}

/** A bot the account may change: only its own (system bots are read-only from an account). */
export async function getAccountBot(db: Db, accountId: number, id: number): Promise<AgentBot> {
  const bot = await chatwootBots(db).where('account_id', '=', accountId).where('id', '=', id).executeTakeFirst();
  if (!bot) throw notFound();
  return bot;
}

export async function getBot(db: Db, id: number): Promise<AgentBot> {
  const bot = await db.selectFrom('agent_bots').selectAll().where('id', '=', id).executeTakeFirst();
  if (!bot) throw notFound();
  return bot;
}
