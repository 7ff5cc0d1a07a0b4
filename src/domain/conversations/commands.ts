import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { AgentBot, Conversation, ConversationUpdate, CoreStatus, Priority } from '../../db/types.ts';
import { notFound, validation } from '../../errors.ts';
import { addContactInbox } from '../contacts/commands.ts';
import { findContact } from '../contacts/repository.ts';
import { findInbox } from '../inboxes/repository.ts';
import { ensureInboxAccess, inboxCondition, type InboxAccess } from '../inboxes/access.ts';
import { findMember } from '../users/repository.ts';
import { insertMessage, MESSAGE_TYPE, withVariables, type NewMessage } from '../messages/commands.ts';
import { changedAttributes, recordEvent, type EventName } from '../outbox.ts';
import { usableInAccount } from '../bots/repository.ts';
import { inTransaction } from '../../db/transaction.ts';
import { portfolioOwnerOf } from '../portfolios/repository.ts';
import { initialStatus } from './status.ts';
import { sendCsatSurveyOnResolve } from '../csat/survey.ts';

/** Attributes whose change Chatwoot reports as conversation_updated. */
const TRACKED = [
  'status',
  'snoozed_until',
  'assignee_id',
  'assignee_agent_bot_id',
  'team_id',
  'priority',
  'custom_attributes',
  'labels',
  'waiting_since',
  'first_reply_created_at',
];

async function conversationEvent(
  trx: Db,
  conversation: Conversation,
  name: EventName,
  data: Record<string, unknown> = {},
) {
  await recordEvent(trx, {
    accountId: conversation.account_id,
    name,
    conversationId: conversation.id,
    inboxId: conversation.inbox_id,
    contactId: conversation.contact_id,
    data,
  });
}

/** Applies a change to a conversation and records conversation_updated (and status_changed) when it changed something. */
async function updateConversation(
  trx: Db,
  before: Conversation,
  values: ConversationUpdate,
  performer?: Performer,
): Promise<Conversation> {
  const after = await trx
    .updateTable('conversations')
    .set({ ...values, updated_at: new Date() })
    .where('id', '=', before.id)
    .returningAll()
    .executeTakeFirstOrThrow();
  const changes = changedAttributes(before, after, TRACKED);
  if ('labels' in changes) {
    changes.label_list = changes.labels;
    delete changes.labels;
  }
  if (Object.keys(changes).length) {
    const data = { changed_attributes: changes, ...(performer ? { performer } : {}) };
    if ('status' in changes) await conversationEvent(trx, after, 'conversation.status_changed', data);
    await conversationEvent(trx, after, 'conversation.updated', data);
  }
  return after;
}

export interface Performer {
  type: 'User' | 'AgentBot' | 'Contact';
  id: number;
  name: string;
}

export interface NewConversation {
  sourceId?: string;
  inboxId?: number;
  contactId?: number;
  status?: CoreStatus;
  assigneeId?: number;
  teamId?: number;
  snoozedUntil?: Date | null;
  additionalAttributes?: Record<string, unknown>;
  customAttributes?: Record<string, unknown>;
  message?: Omit<NewMessage, 'sender'> & { sender?: NewMessage['sender'] };
  /** The inboxes the caller may act in (undefined: all); the contact inbox found must be in one of them. */
  inboxAccess?: InboxAccess;
}

async function checkAssignee(db: Db, accountId: number, userId: number | undefined) {
  if (userId && !(await findMember(db, accountId, userId)))
    throw validation('Assignee is not a member of this account', ['assignee_id']);
}

async function checkTeam(db: Db, accountId: number, teamId: number | undefined) {
  if (!teamId) return;
  const team = await db
    .selectFrom('teams')
    .select('id')
    .where('account_id', '=', accountId)
    .where('id', '=', teamId)
    .executeTakeFirst();
  if (!team) throw validation('Team does not exist', ['team_id']);
}

async function botActive(db: Db, inboxId: number): Promise<boolean> {
  return Boolean(
    await db.selectFrom('agent_bot_inboxes').select('id').where('inbox_id', '=', inboxId).executeTakeFirst(),
  );
}

/**
 * Opens a conversation (by contact inbox source id, or inbox + contact), with an optional first message; in the
 * caller's transaction when there is one (a channel takes a message in with it, under its contact inbox's lock).
 */
