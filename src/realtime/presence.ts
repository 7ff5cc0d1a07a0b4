import { randomUUID } from 'node:crypto';
import type { Db } from '../db/pool.ts';
import {
  forgetProcess,
  HEARTBEAT_MS,
  markAbsent,
  markPresent,
  presenceMap,
  refreshPresence,
  type PresenceSubject,
} from '../domain/presence/repository.ts';
import type { RealtimeFrame } from './renderer.ts';
import type { RealtimeTransport } from './transport.ts';

export interface PresenceAudience {
  /** The dashboards (agent subscribers) this process serves in the account. */
  dashboards(accountId: number): { send(frame: RealtimeFrame): void }[];
  /** Accounts this process serves sockets of. */
  accounts(): number[];
}

/**
 * Agents' and contacts' presence across processes. PostgreSQL holds a row per (subject, process) while the
 * process has a socket of the subject, refreshed by a heartbeat; a closed last socket is forgotten after a
 * grace period (a page reload is not a logout). Changes are announced through the transport; every
 * process then re-reads the account's presence and sends `presence.update` to its dashboards when the
 * map differs from what it last sent. The heartbeat also re-reads, so a dead process's agents go offline.
 */
export class PresenceTracker {
  readonly processId = randomUUID();
  private readonly db: Db;
  private readonly transport: RealtimeTransport;
  private readonly graceMs: number;
  private readonly audience: PresenceAudience;
  private readonly sockets = new Map<string, number>();
  private readonly leaving = new Map<string, NodeJS.Timeout>();
  private readonly lastSent = new Map<number, string>();
  private heartbeat?: NodeJS.Timeout;

  constructor(db: Db, transport: RealtimeTransport, graceMs: number, audience: PresenceAudience) {
    this.db = db;
    this.transport = transport;
    this.graceMs = graceMs;
    this.audience = audience;
  }

  start(): void {
    this.heartbeat = setInterval(() => void this.beat(), HEARTBEAT_MS);
    this.heartbeat.unref();
  }

  async stop(): Promise<void> {
    clearInterval(this.heartbeat);
    for (const timer of this.leaving.values()) clearTimeout(timer);
    const accounts = new Set([...this.sockets.keys(), ...this.leaving.keys()].map((key) => Number(key.split(':')[0])));
    await forgetProcess(this.db, this.processId).catch(() => {});
    for (const accountId of accounts) this.transport.announcePresence({ accountId });
  }

  /** A socket of the subject opened here. */
  async connected(accountId: number, type: PresenceSubject, id: number): Promise<void> {
    const key = `${accountId}:${type}:${id}`;
    const count = (this.sockets.get(key) ?? 0) + 1;
    this.sockets.set(key, count);
    if (count > 1) return;
    const leaving = this.leaving.get(key);
    if (leaving) {
      clearTimeout(leaving); // back within the grace period: never went offline
      this.leaving.delete(key);
      return;
    }
    await markPresent(this.db, this.processId, accountId, type, id);
    this.changed(accountId);
  }

  /** A socket of the subject closed here; the subject goes offline after the grace period unless it returns. */
  disconnected(accountId: number, type: PresenceSubject, id: number): void {
    const key = `${accountId}:${type}:${id}`;
    const count = (this.sockets.get(key) ?? 1) - 1;
    if (count > 0) return void this.sockets.set(key, count);
    this.sockets.delete(key);
    const timer = setTimeout(() => {
      this.leaving.delete(key);
      markAbsent(this.db, this.processId, accountId, type, id).then(
        () => this.changed(accountId),
        () => {},
      );
    }, this.graceMs);
    this.leaving.set(key, timer);
  }

  /** Presence in the account may have changed (here, or in another process, or an availability was set). */
  changed(accountId: number): void {
    this.transport.announcePresence({ accountId });
    void this.refresh(accountId);
  }

  /** The account's `presence.update` frame as Chatwoot builds it; contacts are shown to agents only. */
  async frame(accountId: number, forAgent: boolean): Promise<RealtimeFrame> {
    const { users, contacts } = await presenceMap(this.db, accountId);
    return {
      event: 'presence.update',
      data: forAgent ? { account_id: accountId, users, contacts } : { account_id: accountId, users },
    };
  }

  /** Re-reads the account's presence and tells this process's dashboards if it differs from the last telling. */
  async refresh(accountId: number): Promise<void> {
    try {
      if (!this.audience.dashboards(accountId).length) return void this.lastSent.delete(accountId);
      const frame = await this.frame(accountId, true);
      const text = JSON.stringify(frame.data);
      if (this.lastSent.get(accountId) === text) return;
      this.lastSent.set(accountId, text);
      for (const dashboard of this.audience.dashboards(accountId)) dashboard.send(frame);
    } catch {
      // The database is away; the heartbeat re-reads.
    }
  }

  forgetAccount(accountId: number): void {
    this.lastSent.delete(accountId);
  }

  private async beat(): Promise<void> {
    if (!this.sockets.size && !this.leaving.size) return; // nothing of ours to keep fresh, nobody to tell
    try {
      await refreshPresence(this.db, this.processId);
    } catch {
      return;
    }
    for (const accountId of this.audience.accounts()) await this.refresh(accountId);
  }
}
