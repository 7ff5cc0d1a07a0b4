import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { assignAgent, changeStatus, type Performer } from '../conversations/commands.ts';
import { getConversationById } from '../conversations/repository.ts';

/**
 * A session the bot leaves without handing it to someone goes to the people's queue: the bot is released and
 * a session still `pending` (bot handling) becomes `open` without an agent (WTS PENDING). Through the
 * conversation commands, so both dialects and webhooks see it.
 */
export async function releaseSession(
  db: Db,
  accountId: number,
  conversationId: number,
  agentBotId: number,
  performer: Performer,
): Promise<void> {
  let current = await getConversationById(db, accountId, conversationId);
  if (current.assignee_agent_bot_id === agentBotId) current = await assignAgent(db, current, null, performer);
  if (current.status === 'pending') await changeStatus(db, current, 'open', performer);
}

/**
 * A session the bot holds that the contact's reply reopened (a HIDDEN session from `hiddenSession`, shown once
 * the contact answers) is the bot's again: `pending`, WTS STARTED, not the agents' queue.
 */
export async function resumeForBot(
  db: Db,
  conversation: Conversation,
  agentBotId: number,
  performer: Performer,
): Promise<Conversation> {
  const heldByBot = conversation.assignee_agent_bot_id === agentBotId && conversation.assignee_id === null;
  return heldByBot && conversation.status === 'open'
    ? changeStatus(db, conversation, 'pending', performer)
    : conversation;
}
