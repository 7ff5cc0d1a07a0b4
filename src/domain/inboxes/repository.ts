import type { Db } from '../../db/pool.ts';
import type { AgentBot, Inbox, Inboxes } from '../../db/types.ts';
import type { Insertable } from 'kysely';
import { forbidden, notFound } from '../../errors.ts';
import { randomToken } from '../auth/secrets.ts';
import { selectMembers, type Member } from '../users/repository.ts';
import { inboxCondition, mayActInInbox } from './access.ts';
import { usableInAccount } from '../bots/repository.ts';

export async function findInbox(db: Db, accountId: number, inboxId: number): Promise<Inbox | undefined> {
  return db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
}

export async function getInbox(db: Db, accountId: number, inboxId: number): Promise<Inbox> {
  const inbox = await findInbox(db, accountId, inboxId);
  if (!inbox) throw notFound();
  return inbox;
}

/**
 * Inboxes by id for a caller who sees only `visibleIds` (agents; undefined = all): an unknown id is a 404,
 * one the agent is not a member of is a policy denial, as Chatwoot's inbox policy answers.
 */
export async function getVisibleInboxes(
  db: Db,
  accountId: number,
  ids: number[],
  visibleIds?: number[],
): Promise<Inbox[]> {
  const unique = [...new Set(ids)];
  const inboxes = await findInboxesByIds(db, accountId, unique);
  if (inboxes.length !== unique.length) throw notFound();
  if (inboxes.some((inbox) => !mayActInInbox(visibleIds, inbox.id))) throw forbidden();
  return inboxes;
}

export async function getVisibleInbox(
  db: Db,
  accountId: number,
  inboxId: number,
  visibleIds?: number[],
): Promise<Inbox> {
  return (await getVisibleInboxes(db, accountId, [inboxId], visibleIds))[0];
}

export async function findInboxesByIds(db: Db, accountId: number, ids: number[]): Promise<Inbox[]> {
  if (!ids.length) return [];
  return db.selectFrom('inboxes').selectAll().where('account_id', '=', accountId).where('id', 'in', ids).execute();
}

/** The account's inboxes ordered by name, limited to `visibleIds` when the caller is an agent. */
export async function listInboxes(db: Db, accountId: number, visibleIds?: number[]): Promise<Inbox[]> {
  return db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', accountId)
    .where(inboxCondition(visibleIds, 'id'))
    .orderBy((eb) => eb.fn('lower', ['name']))
    .orderBy('id')
    .execute();
}

/** Inbox settings a create may set beside name and channel. */
export type InboxSettings = Partial<
  Pick<
    Insertable<Inboxes>,
    | 'greeting_enabled'
    | 'greeting_message'
    | 'enable_email_collect'
    | 'csat_survey_enabled'
    | 'csat_config'
    | 'enable_auto_assignment'
    | 'auto_assignment_config'
    | 'working_hours_enabled'
    | 'working_hours'
    | 'out_of_office_message'
    | 'timezone'
    | 'allow_messages_after_resolved'
    | 'lock_to_single_conversation'
    | 'sender_name_type'
    | 'business_name'
    | 'avatar_url'
  >
>;

export interface NewInbox extends InboxSettings {
  name: string;
  channel_type: string;
  webhook_url?: string | null;
  channel?: Record<string, unknown>;
}

export async function insertInbox(db: Db, accountId: number, input: NewInbox): Promise<Inbox> {
  const { name, channel_type, webhook_url, channel, ...settings } = input;
  return db
    .insertInto('inboxes')
    .values({
      ...settings,
      account_id: accountId,
      name,
      channel_type,
      identifier: randomToken(18),
      hmac_token: randomToken(18),
      webhook_url: webhook_url ?? null,
      channel: channel ?? {},
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** The inbox's members as agents of the account, ordered by name. */
export async function listInboxMembers(db: Db, accountId: number, inboxId: number): Promise<Member[]> {
  return selectMembers(db, accountId)
    .where('au.user_id', 'in', (eb) =>
      eb
        .selectFrom('inbox_members')
        .select('user_id')
        .where('account_id', '=', accountId)
        .where('inbox_id', '=', inboxId),
    )
    .orderBy((eb) => eb.fn('lower', ['u.name']))
    .orderBy('u.id')
    .execute();
}

/** Who may be assigned in all of `inboxIds`: members of every one of them, and every administrator. */
export async function listAssignableAgents(db: Db, accountId: number, inboxIds: number[]): Promise<Member[]> {
  const unique = [...new Set(inboxIds)];
  return selectMembers(db, accountId)
    .where((eb) =>
      eb.or([
        eb('au.role', '=', 'administrator'),
        eb(
          'au.user_id',
          'in',
          eb
            .selectFrom('inbox_members')
            .select('user_id')
            .where('account_id', '=', accountId)
            .where('inbox_id', 'in', unique.length ? unique : [0])
            .groupBy('user_id')
            .having((h) => h.fn.count('inbox_id'), '=', unique.length),
        ),
      ]),
    )
    .orderBy((eb) => eb.fn('lower', ['u.name']))
    .orderBy('u.id')
    .execute();
}

/** The bot attached to the inbox, if any. */
export async function findInboxAgentBot(db: Db, accountId: number, inboxId: number): Promise<AgentBot | undefined> {
  return db
    .selectFrom('agent_bot_inboxes as abi')
    .innerJoin('agent_bots as b', 'b.id', 'abi.agent_bot_id')
    .selectAll('b')
    .where('abi.account_id', '=', accountId)
    .where('abi.inbox_id', '=', inboxId)
    .executeTakeFirst();
}

/** A bot the account may attach: its own, or a system bot (no account). */
export async function findUsableAgentBot(db: Db, accountId: number, botId: number): Promise<AgentBot | undefined> {
  return (
    db
      .selectFrom('agent_bots')
      .selectAll()
      .where('id', '=', botId)
      // Flow bots (the chatbot engine's) are started through the chatbot API, not attached as an inbox's webhook bot.
      .where('bot_type', '!=', 'flow')
      .where(usableInAccount(accountId))
      .executeTakeFirst()
  );
}

/** Reads for a caller who sees only `visibleIds` (agents; undefined = all), each checking the inbox first. */
export async function getInboxMembers(
  db: Db,
  accountId: number,
  inboxId: number,
  visibleIds?: number[],
): Promise<Member[]> {
  await getVisibleInbox(db, accountId, inboxId, visibleIds);
  return listInboxMembers(db, accountId, inboxId);
}

export async function getAssignableAgents(
  db: Db,
  accountId: number,
  inboxIds: number[],
  visibleIds?: number[],
): Promise<Member[]> {
  await getVisibleInboxes(db, accountId, inboxIds, visibleIds);
  return listAssignableAgents(db, accountId, inboxIds);
}

export async function getInboxAgentBot(
  db: Db,
  accountId: number,
  inboxId: number,
  visibleIds?: number[],
): Promise<AgentBot | undefined> {
  await getVisibleInbox(db, accountId, inboxId, visibleIds);
  return findInboxAgentBot(db, accountId, inboxId);
}
