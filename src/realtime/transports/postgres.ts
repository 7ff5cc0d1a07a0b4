import pg from 'pg';
import { sql } from 'kysely';
import type { DatabaseHandle } from '../../db/pool.ts';
import { EVENTS_CHANNEL } from '../../domain/outbox.ts';
import {
  decodeSignal,
  type EventSignal,
  type PresenceSignal,
  type RealtimeTransport,
  type TransportHandlers,
} from '../transport.ts';

export const PRESENCE_CHANNEL = 'switchboard_presence';
const RECONNECT_MS = 1000;

/**
 * The default: the outbox's NOTIFY (sent in the event's own transaction) is the event signal, so there
 * is nothing to announce; presence changes are NOTIFYs on their own channel. One LISTEN connection per
 * process, re-opened when it drops.
 */
export class PostgresTransport implements RealtimeTransport {
  readonly name = 'postgres' as const;
  private readonly database: DatabaseHandle;
  private listener?: pg.Client;
  private stopped = false;
  private handlers?: TransportHandlers;

  constructor(database: DatabaseHandle) {
    this.database = database;
  }

  async start(handlers: TransportHandlers): Promise<void> {
    this.handlers = handlers;
    await this.listen();
  }

  private async listen(): Promise<void> {
    const listener = new pg.Client(this.database.pool.options);
    this.listener = listener;
    listener.on('notification', (message) => {
      if (message.channel === PRESENCE_CHANNEL) {
        const accountId = Number(message.payload);
        if (Number.isInteger(accountId)) this.handlers!.presence({ accountId });
        return;
      }
      const signal = decodeSignal(message.payload);
      if (signal) this.handlers!.events(signal);
    });
    listener.on('error', () => {});
    listener.on('end', () => {
      if (!this.stopped) setTimeout(() => void this.reconnect(), RECONNECT_MS);
    });
    await listener.connect();
    await listener.query(`LISTEN ${EVENTS_CHANNEL}; LISTEN ${PRESENCE_CHANNEL}`);
  }

  private async reconnect(): Promise<void> {
    if (this.stopped) return;
    try {
      await this.listen();
      this.handlers!.resync();
    } catch {
      setTimeout(() => void this.reconnect(), RECONNECT_MS);
    }
  }

  announceEvent(_signal: EventSignal): void {
    // The outbox's own NOTIFY, delivered at commit, is the signal.
  }

  announcePresence(signal: PresenceSignal): void {
    sql`SELECT pg_notify(${PRESENCE_CHANNEL}, ${String(signal.accountId)})`.execute(this.database.db).catch(() => {});
  }

  watch(): void {}
  unwatch(): void {}

  async stop(): Promise<void> {
    this.stopped = true;
    await this.listener?.end().catch(() => {});
  }
}
