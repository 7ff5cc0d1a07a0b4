import pg from 'pg';
import { Kysely, PostgresDialect } from 'kysely';
import type { Database } from './types.ts';

// bigint ids fit in a JS number for any realistic table; counts too.
pg.types.setTypeParser(pg.types.builtins.INT8, (value) => Number(value));
pg.types.setTypeParser(pg.types.builtins.NUMERIC, (value) => Number(value));

export type Db = Kysely<Database>;

export interface QueryCounter {
  count: number;
}

export interface DatabaseHandle {
  db: Db;
  pool: pg.Pool;
  /** Every statement run through `db` increments this; tests use it to assert constant-query lists. */
  counter: QueryCounter;
  close(): Promise<void>;
}

export function openDatabase(url: string, options: { max?: number } = {}): DatabaseHandle {
  const pool = new pg.Pool({ connectionString: url, max: options.max ?? 10 });
  pool.on('error', () => {
    // An idle client lost its connection (e.g. PostgreSQL restarted); the pool replaces it.
  });
  const counter: QueryCounter = { count: 0 };
  const db = new Kysely<Database>({
    dialect: new PostgresDialect({ pool }),
    log(event) {
      if (event.level === 'query') counter.count++;
    },
  });
  return {
    db,
    pool,
    counter,
    async close() {
      await db.destroy();
    },
  };
}
