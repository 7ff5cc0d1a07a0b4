import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';

/**
 * Runs `work` on one connection marked with an automation depth: every event recorded meanwhile on it carries
 * that depth (the events table's default reads the setting, migration 20261205110000), so the rules its changes
 * trigger know how deep the chain is. The mark is removed before the connection goes back to the pool.
 */
export async function atDepth<T>(db: Db, depth: number, work: (marked: Db) => Promise<T>): Promise<T> {
  return db.connection().execute(async (marked) => {
    await sql`SELECT set_config('switchboard.automation_depth', ${String(depth)}, false)`.execute(marked);
    try {
      return await work(marked);
    } finally {
      await sql`SELECT set_config('switchboard.automation_depth', '', false)`.execute(marked);
    }
  });
}
