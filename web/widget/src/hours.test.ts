import { describe, expect, it } from 'vitest';
import type { WidgetConfig } from './api.ts';
import { availabilityLine } from './hours.ts';

type Channel = WidgetConfig['website_channel_config'];
const weekdays = [1, 2, 3, 4, 5].map((day) => ({
  day_of_week: day,
  closed_all_day: false,
  open_hour: 9,
  open_minutes: 0,
  close_hour: 17,
  close_minutes: 30,
}));
const weekend = [0, 6].map((day) => ({
  day_of_week: day,
  closed_all_day: true,
  open_hour: null,
  open_minutes: null,
  close_hour: null,
  close_minutes: null,
}));
const channel = (over: Partial<Channel> = {}): Channel =>
  ({
    reply_time: 'in_a_few_hours',
    working_hours_enabled: true,
    working_hours: [...weekdays, ...weekend],
    out_of_office_message: null,
    utc_off_set: '+02:00',
    ...over,
  }) as Channel;

describe('the widget’s availability line', () => {
  it('says the reply time when business hours are off or open', () => {
    expect(availabilityLine(channel({ working_hours_enabled: false }))).toEqual({
      online: true,
      text: 'Typically replies in a few hours',
    });
    // Wednesday 10:00 UTC is 12:00 at +02:00.
    expect(availabilityLine(channel(), new Date('2026-12-02T10:00:00Z'))).toEqual({
      online: true,
      text: 'Typically replies in a few hours',
    });
  });

  it('says when the team is back, in the inbox’s time zone, outside business hours', () => {
    // Wednesday 06:30 UTC is 08:30 at +02:00: back today at 09:00.
    expect(availabilityLine(channel(), new Date('2026-12-02T06:30:00Z'))).toEqual({
      online: false,
      text: 'We are away at the moment · We reply today at 09:00',
    });
    // Friday 16:00 UTC is 18:00 at +02:00: closed for the weekend, back Monday.
    expect(
      availabilityLine(channel({ out_of_office_message: 'Out for the weekend' }), new Date('2026-12-04T16:00:00Z'))
        .text,
    ).toBe('Out for the weekend · We reply in 3 days at 09:00');
    // Tuesday 22:30 UTC is already Wednesday 00:30 at +02:00.
    expect(availabilityLine(channel(), new Date('2026-12-01T22:30:00Z')).text).toMatch(/today at 09:00$/);
  });
});
