import type { DatabaseHandle } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { EVENTS_CHANNEL } from '../domain/outbox.ts';
import { decodeSignal, type EventSignal, type RealtimeTransport } from './transport.ts';
import { PresenceTracker } from './presence.ts';
import { markPresent } from '../domain/presence/repository.ts';
import type { RealtimeIdentity } from '../domain/auth/pubsub.ts';
import { frameRenderer, type RealtimeFrame } from './renderer.ts';
import { Replayer, type ReplaySettings } from './replay.ts';
import { allowed, type Live, type Subscriber } from './subscriber.ts';

export type { Subscriber } from './subscriber.ts';

export interface HubOptions {
  publicUrl: string;
  transport: RealtimeTransport;
  /** How often the events table is re-read for every account served, whatever the transport said. */
  catchUpMs: number;
  /** How long an agent or contact whose last socket closed still counts as online. */
  presenceGraceMs: number;
  replay: ReplaySettings;
}

export interface SubscribeOptions {
  /** The last sequence number the subscriber saw: everything after it is replayed before live frames. */
  cursor?: number;
  /** Called once the subscriber is registered for live events, before anything is replayed: confirm here. */
  onLive?: () => void;
  /** Aborting ends the subscription, a replay under way or waiting included. */
  signal?: AbortSignal;
}

function presenceSubject(subscriber: Subscriber): ['User' | 'Contact', number] | undefined {
  if (subscriber.kind === 'agent' && subscriber.userId) return ['User', subscriber.userId];
  if (subscriber.kind === 'contact' && subscriber.contactId) return ['Contact', subscriber.contactId];
  return undefined;
}

/**
 * The realtime fan-out of one process. A transport (LISTEN/NOTIFY, Redis or NATS) says "account X has
 * events up to seq N"; the hub then reads the account's new events in sequence order from PostgreSQL
 * and pushes them to its own sockets, so an event committed by any process reaches sockets on every
 * process. The table is the truth: a lost signal is made up by the catch-up timer. A subscriber that
 * comes back with the last sequence number it saw is first replayed what it missed.
 */
export class RealtimeHub {
  private readonly subscribers = new Map<number, Set<Live>>();
  /** Per account: the last sequence number this process has pushed out. */
  private readonly delivered = new Map<number, number>();
  private readonly pending = new Map<number, Promise<void>>();
  /** Accounts with a drain waiting to start. */
  private readonly queued = new Set<number>();
  private readonly database: DatabaseHandle;
  private readonly options: HubOptions;
  private readonly replayer: Replayer;
  private catchUpTimer?: NodeJS.Timeout;
  private readonly onCommitted = (channel: string, payload: string) => {
    if (channel !== EVENTS_CHANNEL) return;
    const signal = decodeSignal(payload);
    if (!signal) return;
    this.options.transport.announceEvent(signal);
    this.signal(signal);
  };

  readonly presence: PresenceTracker;

  constructor(database: DatabaseHandle, options: HubOptions) {
    this.database = database;
    this.options = options;
    this.replayer = new Replayer(database.db, options.publicUrl, options.replay);
    this.presence = new PresenceTracker(database.db, options.transport, options.presenceGraceMs, {
      dashboards: (accountId) =>
        [...(this.subscribers.get(accountId) ?? [])]
          .filter((l) => l.subscriber.kind === 'agent')
          .map((l) => l.subscriber),
      accounts: () => [...this.subscribers.keys()],
    });
  }

  get transport(): RealtimeTransport {
    return this.options.transport;
  }

  async start(): Promise<void> {
    await this.options.transport.start({
      events: (signal) => this.signal(signal),
      presence: ({ accountId }) => void this.presence.refresh(accountId),
      resync: () => void this.catchUp(),
    });
    this.database.committed.on('notify', this.onCommitted);
    this.catchUpTimer = setInterval(() => void this.catchUp(), this.options.catchUpMs);
    this.catchUpTimer.unref();
    this.presence.start();
  }

  async stop(): Promise<void> {
    clearInterval(this.catchUpTimer);
    this.database.committed.off('notify', this.onCommitted);
    await this.presence.stop();
    await this.options.transport.stop();
  }

  /** Account X has events up to seq N (from any process): read them unless they were pushed already. */
  private signal({ accountId, seq }: EventSignal): void {
    const delivered = this.delivered.get(accountId);
    if (delivered !== undefined && delivered < seq) void this.pump(accountId);
  }

