import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { changeStatus } from './commands.ts';

/** "3 days", "2 hours", "45 minutes": the inactivity a resolution names, in the largest whole unit. */
export function inactivityText(minutes: number): string {
  const [count, unit] =
    minutes % 1440 === 0 ? [minutes / 1440, 'day'] : minutes % 60 === 0 ? [minutes / 60, 'hour'] : [minutes, 'minute'];
  return `${count} ${unit}${count === 1 ? '' : 's'}`;
}

/**
 * Chatwoot's auto-resolve: in every account with `auto_resolve_after` (minutes), open conversations whose last
 * activity is older than that are resolved, with an activity message saying why and the usual events. At most
 * `limitPerAccount` per account per call (the oldest first, through the account/status/activity index); the
 * job calls it again a minute later for the rest.
 */
export async function resolveInactiveConversations(db: Db, limitPerAccount = 200): Promise<number> {
  const accounts = await db
    .selectFrom('accounts')
    .select(['id', 'auto_resolve_after'])
    .where('auto_resolve_after', 'is not', null)
    .where('status', '=', 'active')
    .execute();
  let resolved = 0;
  for (const { id, auto_resolve_after: minutes } of accounts) {
    const due = await db
      .selectFrom('conversations')
      .selectAll()
      .where('account_id', '=', id)
      .where('status', '=', 'open')
      .where('last_activity_at', '<', sql<Date>`now() - make_interval(mins => ${minutes!})`)
      .orderBy('last_activity_at')
      .limit(limitPerAccount)
      .execute();
    for (const conversation of due) {
      await changeStatus(
        db,
        conversation,
        'resolved',
        undefined,
        null,
        `due to ${inactivityText(minutes!)} of inactivity`,
      );
      resolved++;
    }
  }
  return resolved;
}
