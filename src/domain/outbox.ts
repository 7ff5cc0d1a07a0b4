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
  // CRM cards (data.card_id, and changed_attributes on updates; a step change is a move)
  'card.created',
  'card.updated',
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

/** Also named in the database's record_events function (migration 20261203090000). */
export const EVENTS_CHANNEL = 'switchboard_events';

/**
 * Writes events of one account in the caller's transaction, in one statement (the database's
 * `record_events`): they exist exactly when the change they describe does. The account row is locked to
 * take the next sequence numbers, so seq order is commit order; the NOTIFY ("account:last seq") is
 * delivered at commit and wakes dispatchers in every process. Answers the events' sequence numbers.
 */
export async function recordEvents(
  trx: Db,
  accountId: number,
  events: Omit<NewEvent, 'accountId'>[],
): Promise<number[]> {
  if (!events.length) return [];
  const column = <T>(pick: (e: Omit<NewEvent, 'accountId'>) => T) => events.map(pick);
  const { rows } = await sql<{ first_seq: number; notify_channel: string; notify_payload: string }>`
    SELECT first_seq, notify_channel, notify_payload FROM record_events(${accountId}::bigint, ${column((e) => e.name)}::text[],
      ${column((e) => e.conversationId ?? null)}::bigint[], ${column((e) => e.contactId ?? null)}::bigint[],
      ${column((e) => e.messageId ?? null)}::bigint[], ${column((e) => e.inboxId ?? null)}::bigint[],
      ${column((e) => JSON.stringify(e.data ?? {}))}::jsonb[])`.execute(trx);
  // record_events answers one row, or raises when the account does not exist.
  const first = rows[0].first_seq;
  return events.map((_, i) => first + i);
}

/** One event; see recordEvents. */
export async function recordEvent(trx: Db, event: NewEvent): Promise<number> {
  const { accountId, ...rest } = event;
  return (await recordEvents(trx, accountId, [rest]))[0];
}

/** {attr: {previous_value, current_value}} for the attributes that differ. */
export function changedAttributes(before: Record<string, unknown>, after: Record<string, unknown>, keys: string[]) {
  const changes: Record<string, { previous_value: unknown; current_value: unknown }> = {};
  for (const key of keys) {
    const previous = before[key] instanceof Date ? (before[key] as Date).toISOString() : before[key];
    const current = after[key] instanceof Date ? (after[key] as Date).toISOString() : after[key];
    if (JSON.stringify(previous) !== JSON.stringify(current))
      changes[key] = { previous_value: previous ?? null, current_value: current ?? null };
  }
  return changes;
}
