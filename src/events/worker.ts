import { performance } from 'node:perf_hooks';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import { openDatabase, type DatabaseHandle } from '../db/pool.ts';
import { attemptDelivery } from './deliver.ts';
import { claimDueDeliveries, claimNextInLine, type ClaimRotation } from './claim.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { FAN_OUT_BATCH, fanOutEvents } from './fanout.ts';
import { EVENTS_CHANNEL } from '../domain/outbox.ts';
import { Wakeup } from './wake.ts';

export interface Worker {
  stop(): Promise<void>;
  /** Resolves once nothing is left to fan out or deliver right now (tests use it). */
  idle(): Promise<void>;
}

const MAX_IN_FLIGHT = 32;
/**
 * A line is followed for at most this many deliveries in a row; then its slot goes back to the fair claim
 * (events/claim.ts), so accounts with steady streams cannot keep every slot between them.
 */
const LINE_BURST = 16;
const POLL_MS = 250;
/**
 * Passes over new events start at least this far apart. An event after a quiet spell is fanned out at
 * once; under a steady stream each pass takes the few that arrived meanwhile, and the pass's fixed
 * statements are shared by them instead of paid by each.
 */
const MIN_PASS_GAP_MS = 5;

/** The worker's own connections: a busy API (whose requests queue for the shared pool) cannot starve delivery. */
const WORKER_CONNECTIONS = 4;

/**
 * The worker's bookkeeping (claims, attempts, fan-out) commits without waiting for the WAL flush: a
 * PostgreSQL crash can at worst make it repeat its last deliveries (same X-Chatwoot-Delivery id), never
 * lose one — the events themselves were committed durably by the change that made them.
 */
function workerUrl(url: string): string {
  const parsed = new URL(url);
  parsed.searchParams.set('options', `${parsed.searchParams.get('options') ?? ''} -c synchronous_commit=off`.trim());
  return parsed.toString();
}

function ownConnections(shared: DatabaseHandle): DatabaseHandle {
  const url = shared.pool.options.connectionString;
  if (!url) return shared;
  const own = openDatabase(workerUrl(url), { max: WORKER_CONNECTIONS, prepared: shared.prepared });
  // Events the worker commits (a bot hand-off) reach this process's realtime transport like any other.
  own.committed.on('notify', (channel, payload) => shared.committed.emit('notify', channel, payload));
  return own;
}

/**
 * The event worker of one process: fans new events out to webhook deliveries and sends due deliveries.
 * A NOTIFY at each commit wakes it at once; a short poll catches retries coming due. Any number of
 * processes can run it on the same database.
 */
export function startEventWorker(shared: DatabaseHandle, config: Config, log: Pick<Logger, 'warn' | 'error'>): Worker {
  const database = ownConnections(shared);
  const { db } = database;
  let running = true;
  const wakeup = new Wakeup(database.pool.options, EVENTS_CHANNEL);
  const inFlight = new Set<Promise<void>>();
  const idleWaiters: (() => void)[] = [];

  /** Delivers one delivery and then the rest of its line, while each goes through (at most LINE_BURST). */
  async function deliverLine(first: WebhookDelivery) {
    let delivery: WebhookDelivery | undefined = first;
    for (let sent = 1; delivery && running; sent++) {
      const ok = await attemptDelivery(db, config, delivery);
      delivery = ok && sent < LINE_BURST ? await claimNextInLine(db, delivery, config.webhooks.timeoutMs) : undefined;
    }
  }
  const rotation: ClaimRotation = { after: null };

  // Deliveries are claimed when a pass planned some, a line finished (the next in line may now go), a
  // test asks for idle, or a poll interval passed (retries coming due, redeliveries, resumed webhooks).
  let claimWanted = true;
  let lastClaim = 0;
  let lastPass = -Infinity;

  async function loop() {
    await wakeup.listen(log, 'event worker');
    while (running) {
      try {
        wakeup.notified = false;
        const gap = lastPass + MIN_PASS_GAP_MS - performance.now();
        if (gap > 0) await new Promise((resolve) => setTimeout(resolve, gap));
        lastPass = performance.now();
        const fanned = await fanOutEvents(db, config.publicUrl);
        const free = MAX_IN_FLIGHT - inFlight.size;
        const claim = free > 0 && (claimWanted || fanned.deliveries > 0 || performance.now() - lastClaim >= POLL_MS);
        let due: WebhookDelivery[] = [];
        if (claim) {
          claimWanted = false;
          lastClaim = performance.now();
          due = await claimDueDeliveries(db, free, config.webhooks.timeoutMs, rotation);
        }
        for (const delivery of due) {
          const attempt = deliverLine(delivery)
            .catch((error) => log.error({ err: error, delivery: delivery.id }, 'webhook attempt failed to record'))
            .finally(() => {
              inFlight.delete(attempt);
              claimWanted = true;
              wakeup.wake();
            });
          inFlight.add(attempt);
        }
        // More to do at once: a full batch may have left events, claimed lines may have followers, a claim is
        // wanted and there is room for it (with every slot busy, a finishing line wakes the loop).
        const more =
          fanned.events === FAN_OUT_BATCH || due.length > 0 || (claimWanted && MAX_IN_FLIGHT - inFlight.size > 0);
        if (!more) {
          if (inFlight.size === 0 && claim) idleWaiters.splice(0).forEach((resolve) => resolve());
          if (!wakeup.notified) await wakeup.sleep(POLL_MS);
        }
      } catch (error) {
        log.warn({ err: error }, 'event worker: database unavailable, retrying');
        await wakeup.sleep(1000);
      }
    }
  }

  const done = loop();
  return {
    async stop() {
      running = false;
      wakeup.wake();
      await done;
      await Promise.allSettled([...inFlight]);
      await wakeup.close();
      if (database !== shared) await database.close();
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        claimWanted = true;
        wakeup.wake();
      });
    },
  };
}
