import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Availability } from '../../db/types.ts';

/** A process refreshes its rows this often; rows older than PRESENCE_STALE (a dead process's) do not count. */
export const HEARTBEAT_MS = 10_000;
const PRESENCE_STALE = sql.raw(`interval '${(3 * HEARTBEAT_MS) / 1000} seconds'`);

export type PresenceSubject = 'User' | 'Contact';

export async function markPresent(
  db: Db,
  processId: string,
  accountId: number,
  type: PresenceSubject,
  id: number,
): Promise<void> {
  await sql`
    INSERT INTO presence_connections (account_id, subject_type, subject_id, process_id) VALUES (${accountId}, ${type}, ${id}, ${processId})
    ON CONFLICT (account_id, subject_type, subject_id, process_id) DO UPDATE SET seen_at = now()`.execute(db);
}

export async function markAbsent(
  db: Db,
  processId: string,
  accountId: number,
  type: PresenceSubject,
  id: number,
): Promise<void> {
  await sql`
    DELETE FROM presence_connections
    WHERE account_id = ${accountId} AND subject_type = ${type} AND subject_id = ${id} AND process_id = ${processId}`.execute(
    db,
  );
}

/** The heartbeat of one process: its rows are fresh again; long-dead rows of any process are cleared. */
export async function refreshPresence(db: Db, processId: string): Promise<void> {
  await sql`UPDATE presence_connections SET seen_at = now() WHERE process_id = ${processId}`.execute(db);
  await sql`DELETE FROM presence_connections WHERE seen_at < now() - interval '1 hour'`.execute(db);
}

export async function forgetProcess(db: Db, processId: string): Promise<void> {
  await sql`DELETE FROM presence_connections WHERE process_id = ${processId}`.execute(db);
}

/**
 * Chatwoot's presence map of an account: connected users with the availability they chose, connected
 * contacts as online; one statement.
 */
export async function presenceMap(
  db: Db,
  accountId: number,
): Promise<{ users: Record<string, Availability>; contacts: Record<string, 'online'> }> {
  const { rows } = await sql<{ subject_type: PresenceSubject; subject_id: number; availability: Availability | null }>`
    SELECT DISTINCT p.subject_type, p.subject_id, au.availability
    FROM presence_connections p
    LEFT JOIN account_users au ON p.subject_type = 'User' AND au.account_id = p.account_id AND au.user_id = p.subject_id
    WHERE p.account_id = ${accountId} AND p.seen_at > now() - ${PRESENCE_STALE}
      AND (p.subject_type = 'Contact' OR au.user_id IS NOT NULL)
    ORDER BY p.subject_type, p.subject_id`.execute(db);
  const users: Record<string, Availability> = {};
  const contacts: Record<string, 'online'> = {};
  for (const row of rows) {
    if (row.subject_type === 'User') users[row.subject_id] = row.availability ?? 'online';
    else contacts[row.subject_id] = 'online';
  }
  return { users, contacts };
}

/**
 * An agent's `availability_status` in one account, Chatwoot's rule: with auto_offline (the default) it
 * is the chosen availability while connected and `offline` otherwise; without it, the chosen one always.
 * `accountUser` names the account_users row in the surrounding query.
 */
export function availabilityStatus(accountUser: string): RawBuilder<Availability> {
  const column = (name: string) => sql.ref(`${accountUser}.${name}`);
  return sql<Availability>`CASE WHEN NOT ${column('auto_offline')} OR EXISTS (
      SELECT 1 FROM presence_connections p
      WHERE p.account_id = ${column('account_id')} AND p.subject_type = 'User' AND p.subject_id = ${column('user_id')}
        AND p.seen_at > now() - ${PRESENCE_STALE})
    THEN ${column('availability')} ELSE 'offline' END`;
}
