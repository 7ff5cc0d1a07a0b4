import pg from 'pg';
import { Kysely } from 'kysely';
import { CommittedNotifications, TappedPostgresDialect } from './committed-notifications.ts';
import { preparingClient, StatementNames } from './prepared.ts';
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
  /** NOTIFYs this process committed (realtime transports publish from here). */
  committed: CommittedNotifications;
  /** Whether frequent statements are prepared on each connection (see prepared.ts). */
  prepared: boolean;
  close(): Promise<void>;
}

/**
 * `prepared: false` runs every statement unnamed, for a pooler that hands each transaction another
 * server connection (PgBouncer in transaction mode without prepared-statement support).
 */
export function openDatabase(url: string, options: { max?: number; prepared?: boolean } = {}): DatabaseHandle {
  const prepared = options.prepared ?? true;
  // Names (and their cap) belong to one handle, that is one database: another handle's statements never use up its cap.
  const statementNames = new StatementNames();
  const pool = new pg.Pool({
    connectionString: url,
    max: options.max ?? 10,
    ...(prepared ? { Client: preparingClient(statementNames) } : {}),
  });
  pool.on('error', () => {
    // An idle client lost its connection (e.g. PostgreSQL restarted); the pool replaces it.
  });
  // pg-pool listens for errors on idle clients only. A checked-out client whose connection drops between two
  // statements (inside a transaction, during a PostgreSQL restart) emits 'error' with no listener, which
  // ends the whole process. Its caller sees the failure on its next statement, and the pool drops the dead
  // client on release.
  pool.on('connect', (client) => client.on('error', () => {}));
  const counter: QueryCounter = { count: 0 };
  const committed = new CommittedNotifications();
  const db = new Kysely<Database>({
    dialect: new TappedPostgresDialect({ pool }, committed),
    log(event) {
      if (event.level === 'query') counter.count++;
    },
  });
  return {
    db,
    pool,
    counter,
    committed,
    prepared,
    async close() {
      await db.destroy();
    },
  };
}
