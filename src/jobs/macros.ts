import type { DatabaseHandle } from '../db/pool.ts';
import type { Mailer } from '../domain/mail/mailer.ts';
import { MACRO_RUNS_CHANNEL, macroRunsToSend, markMacroRunFailed, performMacroRun } from '../domain/macros/runs.ts';
import type { ObjectStorage } from '../storage/object-storage.ts';
import { startJobQueue, type JobsLog } from './boss.ts';
import { startNotifiedSweep } from './notified-sweep.ts';

/** One job per macro run (keyed by the run: never two at once). */
export const MACRO_QUEUE = 'macro-run';

export interface MacroRunnerOptions {
  /** Retries after the first attempt before the run is marked failed. */
  retryLimit?: number;
  /** Seconds before the first retry; doubled (with jitter) for each one after. */
  retryDelaySeconds?: number;
}

export interface MacroRunner {
  stop(): Promise<void>;
}

/**
 * Performs queued macro runs as pg-boss jobs: the execute route's NOTIFY (or a sweep every few seconds, after a
 * restart) sends each queued run's job; a transient failure fails the job and pg-boss retries it with backoff,
 * the run resuming where it stopped; after the last retry the run is marked failed (status, error) and the job
 * stays failed in pg-boss.
 */
export async function startMacroRunner(
  database: DatabaseHandle,
  mailer: Mailer,
  log: JobsLog,
  storage?: ObjectStorage,
  options: MacroRunnerOptions = {},
): Promise<MacroRunner> {
  const { db } = database;
  const retryLimit = options.retryLimit ?? 5;
  const boss = await startJobQueue(database, log);
  await boss.createQueue(MACRO_QUEUE, {
    policy: 'stately',
    retryLimit,
    retryDelay: options.retryDelaySeconds ?? 5,
    retryBackoff: true,
    retryDelayMax: 600,
    expireInSeconds: 900,
  });
  // A queue made by an earlier start keeps its settings unless told otherwise.
  await boss.updateQueue(MACRO_QUEUE, {
    retryLimit,
    retryDelay: options.retryDelaySeconds ?? 5,
    retryBackoff: true,
    retryDelayMax: 600,
  });

  await boss.work<{ runId: number }>(MACRO_QUEUE, { pollingIntervalSeconds: 0.5 }, async ([job]) => {
    const { runId } = job.data;
    try {
      await performMacroRun({ db, mailer, storage }, runId);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      if (job.retryCount >= retryLimit) {
        await markMacroRunFailed(db, runId, message);
        log.error({ err: error, run: runId, attempts: job.retryCount + 1 }, 'macro run failed after its last retry');
      } else {
        log.warn({ err: error, run: runId, attempt: job.retryCount + 1 }, 'macro run failed, will retry');
      }
      throw error;
    }
  });

  const sweep = await startNotifiedSweep(
    database,
    { channel: MACRO_RUNS_CHANNEL, intervalMs: 5000, name: 'macros' },
    async () => {
      const ids = await macroRunsToSend(db);
      for (const runId of ids) await boss.send(MACRO_QUEUE, { runId }, { singletonKey: `macro-run:${runId}` });
      return ids.length === 100;
    },
    log,
  );

  return {
    async stop() {
      await sweep.stop();
      await boss.stop({ graceful: true, timeout: 5000 });
    },
  };
}
