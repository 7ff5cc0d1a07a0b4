import pg from 'pg';
import type { Logger } from 'pino';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import { attemptDelivery, claimDueDeliveries, claimNextInLine } from './deliver.ts';
import type { WebhookDelivery } from '../db/types.ts';
import { fanOutEvents } from './fanout.ts';
import { EVENTS_CHANNEL } from './outbox.ts';

export interface Worker {
  stop(): Promise<void>;
  /** Resolves once nothing is left to fan out or deliver right now (tests use it). */
  idle(): Promise<void>;
}

const MAX_IN_FLIGHT = 32;
const POLL_MS = 250;

/**
 * The event worker of one process: fans new events out to webhook deliveries and sends due deliveries.
 * A NOTIFY at each commit wakes it at once; a short poll catches retries coming due. Any number of
 * processes can run it on the same database.
 */
export function startEventWorker(database: DatabaseHandle, config: Config, log: Pick<Logger, 'warn' | 'error'>): Worker {
  const { db } = database;
  let running = true;
  let wake: (() => void) | undefined;
  const inFlight = new Set<Promise<void>>();
  const idleWaiters: (() => void)[] = [];
  const listener = new pg.Client(database.pool.options);

  const sleep = (ms: number) =>
    new Promise<void>((resolve) => {
      const timer = setTimeout(resolve, ms);
      wake = () => {
        clearTimeout(timer);
        resolve();
      };
    });

  async function listen() {
    try {
      await listener.connect();
      listener.on('notification', () => wake?.());
      listener.on('error', () => {});
      await listener.query(`LISTEN ${EVENTS_CHANNEL}`);
    } catch (error) {
      log.warn({ err: error }, 'event worker: LISTEN failed; polling only');
    }
  }

  /** Delivers one delivery and then the rest of its line, while each goes through. */
  async function deliverLine(first: WebhookDelivery) {
    let delivery: WebhookDelivery | undefined = first;
    while (delivery && running) {
      const ok = await attemptDelivery(db, config, delivery);
      delivery = ok ? await claimNextInLine(db, delivery, config.webhooks.timeoutMs) : undefined;
    }
  }

  async function loop() {
    await listen();
    while (running) {
      try {
        const fanned = await fanOutEvents(db, config.publicUrl);
        const free = MAX_IN_FLIGHT - inFlight.size;
        const due = free > 0 ? await claimDueDeliveries(db, free, config.webhooks.timeoutMs) : [];
        for (const delivery of due) {
          const attempt = deliverLine(delivery)
            .catch((error) => log.error({ err: error, delivery: delivery.id }, 'webhook attempt failed to record'))
            .finally(() => {
              inFlight.delete(attempt);
              wake?.();
            });
          inFlight.add(attempt);
        }
        if (fanned === 0 && due.length === 0) {
          if (inFlight.size === 0) idleWaiters.splice(0).forEach((resolve) => resolve());
          await sleep(POLL_MS);
        }
      } catch (error) {
        log.warn({ err: error }, 'event worker: database unavailable, retrying');
        await sleep(1000);
      }
    }
  }

  const done = loop();
  return {
    async stop() {
      running = false;
      wake?.();
      await done;
      await Promise.allSettled([...inFlight]);
      await listener.end().catch(() => {});
    },
    idle() {
      return new Promise<void>((resolve) => {
        idleWaiters.push(resolve);
        wake?.();
      });
    },
  };
}
