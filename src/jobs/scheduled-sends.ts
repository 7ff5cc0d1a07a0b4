import type { DatabaseHandle } from '../db/pool.ts';
import { SCHEDULED_CHANNEL } from '../domain/scheduled_messages/repository.ts';
import { sendDueScheduled } from '../domain/scheduled_messages/send.ts';
import { advanceDueSequences } from '../domain/sequences/run.ts';
import type { JobsLog } from './boss.ts';
import { startNotifiedSweep, type NotifiedSweep } from './notified-sweep.ts';

/** How often due scheduled messages and sequence steps are looked for: the precision of "on time". */
const SWEEP_MS = 1000;

/**
 * Sends scheduled messages and sequence steps when due. The rows are the jobs: each is claimed with
 * FOR UPDATE SKIP LOCKED and sent in the claim's transaction (domain/scheduled_messages/send.ts,
 * domain/sequences/run.ts), so any number of processes may run this, a restart loses nothing and nothing is sent twice.
 */
export function startScheduledSender(database: DatabaseHandle, log: JobsLog): Promise<NotifiedSweep> {
  return startNotifiedSweep(
    database,
    { channel: SCHEDULED_CHANNEL, intervalMs: SWEEP_MS, name: 'scheduled sends' },
    async () => {
      const more = await sendDueScheduled(database.db);
      return (await advanceDueSequences(database.db)) || more;
    },
    log,
  );
}
