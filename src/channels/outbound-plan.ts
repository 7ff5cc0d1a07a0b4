import { sql } from 'kysely';
import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { MESSAGE_TYPE } from '../domain/messages/commands.ts';
import { ADAPTER_CHANNEL_TYPES } from './registry.ts';

/** NOTIFYed when sends are planned: the channel engine (jobs/channel-sends.ts) wakes and enqueues them. */
export const CHANNEL_SENDS_CHANNEL = 'switchboard_channel_sends';

type Change = { previous_value?: unknown; current_value?: unknown };
const changes = (event: DomainEvent) =>
  (event.data as { previous_changes?: Record<string, Change> }).previous_changes ?? {};

/** A failed message set back to `sent` (Chatwoot's retry): its channel sends it again. */
function isRetry(event: DomainEvent): boolean {
  const status = changes(event).status;
  return status?.previous_value === 'failed' && status?.current_value === 'sent';
}

/** An agent deleted the message (softDeleteMessage): its channel removes it where the provider allows. */
function isDeletion(event: DomainEvent): boolean {
  return (changes(event).content_attributes?.current_value as { deleted?: unknown } | undefined)?.deleted === true;
}

/** Outgoing, public messages among `ids` in a channel adapter's inboxes (`sent`: only those the provider has). */
async function channelMessages(trx: Db, ids: number[], sent: boolean) {
  if (!ids.length || !ADAPTER_CHANNEL_TYPES.length) return [];
  return trx
    .selectFrom('messages')
    .innerJoin('inboxes', 'inboxes.id', 'messages.inbox_id')
    .select(['messages.id', 'messages.account_id', 'messages.inbox_id'])
    .where('messages.id', 'in', ids)
    .where('messages.message_type', 'in', [MESSAGE_TYPE.outgoing, MESSAGE_TYPE.template])
    .where('messages.private', '=', false)
    .where('inboxes.channel_type', 'in', ADAPTER_CHANNEL_TYPES)
    .$if(sent, (q) => q.where('messages.source_id', 'is not', null))
    .$if(!sent, (q) => q.where('messages.status', '!=', 'failed'))
    .execute();
}

/**
 * In the fan-out's transaction (events/fanout.ts), so exactly once per event: every outgoing, public message
 * created in a channel adapter's inbox becomes a queued send (a retried one is queued again), and a deleted one
 * that the provider has becomes a queued removal.
 */
export async function planChannelSends(trx: Db, events: DomainEvent[]): Promise<void> {
  const withMessage = events.filter((e) => e.message_id !== null);
  const sends = await channelMessages(
    trx,
    withMessage
      .filter((e) => e.name === 'message.created' || (e.name === 'message.updated' && isRetry(e)))
      .map((e) => e.message_id!),
    false,
  );
  const removals = await channelMessages(
    trx,
    withMessage.filter((e) => e.name === 'message.updated' && isDeletion(e)).map((e) => e.message_id!),
    true,
  );
  if (sends.length) {
    await trx
      .insertInto('channel_sends')
      .values(sends.map((m) => ({ message_id: m.id, account_id: m.account_id, inbox_id: m.inbox_id })))
      .onConflict((oc) =>
        oc
          .column('message_id')
          .doUpdateSet({ status: 'queued', attempts: 0, last_error: null, updated_at: new Date() })
          .where('channel_sends.status', '=', 'failed'),
      )
      .execute();
  }
  if (removals.length) {
    await trx
      .insertInto('channel_sends')
      .values(
        removals.map((m) => ({
          message_id: m.id,
          account_id: m.account_id,
          inbox_id: m.inbox_id,
          action: 'delete' as const,
        })),
      )
      .onConflict((oc) =>
        oc
          .column('message_id')
          .doUpdateSet({ action: 'delete', status: 'queued', attempts: 0, last_error: null, updated_at: new Date() }),
      )
      .execute();
  }
  if (sends.length || removals.length) await sql`SELECT pg_notify(${CHANNEL_SENDS_CHANNEL}, '')`.execute(trx);
}
