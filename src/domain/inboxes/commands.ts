import type { Db } from '../../db/pool.ts';
import type { Inbox } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { changedAttributes, recordEvent } from '../outbox.ts';
import { nonMemberIds, type Member } from '../users/repository.ts';
import { findUsableAgentBot, getInbox, insertInbox, listInboxMembers, type InboxSettings } from './repository.ts';
import { channelValues, mergeWorkingHours, settingValues, type ChannelInput, type WorkingHour } from './settings.ts';
import { inTransaction } from '../../db/transaction.ts';

const TRACKED = [
  'name',
  'avatar_url',
  'webhook_url',
  'channel',
  'greeting_enabled',
  'greeting_message',
  'enable_email_collect',
  'csat_survey_enabled',
  'csat_config',
  'enable_auto_assignment',
  'auto_assignment_config',
  'working_hours_enabled',
  'working_hours',
  'out_of_office_message',
  'timezone',
  'allow_messages_after_resolved',
  'lock_to_single_conversation',
  'sender_name_type',
  'business_name',
];

type NullableSettings = { [K in keyof InboxSettings]?: InboxSettings[K] | null };

export interface InboxInput extends NullableSettings {
  name?: string | null;
  channel?: ChannelInput;
  working_hours?: WorkingHour[];
}

function inboxName(name: string | null | undefined): string | undefined {
  if (name === undefined || name === null) return undefined;
  const trimmed = name.trim();
  if (!trimmed) throw validation("Name can't be blank", ['name']);
  return trimmed;
}

/**
 * Creates an inbox of `channelType` (a Chatwoot channel class name) and records inbox_created; `alongside`
 * stores what a channel adapter keeps beside it, in the same transaction.
 */
export async function createInbox(
  db: Db,
  accountId: number,
  channelType: string,
  input: InboxInput,
  alongside?: (trx: Db, inbox: Inbox) => Promise<void>,
): Promise<Inbox> {
  const name = inboxName(input.name);
  if (!name) throw validation("Name can't be blank", ['name']);
  const { webhook_url, channel } = channelValues(channelType, {}, input.channel ?? {}, true);
  const settings = settingValues(input);
  if (input.working_hours) settings.working_hours = JSON.stringify(mergeWorkingHours([], input.working_hours));
  return inTransaction(db, async (trx) => {
    const inbox = await insertInbox(trx, accountId, {
      ...settings,
      name,
      channel_type: channelType,
      webhook_url,
      channel,
    });
    await alongside?.(trx, inbox);
    await recordEvent(trx, { accountId, name: 'inbox.created', inboxId: inbox.id });
    return inbox;
  });
}

