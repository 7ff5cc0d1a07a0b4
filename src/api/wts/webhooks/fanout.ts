import type { Db } from '../../../db/pool.ts';
import type { DomainEvent, Webhook } from '../../../db/types.ts';
import { MESSAGE_TYPE } from '../../../domain/messages/commands.ts';
import { contactsByIds, type ContactRow } from '../sessions-app/contact-list.ts';
import { sessionMessagesByIds, type SessionMessageRow } from '../sessions-app/messages.ts';
import { sessionsByIds, type SessionRow } from '../../../domain/conversations/with-public-ids.ts';
import { DISABLED, type WtsWebhookEvent } from '../sessions-app/webhooks.ts';
import { cardsByIds, type CardRow } from '../../../domain/crm/cards.ts';
import { presentCard } from '../presenters/card.ts';
import { presentContact } from '../presenters/contact.ts';
import { presentMessage } from '../presenters/message.ts';
import { presentSession } from '../presenters/session.ts';
import type { PlannedDelivery } from '../../../events/planners.ts';

type Changes = Record<string, { previous_value: unknown; current_value: unknown }>;
/** Conversation and contact events carry `changed_attributes`, message updates `previous_changes` (same shape). */
function changesOf(event: DomainEvent): Changes {
  const data = (event.data ?? {}) as Record<string, unknown>;
  return (data.changed_attributes ?? data.previous_changes ?? {}) as Changes;
}

/**
 * The WTS events an outbox event can become. A new message's direction decides between RECEIVED and SENT
 * once the message is loaded; private notes and activity messages are not WTS messages.
 */
function candidates(event: DomainEvent): WtsWebhookEvent[] {
  const status = changesOf(event).status?.current_value;
  switch (event.name) {
    case 'conversation.created':
      return ['SESSION_NEW'];
    case 'conversation.updated':
      return ['SESSION_UPDATE'];
    case 'conversation.status_changed':
      return status === 'resolved' ? ['SESSION_COMPLETE'] : [];
    case 'message.created':
      return ['MESSAGE_RECEIVED', 'MESSAGE_SENT'];
    case 'message.updated':
      return ['MESSAGE_UPDATED'];
    case 'contact.created':
      return ['CONTACT_NEW'];
    case 'contact.updated':
      return 'labels' in changesOf(event) ? ['CONTACT_UPDATE', 'CONTACT_TAG_UPDATE'] : ['CONTACT_UPDATE'];
    case 'card.created':
      return ['PANEL_CARD_NEW'];
    case 'card.updated':
      return 'step_id' in changesOf(event) ? ['PANEL_CARD_UPDATE', 'PANEL_CARD_STEP_CHANGE'] : ['PANEL_CARD_UPDATE'];
    default:
      return [];
  }
}

function messageEvent(message: SessionMessageRow | undefined): WtsWebhookEvent | undefined {
  if (!message || message.private || message.message_type === MESSAGE_TYPE.activity) return undefined;
  return message.message_type === MESSAGE_TYPE.incoming ? 'MESSAGE_RECEIVED' : 'MESSAGE_SENT';
}

interface Loaded {
  companies: Map<number, string>;
  sessions: Map<number, SessionRow>;
  messages: Map<number, SessionMessageRow>;
  contacts: Map<number, ContactRow>;
  cards: Map<number, CardRow>;
}

const cardIdOf = (event: DomainEvent): number | null => {
  const id = (event.data as { card_id?: unknown } | null)?.card_id;
  return typeof id === 'number' ? id : null;
};

const CONTACT_DETAILS = new Set(['Tags', 'CustomFields'] as const);

/** `content` of the envelope: the session, message or contact as the WTS API shows it; none if it is gone. */
function contentFor(
  name: WtsWebhookEvent,
  event: DomainEvent,
  data: Loaded,
  publicUrl: string,
): Record<string, unknown> | undefined {
  const companyId = data.companies.get(event.account_id)!;
  if (name.startsWith('SESSION_')) {
    const session = event.conversation_id ? data.sessions.get(event.conversation_id) : undefined;
    if (!session) return undefined;
    const relations = { contacts: new Map(), agents: new Map(), inboxes: new Map(), teams: new Map() };
    return presentSession(session, {
      companyId,
      dashboardUrl: `${publicUrl}/app/accounts/${event.account_id}`,
      include: new Set(),
      relations,
    });
  }
  if (name.startsWith('PANEL_CARD_')) {
    const id = cardIdOf(event);
    const card = id === null ? undefined : data.cards.get(id);
    return card ? presentCard(card, companyId) : undefined;
  }
  if (name.startsWith('MESSAGE_')) {
    const message = event.message_id ? data.messages.get(event.message_id) : undefined;
    return message ? presentMessage(message, publicUrl) : undefined;
  }
  const contact = event.contact_id ? data.contacts.get(event.contact_id) : undefined;
  return contact ? presentContact(contact, companyId, CONTACT_DETAILS) : undefined;
}

