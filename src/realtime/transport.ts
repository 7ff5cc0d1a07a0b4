import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';

/** "Account X has events up to sequence number N": all a transport carries; the events table has the rest. */
export interface EventSignal {
  accountId: number;
  seq: number;
}

/** A presence change somewhere: every process re-reads the account's presence and tells its dashboards. */
export interface PresenceSignal {
  accountId: number;
}

export interface TransportHandlers {
  events(signal: EventSignal): void;
  presence(signal: PresenceSignal): void;
  /** The transport may have missed signals (it reconnected): read the table for every account served. */
  resync(): void;
}

/**
 * How server processes tell each other that something happened. It may lose or repeat a signal: the
 * hub reads the events table in sequence order, and catches up on a timer and after a reconnect.
 */
export interface RealtimeTransport {
  readonly name: Config['realtime']['transport'];
  start(handlers: TransportHandlers): Promise<void>;
  /** Called once per event this process committed, after the commit. */
  announceEvent(signal: EventSignal): void;
  announcePresence(signal: PresenceSignal): void;
  /** This process now serves (or no longer serves) sockets of the account: transports with topics subscribe. */
  watch(accountId: number): void;
  unwatch(accountId: number): void;
  stop(): Promise<void>;
}

export function encodeSignal(accountId: number, seq: number): string {
  return `${accountId}:${seq}`;
}

export function decodeSignal(text: string | undefined): EventSignal | undefined {
  const [account, seq] = (text ?? '').split(':').map(Number);
  return Number.isInteger(account) && Number.isInteger(seq) ? { accountId: account, seq } : undefined;
}

/**
 * A namespace per database, so that processes on one database hear each other and nobody else
 * (several installations, or test databases, may share one Redis or NATS).
 */
export function topicPrefix(database: DatabaseHandle): string {
  const options = database.pool.options;
  const name =
    options.database ??
    (options.connectionString ? new URL(options.connectionString).pathname.slice(1) : 'switchboard');
  return `switchboard.${name.replace(/[^A-Za-z0-9_-]/g, '_')}`;
}
