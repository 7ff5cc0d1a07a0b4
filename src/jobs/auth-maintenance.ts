import type { Db } from '../db/pool.ts';
import { sweepExpiredSessions } from '../domain/auth/sessions.ts';
import { sweepSignInFailures } from '../domain/auth/sign-in.ts';
import { repeat } from './repeat.ts';

const SWEEP_MS = 10 * 60_000;

interface Log {
  warn(object: object, message: string): void;
}

/** Removes expired sign-in sessions and failed-sign-in counts whose window has passed, every ten minutes. */
export function startAuthMaintenance(db: Db, log: Log): { stop(): Promise<void> } {
  return repeat(
    SWEEP_MS,
    async () => {
      try {
        await sweepExpiredSessions(db);
        await sweepSignInFailures(db);
      } catch (err) {
        log.warn({ err }, 'sign-in maintenance failed; it runs again in ten minutes');
      }
    },
    { now: true },
  );
}
