import type { PoolClient } from 'pg';
import type { DatabaseHandle } from '../db/pool.ts';
import { resolveInactiveConversations } from '../domain/conversations/auto-resolve.ts';
import { repeat } from './repeat.ts';

const EVERY_MS = 60_000;
/** Any number, the same in every process: whoever holds this advisory lock is the one resolving. */
const LOCK_KEY = 4_190_311;

interface Log {
  warn(object: object, message: string): void;
}

/**
 * Resolves inactive conversations every minute. Every process runs this timer; a session advisory lock makes
 * one of them do the work at a time, so two never resolve (and announce) the same conversation.
 */
export function startAutoResolve(database: DatabaseHandle, log: Log): { stop(): Promise<void> } {
  return repeat(EVERY_MS, async () => {
    let client: PoolClient | undefined;
    try {
      client = await database.pool.connect();
      const { rows } = await client.query<{ locked: boolean }>('SELECT pg_try_advisory_lock($1) AS locked', [LOCK_KEY]);
      if (!rows[0].locked) return;
      try {
        await resolveInactiveConversations(database.db);
      } finally {
        await client.query('SELECT pg_advisory_unlock($1)', [LOCK_KEY]);
      }
    } catch (err) {
      log.warn({ err }, 'auto-resolve failed; it runs again in a minute');
    } finally {
      client?.release();
    }
  });
}
