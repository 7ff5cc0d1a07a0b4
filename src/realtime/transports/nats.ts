import { connect, type NatsConnection, type Subscription } from 'nats';
import {
  decodeSignal,
  encodeSignal,
  type EventSignal,
  type PresenceSignal,
  type RealtimeTransport,
  type TransportHandlers,
} from '../transport.ts';

const encoder = new TextEncoder();
const decoder = new TextDecoder();

/**
 * NATS core subjects `<prefix>.events.<account>` and `<prefix>.presence.<account>`, subscribed while this
 * process serves the account. The client reconnects (and re-subscribes) by itself; each reconnect makes
 * the hub read the table for everything it serves.
 */
export class NatsTransport implements RealtimeTransport {
  readonly name = 'nats' as const;
  private readonly url: string;
  private readonly prefix: string;
  private connection?: NatsConnection;
  private handlers?: TransportHandlers;
  private readonly subscriptions = new Map<number, Subscription>();

  constructor(url: string, prefix: string) {
    this.url = url;
    this.prefix = prefix;
  }

  async start(handlers: TransportHandlers): Promise<void> {
    this.handlers = handlers;
    this.connection = await connect({
      servers: this.url,
      maxReconnectAttempts: -1,
      reconnectTimeWait: 500,
      name: this.prefix,
    });
    void (async () => {
      for await (const status of this.connection!.status()) if (status.type === 'reconnect') this.handlers?.resync();
    })().catch(() => {});
  }

  announceEvent(signal: EventSignal): void {
    this.connection?.publish(
      `${this.prefix}.events.${signal.accountId}`,
      encoder.encode(encodeSignal(signal.accountId, signal.seq)),
    );
  }

  announcePresence(signal: PresenceSignal): void {
    this.connection?.publish(`${this.prefix}.presence.${signal.accountId}`, encoder.encode(String(signal.accountId)));
  }

  watch(accountId: number): void {
    if (!this.connection || this.subscriptions.has(accountId)) return;
    const subscription = this.connection.subscribe(`${this.prefix}.*.${accountId}`, {
      callback: (error, message) => {
        if (error) return;
        if (message.subject.startsWith(`${this.prefix}.presence.`)) return this.handlers!.presence({ accountId });
        const signal = decodeSignal(decoder.decode(message.data));
        if (signal) this.handlers!.events(signal);
      },
    });
    this.subscriptions.set(accountId, subscription);
  }

  unwatch(accountId: number): void {
    this.subscriptions.get(accountId)?.unsubscribe();
    this.subscriptions.delete(accountId);
  }

  async stop(): Promise<void> {
    await this.connection?.close().catch(() => {});
  }
}