export async function createConversation(db: Db, accountId: number, input: NewConversation): Promise<Conversation> {
  return inTransaction(db, async (trx) => {
    let contactInbox;
    if (input.sourceId) {
      // Only the caller's inboxes are searched: another inbox's source id is as unknown as a made-up one.
      contactInbox = await trx
        .selectFrom('contact_inboxes')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('source_id', '=', input.sourceId)
        .where(inboxCondition(input.inboxAccess))
        .$if(Boolean(input.inboxId), (q) => q.where('inbox_id', '=', input.inboxId!))
        .orderBy('id')
        .executeTakeFirst();
      if (!contactInbox) throw validation('Contact inbox with that source_id does not exist', ['source_id']);
    } else {
      if (!input.inboxId) throw validation('inbox_id is required (or a source_id)', ['inbox_id']);
      if (!input.contactId) throw validation('contact_id is required (or a source_id)', ['contact_id']);
      ensureInboxAccess(input.inboxAccess, input.inboxId);
      const inbox = await findInbox(trx, accountId, input.inboxId);
      if (!inbox) throw validation('Inbox does not exist', ['inbox_id']);
      const contact = await findContact(trx, accountId, input.contactId);
      if (!contact) throw validation('Contact does not exist', ['contact_id']);
      contactInbox =
        (await trx
          .selectFrom('contact_inboxes')
          .selectAll()
          .where('contact_id', '=', contact.id)
          .where('inbox_id', '=', inbox.id)
          .orderBy('id')
          .executeTakeFirst()) ?? (await addContactInbox(trx, contact, inbox));
    }
    await checkAssignee(trx, accountId, input.assigneeId);
    await checkTeam(trx, accountId, input.teamId);
    // Nobody chosen: the contact's portfolio owner, if any, gets it first (one indexed lookup).
    const owner =
      input.assigneeId === undefined && input.teamId === undefined
        ? await portfolioOwnerOf(trx, accountId, contactInbox.contact_id)
        : undefined;
    const status = input.status ?? initialStatus(await botActive(trx, contactInbox.inbox_id));
    const { last_display_id } = await trx
      .updateTable('accounts')
      .set({ last_display_id: sql`last_display_id + 1` })
      .where('id', '=', accountId)
      .returning('last_display_id')
      .executeTakeFirstOrThrow();
    const conversation = await trx
      .insertInto('conversations')
      .values({
        account_id: accountId,
        display_id: last_display_id,
        inbox_id: contactInbox.inbox_id,
        contact_id: contactInbox.contact_id,
        contact_inbox_id: contactInbox.id,
        status,
        assignee_id: input.assigneeId ?? owner?.assigneeId ?? null,
        team_id: input.teamId ?? owner?.teamId ?? null,
        snoozed_until: status === 'snoozed' ? (input.snoozedUntil ?? null) : null,
        additional_attributes: input.additionalAttributes ?? {},
        custom_attributes: input.customAttributes ?? {},
        waiting_since: new Date(),
      })
      .returningAll()
      .executeTakeFirstOrThrow();
    await conversationEvent(trx, conversation, 'conversation.created');
    if (input.message && (input.message.content || input.message.files?.length)) {
      const sender =
        input.message.messageType === MESSAGE_TYPE.incoming
          ? { type: 'Contact' as const, id: contactInbox.contact_id }
          : input.message.sender;
      return (
        await insertMessage(trx, conversation.id, await withVariables(trx, conversation, { ...input.message, sender }))
      ).conversation;
    }
    return conversation;
  });
}

async function activity(trx: Db, conversationId: number, content: string) {
  await insertMessage(trx, conversationId, { messageType: MESSAGE_TYPE.activity, content });
}

const STATUS_WORDS: Record<CoreStatus, string> = {
  open: 'reopened',
  resolved: 'marked resolved',
  pending: 'marked pending',
  snoozed: 'snoozed',
  hidden: 'hidden',
};

/** Moves a conversation to a status, leaving an activity message as Chatwoot does. */
export async function changeStatus(
  db: Db,
  conversation: Conversation,
  status: CoreStatus,
  performer: Performer | undefined,
  snoozedUntil: Date | null = null,
  /** Why Switchboard itself made the change (no performer), e.g. "due to 3 days of inactivity". */
  systemReason?: string,
): Promise<Conversation> {
  return inTransaction(db, async (trx) => {
    const updated = await updateConversation(
      trx,
      conversation,
      { status, snoozed_until: status === 'snoozed' ? snoozedUntil : null },
      performer,
    );
    if (status !== conversation.status) {
      const by = performer ? ` by ${performer.name}` : systemReason ? ` by system ${systemReason}` : '';
      await activity(trx, conversation.id, `Conversation was ${STATUS_WORDS[status]}${by}`);
      if (status === 'resolved') await sendCsatSurveyOnResolve(trx, updated);
    }
    return trx.selectFrom('conversations').selectAll().where('id', '=', updated.id).executeTakeFirstOrThrow();
  });
}

export async function setPriority(
  db: Db,
  conversation: Conversation,
  priority: Priority | null,
  performer?: Performer,
): Promise<Conversation> {
  return inTransaction(db, (trx) => updateConversation(trx, conversation, { priority }, performer));
}

