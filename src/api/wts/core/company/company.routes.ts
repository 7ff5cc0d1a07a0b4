import { createHash } from 'node:crypto';
import { Type, type Static } from 'typebox';
import type { App } from '../../../types.ts';
import { officeHours, utcOffsetHours } from '../../../../domain/inboxes/office-hours.ts';
import { Nullable } from '../../schema.ts';

const tags = ['WTS Company'];
const DAYS = ['SUNDAY', 'MONDAY', 'TUESDAY', 'WEDNESDAY', 'THURSDAY', 'FRIDAY', 'SATURDAY'] as const;

/** WTS's office hours (`limitHours`, `offlineResponse`, `timezoneDiff`, `days`), plus the IANA `timezone`. */
const OfficeHoursSchema = Type.Object({
  limitHours: Type.Boolean(),
  offlineResponse: Nullable(Type.String()),
  timezoneDiff: Type.Number(),
  timezone: Type.String(),
  days: Type.Array(
    Type.Object({
      id: Type.String(),
      dayWeek: Type.String(),
      active: Type.Boolean(),
      periods: Type.Array(Type.Object({ startTime: Type.String(), endTime: Type.String() })),
    }),
  ),
});

const hhmm = (hour: number | null, minutes: number | null) =>
  `${String(hour ?? 0).padStart(2, '0')}:${String(minutes ?? 0).padStart(2, '0')}`;

/** A stable id for a day of the hours' source (WTS gives each day an id; Switchboard stores none). */
function dayId(source: string, day: number): string {
  const hex = createHash('sha1').update(`${source}:${day}`).digest('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-5${hex.slice(13, 16)}-8${hex.slice(17, 20)}-${hex.slice(20, 32)}`;
}

/** `/core/v1/company/officehours`: the account's business hours (domain/inboxes/office-hours.ts says which inbox's). */
export default async function companyRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/v1/company/officehours',
    {
      config: { policy: 'account.show' },
      schema: { tags, summary: "The company's office hours", response: { 200: OfficeHoursSchema } },
    },
    async (request): Promise<Static<typeof OfficeHoursSchema>> => {
      const hours = await officeHours(db, request.auth.account.id);
      const source = hours.inboxUuid ?? request.auth.account.uuid;
      return {
        limitHours: hours.limited,
        offlineResponse: hours.offlineMessage,
        timezoneDiff: utcOffsetHours(hours.timezone),
        timezone: hours.timezone,
        days: hours.week.map((day) => ({
          id: dayId(source, day.day_of_week),
          dayWeek: DAYS[day.day_of_week] ?? String(day.day_of_week),
          active: !day.closed_all_day,
          periods: day.closed_all_day
            ? []
            : [{ startTime: hhmm(day.open_hour, day.open_minutes), endTime: hhmm(day.close_hour, day.close_minutes) }],
        })),
      };
    },
  );
}
