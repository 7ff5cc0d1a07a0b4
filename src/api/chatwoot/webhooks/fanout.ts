import type { Db } from '../../../db/pool.ts';
import type { DeliveryTarget, DomainEvent } from '../../../db/types.ts';
import { loadConversationDetails, type ConversationDetails } from '../../../domain/conversations/details.ts';
import { loadMessageDetails } from '../../../domain/messages/details.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import { changedAttributesList, contactWebhook, conversationPush, messageWebhook, senderWebhook } from '../presenters/webhook.ts';
import { presentUserPush } from '../presenters/agent.ts';

export interface PlannedDelivery {
  targetType: DeliveryTarget;
  targetId: number;
  url: string;
  secret: string | null;
  eventName: string;
  payload: Record<string, unknown>;
}

const CONVERSATION_EVENTS = new Set(['conversation_created', 'conversation_updated', 'conversation_status_changed', 'conversation_typing_on', 'conversation_typing_off', 'message_created', 'message_updated', 'webwidget_triggered']);
const BOT_EVENTS = new Set(['message_created', 'message_updated', 'conversation_opened', 'conversation_resolved', 'webwidget_triggered']);

interface Built {
  /** Chatwoot event name → payload (without the `event` key). */
  payloads: Map<string, Record<string, unknown>>;
  inboxId: number | null;
  conversation?: ConversationDetails;
}

async function build(db: Db, event: DomainEvent, publicUrl: string): Promise<Built | undefined> {
  const account = await db.selectFrom('accounts').select(['id', 'name']).where('id', '=', event.account_id).executeTakeFirstOrThrow();
  const payloads = new Map<string, Record<string, unknown>>();
  const data = event.data as Record<string, any>;
  let conversation: ConversationDetails | undefined;
  if (event.conversation_id) {
    const row = await db.selectFrom('conversations').selectAll().where('id', '=', event.conversation_id).executeTakeFirst();
    if (!row) return undefined; // deleted since: nothing left to describe
    [conversation] = await loadConversationDetails(db, event.account_id, [row]);
  }
  switch (event.name) {
    case 'conversation.created':
      payloads.set('conversation_created', conversationPush(conversation!, publicUrl));
      break;
    case 'conversation.updated':
      payloads.set('conversation_updated', { ...conversationPush(conversation!, publicUrl), changed_attributes: changedAttributesList(data.changed_attributes) });
      break;
    case 'conversation.status_changed': {
      const push = conversationPush(conversation!, publicUrl);
      payloads.set('conversation_status_changed', { ...push, changed_attributes: null });
      const status = data.changed_attributes?.status?.current_value;
      if (status === 'open') payloads.set('conversation_opened', push);
      if (status === 'resolved') payloads.set('conversation_resolved', push);
      break;
    }
    case 'conversation.typing_on':
    case 'conversation.typing_off': {
      const performer = data.performer as { type: string; id: number } | undefined;
      let user: unknown = null;
      if (performer?.type === 'User') {
        const u = await db.selectFrom('users').select(['id', 'name', 'display_name', 'avatar_url']).where('id', '=', performer.id).executeTakeFirst();
        user = u ? presentUserPush(u) : null;
      } else if (performer?.type === 'Contact') {
        user = senderWebhook({ type: 'Contact', contact: conversation!.contact }, account);
      }
      payloads.set(event.name === 'conversation.typing_on' ? 'conversation_typing_on' : 'conversation_typing_off', {
        user,
        conversation: conversationPush(conversation!, publicUrl),
        is_private: Boolean(data.is_private),
      });
      break;
    }
    case 'message.created':
    case 'message.updated': {
      const message = await db.selectFrom('messages').selectAll().where('id', '=', event.message_id!).executeTakeFirst();
      if (!message || message.message_type === MESSAGE_TYPE.activity) break; // activity messages never produce webhooks
      const [details] = await loadMessageDetails(db, event.account_id, [message]);
      payloads.set(event.name === 'message.created' ? 'message_created' : 'message_updated', messageWebhook(details, conversation!, account, publicUrl));
      break;
    }
    case 'contact.created':
    case 'contact.updated': {
      const contact = await db.selectFrom('contacts').selectAll().where('id', '=', event.contact_id!).executeTakeFirst();
      if (!contact) break;
      const body = contactWebhook(contact, account);
      if (event.name === 'contact.created') payloads.set('contact_created', body);
      else payloads.set('contact_updated', { ...body, changed_attributes: changedAttributesList(data.changed_attributes) });
      break;
    }
  }
  return { payloads, inboxId: event.inbox_id ?? conversation?.inbox.id ?? null, conversation };
}

/** Who receives an event, Chatwoot's way: account webhooks, the API inbox's webhook_url, the inbox's agent bot. */
export async function planChatwootDeliveries(db: Db, event: DomainEvent, publicUrl: string): Promise<PlannedDelivery[]> {
  const built = await build(db, event, publicUrl);
  if (!built || built.payloads.size === 0) return [];
  const planned: PlannedDelivery[] = [];
  const withEvent = (name: string) => ({ event: name, ...built.payloads.get(name)! });

  const webhooks = await db.selectFrom('webhooks').selectAll().where('account_id', '=', event.account_id).execute();
  for (const webhook of webhooks) {
    // A webhook limited to an inbox hears only that inbox's events.
    if (webhook.inbox_id && webhook.inbox_id !== built.inboxId) continue;
    for (const name of built.payloads.keys()) {
      if (webhook.subscriptions.includes(name)) {
        planned.push({ targetType: 'webhook', targetId: webhook.id, url: webhook.url, secret: webhook.secret, eventName: name, payload: withEvent(name) });
      }
    }
  }

  if (built.inboxId) {
    const inbox = await db.selectFrom('inboxes').select(['id', 'channel_type', 'webhook_url', 'hmac_token']).where('id', '=', built.inboxId).executeTakeFirst();
    if (inbox?.channel_type === 'Channel::Api' && inbox.webhook_url) {
      for (const name of built.payloads.keys()) {
        if (CONVERSATION_EVENTS.has(name)) {
          planned.push({ targetType: 'inbox', targetId: inbox.id, url: inbox.webhook_url, secret: inbox.hmac_token, eventName: name, payload: withEvent(name) });
        }
      }
    }
    const bots = await db
      .selectFrom('agent_bots as b')
      .leftJoin('agent_bot_inboxes as abi', 'abi.agent_bot_id', 'b.id')
      .select(['b.id', 'b.outgoing_url', 'b.uuid'])
      .where((eb) =>
        eb.or([
          eb('abi.inbox_id', '=', built.inboxId!),
          ...(built.conversation?.conversation.assignee_agent_bot_id ? [eb('b.id', '=', built.conversation.conversation.assignee_agent_bot_id)] : []),
        ]),
      )
      .execute();
    for (const bot of new Map(bots.map((b) => [b.id, b])).values()) {
      if (!bot.outgoing_url) continue;
      for (const name of built.payloads.keys()) {
        if (BOT_EVENTS.has(name)) {
          planned.push({ targetType: 'agent_bot', targetId: bot.id, url: bot.outgoing_url, secret: null, eventName: name, payload: withEvent(name) });
        }
      }
    }
  }
  return planned;
}
