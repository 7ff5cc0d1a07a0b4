import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { MESSAGE_TYPE } from '../domain/messages/commands.ts';
import { ADAPTER_CHANNEL_TYPES } from './registry.ts';

/** NOTIFYed when sends are planned: the channel engine (jobs/channel-sends.ts) wakes and enqueues them. */
export const CHANNEL_SENDS_CHANNEL = 'switchboard_channel_sends';

/** A failed message set back to `sent` (Chatwoot's retry): its channel sends it again. */
function isRetry(event: DomainEvent): boolean {
  const status = (event.data as { previous_changes?: { status?: { previous_value?: unknown; current_value?: unknown } } }).previous_changes?.status;
  return status?.previous_value === 'failed' && status?.current_value === 'sent';
}

/**
 * In the fan-out's transaction (events/fanout.ts), so exactly once per event: every outgoing, public message
 * created in a channel adapter's inbox becomes a queued send (and a retried one is queued again).
 */
export async function planChannelSends(trx: Db, events: DomainEvent[]): Promise<void> {
  const messageIds = events
    .filter((e) => e.message_id !== null && (e.name === 'message.created' || (e.name === 'message.updated' && isRetry(e))))
    .map((e) => e.message_id!);
  if (!messageIds.length || !ADAPTER_CHANNEL_TYPES.length) return;
  const sendable = await trx
    .selectFrom('messages')
    .innerJoin('inboxes', 'inboxes.id', 'messages.inbox_id')
    .select(['messages.id', 'messages.account_id', 'messages.inbox_id'])
    .where('messages.id', 'in', messageIds)
    .where('messages.message_type', 'in', [MESSAGE_TYPE.outgoing, MESSAGE_TYPE.template])
    .where('messages.private', '=', false)
    .where('messages.status', '!=', 'failed')
    .where('inboxes.channel_type', 'in', ADAPTER_CHANNEL_TYPES)
    .execute();
  if (!sendable.length) return;
  await trx
    .insertInto('channel_sends')
    .values(sendable.map((m) => ({ message_id: m.id, account_id: m.account_id, inbox_id: m.inbox_id })))
    .onConflict((oc) =>
      oc.column('message_id').doUpdateSet({ status: 'queued', attempts: 0, last_error: null, updated_at: new Date() }).where('channel_sends.status', '=', 'failed'),
    )
    .execute();
  await sql`SELECT pg_notify(${CHANNEL_SENDS_CHANNEL}, '')`.execute(trx);
}
