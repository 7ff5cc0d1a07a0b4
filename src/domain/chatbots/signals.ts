import type { Db } from '../../db/pool.ts';
import type { DomainEvent } from '../../db/types.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import { deliverReply, stopRuns } from './runs.ts';
import { ACTIVE_RUN_STATUSES, chatbotDb } from './tables.ts';

interface Performed {
  performer?: { type?: string };
  changed_attributes?: Record<string, { current_value: unknown }>;
}

/** People (an agent, or the contact closing it) act on the session: the bot steps aside. */
const TAKERS = new Set(['User', 'Contact']);

function takeoverBy(event: DomainEvent): string | undefined {
  const data = event.data as Performed;
  const by = data.performer?.type;
  if (!by || !TAKERS.has(by)) return undefined;
  if (event.name === 'conversation.status_changed')
    return `${by === 'User' ? 'an agent' : 'the contact'} changed the session status`;
  if (event.name === 'conversation.updated' && data.changed_attributes?.assignee_id?.current_value)
    return 'an agent was assigned to the session';
  return undefined;
}

/**
 * The outbox's part in the chatbot engine, run in the event fan-out transaction (src/events/fanout.ts), so
 * each event is looked at exactly once, from whichever dialect or channel it came:
 * - the contact's message in a session whose bot waits for a reply queues the run with the reply;
 * - an agent's message, an agent assignment or a status change by a person stops the session's bot.
 * Constant statements per batch: active runs of the batch's sessions, then their messages.
 */
export async function planChatbotSignals(trx: Db, events: DomainEvent[]): Promise<void> {
  const conversationIds = [...new Set(events.map((e) => e.conversation_id).filter((id): id is number => id !== null))];
  if (!conversationIds.length) return;
  const runs = await chatbotDb(trx)
    .selectFrom('chatbot_runs')
    .select(['conversation_id', 'status', 'created_at'])
    .where('conversation_id', 'in', conversationIds)
    .where('status', 'in', ACTIVE_RUN_STATUSES)
    .execute();
  if (!runs.length) return;
  const runStart = new Map(runs.map((r) => [r.conversation_id, r.created_at.getTime()]));
  const relevant = events.filter((e) => e.conversation_id !== null && runStart.has(e.conversation_id));
  const messageIds = relevant
    .filter((e) => e.name === 'message.created' && e.message_id !== null)
    .map((e) => e.message_id!);
  const messages = messageIds.length
    ? await trx
        .selectFrom('messages')
        .select(['id', 'message_type', 'private', 'content', 'sender_type', 'created_at'])
        .where('id', 'in', messageIds)
        .execute()
    : [];
  const messageById = new Map(messages.map((m) => [m.id, m]));

  for (const event of relevant) {
    const conversationId = event.conversation_id!;
    if (event.name === 'message.created') {
      const message = messageById.get(event.message_id ?? 0);
      // A message older than the run (the one `message/send` started the bot after) is not the run's business.
      if (!message || message.private || message.created_at.getTime() <= runStart.get(conversationId)!) continue;
      if (message.message_type === MESSAGE_TYPE.incoming) {
        await deliverReply(trx, conversationId, { kind: 'reply', text: message.content ?? '', messageId: message.id });
      } else if (message.message_type === MESSAGE_TYPE.outgoing && message.sender_type === 'User') {
        await stopRuns(trx, { conversationId }, 'an agent replied in the session');
      }
      continue;
    }
    const reason = takeoverBy(event);
    if (reason) await stopRuns(trx, { conversationId }, reason);
  }
}
