import type { CoreStatus } from '../../db/types.ts';

/**
 * The one conversation state machine and its two dialect views. Core states are stored; the WTS status
 * also depends on whether an agent is assigned. This table is the single source for both directions.
 *
 * | core     | Chatwoot   | WTS (no assignee) | WTS (assignee) |
 * |----------|------------|-------------------|----------------|
 * | pending  | pending    | STARTED           | STARTED        |  bot is handling it
 * | open     | open       | PENDING           | IN_PROGRESS    |  waiting for / with an agent
 * | snoozed  | snoozed    | PENDING           | PENDING        |
 * | resolved | resolved   | COMPLETED         | COMPLETED      |
 * | hidden   | resolved   | HIDDEN            | HIDDEN         |
 */
export const CORE_STATUSES: readonly CoreStatus[] = ['open', 'pending', 'snoozed', 'resolved', 'hidden'];
/** Ended: the conversation is over until something reopens it (a session's endAt is set). */
export const ENDED_STATUSES: readonly CoreStatus[] = ['resolved', 'hidden'];
/** Not ended: a contact's conversation in one of these is the one a new message joins. */
export const ACTIVE_STATUSES: readonly CoreStatus[] = ['open', 'pending', 'snoozed'];

export function isEnded(status: string): boolean {
  return (ENDED_STATUSES as readonly string[]).includes(status);
}

/**
 * The reopen rule: a contact's public message reopens an ended conversation (pending when an agent bot
 * serves the inbox, so the bot answers first; else open) and wakes a snoozed one; nothing else moves the
 * status. insert_message (its migration) applies it in SQL; a test checks the two agree.
 */
export function statusAfterMessage(
  prior: CoreStatus,
  message: { incoming: boolean; private: boolean },
  inboxHasBot: boolean,
): CoreStatus {
  if (!message.incoming || message.private) return prior;
  if (isEnded(prior)) return initialStatus(inboxHasBot);
  return prior === 'snoozed' ? 'open' : prior;
}

/** A new conversation starts pending when an agent bot serves its inbox (the bot answers first), else open. */
export function initialStatus(inboxHasBot: boolean): CoreStatus {
  return inboxHasBot ? 'pending' : 'open';
}

export const CHATWOOT_STATUSES = ['open', 'resolved', 'pending', 'snoozed'] as const;
export type ChatwootStatus = (typeof CHATWOOT_STATUSES)[number];

export const WTS_STATUSES = ['UNDEFINED', 'STARTED', 'PENDING', 'IN_PROGRESS', 'COMPLETED', 'HIDDEN'] as const;
export type WtsStatus = (typeof WTS_STATUSES)[number];

export function toChatwootStatus(core: CoreStatus): ChatwootStatus {
  return core === 'hidden' ? 'resolved' : core;
}

/** Core states a Chatwoot status filter matches (`resolved` includes hidden ones). */
export function coreStatusesForChatwoot(status: ChatwootStatus): CoreStatus[] {
  return status === 'resolved' ? ['resolved', 'hidden'] : [status];
}

export function fromChatwootStatus(status: ChatwootStatus): CoreStatus {
  return status;
}

export function toWtsStatus(core: CoreStatus, hasAssignee: boolean): WtsStatus {
  switch (core) {
    case 'pending':
      return 'STARTED';
    case 'open':
      return hasAssignee ? 'IN_PROGRESS' : 'PENDING';
    case 'snoozed':
      return 'PENDING';
    case 'resolved':
      return 'COMPLETED';
    case 'hidden':
      return 'HIDDEN';
  }
}

/**
 * A WTS status as a core state. IN_PROGRESS and PENDING are both `open`; whether an agent is assigned
 * tells them apart. UNDEFINED is not a state a session can be put in.
 */
export function fromWtsStatus(status: Exclude<WtsStatus, 'UNDEFINED'>): CoreStatus {
  switch (status) {
    case 'STARTED':
      return 'pending';
    case 'PENDING':
    case 'IN_PROGRESS':
      return 'open';
    case 'COMPLETED':
      return 'resolved';
    case 'HIDDEN':
      return 'hidden';
  }
}
