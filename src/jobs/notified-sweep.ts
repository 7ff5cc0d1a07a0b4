import pg from 'pg';
import type { DatabaseHandle } from '../db/pool.ts';
import type { JobsLog } from './boss.ts';

export interface NotifiedSweep {
  /** Runs a pass now (or once more after the one under way). */
  run(): Promise<void>;
  /** Stops listening and the timer; resolves once the pass under way ends. */
  stop(): Promise<void>;
}

/**
 * Runs `pass` when `channel` is NOTIFYed and every `intervalMs` (after a restart, or a lost notification),
 * never two at once: a call during a pass, or a pass answering true (more to do), makes it go round once more.
 * The engines that turn rows into pg-boss jobs (chatbots, channel sends) share it.
 */
export async function startNotifiedSweep(
  database: DatabaseHandle,
  options: { channel: string; intervalMs: number; name: string },
  pass: () => Promise<boolean>,
  log: JobsLog,
): Promise<NotifiedSweep> {
  let running = true;
  let sweeping: Promise<void> | undefined;
  let again = false;
  function run(): Promise<void> {
    if (sweeping) {
      again = true;
      return sweeping;
    }
    sweeping = (async () => {
      do {
        again = false;
        try {
          if (await pass()) again = true;
        } catch (error) {
          if (running) log.warn({ err: error }, `${options.name}: sweep failed, retrying`);
        }
      } while (again && running);
    })().finally(() => {
      sweeping = undefined;
    });
    return sweeping;
  }

  const listener = new pg.Client(database.pool.options);
  try {
    await listener.connect();
    listener.on('notification', () => void run());
    listener.on('error', () => {});
    await listener.query(`LISTEN ${options.channel}`);
  } catch (error) {
    log.warn({ err: error }, `${options.name}: LISTEN failed; sweeping only`);
  }
  const timer = setInterval(() => void run(), options.intervalMs);
  await run();

  return {
    run,
    async stop() {
      running = false;
      clearInterval(timer);
      await listener.end().catch(() => {});
      await sweeping;
    },
  };
}
