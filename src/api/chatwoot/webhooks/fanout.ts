import type { Db } from '../../../db/pool.ts';
import type { AgentBot, Conversation, DeliveryTarget, DomainEvent, Inbox, Webhook } from '../../../db/types.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import {
  changedAttributesList,
  contactWebhook,
  conversationPush,
  messageWebhook,
  senderWebhook,
} from '../presenters/webhook.ts';
import { loadEventContext, typingSubject, type EventContext } from '../events/context.ts';
import { webhookNames } from '../events/names.ts';
import type { PlannedDelivery } from '../../../events/planners.ts';

const INBOX_WEBHOOK_EVENTS = new Set([
  'conversation_created',
  'conversation_updated',
  'conversation_status_changed',
  'conversation_typing_on',
  'conversation_typing_off',
  'message_created',
  'message_updated',
  'webwidget_triggered',
]);
const BOT_EVENTS = new Set([
  'message_created',
  'message_updated',
  'conversation_opened',
  'conversation_resolved',
  'webwidget_triggered',
]);
const ACCOUNT_EVENTS = new Set([
  'conversation_created',
  'conversation_updated',
  'conversation_status_changed',
  'conversation_typing_on',
  'conversation_typing_off',
  'message_created',
  'message_updated',
  'webwidget_triggered',
  'contact_created',
  'contact_updated',
  'inbox_created',
  'inbox_updated',
]);

interface Receiver {
  targetType: DeliveryTarget;
  targetId: number;
  url: string;
  secret: string | null;
  names: Set<string>;
}

/** Who listens in the accounts of one batch, loaded with a fixed number of statements. */
interface Listeners {
  webhooks: Webhook[];
  inboxes: Map<number, Pick<Inbox, 'id' | 'channel_type' | 'webhook_url' | 'hmac_token'>>;
  bots: { bot: Pick<AgentBot, 'id' | 'outgoing_url'>; inboxId: number | null }[];
}

function receiversFor(
  event: DomainEvent,
  ctx: Listeners,
  inboxId: number | null,
  botAssignee: number | null,
): Receiver[] {
  const names = webhookNames(event);
  const receivers: Receiver[] = [];
  for (const webhook of ctx.webhooks) {
    if (webhook.account_id !== event.account_id) continue;
    if (webhook.inbox_id && webhook.inbox_id !== inboxId) continue; // a webhook limited to an inbox hears only it
    const wanted = names.filter((n) => ACCOUNT_EVENTS.has(n) && webhook.subscriptions.includes(n));
    if (wanted.length)
      receivers.push({
        targetType: 'webhook',
        targetId: webhook.id,
        url: webhook.url,
        secret: webhook.secret,
        names: new Set(wanted),
      });
  }
  const inbox = inboxId ? ctx.inboxes.get(inboxId) : undefined;
  if (inbox?.channel_type === 'Channel::Api' && inbox.webhook_url) {
    const wanted = names.filter((n) => INBOX_WEBHOOK_EVENTS.has(n));
    if (wanted.length)
      receivers.push({
        targetType: 'inbox',
        targetId: inbox.id,
        url: inbox.webhook_url,
        secret: inbox.hmac_token,
        names: new Set(wanted),
      });
  }
  const bots = new Map<number, Pick<AgentBot, 'id' | 'outgoing_url'>>();
  for (const { bot, inboxId: attached } of ctx.bots)
    if ((attached !== null && attached === inboxId) || bot.id === botAssignee) bots.set(bot.id, bot);
  for (const bot of bots.values()) {
    const wanted = names.filter((n) => BOT_EVENTS.has(n));
    if (bot.outgoing_url && wanted.length)
      receivers.push({
        targetType: 'agent_bot',
        targetId: bot.id,
        url: bot.outgoing_url,
        secret: null,
        names: new Set(wanted),
      });
  }
  return receivers;
}

function payloadFor(
  name: string,
  event: DomainEvent,
  ctx: EventContext,
  publicUrl: string,
): Record<string, unknown> | undefined {
  const data = event.data as Record<string, any>;
  const account = ctx.accounts.get(event.account_id)!;
  const conversation = event.conversation_id ? ctx.conversations.get(event.conversation_id) : undefined;
  const push = () => conversationPush(conversation!, publicUrl);
  if (name.startsWith('conversation_') && !conversation) return undefined;
  switch (name) {
    case 'conversation_created':
    case 'conversation_opened':
    case 'conversation_resolved':
      return push();
    case 'conversation_updated':
      return { ...push(), changed_attributes: changedAttributesList(data.changed_attributes) };
    case 'conversation_status_changed':
      return { ...push(), changed_attributes: null };
    case 'conversation_typing_on':
    case 'conversation_typing_off':
      return {
        user: senderWebhook(typingSubject(event, ctx), account),
        conversation: push(),
        is_private: Boolean(data.is_private),
      };
    case 'message_created':
    case 'message_updated': {
      const message = event.message_id ? ctx.messages.get(event.message_id) : undefined;
      if (!message || !conversation || message.message.message_type === MESSAGE_TYPE.activity) return undefined; // activity never goes out
      return messageWebhook(message, conversation, account, publicUrl);
    }
    case 'contact_created':
    case 'contact_updated': {
      const contact = event.contact_id ? ctx.contacts.get(event.contact_id) : undefined;
      if (!contact) return undefined;
      const body = contactWebhook(contact, account);
      return name === 'contact_updated'
        ? { ...body, changed_attributes: changedAttributesList(data.changed_attributes) }
        : body;
    }
    case 'webwidget_triggered': {
      const contactInbox = ctx.contactInboxes.get(data.contact_inbox_id);
      const contact = event.contact_id ? ctx.contacts.get(event.contact_id) : undefined;
      const inbox = event.inbox_id ? ctx.inboxes.get(event.inbox_id) : undefined;
      if (!contactInbox || !inbox) return undefined;
      return {
        id: contactInbox.id,
        contact: contact ? contactWebhook(contact, account) : null,
        inbox: { id: inbox.id, name: inbox.name },
        account: { id: account.id, name: account.name },
        current_conversation: conversation ? push() : null,
        source_id: contactInbox.source_id,
        event_info: data.event_info ?? {},
      };
    }
  }
  return undefined;
}

