import type { Db } from '../../db/pool.ts';
import { DEFAULT_WORKING_HOURS, type WorkingHour } from './settings.ts';

/** The account's business hours, from its inboxes (Chatwoot keeps working hours per inbox, not per account). */
export interface OfficeHours {
  /** The inbox the hours are read from; none when the account has no inbox. */
  inboxUuid: string | null;
  limited: boolean;
  offlineMessage: string | null;
  timezone: string;
  week: Required<WorkingHour>[];
}

/**
 * The account's hours are those of its first inbox (oldest) that enforces working hours; when none does,
 * the account serves around the clock (`limited` false) and the week shown is the oldest inbox's (or
 * Chatwoot's default). One statement.
 */
export async function officeHours(db: Db, accountId: number): Promise<OfficeHours> {
  const inbox = await db
    .selectFrom('inboxes')
    .select(['uuid', 'working_hours_enabled', 'working_hours', 'out_of_office_message', 'timezone'])
    .where('account_id', '=', accountId)
    .orderBy('working_hours_enabled', 'desc')
    .orderBy('id')
    .executeTakeFirst();
  if (!inbox)
    return { inboxUuid: null, limited: false, offlineMessage: null, timezone: 'UTC', week: DEFAULT_WORKING_HOURS };
  const week = (inbox.working_hours as Required<WorkingHour>[]).length
    ? (inbox.working_hours as Required<WorkingHour>[])
    : DEFAULT_WORKING_HOURS;
  return {
    inboxUuid: inbox.uuid,
    limited: inbox.working_hours_enabled,
    offlineMessage: inbox.out_of_office_message,
    timezone: inbox.timezone,
    week,
  };
}

/** A time zone's offset from UTC now, in hours (America/Sao_Paulo → -3). */
export function utcOffsetHours(timezone: string, at = new Date()): number {
  const name =
    new Intl.DateTimeFormat('en-US', { timeZone: timezone, timeZoneName: 'longOffset' })
      .formatToParts(at)
      .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
  const match = /GMT([+-])(\d{2}):(\d{2})/.exec(name);
  if (!match) return 0;
  return (match[1] === '-' ? -1 : 1) * (Number(match[2]) + Number(match[3]) / 60);
}
