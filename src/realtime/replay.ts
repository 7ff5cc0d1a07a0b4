import type { Db } from '../db/pool.ts';
import type { DomainEvent } from '../db/types.ts';
import { frameRenderer, type RealtimeFrame, type ResyncReason } from './renderer.ts';
import { FairQueue } from '../fair-queue.ts';
import { identityKey } from './socket-limits.ts';
import { allowed, type Live, type Subscriber } from './subscriber.ts';

/** Events read, rendered and sent per replay step; between steps other work (HTTP) gets its turn. */
const REPLAY_PAGE = 200;

export interface ReplaySettings {
  /** A resume missing more events than this gets `resync.required` instead of a replay. */
  maxEvents: number;
  /** Replay pages read at once in this process. */
  concurrency: number;
}

/**
 * Replays what a returning subscriber missed. Every page of every replay in the process goes through one
 * FairQueue, so a flood of resumes queues (round-robin by identity) instead of starving HTTP, and a
 * replay's work is bounded by `maxEvents`: past it the subscriber is told to reload, never left with a
 * silent gap.
 */
export class Replayer {
  private readonly db: Db;
  private readonly publicUrl: string;
  private readonly settings: ReplaySettings;
  private readonly queue: FairQueue;

  constructor(db: Db, publicUrl: string, settings: ReplaySettings) {
    this.db = db;
    this.publicUrl = publicUrl;
    this.settings = settings;
    this.queue = new FairQueue(settings.concurrency);
  }

  /** A live frame for a subscriber whose replay is under way: kept for afterwards, up to the replay span. */
  hold(live: Live, frame: RealtimeFrame): void {
    if (live.buffer!.length < this.settings.maxEvents) live.buffer!.push(frame);
    else live.overflowed = true;
  }

  /**
   * Sends what the subscriber missed in (cursor, upTo] a page at a time, then the live frames held
   * meanwhile (everything after `upTo` reaches the buffer). `delivered` answers what the process has
   * delivered live by now, where live frames go on after a `resync.required`.
   */
  async replay(live: Live, cursor: number, upTo: number, delivered: () => number, signal?: AbortSignal): Promise<void> {
    const { subscriber } = live;
    if (upTo - cursor > this.settings.maxEvents) return this.resync(live, 'replay_too_long', cursor, delivered());
    const key = identityKey(subscriber);
    let after = cursor;
    try {
      while (after < upTo && !live.overflowed) {
        await subscriber.writable?.();
        const from = after;
        after = await this.queue.run(key, () => this.sendPage(subscriber, from, upTo), signal);
        live.lastSeq = Math.max(live.lastSeq, after);
      }
    } catch {
      if (signal?.aborted) return;
      return this.resync(live, 'replay_failed', cursor, delivered());
    }
    if (live.overflowed) return this.resync(live, 'replay_too_long', cursor, delivered());
    const buffered = live.buffer ?? [];
    live.buffer = undefined;
    for (const frame of buffered) if ((frame.seq ?? Infinity) > live.lastSeq) subscriber.send(frame);
  }

  /** Reads, renders and sends one page; answers the sequence number it has covered. */
  private async sendPage(subscriber: Subscriber, after: number, upTo: number): Promise<number> {
    const events = await this.readPage(subscriber, after, upTo);
    for (const { frames, audience } of await frameRenderer().render(this.db, events, this.publicUrl)) {
      if (allowed(subscriber, audience)) for (const frame of frames) subscriber.send(frame);
    }
    return events.length < REPLAY_PAGE ? upTo : events.at(-1)!.seq;
  }

  /**
   * The account's events in (after, upTo], oldest first, one page. A contact sees only events of its own
   * conversations (allowed() says the same after rendering): reading just those keeps an anonymous
   * widget's replay cheap however busy the account is.
   */
  private readPage(subscriber: Subscriber, after: number, upTo: number): Promise<DomainEvent[]> {
    let query = this.db
      .selectFrom('events')
      .selectAll()
      .where('account_id', '=', subscriber.accountId)
      .where('seq', '>', after)
      .where('seq', '<=', upTo);
    if (subscriber.kind === 'contact') {
      // By contact first: conversations are indexed by contact_id, not by contact inbox.
      const own = this.db
        .selectFrom('conversations')
        .select('id')
        .where('contact_id', '=', subscriber.contactId!)
        .where('account_id', '=', subscriber.accountId)
        .where('contact_inbox_id', '=', subscriber.contactInboxId!);
      query = query.where('conversation_id', 'in', own);
    }
    return query.orderBy('seq').limit(REPLAY_PAGE).execute();
  }

  /** Tells the subscriber to reload; live frames go on after `latest`, and what it held is in the reload. */
  private resync(live: Live, reason: ResyncReason, cursor: number, latest: number): void {
    live.lastSeq = Math.max(live.lastSeq, latest);
    live.buffer = undefined;
    live.subscriber.send(frameRenderer().resync(live.subscriber.accountId, reason, cursor, live.lastSeq));
  }
}
