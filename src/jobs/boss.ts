import { PgBoss } from 'pg-boss';
import type { DatabaseHandle } from '../db/pool.ts';

/** pg-boss keeps its tables in a schema of its own, in Switchboard's database. */
export const JOBS_SCHEMA = 'pgboss';

export interface JobsLog {
  warn(object: unknown, message?: string): void;
  error(object: unknown, message?: string): void;
}

/**
 * Starts pg-boss on the application's database (creating or migrating its schema on first start; several
 * processes may start together). LISTEN/NOTIFY wakes workers the moment a job is sent.
 */
export async function startJobQueue(database: DatabaseHandle, log: JobsLog): Promise<PgBoss> {
  const boss = new PgBoss({
    connectionString: database.pool.options.connectionString,
    schema: JOBS_SCHEMA,
    max: 4,
    application_name: 'switchboard-jobs',
    useListenNotify: true,
    schedule: false,
    superviseIntervalSeconds: 30,
  });
  boss.on('error', (error) => log.warn({ err: error }, 'job queue error'));
  await boss.start();
  return boss;
}
