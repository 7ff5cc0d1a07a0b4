import type { Audience, RealtimeFrame } from './renderer.ts';

export interface Subscriber {
  accountId: number;
  /** An agent sees the inboxes it is a member of (all of them when `inboxIds` is undefined: admins). */
  kind: 'agent' | 'contact';
  inboxIds?: Set<number>;
  contactInboxId?: number;
  /** Who is behind the socket, for presence: the agent's user id or the widget's contact id. */
  userId?: number;
  contactId?: number;
  send(frame: RealtimeFrame): void;
  /** Resolves once the socket has taken what was sent (a client that does not read holds up its own replay only). */
  writable?(): Promise<void>;
}

export interface Live {
  subscriber: Subscriber;
  /** While replaying from a cursor, live frames wait here so order holds. */
  buffer: RealtimeFrame[] | undefined;
  /** More live frames arrived during the replay than a replay may carry: the subscriber is told to reload. */
  overflowed: boolean;
  lastSeq: number;
}

export function allowed(subscriber: Subscriber, audience: Audience): boolean {
  if (subscriber.kind === 'contact')
    return audience.contactVisible && audience.contactInboxId === subscriber.contactInboxId;
  if (!subscriber.inboxIds || audience.inboxId === null) return true;
  return subscriber.inboxIds.has(audience.inboxId);
}