async function loadListeners(db: Db, events: DomainEvent[], accountWebhooks: Webhook[]) {
  const conversationIds = [...new Set(events.map((e) => e.conversation_id).filter((id): id is number => id !== null))];
  const webhooks = accountWebhooks.filter((w) => w.dialect === 'chatwoot');
  const conversationRows = conversationIds.length
    ? await db.selectFrom('conversations').selectAll().where('id', 'in', conversationIds).execute()
    : [];
  const conversationById = new Map(conversationRows.map((c) => [c.id, c]));
  const inboxOf = new Map(
    events.map((e) => [
      e.id,
      e.conversation_id ? (conversationById.get(e.conversation_id)?.inbox_id ?? e.inbox_id) : e.inbox_id,
    ]),
  );
  const botOf = new Map(
    events.map((e) => [
      e.id,
      e.conversation_id ? (conversationById.get(e.conversation_id)?.assignee_agent_bot_id ?? null) : null,
    ]),
  );
  const inboxIds = [...new Set([...inboxOf.values()].filter((id): id is number => id !== null))];
  const [inboxes, bots] = await Promise.all([
    inboxIds.length
      ? db
          .selectFrom('inboxes')
          .select(['id', 'channel_type', 'webhook_url', 'hmac_token'])
          .where('id', 'in', inboxIds)
          .execute()
      : Promise.resolve([]),
    db
      .selectFrom('agent_bots as b')
      .leftJoin('agent_bot_inboxes as abi', 'abi.agent_bot_id', 'b.id')
      .select(['b.id', 'b.outgoing_url', 'abi.inbox_id'])
      .where((eb) => {
        const botIds = conversationRows.map((c) => c.assignee_agent_bot_id).filter((id): id is number => id !== null);
        const conditions = [];
        if (inboxIds.length) conditions.push(eb('abi.inbox_id', 'in', inboxIds));
        if (botIds.length) conditions.push(eb('b.id', 'in', botIds));
        return conditions.length ? eb.or(conditions) : eb.val(false);
      })
      .execute(),
  ]);
  const listeners: Listeners = {
    webhooks,
    inboxes: new Map(inboxes.map((i) => [i.id, i])),
    bots: bots.map((b) => ({ bot: { id: b.id, outgoing_url: b.outgoing_url }, inboxId: b.inbox_id })),
  };
  return { listeners, inboxOf, botOf, conversationRows: conversationRows as Conversation[] };
}

/**
 * Who receives each event of a batch, Chatwoot's way — account webhooks (by subscription), the API inbox's
 * webhook_url, the inbox's agent bot — and the payload each gets. Receivers are found first; only the
 * data for events someone listens to is loaded, for the whole batch at once.
 */
export async function planChatwootDeliveries(
  db: Db,
  events: DomainEvent[],
  publicUrl: string,
  accountWebhooks: Webhook[],
): Promise<PlannedDelivery[]> {
  if (!events.length) return [];
  const { listeners, inboxOf, botOf, conversationRows } = await loadListeners(db, events, accountWebhooks);
  const wanted = events
    .map((event) => ({
      event,
      receivers: receiversFor(event, listeners, inboxOf.get(event.id) ?? null, botOf.get(event.id) ?? null),
    }))
    .filter((w) => w.receivers.length);
  if (!wanted.length) return [];
  const ctx = await loadEventContext(
    db,
    wanted.map((w) => w.event),
    conversationRows,
  );

  const planned: PlannedDelivery[] = [];
  for (const { event, receivers } of wanted) {
    const payloads = new Map<string, Record<string, unknown> | undefined>();
    for (const receiver of receivers) {
      for (const name of receiver.names) {
        if (!payloads.has(name)) payloads.set(name, payloadFor(name, event, ctx, publicUrl));
        const payload = payloads.get(name);
        if (payload)
          planned.push({
            event,
            targetType: receiver.targetType,
            targetId: receiver.targetId,
            url: receiver.url,
            secret: receiver.secret,
            eventName: name,
            payload: { event: name, ...payload },
          });
      }
    }
  }
  return planned;
}
