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
