import type { Account, Contact, ContactInbox } from '../../../db/types.ts';
import type { ConversationDetails } from '../../../domain/conversations/details.ts';
import type { MessageDetails, Sender } from '../../../domain/messages/details.ts';
import { toChatwootStatus } from '../../../domain/conversations/status.ts';
import { presentUserPush } from './agent.ts';
import { presentAttachment } from './attachment.ts';
import { presentContactPush } from './contact.ts';
import { conversationSummary } from './conversation.ts';
import { MESSAGE_TYPES, presentBotPush, presentMessagePush } from './message.ts';
import { iso, unix, unixFloat } from './time.ts';

/** The raw contact inbox record, as push payloads carry it. */
function contactInboxRecord(ci: ContactInbox | undefined) {
  if (!ci) return null;
  return {
    id: ci.id,
    contact_id: ci.contact_id,
    inbox_id: ci.inbox_id,
    source_id: ci.source_id,
    created_at: iso(ci.created_at),
    updated_at: iso(ci.updated_at),
    hmac_verified: ci.hmac_verified,
    pubsub_token: ci.pubsub_token,
  };
}

/** The conversation push shape: webhooks, realtime events, and `conversation` inside message webhooks. */
export function conversationPush(details: ConversationDetails, publicUrl: string) {
  const c = details.conversation;
  const summary = conversationSummary(details);
  let assignee = null;
  let assigneeType = null;
  if (details.assignee) {
    assignee = presentUserPush(details.assignee, details.assignee.availability_status ?? 'offline');
    assigneeType = 'User';
  } else if (details.assigneeBot) {
    assignee = presentBotPush(details.assigneeBot);
    assigneeType = 'AgentBot';
  }
  return {
    additional_attributes: c.additional_attributes,
    can_reply: true,
    channel: details.inbox.channel_type,
    contact_inbox: contactInboxRecord(details.contactInbox),
    id: c.display_id,
    inbox_id: c.inbox_id,
    messages: details.lastNonActivityMessage
      ? [presentMessagePush(details.lastNonActivityMessage, summary, publicUrl)]
      : [],
    labels: c.labels,
    meta: {
      sender: presentContactPush(details.contact),
      assignee,
      assignee_type: assigneeType,
      team: details.team ? { id: details.team.id, name: details.team.name } : null,
      hmac_verified: details.contactInbox?.hmac_verified ?? false,
    },
    status: toChatwootStatus(c.status),
    custom_attributes: c.custom_attributes,
    snoozed_until: iso(c.snoozed_until),
    unread_count: summary.unreadCount,
    first_reply_created_at: iso(c.first_reply_created_at),
    priority: c.priority,
    waiting_since: unix(c.waiting_since),
    agent_last_seen_at: unix(c.agent_last_seen_at),
    contact_last_seen_at: unix(c.contact_last_seen_at),
    last_activity_at: unix(c.last_activity_at),
    timestamp: unix(c.last_activity_at),
    created_at: unix(c.created_at),
    updated_at: unixFloat(c.updated_at),
  };
}

export function contactWebhook(contact: Contact, account: Pick<Account, 'id' | 'name'>) {
  return {
    account: { id: account.id, name: account.name },
    additional_attributes: contact.additional_attributes,
    avatar: contact.avatar_url ?? '',
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url ?? '',
    blocked: contact.blocked,
  };
}

export function senderWebhook(sender: Sender | undefined, account: Pick<Account, 'id' | 'name'>) {
  if (!sender) return null;
  if (sender.type === 'Contact') return contactWebhook(sender.contact, account);
  if (sender.type === 'User')
    return { id: sender.user.id, name: sender.user.name, email: sender.user.email, type: 'user' };
  return { id: sender.bot.id, name: sender.bot.name, type: 'agent_bot' };
}

/** message_created / message_updated: message_type as a string here, ISO created_at. */
export function messageWebhook(
  message: MessageDetails,
  conversation: ConversationDetails,
  account: Pick<Account, 'id' | 'name'>,
  publicUrl: string,
) {
  const m = message.message;
  return {
    id: m.id,
    content: m.content,
    content_type: m.content_type,
    content_attributes: m.content_attributes,
    additional_attributes: m.additional_attributes,
    message_type: MESSAGE_TYPES[m.message_type],
    private: m.private,
    source_id: m.source_id,
    created_at: iso(m.created_at),
    account: { id: account.id, name: account.name },
    inbox: { id: conversation.inbox.id, name: conversation.inbox.name },
    sender: senderWebhook(message.sender, account),
    conversation: conversationPush(conversation, publicUrl),
    ...(message.attachments.length
      ? { attachments: message.attachments.map((a) => presentAttachment(a, publicUrl)) }
      : {}),
  };
}

/** conversation_updated's changed_attributes: a list of one-key objects. */
export function changedAttributesList(changes: Record<string, unknown> | undefined) {
  return Object.entries(changes ?? {}).map(([key, value]) => ({ [key]: value }));
}