const camel = (key: string) => key.replace(/_([a-z])/g, (_, c: string) => c.toUpperCase());

/** What changed, by attribute: {attribute: {previousValue, currentValue}}; null for a creation. Card attributes take the card's WTS names (stepId, dueDate). */
function changeMetadata(event: DomainEvent): Record<string, unknown> | null {
  const changes = Object.entries(changesOf(event));
  if (!changes.length) return null;
  const name = event.name.startsWith('card.') ? camel : (key: string) => key;
  return Object.fromEntries(
    changes.map(([key, c]) => [name(key), { previousValue: c.previous_value, currentValue: c.current_value }]),
  );
}

async function load(db: Db, events: DomainEvent[]): Promise<Loaded> {
  const ids = (pick: (e: DomainEvent) => number | null) => [
    ...new Set(events.map(pick).filter((id): id is number => id !== null)),
  ];
  const accountIds = ids((e) => e.account_id);
  const [accounts, sessions] = await Promise.all([
    db.selectFrom('accounts').select(['id', 'uuid']).where('id', 'in', accountIds).execute(),
    sessionsByIds(
      db,
      ids((e) => (e.name.startsWith('conversation.') ? e.conversation_id : null)),
    ),
  ]);
  const messages = new Map<number, SessionMessageRow>();
  const contacts = new Map<number, ContactRow>();
  const cards = new Map<number, CardRow>();
  for (const accountId of accountIds) {
    const mine = (e: DomainEvent, prefix: string) => e.account_id === accountId && e.name.startsWith(prefix);
    const [m, c, k] = await Promise.all([
      sessionMessagesByIds(
        db,
        accountId,
        ids((e) => (mine(e, 'message.') ? e.message_id : null)),
      ),
      contactsByIds(
        db,
        accountId,
        ids((e) => (mine(e, 'contact.') ? e.contact_id : null)),
      ),
      cardsByIds(
        db,
        accountId,
        ids((e) => (mine(e, 'card.') ? cardIdOf(e) : null)),
      ),
    ]);
    m.forEach((row, id) => messages.set(id, row));
    c.forEach((row, id) => contacts.set(id, row));
    k.forEach((row, id) => cards.set(id, row));
  }
  return { companies: new Map(accounts.map((a) => [a.id, a.uuid])), sessions, messages, contacts, cards };
}

/**
 * WTS subscriptions (webhooks rows of dialect `wts`) receiving the events of a batch, each in WTS's envelope
 * `{eventType, date, content, changeMetadata}`. Subscriptions are found first; the data is loaded only for
 * events someone listens to, with a fixed number of statements per account in the batch.
 */
export async function planWtsDeliveries(
  db: Db,
  events: DomainEvent[],
  publicUrl: string,
  accountWebhooks: Webhook[],
): Promise<PlannedDelivery[]> {
  if (!events.length) return [];
  // A subscription its owner disabled hears nothing; one paused by failing deliveries queues (deliver.ts holds them).
  const subscriptions = accountWebhooks.filter(
    (s) => s.dialect === 'wts' && !(s.status === 'paused' && s.paused_reason === DISABLED),
  );
  if (!subscriptions.length) return [];
  const listens = (accountId: number, name: string) =>
    subscriptions.some((s) => s.account_id === accountId && s.subscriptions.includes(name));
  const wanted = events.filter((e) => candidates(e).some((name) => listens(e.account_id, name)));
  if (!wanted.length) return [];

  const data = await load(db, wanted);
  const planned: PlannedDelivery[] = [];
  for (const event of wanted) {
    const names =
      event.name === 'message.created'
        ? [messageEvent(event.message_id ? data.messages.get(event.message_id) : undefined)].filter(
            (n) => n !== undefined,
          )
        : candidates(event);
    for (const name of names) {
      const content = contentFor(name, event, data, publicUrl);
      if (!content) continue;
      const payload = {
        eventType: name,
        date: new Date(event.created_at).toISOString(),
        content,
        changeMetadata: changeMetadata(event),
      };
      for (const s of subscriptions) {
        if (s.account_id !== event.account_id || !s.subscriptions.includes(name)) continue;
        planned.push({
          event,
          targetType: 'webhook',
          targetId: s.id,
          url: s.url,
          secret: s.secret,
          eventName: name,
          payload,
        });
      }
    }
  }
  return planned;
}
