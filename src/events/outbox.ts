import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';

/** Core event names: dialect-neutral; each dialect's dispatcher names and shapes them its own way. */
export const EVENT_NAMES = [
  'conversation.created',
  'conversation.updated',
  'conversation.status_changed',
  'conversation.typing_on',
  'conversation.typing_off',
  'conversation.read',
  'message.created',
  'message.updated',
  'contact.created',
  'contact.updated',
  'contact.deleted',
  'inbox.created',
  'inbox.updated',
  'webwidget.triggered',
] as const;
export type EventName = (typeof EVENT_NAMES)[number];

export interface NewEvent {
  accountId: number;
  name: EventName;
  conversationId?: number | null;
  contactId?: number | null;
  messageId?: number | null;
  inboxId?: number | null;
  /** Changed attributes ({attr: {previous_value, current_value}}), the performer, typing flags, ... */
  data?: Record<string, unknown>;
}

export const EVENTS_CHANNEL = 'switchboard_events';

/**
 * Writes an event in the caller's transaction: it exists exactly when the change it describes does.
 * The account row is locked to take the next sequence number, so seq order is commit order; the
 * NOTIFY is delivered at commit and wakes dispatchers in every process.
 */
export async function recordEvent(trx: Db, event: NewEvent): Promise<number> {
  const { last_event_seq: seq } = await trx
    .updateTable('accounts')
    .set({ last_event_seq: sql`last_event_seq + 1` })
    .where('id', '=', event.accountId)
    .returning('last_event_seq')
    .executeTakeFirstOrThrow();
  await trx
    .insertInto('events')
    .values({
      account_id: event.accountId,
      seq,
      name: event.name,
      conversation_id: event.conversationId ?? null,
      contact_id: event.contactId ?? null,
      message_id: event.messageId ?? null,
      inbox_id: event.inboxId ?? null,
      data: event.data ?? {},
    })
    .execute();
  await sql`SELECT pg_notify(${EVENTS_CHANNEL}, ${`${event.accountId}:${seq}`})`.execute(trx);
  return seq;
}

/** {attr: {previous_value, current_value}} for the attributes that differ. */
export function changedAttributes(before: Record<string, unknown>, after: Record<string, unknown>, keys: string[]) {
  const changes: Record<string, { previous_value: unknown; current_value: unknown }> = {};
  for (const key of keys) {
    const previous = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const current = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(previous) !== JSON.stringify(current)) changes[key] = { previous_value: previous ?? null, current_value: current ?? null };
  }
  return changes;
}
