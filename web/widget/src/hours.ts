import type { WidgetConfig } from './api.ts';

type Channel = WidgetConfig['website_channel_config'];

const REPLY_TIME: Record<string, string> = {
  in_a_few_minutes: 'Typically replies in a few minutes',
  in_a_few_hours: 'Typically replies in a few hours',
  in_a_day: 'Typically replies in a day',
};

/** Minutes since midnight and the weekday in the inbox's time zone, from its UTC offset ("+05:30"). */
function inboxClock(offset: string, now = new Date()) {
  const match = /^([+-])(\d{2}):(\d{2})$/.exec(offset) ?? ['', '+', '00', '00'];
  const minutes = (match[1] === '-' ? -1 : 1) * (Number(match[2]) * 60 + Number(match[3]));
  const local = new Date(now.getTime() + minutes * 60_000);
  return { day: local.getUTCDay(), minute: local.getUTCHours() * 60 + local.getUTCMinutes() };
}

/** The "we reply in …" line under the title: the reply time, or when the team is back outside business hours. */
export function availabilityLine(channel: Channel, now = new Date()): { online: boolean; text: string } {
  const reply = REPLY_TIME[channel.reply_time ?? ''] ?? REPLY_TIME.in_a_few_minutes;
  if (!channel.working_hours_enabled || !channel.working_hours?.length) return { online: true, text: reply };
  const { day, minute } = inboxClock(channel.utc_off_set, now);
  const today = channel.working_hours.find((h) => h.day_of_week === day);
  const opens = (h: NonNullable<Channel['working_hours']>[number]) => (h.open_hour ?? 0) * 60 + (h.open_minutes ?? 0);
  const closes = (h: NonNullable<Channel['working_hours']>[number]) =>
    (h.close_hour ?? 0) * 60 + (h.close_minutes ?? 0);
  if (today && (today.open_all_day || (!today.closed_all_day && minute >= opens(today) && minute < closes(today))))
    return { online: true, text: reply };
  const away = channel.out_of_office_message || 'We are away at the moment';
  for (let ahead = 0; ahead < 7; ahead++) {
    const hours = channel.working_hours.find((h) => h.day_of_week === (day + ahead) % 7);
    if (!hours || hours.closed_all_day) continue;
    if (ahead === 0 && minute >= opens(hours)) continue;
    const at = `${String(hours.open_hour ?? 0).padStart(2, '0')}:${String(hours.open_minutes ?? 0).padStart(2, '0')}`;
    const when = ahead === 0 ? `today at ${at}` : ahead === 1 ? `tomorrow at ${at}` : `in ${ahead} days at ${at}`;
    return { online: false, text: `${away} · We reply ${when}` };
  }
  return { online: false, text: away };
}