/** Assigns an agent (or nobody); a bot assignment goes through assignBot. */
export async function assignAgent(
  db: Db,
  conversation: Conversation,
  userId: number | null,
  performer: Performer | undefined,
): Promise<Conversation> {
  return inTransaction(db, async (trx) => {
    const member = userId ? await findMember(trx, conversation.account_id, userId) : undefined;
    const assigneeId = member?.id ?? null;
    await updateConversation(trx, conversation, { assignee_id: assigneeId, assignee_agent_bot_id: null }, performer);
    if (assigneeId !== conversation.assignee_id) {
      const by = performer ? ` by ${performer.name}` : '';
      await activity(
        trx,
        conversation.id,
        member ? `Assigned to ${member.display_name || member.name}${by}` : `Conversation unassigned${by}`,
      );
    }
    return trx.selectFrom('conversations').selectAll().where('id', '=', conversation.id).executeTakeFirstOrThrow();
  });
}

/** Hands the conversation to an agent bot of the account (or a system bot); returns the bot, or nothing if unknown. */
export async function assignBot(db: Db, conversation: Conversation, botId: number): Promise<AgentBot | undefined> {
  const bot = await db
    .selectFrom('agent_bots')
    .selectAll()
    .where('id', '=', botId)
    .where(usableInAccount(conversation.account_id))
    .executeTakeFirst();
  if (!bot) return undefined;
  await inTransaction(db, (trx) =>
    updateConversation(trx, conversation, { assignee_agent_bot_id: bot.id, assignee_id: null }),
  );
  return bot;
}

export async function assignTeam(
  db: Db,
  conversation: Conversation,
  teamId: number | null,
  performer: Performer | undefined,
) {
  return inTransaction(db, async (trx) => {
    const team = teamId
      ? await trx
          .selectFrom('teams')
          .selectAll()
          .where('account_id', '=', conversation.account_id)
          .where('id', '=', teamId)
          .executeTakeFirst()
      : undefined;
    await updateConversation(trx, conversation, { team_id: team?.id ?? null }, performer);
    if ((team?.id ?? null) !== conversation.team_id) {
      const by = performer ? ` by ${performer.name}` : '';
      await activity(trx, conversation.id, team ? `Assigned to ${team.name} team${by}` : `Removed from team${by}`);
    }
    return team;
  });
}

export async function setLabels(db: Db, conversation: Conversation, labels: string[]): Promise<string[]> {
  const unique = [...new Set(labels.map((l) => l.trim()).filter(Boolean))];
  const updated = await inTransaction(db, (trx) => updateConversation(trx, conversation, { labels: unique }));
  return updated.labels;
}

export async function replaceCustomAttributes(
  db: Db,
  conversation: Conversation,
  attributes: Record<string, unknown>,
): Promise<Conversation> {
  return inTransaction(db, (trx) => updateConversation(trx, conversation, { custom_attributes: attributes }));
}

/** A typing indicator is only an event: nothing is stored. */
export async function recordTyping(
  db: Db,
  conversation: Conversation,
  on: boolean,
  isPrivate: boolean,
  performer?: Performer,
) {
  await conversationEvent(db, conversation, on ? 'conversation.typing_on' : 'conversation.typing_off', {
    is_private: isPrivate,
    performer,
  });
}

export async function setMuted(db: Db, conversation: Conversation, muted: boolean): Promise<void> {
  await db
    .updateTable('conversations')
    .set({ muted, updated_at: new Date() })
    .where('id', '=', conversation.id)
    .execute();
}

/** The agent has read everything: unread count back to zero. */
export async function markSeen(db: Db, conversation: Conversation, userId: number | undefined): Promise<Conversation> {
  const now = new Date();
  return inTransaction(db, async (trx) => {
    const updated = await trx
      .updateTable('conversations')
      .set({
        agent_last_seen_at: now,
        unread_incoming_count: 0,
        ...(userId && conversation.assignee_id === userId ? { assignee_last_seen_at: now } : {}),
      })
      .where('id', '=', conversation.id)
      .returningAll()
      .executeTakeFirstOrThrow();
    await conversationEvent(trx, updated, 'conversation.read', { user_id: userId ?? null });
    return updated;
  });
}

/** Marks the last incoming message unread again: last-seen moves to just before it. */
export async function markUnread(db: Db, conversation: Conversation): Promise<Conversation> {
  const lastIncoming = await db
    .selectFrom('messages')
    .select('created_at')
    .where('conversation_id', '=', conversation.id)
    .where('message_type', '=', MESSAGE_TYPE.incoming)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
  if (!lastIncoming) return conversation;
  const seenAt = new Date(new Date(lastIncoming.created_at).getTime() - 1000);
  return db
    .updateTable('conversations')
    .set({
      agent_last_seen_at: seenAt,
      unread_incoming_count: sql`(SELECT count(*)::int FROM messages m WHERE m.conversation_id = ${conversation.id} AND m.message_type = 0 AND m.created_at > ${seenAt})`,
    })
    .where('id', '=', conversation.id)
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function deleteConversation(db: Db, conversation: Conversation): Promise<void> {
  const result = await db.deleteFrom('conversations').where('id', '=', conversation.id).executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}
