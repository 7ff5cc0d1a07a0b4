import { inTransaction } from '../../db/transaction.ts';
import type { Db } from '../../db/pool.ts';
import type { Conversation, Team } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { assignAgent, assignTeam, changeStatus, replaceCustomAttributes, type Performer } from './commands.ts';
import { getConversationById } from './repository.ts';
import { fromWtsStatus, type WtsStatus } from './status.ts';
import type { Member } from '../users/repository.ts';

/**
 * Handing a conversation over (status with its assignee, assignment, transfer) and merging its attributes,
 * composed from the conversation commands so both dialects, the outbox and webhooks see the same changes. Each step is its own command (and transaction), as the Chatwoot
 * dialect's separate assignment and status calls are.
 */
export type SettableStatus = Exclude<WtsStatus, 'UNDEFINED'>;

const ACTIVE = new Set(['pending', 'snoozed']);

/**
 * Puts a conversation in a queue state (the WTS dialect's session status). PENDING means waiting for an agent, so an assignee is released;
 * IN_PROGRESS means with an agent, so an unassigned session is taken by `taker` (the caller).
 */
export async function setSessionStatus(
  db: Db,
  conversation: Conversation,
  status: SettableStatus,
  performer: Performer,
  taker?: Member,
): Promise<Conversation> {
  let current = conversation;
  if (status === 'PENDING' && current.assignee_id) current = await assignAgent(db, current, null, performer);
  if (status === 'IN_PROGRESS' && !current.assignee_id) {
    if (!taker)
      throw validation('IN_PROGRESS needs an agent: assign one with PUT /chat/v1/session/{id}/assignee', ['newStatus']);
    current = await assignAgent(db, current, taker.id, performer);
  }
  const core = fromWtsStatus(status);
  return core === current.status ? current : changeStatus(db, current, core, performer);
}

/** Gives the session to an agent; a session the bot holds or that is snoozed becomes theirs to work on. */
export async function assignSession(
  db: Db,
  conversation: Conversation,
  member: Member,
  performer: Performer,
): Promise<Conversation> {
  const assigned = await assignAgent(db, conversation, member.id, performer);
  return ACTIVE.has(assigned.status) ? changeStatus(db, assigned, 'open', performer) : assigned;
}

export interface Transfer {
  team?: Team;
  member?: Member;
}

/**
 * Moves a session to a department and/or an agent. A transfer to a department alone returns the session
 * to that department's queue (no agent), as WTS does.
 */
export async function transferSession(
  db: Db,
  conversation: Conversation,
  to: Transfer,
  performer: Performer,
): Promise<Conversation> {
  let current = conversation;
  if (to.team && to.team.id !== current.team_id) {
    await assignTeam(db, current, to.team.id, performer);
    current = await getConversationById(db, current.account_id, current.id);
  }
  if (to.member) return assignSession(db, current, to.member, performer);
  return current.assignee_id ? assignAgent(db, current, null, performer) : current;
}

/** Attribute merge semantics (the WTS dialect's session metadata): keys are added or replaced, a null value removes its key. */
export async function mergeSessionMetadata(
  db: Db,
  conversation: Conversation,
  metadata: Record<string, unknown>,
): Promise<Conversation> {
  // Under the row's lock, from what is stored now: two concurrent merges of different keys both land.
  return inTransaction(db, async (trx) => {
    const current = await trx
      .selectFrom('conversations')
      .selectAll()
      .where('id', '=', conversation.id)
      .forUpdate()
      .executeTakeFirstOrThrow();
    const merged: Record<string, unknown> = { ...(current.custom_attributes as Record<string, unknown>) };
    for (const [key, value] of Object.entries(metadata)) {
      if (value === null) delete merged[key];
      else merged[key] = value;
    }
    return replaceCustomAttributes(trx, current, merged);
  });
}
