import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import type { AutomationRun } from '../db/types.ts';
import type { Mailer } from '../domain/mail/mailer.ts';
import { attemptCall, claimCalls, type CallTransport } from '../domain/automation_rules/calls.ts';
import { AUTOMATION_CHANNEL } from '../domain/automation_rules/plan.ts';
import { byEvent, claimRuns, executeEventRuns, type RunDeps } from '../domain/automation_rules/runs.ts';
import { eventPayloadRenderer } from '../domain/automation_rules/webhook-payload.ts';
import type { JobsLog } from './boss.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { Wakeup } from '../events/wake.ts';

export interface AutomationEngine {
  stop(): Promise<void>;
  /** Resolves once no run is queued or running and no call is due (tests use it). */
  idle(timeoutMs?: number): Promise<void>;
}

const POLL_MS = 250;
/** Events whose runs are claimed at once (each with all its rules' runs). */
const EVENT_BATCH = 10;
const CALLS_IN_FLIGHT = 16;

/**
 * The automation engine of one process. Runs are planned by the event fan-out (domain/automation_rules/plan.ts);
 * this executes them one at a time per batch, in id order (a conversation's runs never overlap: claimRuns), and
 * sends their HTTP calls beside, each on its own, retried with backoff. A NOTIFY at the fan-out's commit wakes it;
 * a short poll catches retries coming due. Any number of processes can run it on one database.
 */
export function startAutomationEngine(
  database: DatabaseHandle,
  config: Config,
  mailer: Mailer,
  log: JobsLog,
  storage: ObjectStorage,
): AutomationEngine {
  const { db } = database;
  const transport: CallTransport = {
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    timeoutMs: config.webhooks.timeoutMs,
    retryBaseMs: config.webhooks.retryBaseMs,
  };
  const deps: RunDeps = {
    db,
    mailer,
    storage,
    userAgent: `Switchboard/${config.version}`,
    async eventPayload(run: AutomationRun) {
      const event = await db.selectFrom('events').selectAll().where('id', '=', run.event_id).executeTakeFirst();
      return event ? eventPayloadRenderer()(db, event, run.event_name, config.publicUrl) : undefined;
    },
  };
  let running = true;
  const wakeup = new Wakeup(database.pool.options, AUTOMATION_CHANNEL);
  const calls = new Set<Promise<void>>();

  async function pass(): Promise<boolean> {
    const runs = await claimRuns(db, EVENT_BATCH);
    for (const eventRuns of byEvent(runs)) {
      const statuses = await executeEventRuns(deps, eventRuns).catch((error) => {
        log.error(
          { err: error, event: eventRuns[0].event_id },
          'automation engine: runs failed to execute; they will be taken again',
        );
        return new Map<number, string>();
      });
      const failed = eventRuns.filter((run) => statuses.get(run.id) === 'failed');
      if (failed.length)
        log.warn(
          { runs: failed.map((r) => r.id), event: eventRuns[0].event_id },
          'automation rule runs had failing actions',
        );
    }
    const free = CALLS_IN_FLIGHT - calls.size;
    const due = free > 0 ? await claimCalls(db, free) : [];
    for (const call of due) {
      const attempt = attemptCall(db, transport, call)
        .then((status) => {
          if (status === 'failed')
            log.warn({ call: call.id, rule: call.rule_id }, 'automation HTTP call failed for good');
        })
        .catch((error) => log.error({ err: error, call: call.id }, 'automation HTTP call failed to record'))
        .finally(() => {
          calls.delete(attempt);
          wakeup.wake();
        });
      calls.add(attempt);
    }
    return byEvent(runs).length === EVENT_BATCH || due.length > 0;
  }

  async function loop() {
    await wakeup.listen(log, 'automation engine');
    while (running) {
      try {
        wakeup.notified = false;
        const more = await pass();
        if (!more && !wakeup.notified) await wakeup.sleep(POLL_MS);
      } catch (error) {
        if (running) log.warn({ err: error }, 'automation engine: database unavailable, retrying');
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
      await Promise.allSettled([...calls]);
      await wakeup.close();
    },
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        const busy = await db
          .selectFrom('automation_runs')
          .select('id')
          .where('status', 'in', ['queued', 'running'])
          .union(
            db
              .selectFrom('automation_calls')
              .select('id')
              .where('status', '=', 'pending')
              .where('next_attempt_at', '<=', new Date()),
          )
          .limit(1)
          .executeTakeFirst();
        if (!busy && calls.size === 0) return;
        wakeup.wake();
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`automation engine: still busy after ${timeoutMs} ms`);
    },
  };
}
