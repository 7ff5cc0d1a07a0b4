import { Type, type Static } from 'typebox';
import type { ConversationDetails } from '../../../domain/conversations/details.ts';
import { toChatwootStatus } from '../../../domain/conversations/status.ts';
import { AgentSchema, presentAgent } from './agent.ts';
import { ContactSchema, presentContact } from './contact.ts';
import { MessagePushSchema, presentMessagePush, type ConversationSummary } from './message.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';
import { TeamSchema, presentTeam } from './team.ts';
import { iso, unix, unixFloat } from './time.ts';

export const UNREAD_CAP = 10;

export const AgentBotSlimSchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  description: Nullable(Type.String()),
  thumbnail: Type.String(),
  outgoing_url: Nullable(Type.String()),
  bot_type: Type.String(),
});

export const ConversationSchema = Type.Object({
  meta: Type.Object({
    sender: ContactSchema,
    channel: Type.String(),
    assignee: Type.Optional(Type.Union([AgentSchema, AgentBotSlimSchema])),
    assignee_type: Type.Optional(Type.String()),
    team: Type.Optional(TeamSchema),
    hmac_verified: Nullable(Type.Boolean()),
  }),
  id: Type.Integer(),
  messages: Type.Array(MessagePushSchema),
  account_id: Type.Integer(),
  uuid: Type.String(),
  additional_attributes: FreeObject,
  agent_last_seen_at: Type.Integer(),
  assignee_last_seen_at: Type.Integer(),
  can_reply: Type.Boolean(),
  contact_last_seen_at: Type.Integer(),
  custom_attributes: FreeObject,
  inbox_id: Type.Integer(),
  labels: Type.Array(Type.String()),
  muted: Type.Boolean(),
  snoozed_until: Nullable(Type.String()),
  status: Type.String(),
  created_at: Type.Integer(),
  updated_at: Type.Number(),
  timestamp: Type.Integer(),
  first_reply_created_at: Type.Integer(),
  unread_count: Type.Integer(),
  last_non_activity_message: Nullable(MessagePushSchema),
  last_activity_at: Type.Integer(),
  priority: Nullable(Type.String()),
  waiting_since: Type.Integer(),
  sla_policy_id: Nullable(Type.Integer()),
});
export type ConversationJson = Static<typeof ConversationSchema>;

export function conversationSummary(details: ConversationDetails): ConversationSummary {
  const c = details.conversation;
  return {
    displayId: c.display_id,
    assigneeId: c.assignee_id,
    unreadCount: Math.min(c.unread_incoming_count, UNREAD_CAP),
    lastActivityAt: c.last_activity_at,
    sourceId: details.contactInbox?.source_id ?? null,
  };
}

/** The API shape (list, show, create, update, filter, contact conversations). */
export function presentConversation(
  details: ConversationDetails,
  options: { publicUrl: string; userId?: number },
): ConversationJson {
  const c = details.conversation;
  const summary = conversationSummary(details);
  const meta: ConversationJson['meta'] = {
    sender: presentContact(details.contact),
    channel: details.inbox.channel_type,
    hmac_verified: details.contactInbox?.hmac_verified ?? false,
  };
  if (details.assignee?.account_id) {
    meta.assignee = presentAgent(details.assignee as Parameters<typeof presentAgent>[0]);
    meta.assignee_type = 'User';
  } else if (details.assigneeBot) {
    const bot = details.assigneeBot;
    meta.assignee = {
      id: bot.id,
      name: bot.name,
      description: bot.description,
      thumbnail: bot.avatar_url ?? '',
      outgoing_url: bot.outgoing_url,
      bot_type: bot.bot_type,
    };
    meta.assignee_type = 'AgentBot';
  }
  if (details.team) meta.team = presentTeam(details.team, false);
  const last = details.lastMessage ? presentMessagePush(details.lastMessage, summary, options.publicUrl) : undefined;
  const lastNonActivity = details.lastNonActivityMessage
    ? presentMessagePush(details.lastNonActivityMessage, summary, options.publicUrl)
    : null;
  return {
    meta,
    id: c.display_id,
    messages: last ? [last] : [],
    account_id: c.account_id,
    uuid: c.uuid,
    additional_attributes: c.additional_attributes,
    agent_last_seen_at: unix(c.agent_last_seen_at),
    assignee_last_seen_at: unix(c.assignee_last_seen_at),
    can_reply: true,
    contact_last_seen_at: unix(c.contact_last_seen_at),
    custom_attributes: c.custom_attributes,
    inbox_id: c.inbox_id,
    labels: c.labels,
    muted: c.muted,
    snoozed_until: iso(c.snoozed_until),
    status: toChatwootStatus(c.status),
    created_at: unix(c.created_at),
    updated_at: unixFloat(c.updated_at),
    timestamp: unix(c.last_activity_at),
    first_reply_created_at: unix(c.first_reply_created_at),
    unread_count: summary.unreadCount,
    last_non_activity_message: lastNonActivity,
    last_activity_at: unix(c.last_activity_at),
    priority: c.priority,
    waiting_since: unix(c.waiting_since),
    sla_policy_id: null,
  };
}
