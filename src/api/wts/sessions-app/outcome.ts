import { setTimeout as sleep } from 'node:timers/promises';
import type { Db } from '../../../db/pool.ts';
import type { Message } from '../../../db/types.ts';

/** WTS's send-sync waits at most this long for the channel's answer, then reports the latest state. */
export const SYNC_SEND_TIMEOUT_MS = 25_000;
const POLL_MS = 100;

/**
 * untracked: the channel took the message when it was stored; delivered: the channel accepted it;
 * retrying: the first attempt failed and is being retried; failed: the channel refused it for good;
 * waiting: no answer before the timeout.
 */
export interface HandOff {
  state: 'untracked' | 'delivered' | 'retrying' | 'failed' | 'waiting';
  error: string | null;
}

/**
 * Waits for the channel to take a sent message. For an API channel the channel IS its webhook URL: the
 * message goes out as the inbox's `message_created` delivery (events/fanout.ts, events/deliver.ts), and
 * its first attempt is the channel's answer. Other channels take the message when it is stored. Answers
 * when that attempt is recorded or when `timeoutMs` has passed, whichever is first.
 */
export async function awaitChannelHandOff(
  db: Db,
  message: Message,
  timeoutMs = SYNC_SEND_TIMEOUT_MS,
): Promise<HandOff> {
  const inbox = await db
    .selectFrom('inboxes')
    .select(['channel_type', 'webhook_url'])
    .where('account_id', '=', message.account_id)
    .where('id', '=', message.inbox_id)
    .executeTakeFirst();
  if (inbox?.channel_type !== 'Channel::Api' || !inbox.webhook_url) return { state: 'untracked', error: null };
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const delivery = await db
      .selectFrom('webhook_deliveries as d')
      .innerJoin('events as e', 'e.id', 'd.event_id')
      .select(['d.status', 'd.attempts', 'd.last_error'])
      .where('e.account_id', '=', message.account_id)
      .where('e.message_id', '=', message.id)
      .where('e.name', '=', 'message.created')
      .where('d.target_type', '=', 'inbox')
      .executeTakeFirst();
    if (delivery && (delivery.status !== 'pending' || delivery.attempts > 0)) {
      if (delivery.status === 'delivered') return { state: 'delivered', error: null };
      return { state: delivery.status === 'failed' ? 'failed' : 'retrying', error: delivery.last_error };
    }
    if (Date.now() >= deadline) return { state: 'waiting', error: null };
    await sleep(Math.min(POLL_MS, Math.max(0, deadline - Date.now())));
  }
}
