import type { PgBoss } from 'pg-boss';
import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import { advanceRun, type EngineDeps } from '../domain/chatbots/interpreter.ts';
import { callbackBody, callbacksToEnqueue, MAX_CALLBACK_ATTEMPTS, sendCallback } from '../domain/chatbots/callbacks.ts';
import { busyRunCount, overdueWaits, requeueStalledRuns, runsToEnqueue, wakeRun } from '../domain/chatbots/runs.ts';
import { RUNS_CHANNEL } from '../domain/chatbots/tables.ts';
import { startJobQueue, type JobsLog } from './boss.ts';
import { startNotifiedSweep } from './notified-sweep.ts';

/** Advances a run (a dispatch, a reply, a wake-up); one job at a time per run (`stately` + the run's key). */
export const RUN_QUEUE = 'chatbot-run';
/** Ends a delay or an ask's timeout at its time. */
export const WAKE_QUEUE = 'chatbot-wake';
/** POSTs a dispatch outcome to its callback URL (domain/chatbots/callbacks.ts), retried with backoff. */
export const CALLBACK_QUEUE = 'chatbot-callback';

const SWEEP_MS = 1000;
const STALL_CHECK_MS = 60_000;

export interface ChatbotEngine {
  stop(): Promise<void>;
  /** Resolves once no run is queued or running (tests and the benchmark use it). */
  idle(timeoutMs?: number): Promise<void>;
}

/**
 * The chatbot engine of one process. Runs live in the database (chatbot_runs); this only moves them:
 * a NOTIFY (or the sweep, after a restart or a lost notification) turns each queued run into a pg-boss job,
 * whose worker advances the run until it waits or ends; delays and reply timeouts are delayed jobs.
 * Any number of processes can run it on one database.
 */
export async function startChatbotEngine(
  database: DatabaseHandle,
  config: Config,
  log: JobsLog,
): Promise<ChatbotEngine> {
  const { db } = database;
  const boss: PgBoss = await startJobQueue(database, log);
  // A worker heartbeats while it advances a run; a process that died mid-run (kill -9) stops beating and its job
  // is retried at the next supervision pass (≈ a minute), however long a healthy activation may take.
  await boss.createQueue(RUN_QUEUE, {
    policy: 'stately',
    notify: true,
    retryLimit: 5,
    retryDelay: 1,
    retryBackoff: true,
    expireInSeconds: 900,
    heartbeatSeconds: 10,
  });
  await boss.createQueue(WAKE_QUEUE, { retryLimit: 5, retryDelay: 1 });
  await boss.createQueue(CALLBACK_QUEUE, {
    retryLimit: MAX_CALLBACK_ATTEMPTS,
    retryDelay: 2,
    retryBackoff: true,
    expireInSeconds: 120,
  });
  const transport = {
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    timeoutMs: config.webhooks.timeoutMs,
    userAgent: `Switchboard/${config.version}`,
  };

  const deps: EngineDeps = {
    db,
    allowPrivateNetworks: config.webhooks.allowPrivateNetworks,
    async scheduleWake(runId, token, at) {
      await boss.send(WAKE_QUEUE, { runId, token }, { startAfter: at, singletonKey: `${runId}:${token}` });
    },
  };

  let lastStallCheck = 0;
  async function enqueueQueuedRuns() {
    for (;;) {
      const ids = await runsToEnqueue(db);
      await Promise.all(ids.map((runId) => boss.send(RUN_QUEUE, { runId }, { singletonKey: String(runId) })));
      if (ids.length < 100) return;
    }
  }
  async function enqueueCallbacks() {
    for (const callbackId of await callbacksToEnqueue(db)) {
      const body = await callbackBody(db, callbackId);
      if (body) await boss.send(CALLBACK_QUEUE, { callbackId, body }, { singletonKey: `callback:${callbackId}` });
    }
  }
  /** Sends jobs for queued runs and callbacks and wakes overdue waits; answers whether to go round once more. */
  async function sweepOnce(): Promise<boolean> {
    await enqueueQueuedRuns();
    await enqueueCallbacks();
    for (const { id, wait_token } of await overdueWaits(db)) await wakeRun(db, id, wait_token);
    if (Date.now() - lastStallCheck <= STALL_CHECK_MS) return false;
    lastStallCheck = Date.now();
    return (await requeueStalledRuns(db)) > 0;
  }

  // Batches, settled job by job: a full batch fetches the next at once (burst), so a backlog never waits
  // for a poll; NOTIFY wakes idle workers the moment a run is queued.
  await boss.work<
    { runId: number },
    undefined,
    {
      localConcurrency: number;
      batchSize: number;
      burstWhenBatchFull: true;
      perJobResults: true;
      pollingIntervalSeconds: number;
      notifyPollingIntervalSeconds: number;
    }
  >(
    RUN_QUEUE,
    {
      localConcurrency: 2,
      batchSize: 4,
      burstWhenBatchFull: true,
      perJobResults: true,
      pollingIntervalSeconds: 0.5,
      notifyPollingIntervalSeconds: 2,
    },
    async (jobs) =>
      Promise.all(
        jobs.map(async (job) => {
          try {
            await advanceRun(deps, job.data.runId);
            return { id: job.id, status: 'completed' as const };
          } catch (error) {
            log.warn({ err: error, run: job.data.runId }, 'chatbot engine: run step failed, will retry');
            return { id: job.id, status: 'failed' as const, output: { message: (error as Error).message } };
          }
        }),
      ),
  );
  await boss.work<{ runId: number; token: number }>(WAKE_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    // wakeRun queues the run and notifies; the sweep that notification starts sends its job.
    await wakeRun(db, job.data.runId, job.data.token);
  });

  await boss.work<{ callbackId: number; body: string }>(
    CALLBACK_QUEUE,
    { pollingIntervalSeconds: 0.5 },
    async ([job]) => {
      // A 'retry' fails the job, so pg-boss sends it again after its backoff; the row counts the attempts.
      if ((await sendCallback(db, transport, job.data.callbackId, job.data.body)) === 'retry')
        throw new Error(`callback ${job.data.callbackId} not delivered yet`);
    },
  );

  const sweep = await startNotifiedSweep(
    database,
    { channel: RUNS_CHANNEL, intervalMs: SWEEP_MS, name: 'chatbot engine' },
    sweepOnce,
    log,
  );

  return {
    async stop() {
      await sweep.stop();
      await boss.stop({ graceful: true, timeout: 5000 });
    },
    async idle(timeoutMs = 10_000) {
      const deadline = Date.now() + timeoutMs;
      while (Date.now() < deadline) {
        if ((await busyRunCount(db)) === 0) return;
        await new Promise((r) => setTimeout(r, 20));
      }
      throw new Error(`chatbot engine: runs still busy after ${timeoutMs} ms`);
    },
  };
}
