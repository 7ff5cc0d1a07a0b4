import { Type, type Static } from 'typebox';
import type { AgentBot } from '../../../db/types.ts';
import type { MessageDetails, Sender } from '../../../domain/messages/details.ts';
import { presentUserPush } from './agent.ts';
import { AttachmentSchema, presentAttachment } from './attachment.ts';
import { presentContactPush } from './contact.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';
import { iso, unix } from './time.ts';

export const MESSAGE_TYPES = ['incoming', 'outgoing', 'activity', 'template'] as const;
export type MessageTypeName = (typeof MESSAGE_TYPES)[number];

export function presentBotPush(bot: AgentBot) {
  return { id: bot.id, name: bot.name, avatar_url: bot.avatar_url ?? '', type: 'agent_bot' as const };
}

export function presentSenderPush(sender: Sender | undefined) {
  if (!sender) return undefined;
  if (sender.type === 'User') return presentUserPush(sender.user, sender.user.availability_status ?? 'offline');
  if (sender.type === 'Contact') return presentContactPush(sender.contact);
  return presentBotPush(sender.bot);
}

export const MessageSchema = Type.Object({
  id: Type.Integer(),
  content: Nullable(Type.String()),
  inbox_id: Type.Integer(),
  echo_id: Type.Optional(Type.String()),
  conversation_id: Type.Integer(),
  message_type: Type.Integer(),
  content_type: Type.String(),
  status: Type.String(),
  content_attributes: FreeObject,
  created_at: Type.Integer(),
  private: Type.Boolean(),
  source_id: Nullable(Type.String()),
  sender: Type.Optional(FreeObject),
  attachments: Type.Optional(Type.Array(AttachmentSchema)),
});
export type MessageJson = Static<typeof MessageSchema>;

/** The API shape (messages list, create, update, delete). */
export function presentMessage(details: MessageDetails, displayId: number, publicUrl: string): MessageJson {
  const { message } = details;
  const json: MessageJson = {
    id: message.id,
    content: message.content,
    inbox_id: message.inbox_id,
    conversation_id: displayId,
    message_type: message.message_type,
    content_type: message.content_type,
    status: message.status,
    content_attributes: message.content_attributes,
    created_at: unix(message.created_at),
    private: message.private,
    source_id: message.source_id,
  };
  if (message.echo_id) json.echo_id = message.echo_id;
  const sender = presentSenderPush(details.sender);
  if (sender) json.sender = sender;
  if (details.attachments.length) json.attachments = details.attachments.map((a) => presentAttachment(a, publicUrl));
  return json;
}

export const MessagePushSchema = Type.Object(
  {
    id: Type.Integer(),
    content: Nullable(Type.String()),
    account_id: Type.Integer(),
    inbox_id: Type.Integer(),
    conversation_id: Type.Integer(),
    message_type: Type.Integer(),
    created_at: Type.Integer(),
    updated_at: Type.String(),
    private: Type.Boolean(),
    status: Type.String(),
    source_id: Nullable(Type.String()),
    content_type: Type.String(),
    content_attributes: FreeObject,
    sender_type: Nullable(Type.String()),
    sender_id: Nullable(Type.Integer()),
    external_source_ids: FreeObject,
    additional_attributes: FreeObject,
    processed_message_content: Nullable(Type.String()),
    sentiment: FreeObject,
    conversation: FreeObject,
    sender: Type.Optional(FreeObject),
    attachments: Type.Optional(Type.Array(AttachmentSchema)),
    echo_id: Type.Optional(Type.String()),
  },
  { additionalProperties: true },
);

export interface ConversationSummary {
  displayId: number;
  assigneeId: number | null;
  unreadCount: number;
  lastActivityAt: Date;
  sourceId: string | null;
}

/** The push shape: every column plus a conversation summary (inside conversations and realtime events). */
export function presentMessagePush(
  details: MessageDetails,
  conversation: ConversationSummary,
  publicUrl: string,
): Static<typeof MessagePushSchema> {
  const { message } = details;
  const json: Static<typeof MessagePushSchema> = {
    id: message.id,
    content: message.content,
    account_id: message.account_id,
    inbox_id: message.inbox_id,
    conversation_id: conversation.displayId,
    message_type: message.message_type,
    created_at: unix(message.created_at),
    updated_at: iso(message.updated_at)!,
    private: message.private,
    status: message.status,
    source_id: message.source_id,
    content_type: message.content_type,
    content_attributes: message.content_attributes,
    sender_type: message.sender_type,
    sender_id: message.sender_id,
    external_source_ids: message.external_source_ids,
    additional_attributes: message.additional_attributes,
    processed_message_content: message.content,
    sentiment: {},
    conversation: {
      assignee_id: conversation.assigneeId,
      unread_count: conversation.unreadCount,
      last_activity_at: unix(conversation.lastActivityAt),
      contact_inbox: { source_id: conversation.sourceId },
    },
  };
  const sender = presentSenderPush(details.sender);
  if (sender) json.sender = { ...sender };
  if (details.attachments.length) json.attachments = details.attachments.map((a) => presentAttachment(a, publicUrl));
  if (message.echo_id) json.echo_id = message.echo_id;
  return json;
}
