import type { Db } from '../../../db/pool.ts';
import type { DomainEvent } from '../../../db/types.ts';
import { loadConversationDetails, type ConversationDetails } from '../../../domain/conversations/details.ts';
import { loadMessageDetails } from '../../../domain/messages/details.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import { presentUserPush } from '../presenters/agent.ts';
import { presentContactPush } from '../presenters/contact.ts';
import { conversationSummary } from '../presenters/conversation.ts';
import { presentMessagePush } from '../presenters/message.ts';
import { conversationPush } from '../presenters/webhook.ts';

export interface RealtimeFrame {
  event: string;
  data: Record<string, unknown>;
  seq: number;
}

/** What a realtime frame is about, so the hub can tell who may see it. */
export interface Audience {
  inboxId: number | null;
  contactInboxId: number | null;
  /** Private notes and activity messages never reach contacts. */
  contactVisible: boolean;
}

const CONTACT_EVENTS = new Set([
  'conversation.created',
  'conversation.status_changed',
  'conversation.updated',
  'conversation.typing_on',
  'conversation.typing_off',
  'message.created',
  'message.updated',
]);

/**
 * Chatwoot's ActionCable events for one outbox event: push-shaped data plus `account_id`, built once
 * and sent to every subscriber allowed to see it. The conversation is read as it is now (latest wins).
 */
export async function realtimeFrames(db: Db, event: DomainEvent, publicUrl: string): Promise<{ frames: RealtimeFrame[]; audience: Audience }> {
  const data = event.data as Record<string, any>;
  const frames: RealtimeFrame[] = [];
  const account_id = event.account_id;
  const audience: Audience = { inboxId: event.inbox_id, contactInboxId: null, contactVisible: false };
  let conversation: ConversationDetails | undefined;
  if (event.conversation_id) {
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', event.conversation_id).executeTakeFirst();
    if (!row) return { frames, audience };
    [conversation] = await loadConversationDetails(db, account_id, [row]);
    audience.inboxId = row.inbox_id;
    audience.contactInboxId = row.contact_inbox_id;
  }
  const push = () => ({ ...conversationPush(conversation!, publicUrl), account_id });
  const frame = (name: string, payload: Record<string, unknown>) => frames.push({ event: name, data: payload, seq: event.seq });

  switch (event.name) {
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.read':
      frame(event.name, push());
      audience.contactVisible = event.name !== 'conversation.read';
      break;
    case 'conversation.updated': {
      frame('conversation.updated', push());
      const changes = data.changed_attributes ?? {};
      if ('assignee_id' in changes || 'assignee_agent_bot_id' in changes) frame('assignee.changed', push());
      if ('team_id' in changes) frame('team.changed', push());
      audience.contactVisible = true;
      break;
    }
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const performer = data.performer as { type: string; id: number } | undefined;
      let user: unknown = null;
      if (performer?.type === 'Contact') user = presentContactPush(conversation!.contact);
      else if (performer?.type === 'User') {
        const row = await db.selectFrom('users').select(['id', 'name', 'display_name', 'avatar_url']).where('id', '=', performer.id).executeTakeFirst();
        user = row ? presentUserPush(row) : null;
      }
      frame(event.name, { conversation: push(), user, is_private: Boolean(data.is_private), account_id });
      audience.contactVisible = !data.is_private;
      break;
    }
    case 'message.created':
    case 'message.updated': {
      const message = await db.selectFrom('messages').selectAll().where('id', '=', event.message_id!).executeTakeFirst();
      if (!message) break;
      const [details] = await loadMessageDetails(db, account_id, [message]);
      const payload: Record<string, unknown> = { ...presentMessagePush(details, conversationSummary(conversation!), publicUrl), account_id };
      if (event.name === 'message.updated') payload.previous_changes = data.previous_changes ?? {};
      frame(event.name, payload);
      audience.contactVisible = !message.private && message.message_type !== MESSAGE_TYPE.activity;
      break;
    }
    case 'contact.created':
    case 'contact.updated': {
      const contact = await db.selectFrom('contacts').selectAll().where('id', '=', event.contact_id!).executeTakeFirst();
      if (contact) frame(event.name, { ...presentContactPush(contact), account_id });
      audience.inboxId = null;
      break;
    }
    case 'contact.deleted':
      frame('contact.deleted', { id: event.contact_id, account_id });
      audience.inboxId = null;
      break;
  }
  if (!CONTACT_EVENTS.has(event.name)) audience.contactVisible = false;
  return { frames, audience };
}
