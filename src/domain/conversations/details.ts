import type { Db } from '../../db/pool.ts';
import type { AgentBot, Contact, ContactInbox, Conversation, Inbox, Message, Team } from '../../db/types.ts';
import {
  attachDetails,
  loadAttachments,
  loadBots,
  loadContacts,
  loadUsers,
  senderIds,
  type MessageDetails,
  type UserWithMembership,
} from '../messages/details.ts';

export interface ConversationDetails {
  conversation: Conversation;
  contact: Contact;
  contactInbox?: ContactInbox;
  inbox: Inbox;
  assignee?: UserWithMembership;
  assigneeBot?: AgentBot;
  team?: Team;
  lastMessage?: MessageDetails;
  lastNonActivityMessage?: MessageDetails;
}

function byId<T extends { id: number }>(rows: T[]): Map<number, T> {
  return new Map(rows.map((r) => [r.id, r]));
}

/**
 * Everything the conversation presenters show — contact, inbox, assignee, team, last messages with their
 * senders and attachments — for any number of conversations in eight statements. Lists stay
 * constant-query because the aggregates (last message ids, unread count) live on the conversation row.
 */
export async function loadConversationDetails(
  db: Db,
  accountId: number,
  conversations: Conversation[],
): Promise<ConversationDetails[]> {
  if (!conversations.length) return [];
  const messageIds = conversations
    .flatMap((c) => [c.last_message_id, c.last_non_activity_message_id])
    .filter((id): id is number => id !== null);
  const messages: Message[] = messageIds.length
    ? await db
        .selectFrom('messages')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', 'in', [...new Set(messageIds)])
        .execute()
    : [];
  const senders = senderIds(messages);
  const ids = (pick: (c: Conversation) => number | null) =>
    conversations.map(pick).filter((id): id is number => id !== null);

  const [contacts, contactInboxes, inboxes, users, bots, teams, attachments] = await Promise.all([
    loadContacts(db, accountId, [...ids((c) => c.contact_id), ...senders.contacts]),
    ids((c) => c.contact_inbox_id).length
      ? db
          .selectFrom('contact_inboxes')
          .selectAll()
          .where('account_id', '=', accountId)
          .where(
            'id',
            'in',
            ids((c) => c.contact_inbox_id),
          )
          .execute()
      : Promise.resolve([] as ContactInbox[]),
    db
      .selectFrom('inboxes')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', 'in', [...new Set(ids((c) => c.inbox_id))])
      .execute(),
    loadUsers(db, accountId, [...ids((c) => c.assignee_id), ...senders.users]),
    loadBots(db, accountId, [...ids((c) => c.assignee_agent_bot_id), ...senders.bots]),
    ids((c) => c.team_id).length
      ? db
          .selectFrom('teams')
          .selectAll()
          .where('account_id', '=', accountId)
          .where('id', 'in', [...new Set(ids((c) => c.team_id))])
          .execute()
      : Promise.resolve([] as Team[]),
    loadAttachments(
      db,
      accountId,
      messages.map((m) => m.id),
    ),
  ]);
  const messageDetails = byId(
    attachDetails(messages, { users, contacts, bots, attachments }).map((d) => ({ ...d, id: d.message.id })),
  );
  const contactInboxById = byId(contactInboxes);
  const inboxById = byId(inboxes);
  const teamById = byId(teams);

  return conversations.map((conversation) => ({
    conversation,
    contact: contacts.get(conversation.contact_id)!,
    contactInbox: conversation.contact_inbox_id ? contactInboxById.get(conversation.contact_inbox_id) : undefined,
    inbox: inboxById.get(conversation.inbox_id)!,
    assignee: conversation.assignee_id ? users.get(conversation.assignee_id) : undefined,
    assigneeBot: conversation.assignee_agent_bot_id ? bots.get(conversation.assignee_agent_bot_id) : undefined,
    team: conversation.team_id ? teamById.get(conversation.team_id) : undefined,
    lastMessage: conversation.last_message_id ? messageDetails.get(conversation.last_message_id) : undefined,
    lastNonActivityMessage: conversation.last_non_activity_message_id
      ? messageDetails.get(conversation.last_non_activity_message_id)
      : undefined,
  }));
}
