import { Redis } from 'ioredis';
import {
  decodeSignal,
  encodeSignal,
  type EventSignal,
  type PresenceSignal,
  type RealtimeTransport,
  type TransportHandlers,
} from '../transport.ts';

/**
 * Redis pub/sub: one channel per account (`<prefix>:events:<account>`), subscribed only while this
 * process has sockets of that account, so a process hears only the accounts it serves.
 */
export class RedisTransport implements RealtimeTransport {
  readonly name = 'redis' as const;
  private readonly publisher: Redis;
  private readonly subscriber: Redis;
  private readonly prefix: string;
  private handlers?: TransportHandlers;

  constructor(url: string, prefix: string) {
    const options = { lazyConnect: true, maxRetriesPerRequest: null, enableOfflineQueue: true };
    this.publisher = new Redis(url, options);
    this.subscriber = new Redis(url, options);
    this.prefix = prefix;
  }

  private channel(kind: 'events' | 'presence', accountId: number): string {
    return `${this.prefix}:${kind}:${accountId}`;
  }

  async start(handlers: TransportHandlers): Promise<void> {
    this.handlers = handlers;
    for (const client of [this.publisher, this.subscriber]) client.on('error', () => {});
    this.subscriber.on('message', (channel: string, message: string) => {
      if (channel.startsWith(`${this.prefix}:presence:`)) {
        this.handlers!.presence({ accountId: Number(message) });
        return;
      }
      const signal = decodeSignal(message);
      if (signal) this.handlers!.events(signal);
    });
    // ioredis re-subscribes by itself after a reconnect; what was published meanwhile is read from the table.
    this.subscriber.on('ready', () => this.handlers?.resync());
    await Promise.all([this.publisher.connect(), this.subscriber.connect()]);
  }

  announceEvent(signal: EventSignal): void {
    this.publisher
      .publish(this.channel('events', signal.accountId), encodeSignal(signal.accountId, signal.seq))
      .catch(() => {});
  }

  announcePresence(signal: PresenceSignal): void {
    this.publisher.publish(this.channel('presence', signal.accountId), String(signal.accountId)).catch(() => {});
  }

  watch(accountId: number): void {
    this.subscriber.subscribe(this.channel('events', accountId), this.channel('presence', accountId)).catch(() => {});
  }

  unwatch(accountId: number): void {
    this.subscriber.unsubscribe(this.channel('events', accountId), this.channel('presence', accountId)).catch(() => {});
  }

  async stop(): Promise<void> {
    this.publisher.disconnect();
    this.subscriber.disconnect();
  }
}
