import type { Db } from '../../../db/pool.ts';
import type { Contact, ContactInbox, Conversation, DomainEvent, Message } from '../../../db/types.ts';
import { loadConversationDetails, type ConversationDetails } from '../../../domain/conversations/details.ts';
import {
  loadMessageDetails,
  loadUsers,
  type MessageDetails,
  type UserWithMembership,
} from '../../../domain/messages/details.ts';
import { typingPerformer } from './names.ts';

/** Everything the Chatwoot presenters need for a batch of events, read once for webhooks and realtime alike. */
export interface EventContext {
  accounts: Map<number, { id: number; name: string }>;
  conversations: Map<number, ConversationDetails>;
  messages: Map<number, MessageDetails>;
  contacts: Map<number, Contact>;
  /** Contact inboxes and inboxes named by widget events (`webwidget.triggered`). */
  contactInboxes: Map<number, ContactInbox>;
  inboxes: Map<number, { id: number; name: string }>;
  /** Typing performers, by account then user id (membership fields are per account). */
  users: Map<number, Map<number, UserWithMembership>>;
}

const ids = (values: (number | null | undefined)[]) => [
  ...new Set(values.filter((v): v is number => typeof v === 'number')),
];

/**
 * Reads the data of a batch of events in a fixed number of statements per account. `conversationRows`
 * may hand over conversations the caller already read, so they are not read twice. A message event
 * about a conversation's latest message (the usual case) takes the message from the conversation's
 * details, and a conversation's contact comes with the conversation.
 */
export async function loadEventContext(
  db: Db,
  events: DomainEvent[],
  conversationRows?: Conversation[],
): Promise<EventContext> {
  const ctx: EventContext = {
    accounts: new Map(),
    conversations: new Map(),
    messages: new Map(),
    contacts: new Map(),
    contactInboxes: new Map(),
    inboxes: new Map(),
    users: new Map(),
  };
  if (!events.length) return ctx;
  const conversationIds = ids(events.map((e) => e.conversation_id));
  const known = new Map((conversationRows ?? []).map((c) => [c.id, c]));
  const missing = conversationIds.filter((id) => !known.has(id));
  const widgetEvents = events.filter((e) => e.name === 'webwidget.triggered');
  const contactInboxIds = ids(widgetEvents.map((e) => (e.data as any)?.contact_inbox_id));
  const inboxIds = ids(widgetEvents.map((e) => e.inbox_id));
  const contactIds = ids(
    events
      .filter((e) => !e.conversation_id || e.name.startsWith('contact.') || e.name === 'webwidget.triggered')
      .map((e) => e.contact_id),
  );
  const [accounts, conversations, contacts, contactInboxes, inboxes] = await Promise.all([
    db
      .selectFrom('accounts')
      .select(['id', 'name'])
      .where('id', 'in', ids(events.map((e) => e.account_id)))
      .execute(),
    missing.length
      ? db.selectFrom('conversations').selectAll().where('id', 'in', missing).execute()
      : Promise.resolve([]),
    contactIds.length
      ? db.selectFrom('contacts').selectAll().where('id', 'in', contactIds).execute()
      : Promise.resolve([]),
    contactInboxIds.length
      ? db.selectFrom('contact_inboxes').selectAll().where('id', 'in', contactInboxIds).execute()
      : Promise.resolve([]),
    inboxIds.length
      ? db.selectFrom('inboxes').select(['id', 'name']).where('id', 'in', inboxIds).execute()
      : Promise.resolve([]),
  ]);
  for (const c of conversations) known.set(c.id, c);
  for (const a of accounts) ctx.accounts.set(a.id, a);
  for (const c of contacts) ctx.contacts.set(c.id, c);
  for (const ci of contactInboxes) ctx.contactInboxes.set(ci.id, ci);
  for (const inbox of inboxes) ctx.inboxes.set(inbox.id, inbox);

  await Promise.all(
    accounts.map(async ({ id: accountId }) => {
      const ofAccount = events.filter((e) => e.account_id === accountId);
      const performers = ids(ofAccount.map((e) => typingPerformer(e)).map((p) => (p?.type === 'User' ? p.id : null)));
      const [details, users] = await Promise.all([
        loadConversationDetails(
          db,
          accountId,
          conversationIds.map((id) => known.get(id)).filter((c): c is Conversation => c?.account_id === accountId),
        ),
        loadUsers(db, accountId, performers),
      ]);
      for (const d of details) {
        ctx.conversations.set(d.conversation.id, d);
        for (const latest of [d.lastMessage, d.lastNonActivityMessage])
          if (latest) ctx.messages.set(latest.message.id, latest);
      }
      ctx.users.set(accountId, users);
      const uncovered = ids(ofAccount.map((e) => e.message_id)).filter((id) => !ctx.messages.has(id));
      if (!uncovered.length) return;
      const rows: Message[] = await db
        .selectFrom('messages')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', 'in', uncovered)
        .execute();
      for (const m of await loadMessageDetails(db, accountId, rows)) ctx.messages.set(m.message.id, m);
    }),
  );
  return ctx;
}

/** The user or contact a typing event is about, found in the context. */
export function typingSubject(
  event: DomainEvent,
  ctx: EventContext,
): { type: 'User'; user: UserWithMembership } | { type: 'Contact'; contact: Contact } | undefined {
  const performer = typingPerformer(event);
  const conversation = event.conversation_id ? ctx.conversations.get(event.conversation_id) : undefined;
  if (performer?.type === 'Contact' && conversation) return { type: 'Contact', contact: conversation.contact };
  const user = performer?.type === 'User' ? ctx.users.get(event.account_id)?.get(performer.id) : undefined;
  return user ? { type: 'User', user } : undefined;
}