async function saveInbox(db: Db, before: Inbox, values: Record<string, unknown>): Promise<Inbox> {
  return inTransaction(db, async (trx) => {
    const after = await trx
      .updateTable('inboxes')
      .set({ ...values, updated_at: new Date() })
      .where('account_id', '=', before.account_id)
      .where('id', '=', before.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    const changes = changedAttributes(before, after, TRACKED);
    if (Object.keys(changes).length) {
      await recordEvent(trx, {
        accountId: after.account_id,
        name: 'inbox.updated',
        inboxId: after.id,
        data: { changed_attributes: changes },
      });
    }
    return after;
  });
}

/** Updates settings; `channel` is merged into the channel's settings, `working_hours` day by day. */
export async function updateInbox(db: Db, accountId: number, inboxId: number, input: InboxInput): Promise<Inbox> {
  const before = await getInbox(db, accountId, inboxId);
  const values: Record<string, unknown> = settingValues(input);
  const name = inboxName(input.name);
  if (name) values.name = name;
  if (input.channel) {
    const { webhook_url, channel } = channelValues(before.channel_type, before.channel, input.channel, false);
    values.channel = channel;
    if (webhook_url !== undefined) values.webhook_url = webhook_url;
  }
  if (input.working_hours)
    values.working_hours = JSON.stringify(mergeWorkingHours(before.working_hours, input.working_hours));
  if (values.csat_config) values.csat_config = JSON.stringify(values.csat_config);
  if (values.auto_assignment_config) values.auto_assignment_config = JSON.stringify(values.auto_assignment_config);
  if (values.channel) values.channel = JSON.stringify(values.channel);
  return saveInbox(db, before, values);
}

export async function removeInboxAvatar(db: Db, accountId: number, inboxId: number): Promise<Inbox> {
  return saveInbox(db, await getInbox(db, accountId, inboxId), { avatar_url: null });
}

/** Deletes the inbox; its conversations, members and bot attachment go with it (foreign-key cascades). */
export async function deleteInbox(db: Db, accountId: number, inboxId: number): Promise<void> {
  const deleted = await db
    .deleteFrom('inboxes')
    .where('account_id', '=', accountId)
    .where('id', '=', inboxId)
    .executeTakeFirst();
  if (!deleted.numDeletedRows) throw notFound();
}

/** Attaches a bot (the account's own or a system bot) to the inbox, or detaches with null. */
export async function setInboxAgentBot(
  db: Db,
  accountId: number,
  inboxId: number,
  botId: number | null,
): Promise<void> {
  await getInbox(db, accountId, inboxId);
  if (botId === null) {
    await db
      .deleteFrom('agent_bot_inboxes')
      .where('account_id', '=', accountId)
      .where('inbox_id', '=', inboxId)
      .execute();
    return;
  }
  const bot = await findUsableAgentBot(db, accountId, botId);
  if (!bot) throw notFound();
  await db
    .insertInto('agent_bot_inboxes')
    .values({ account_id: accountId, inbox_id: inboxId, agent_bot_id: bot.id })
    .onConflict((oc) => oc.column('inbox_id').doUpdateSet({ agent_bot_id: bot.id, account_id: accountId }))
    .execute();
}

async function requireAccountMembers(db: Db, accountId: number, userIds: number[]): Promise<void> {
  const strangers = await nonMemberIds(db, accountId, userIds);
  if (strangers.length)
    throw validation(`User ids are not members of this account: ${strangers.join(', ')}`, ['user_ids']);
}

async function insertMembers(db: Db, accountId: number, inboxId: number, userIds: number[]): Promise<void> {
  if (!userIds.length) return;
  await db
    .insertInto('inbox_members')
    .values([...new Set(userIds)].map((userId) => ({ account_id: accountId, inbox_id: inboxId, user_id: userId })))
    .onConflict((oc) => oc.columns(['inbox_id', 'user_id']).doNothing())
    .execute();
}

/** Adds agents to the inbox; answers every member. */
export async function addInboxMembers(
  db: Db,
  accountId: number,
  inboxId: number,
  userIds: number[],
): Promise<Member[]> {
  await getInbox(db, accountId, inboxId);
  await requireAccountMembers(db, accountId, userIds);
  await insertMembers(db, accountId, inboxId, userIds);
  return listInboxMembers(db, accountId, inboxId);
}

/** Makes the inbox's members exactly `userIds`; answers every member. */
export async function setInboxMembers(
  db: Db,
  accountId: number,
  inboxId: number,
  userIds: number[],
): Promise<Member[]> {
  await getInbox(db, accountId, inboxId);
  await requireAccountMembers(db, accountId, userIds);
  await inTransaction(db, async (trx) => {
    let removal = trx.deleteFrom('inbox_members').where('account_id', '=', accountId).where('inbox_id', '=', inboxId);
    if (userIds.length) removal = removal.where('user_id', 'not in', userIds);
    await removal.execute();
    await insertMembers(trx, accountId, inboxId, userIds);
  });
  return listInboxMembers(db, accountId, inboxId);
}

export async function removeInboxMembers(db: Db, accountId: number, inboxId: number, userIds: number[]): Promise<void> {
  await getInbox(db, accountId, inboxId);
  await requireAccountMembers(db, accountId, userIds);
  if (!userIds.length) return;
  await db
    .deleteFrom('inbox_members')
    .where('account_id', '=', accountId)
    .where('inbox_id', '=', inboxId)
    .where('user_id', 'in', userIds)
    .execute();
}
