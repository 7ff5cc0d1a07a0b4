import { sql } from 'kysely';
import type { Db } from './pool.ts';

/**
 * Runs `work` in a transaction: the caller's when `db` already is one (so a command composed of other
 * commands commits or rolls back as one), else a new one.
 */
export function inTransaction<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  return db.isTransaction ? work(db) : db.transaction().execute(work);
}

let savepoints = 0;

/**
 * Runs `work` so that its failure can be caught and the caller go on: inside a transaction, under a savepoint
 * rolled back on failure (a failed statement would otherwise abort the whole transaction).
 */
export async function attempt<T>(db: Db, work: (trx: Db) => Promise<T>): Promise<T> {
  if (!db.isTransaction) return db.transaction().execute(work);
  const name = sql.id(`attempt_${++savepoints}`);
  await sql`savepoint ${name}`.execute(db);
  try {
    const result = await work(db);
    await sql`release savepoint ${name}`.execute(db);
    return result;
  } catch (error) {
    await sql`rollback to savepoint ${name}`.execute(db);
    throw error;
  }
}
