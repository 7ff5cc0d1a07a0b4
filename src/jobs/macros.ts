import type { DatabaseHandle } from '../db/pool.ts';
import type { Mailer } from '../domain/mail/mailer.ts';
import { MACRO_RUNS_CHANNEL, performNextMacroRun } from '../domain/macros/runs.ts';
import type { JobsLog } from './boss.ts';
import { startNotifiedSweep, type NotifiedSweep } from './notified-sweep.ts';

/** Performs queued macro runs: woken by the NOTIFY the execute route sends, and every few seconds after a restart. */
export function startMacroRunner(database: DatabaseHandle, mailer: Mailer, log: JobsLog): Promise<NotifiedSweep> {
  return startNotifiedSweep(database, { channel: MACRO_RUNS_CHANNEL, intervalMs: 5000, name: 'macros' }, () => performNextMacroRun(database.db, mailer), log);
}
