import type { Db } from '../../db/pool.ts';
import { notFound, validation } from '../../errors.ts';
import type { FlowDefinition } from './definition.ts';
import { chatbotDb } from './tables.ts';
import { ownValue } from '../own.ts';
import { isUuid } from '../uuid.ts';

/** A chatbot with the agent bot it speaks as: `uuid` (the agent bot's) is its public id, `key` its second one. */
export interface Chatbot {
  id: number;
  uuid: string;
  key: string;
  account_id: number;
  agent_bot_id: number;
  name: string;
  description: string | null;
  version: number;
  /** Signs the dispatch callbacks of this chatbot (callbacks.ts); shown in the flows API so receivers can verify. */
  callback_secret: string;
  created_at: Date;
  updated_at: Date;
}

export type ChatbotWithDefinition = Chatbot & { definition: FlowDefinition };

function selectAllChatbots(db: Db) {
  return chatbotDb(db)
    .selectFrom('chatbots as c')
    .innerJoin('agent_bots as b', 'b.id', 'c.agent_bot_id')
    .select([
      'c.id',
      'b.uuid',
      'c.key',
      'c.account_id',
      'c.agent_bot_id',
      'b.name',
      'b.description',
      'c.version',
      'c.callback_secret',
      'c.created_at',
      'c.updated_at',
    ]);
}

function selectChatbots(db: Db, accountId: number) {
  return selectAllChatbots(db).where('c.account_id', '=', accountId).where('c.archived_at', 'is', null);
}

/** The chatbot a run belongs to, archived or not (a run started before the archive still names it). */
export async function chatbotById(db: Db, id: number): Promise<Chatbot> {
  return selectAllChatbots(db).where('c.id', '=', id).executeTakeFirstOrThrow();
}

/** A chatbot by its id or its key (clients send either under either name). */
export async function findChatbot(db: Db, accountId: number, idOrKey: string): Promise<Chatbot | undefined> {
  if (!isUuid(idOrKey)) return undefined;
  return selectChatbots(db, accountId)
    .where((eb) => eb.or([eb('b.uuid', '=', idOrKey), eb('c.key', '=', idOrKey)]))
    .executeTakeFirst();
}

export async function getChatbot(db: Db, accountId: number, idOrKey: string): Promise<Chatbot> {
  const bot = await findChatbot(db, accountId, idOrKey);
  if (!bot) throw notFound('Chatbot');
  return bot;
}

export async function getDefinition(db: Db, chatbotId: number, version: number): Promise<FlowDefinition> {
  const row = await chatbotDb(db)
    .selectFrom('chatbot_versions')
    .select('definition')
    .where('chatbot_id', '=', chatbotId)
    .where('version', '=', version)
    .executeTakeFirst();
  if (!row) throw notFound('Chatbot version');
  return row.definition;
}

export async function withDefinition(db: Db, bot: Chatbot, version = bot.version): Promise<ChatbotWithDefinition> {
  return { ...bot, definition: await getDefinition(db, bot.id, version) };
}

export async function listVersions(db: Db, chatbotId: number): Promise<{ version: number; created_at: Date }[]> {
  return chatbotDb(db)
    .selectFrom('chatbot_versions')
    .select(['version', 'created_at'])
    .where('chatbot_id', '=', chatbotId)
    .orderBy('version')
    .execute();
}

const ORDER_COLUMNS = { name: 'b.name', createdat: 'c.created_at', updatedat: 'c.updated_at' } as const;

export interface ChatbotPageQuery {
  name?: string;
  createdAfter?: Date;
  createdBefore?: Date;
  updatedAfter?: Date;
  updatedBefore?: Date;
  orderBy: string;
  descending: boolean;
  page: number;
  pageSize: number;
}

/** One page of an account's chatbots and the total: two statements whatever the page size. */
export async function listChatbots(
  db: Db,
  accountId: number,
  q: ChatbotPageQuery,
): Promise<{ rows: Chatbot[]; total: number }> {
  const column = ownValue(ORDER_COLUMNS, q.orderBy.toLowerCase());
  if (!column) throw validation('OrderBy must be one of: name, createdAt, updatedAt', ['OrderBy']);
  const filtered = selectChatbots(db, accountId)
    .$if(Boolean(q.name), (s) => s.where('b.name', 'ilike', `%${q.name!.replace(/[\\%_]/g, (c) => `\\${c}`)}%`))
    .$if(Boolean(q.createdAfter), (s) => s.where('c.created_at', '>=', q.createdAfter!))
    .$if(Boolean(q.createdBefore), (s) => s.where('c.created_at', '<=', q.createdBefore!))
    .$if(Boolean(q.updatedAfter), (s) => s.where('c.updated_at', '>=', q.updatedAfter!))
    .$if(Boolean(q.updatedBefore), (s) => s.where('c.updated_at', '<=', q.updatedBefore!));
  const direction = q.descending ? 'desc' : 'asc';
  const [rows, count] = await Promise.all([
    filtered
      .orderBy(column, direction)
      .orderBy('c.id', direction)
      .limit(q.pageSize)
      .offset((q.page - 1) * q.pageSize)
      .execute(),
    filtered
      .clearSelect()
      .select((eb) => eb.fn.countAll<number>().as('total'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.total) };
}
