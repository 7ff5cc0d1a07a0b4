import pg from 'pg';
import type { DatabaseHandle } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { EVENTS_CHANNEL } from '../events/outbox.ts';
import { realtimeFrames, type Audience, type RealtimeFrame } from '../api/chatwoot/realtime/payloads.ts';

export interface Subscriber {
  accountId: number;
  /** An agent sees the inboxes it is a member of (all of them when `inboxIds` is undefined: admins). */
  kind: 'agent' | 'contact';
  inboxIds?: Set<number>;
  contactInboxId?: number;
  send(frame: RealtimeFrame): void;
}

interface Live {
  subscriber: Subscriber;
  /** While replaying from a cursor, live frames wait here so order holds. */
  buffer: RealtimeFrame[] | undefined;
  lastSeq: number;
}

const REPLAY_LIMIT = 5000;

function allowed(subscriber: Subscriber, audience: Audience): boolean {
  if (subscriber.kind === 'contact') return audience.contactVisible && audience.contactInboxId === subscriber.contactInboxId;
  if (!subscriber.inboxIds || audience.inboxId === null) return true;
  return subscriber.inboxIds.has(audience.inboxId);
}

/**
 * The realtime fan-out of one process. Every process LISTENs for the outbox's NOTIFY; on a wake-up it
 * reads the account's new events in sequence order from PostgreSQL and pushes them to its own sockets,
 * so an event committed by any process reaches sockets on every process. A subscriber that comes back
 * with the last sequence number it saw is first replayed what it missed.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<number, Set<Live>>();
  /** Per account: the last sequence number this process has pushed out. */
  private readonly delivered = new Map<number, number>();
  private readonly pending = new Map<number, Promise<void>>();
  private listener?: pg.Client;
  private readonly database: DatabaseHandle;
  private readonly publicUrl: string;

  constructor(database: DatabaseHandle, publicUrl: string) {
    this.database = database;
    this.publicUrl = publicUrl;
  }

  async start(): Promise<void> {
    this.listener = new pg.Client(this.database.pool.options);
    this.listener.on('error', () => {});
    await this.listener.connect();
    this.listener.on('notification', (message) => {
      const accountId = Number(message.payload?.split(':')[0]);
      if (this.subscribers.has(accountId)) void this.pump(accountId);
    });
    await this.listener.query(`LISTEN ${EVENTS_CHANNEL}`);
  }

  async stop(): Promise<void> {
    await this.listener?.end().catch(() => {});
  }

  get size(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /** Adds a subscriber; with a cursor it first receives every event after that sequence number. */
  async subscribe(subscriber: Subscriber, cursor?: number): Promise<() => void> {
    const { accountId } = subscriber;
    const live: Live = { subscriber, buffer: cursor !== undefined ? [] : undefined, lastSeq: cursor ?? 0 };
    if (!this.delivered.has(accountId)) {
      const row = await this.database.db.selectFrom('accounts').select('last_event_seq').where('id', '=', accountId).executeTakeFirst();
      if (!this.delivered.has(accountId)) this.delivered.set(accountId, row?.last_event_seq ?? 0);
    }
    const set = this.subscribers.get(accountId) ?? new Set();
    set.add(live);
    this.subscribers.set(accountId, set);
    if (cursor !== undefined) {
      const upTo = this.delivered.get(accountId)!;
      const events = await this.database.db
        .selectFrom('events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('seq', '>', cursor)
        .where('seq', '<=', upTo)
        .orderBy('seq')
        .limit(REPLAY_LIMIT)
        .execute();
      for (const event of events) {
        const { frames, audience } = await realtimeFrames(this.database.db, event, this.publicUrl);
        if (allowed(subscriber, audience)) for (const frame of frames) subscriber.send(frame);
        live.lastSeq = event.seq;
      }
      const buffered = live.buffer ?? [];
      live.buffer = undefined;
      for (const frame of buffered) if (frame.seq > live.lastSeq) subscriber.send(frame);
    }
    return () => {
      set.delete(live);
      if (!set.size) {
        this.subscribers.delete(accountId);
        this.delivered.delete(accountId);
      }
    };
  }

  /** Reads and pushes the account's new events; calls for one account run one after another. */
  private pump(accountId: number): Promise<void> {
    const previous = this.pending.get(accountId) ?? Promise.resolve();
    const next = previous.then(() => this.drain(accountId)).catch(() => {});
    this.pending.set(accountId, next);
    return next;
  }

  private async drain(accountId: number): Promise<void> {
    for (;;) {
      const after = this.delivered.get(accountId);
      if (after === undefined) return;
      const events: DomainEvent[] = await this.database.db
        .selectFrom('events')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('seq', '>', after)
        .orderBy('seq')
        .limit(500)
        .execute();
      if (!events.length) return;
      for (const event of events) {
        const { frames, audience } = await realtimeFrames(this.database.db, event, this.publicUrl);
        for (const live of this.subscribers.get(accountId) ?? []) {
          if (!allowed(live.subscriber, audience)) continue;
          for (const frame of frames) {
            if (live.buffer) live.buffer.push(frame);
            else if (frame.seq > live.lastSeq) live.subscriber.send(frame);
          }
        }
        this.delivered.set(accountId, event.seq);
      }
    }
  }
}