  /** Reads the newest sequence number of every account served and pumps those behind. */
  private async catchUp(): Promise<void> {
    const accountIds = [...this.delivered.keys()];
    if (!accountIds.length) return;
    try {
      const rows = await this.database.db
        .selectFrom('accounts')
        .select(['id', 'last_event_seq'])
        .where('id', 'in', accountIds)
        .execute();
      for (const row of rows) this.signal({ accountId: row.id, seq: row.last_event_seq });
    } catch {
      // The database is away; the next tick tries again.
    }
  }

  get size(): number {
    let count = 0;
    for (const set of this.subscribers.values()) count += set.size;
    return count;
  }

  /**
   * Adds a subscriber. It is registered for live events first, then `onLive` is called (ActionCable
   * confirms there), then, with a cursor, what it missed is replayed in pages while live frames wait in
   * its buffer, so an event committed at any point in between arrives once and in order. Resolves when
   * the replay is done; the answer ends the subscription, as does aborting `signal`.
   */
  async subscribe(subscriber: Subscriber, options: SubscribeOptions = {}): Promise<() => void> {
    const { accountId } = subscriber;
    const { cursor, signal } = options;
    if (!this.delivered.has(accountId)) {
      const row = await this.database.db
        .selectFrom('accounts')
        .select('last_event_seq')
        .where('id', '=', accountId)
        .executeTakeFirst();
      if (!this.delivered.has(accountId)) this.delivered.set(accountId, row?.last_event_seq ?? 0);
    }
    signal?.throwIfAborted();
    const live: Live = {
      subscriber,
      buffer: cursor !== undefined ? [] : undefined,
      overflowed: false,
      lastSeq: cursor ?? 0,
    };
    const set = this.subscribers.get(accountId) ?? new Set();
    if (!set.size) this.options.transport.watch(accountId);
    set.add(live);
    this.subscribers.set(accountId, set);
    const subject = presenceSubject(subscriber);
    let connected = false;
    let subscribed = true;
    const unsubscribe = () => {
      if (!subscribed) return;
      subscribed = false;
      signal?.removeEventListener('abort', unsubscribe);
      set.delete(live);
      if (subject && connected) this.presence.disconnected(accountId, ...subject);
      if (!set.size && this.subscribers.get(accountId) === set) {
        this.subscribers.delete(accountId);
        this.delivered.delete(accountId);
        this.presence.forgetAccount(accountId);
        this.options.transport.unwatch(accountId);
      }
    };
    signal?.addEventListener('abort', unsubscribe, { once: true });
    // Events after this reach the subscriber live (or its buffer); a replay reads up to it.
    const upTo = this.delivered.get(accountId)!;
    try {
      options.onLive?.();
      if (subject) {
        await this.presence.connected(accountId, ...subject);
        if (subscribed) connected = true;
        else this.presence.disconnected(accountId, ...subject); // it ended while being counted
      }
      subscriber.send(await this.presence.frame(accountId, subscriber.kind === 'agent'));
    } catch (error) {
      unsubscribe();
      throw error;
    }
    if (cursor !== undefined && subscribed)
      await this.replayer.replay(live, cursor, upTo, () => this.delivered.get(accountId) ?? upTo, signal);
    return unsubscribe;
  }

  /** A client's `update_presence`: its presence row is refreshed and it is sent the account's presence map. */
  async updatePresence(identity: RealtimeIdentity, send: (frame: RealtimeFrame) => void): Promise<void> {
    if (identity.kind === 'agent')
      await markPresent(this.database.db, this.presence.processId, identity.accountId, 'User', identity.userId);
    else
      await markPresent(this.database.db, this.presence.processId, identity.accountId, 'Contact', identity.contactId);
    send(await this.presence.frame(identity.accountId, identity.kind === 'agent'));
  }

  /** Reads and pushes the account's new events; calls for one account run one after another. */
  private pump(accountId: number): Promise<void> {
    const previous = this.pending.get(accountId) ?? Promise.resolve();
    if (this.queued.has(accountId)) return previous; // a drain that has not started yet reads these too
    this.queued.add(accountId);
    const next = previous
      .then(() => {
        this.queued.delete(accountId);
        return this.drain(accountId);
      })
      .catch(() => {});
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
      const rendered = await frameRenderer().render(this.database.db, events, this.options.publicUrl);
      for (const [i, event] of events.entries()) {
        const { frames, audience } = rendered[i];
        for (const live of this.subscribers.get(accountId) ?? []) {
          if (!allowed(live.subscriber, audience)) continue;
          for (const frame of frames) {
            if (live.buffer) this.replayer.hold(live, frame);
            else if ((frame.seq ?? Infinity) > live.lastSeq) live.subscriber.send(frame);
          }
        }
        this.delivered.set(accountId, event.seq);
      }
    }
  }
}
