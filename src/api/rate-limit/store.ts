import { sql } from 'kysely';
import { Redis } from 'ioredis';
import type { Db } from '../../db/pool.ts';

/** Counts one request against each key in the window starting at `windowStart` (ms); answers the counts, in order. */
export interface CounterStore {
  readonly name: 'postgres' | 'redis';
  hit(keys: string[], windowStart: number, windowMs: number): Promise<number[]>;
  close(): Promise<void>;
}

/**
 * PostgreSQL: one statement bumps every key of the request, atomically per row (a new window restarts at 1).
 * Rows of past windows are swept once a window.
 */
export function postgresCounters(db: Db, windowMs: number): CounterStore {
  const sweep = setInterval(() => {
    void sql`DELETE FROM rate_limit_counters WHERE window_start < ${Date.now() - windowMs}`.execute(db).catch(() => {});
  }, windowMs);
  sweep.unref();
  return {
    name: 'postgres',
    async hit(keys, windowStart) {
      const { rows } = await sql<{ key: string; hits: number }>`
        INSERT INTO rate_limit_counters AS c (key, window_start, hits)
        SELECT k, ${windowStart}::bigint, 1 FROM unnest(${keys}::text[]) AS k
        ON CONFLICT (key) DO UPDATE SET
          hits = CASE WHEN c.window_start = EXCLUDED.window_start THEN c.hits + 1 ELSE 1 END,
          window_start = EXCLUDED.window_start
        RETURNING key, hits`.execute(db);
      const counts = new Map(rows.map((row) => [row.key, row.hits]));
      return keys.map((key) => counts.get(key) ?? 1);
    },
    async close() {
      clearInterval(sweep);
    },
  };
}

/** INCR each key of this window; the first hit sets its expiry to the window's end. One round trip per request. */
const HIT_SCRIPT = `
local counts = {}
for i, key in ipairs(KEYS) do
  local n = redis.call('INCR', key)
  if n == 1 then redis.call('PEXPIRE', key, ARGV[1]) end
  counts[i] = n
end
return counts`;

export function redisCounters(redisUrl: string): CounterStore {
  const redis = new Redis(redisUrl, { maxRetriesPerRequest: 2, enableOfflineQueue: true });
  redis.on('error', () => {}); // a request whose count fails is let through (limiter.ts); ioredis reconnects
  redis.defineCommand('switchboardHit', { lua: HIT_SCRIPT });
  return {
    name: 'redis',
    async hit(keys, windowStart, windowMs) {
      const windowKeys = keys.map((key) => `switchboard:rl:${key}:${windowStart}`);
      const ttl = Math.max(1, windowStart + windowMs - Date.now() + 1_000);
      return (
        await (
          redis as unknown as { switchboardHit(n: number, ...args: (string | number)[]): Promise<number[]> }
        ).switchboardHit(windowKeys.length, ...windowKeys, ttl)
      ).map(Number);
    },
    async close() {
      redis.disconnect();
    },
  };
}
