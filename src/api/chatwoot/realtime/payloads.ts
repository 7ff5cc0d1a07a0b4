import type { DomainEvent } from '../../../db/types.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import { presentUserPush } from '../presenters/agent.ts';
import { presentContactPush } from '../presenters/contact.ts';
import { conversationSummary } from '../presenters/conversation.ts';
import { presentMessagePush } from '../presenters/message.ts';
import { conversationPush } from '../presenters/webhook.ts';
import { typingSubject, type EventContext } from '../events/context.ts';
import { realtimeNames } from '../events/names.ts';
import type { Audience, RealtimeFrame, ResyncReason } from '../../../realtime/renderer.ts';

export type { Audience, RealtimeFrame, ResyncReason };

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
 * Chatwoot's ActionCable frames for one outbox event: push-shaped data plus `account_id`, built once and
 * sent to every subscriber allowed to see it. The data comes from the batch's EventContext, read as the
 * rows are now (latest wins).
 */
export function realtimeFrames(
  event: DomainEvent,
  ctx: EventContext,
  publicUrl: string,
): { frames: RealtimeFrame[]; audience: Audience } {
  const data = event.data as Record<string, any>;
  const account_id = event.account_id;
  const audience: Audience = { inboxId: event.inbox_id, contactInboxId: null, contactVisible: false };
  const frames: RealtimeFrame[] = [];
  const conversation = event.conversation_id ? ctx.conversations.get(event.conversation_id) : undefined;
  if (event.conversation_id && !conversation) return { frames, audience };
  if (conversation) {
    audience.inboxId = conversation.conversation.inbox_id;
    audience.contactInboxId = conversation.conversation.contact_inbox_id;
  }
  const push = () => ({ ...conversationPush(conversation!, publicUrl), account_id });
  const names = realtimeNames(event);
  const frame = (payload: Record<string, unknown>) => {
    for (const name of names) frames.push({ event: name, data: payload, seq: event.seq });
  };

  switch (event.name) {
    case 'conversation.created':
    case 'conversation.status_changed':
    case 'conversation.updated':
      frame(push());
      audience.contactVisible = true;
      break;
    case 'conversation.read':
      frame(push());
      break;
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const subject = typingSubject(event, ctx);
      const user =
        subject?.type === 'Contact'
          ? presentContactPush(subject.contact)
          : subject
            ? presentUserPush(subject.user, subject.user.availability_status ?? 'offline')
            : null;
      frame({ conversation: push(), user, is_private: Boolean(data.is_private), account_id });
      audience.contactVisible = !data.is_private;
      break;
    }
    case 'message.created':
    case 'message.updated': {
      const details = event.message_id ? ctx.messages.get(event.message_id) : undefined;
      if (!details || !conversation) break;
      const payload: Record<string, unknown> = {
        ...presentMessagePush(details, conversationSummary(conversation), publicUrl),
        account_id,
      };
      if (event.name === 'message.updated') payload.previous_changes = data.previous_changes ?? {};
      frame(payload);
      audience.contactVisible = !details.message.private && details.message.message_type !== MESSAGE_TYPE.activity;
      break;
    }
    case 'contact.created':
    case 'contact.updated': {
      const contact = event.contact_id ? ctx.contacts.get(event.contact_id) : undefined;
      if (contact) frame({ ...presentContactPush(contact), account_id });
      audience.inboxId = null;
      break;
    }
    case 'contact.deleted':
      frame({ id: event.contact_id, account_id });
      audience.inboxId = null;
      break;
  }
  if (!CONTACT_EVENTS.has(event.name)) audience.contactVisible = false;
  return { frames, audience };
}

/**
 * Switchboard's addition, sent on the subscription instead of a replay that cannot be made whole: events
 * after `cursor` up to `latest_seq` are not sent; the client reloads what it shows (over the REST API)
 * and takes `latest_seq` as its cursor; live frames follow. Chatwoot's own clients ignore event names
 * they do not know, so the frame is harmless to them.
 */
export function resyncFrame(accountId: number, reason: ResyncReason, cursor: number, latestSeq: number): RealtimeFrame {
  return { event: 'resync.required', data: { account_id: accountId, reason, cursor, latest_seq: latestSeq } };
}
