import { validation } from '../../errors.ts';
import type { InboxSettings } from './repository.ts';

/** Channel settings by channel class; anything else a request puts in `channel` is ignored. */
const CHANNEL_KEYS: Record<string, readonly string[]> = {
  'Channel::Api': ['hmac_mandatory', 'additional_attributes'],
  'Channel::WebWidget': [
    'website_url',
    'widget_color',
    'welcome_title',
    'welcome_tagline',
    'reply_time',
    'pre_chat_form_enabled',
    'pre_chat_form_options',
    'selected_feature_flags',
    'continuity_via_email',
    'allowed_domains',
    'hmac_mandatory',
  ],
};

/** Settings a channel adapter sets when it creates the inbox (what the provider said), never changed by an update. */
const ADAPTER_KEYS: Record<string, readonly string[]> = {
  'Channel::Telegram': ['bot_name'],
  'Channel::Whatsapp': ['phone_number', 'provider', 'provider_config', 'message_templates'],
  'Channel::Email': [
    'email',
    'imap_enabled',
    'imap_address',
    'imap_port',
    'imap_login',
    'imap_enable_ssl',
    'smtp_enabled',
    'smtp_address',
    'smtp_port',
    'smtp_login',
    'smtp_domain',
    'smtp_enable_starttls_auto',
    'smtp_enable_ssl_tls',
    'smtp_authentication',
  ],
};

export type ChannelInput = { webhook_url?: string | null } & Record<string, unknown>;

export interface WorkingHour {
  day_of_week: number;
  closed_all_day?: boolean;
  open_hour?: number | null;
  open_minutes?: number | null;
  close_hour?: number | null;
  close_minutes?: number | null;
  open_all_day?: boolean;
}

function checkUrl(value: string, field: string): void {
  let url: URL | undefined;
  try {
    url = new URL(value);
  } catch {
    url = undefined;
  }
  if (!url || !['http:', 'https:'].includes(url.protocol))
    throw validation(`${field} is not a valid http(s) URL`, [field]);
}

/** The channel settings after applying `input` to `current`; `webhook_url` is the API channel's own column. */
export function channelValues(
  channelType: string,
  current: Record<string, unknown>,
  input: ChannelInput,
  creating: boolean,
) {
  const channel: Record<string, unknown> = { ...current };
  for (const key of CHANNEL_KEYS[channelType] ?? []) if (input[key] !== undefined) channel[key] = input[key];
  if (creating)
    for (const key of ADAPTER_KEYS[channelType] ?? []) if (input[key] !== undefined) channel[key] = input[key];
  if (channelType === 'Channel::WebWidget') {
    if (creating && !channel.website_url) throw validation("Website url can't be blank", ['channel.website_url']);
    if (channel.website_url === null) throw validation("Website url can't be blank", ['channel.website_url']);
  }
  let webhook_url: string | null | undefined;
  if (channelType === 'Channel::Api' && input.webhook_url !== undefined) {
    webhook_url = input.webhook_url === null || input.webhook_url.trim() === '' ? null : input.webhook_url.trim();
    if (webhook_url) checkUrl(webhook_url, 'channel.webhook_url');
  }
  return { channel, webhook_url };
}

const NOT_NULL: readonly string[] = [
  'greeting_enabled',
  'enable_email_collect',
  'csat_survey_enabled',
  'csat_config',
  'enable_auto_assignment',
  'auto_assignment_config',
  'working_hours_enabled',
  'timezone',
  'allow_messages_after_resolved',
  'lock_to_single_conversation',
  'sender_name_type',
];
const SETTING_KEYS: readonly string[] = [...NOT_NULL, 'greeting_message', 'out_of_office_message', 'business_name'];

function validTimezone(timezone: string): boolean {
  try {
    new Intl.DateTimeFormat('en', { timeZone: timezone });
    return true;
  } catch {
    return false;
  }
}

/** The settings `input` sets. A null for a setting that cannot be empty means "leave it as it is". */
export function settingValues(input: object): InboxSettings {
  const values: Record<string, unknown> = {};
  for (const key of SETTING_KEYS) {
    const value = (input as Record<string, unknown>)[key];
    if (value === undefined || (value === null && NOT_NULL.includes(key))) continue;
    values[key] = value;
  }
  if (typeof values.timezone === 'string' && !validTimezone(values.timezone))
    throw validation('Timezone is not included in the list', ['timezone']);
  return values as InboxSettings;
}

const CLOSED = {
  closed_all_day: true,
  open_hour: null,
  open_minutes: null,
  close_hour: null,
  close_minutes: null,
  open_all_day: false,
};
const OPEN = {
  closed_all_day: false,
  open_hour: 9,
  open_minutes: 0,
  close_hour: 17,
  close_minutes: 0,
  open_all_day: false,
};

/** Chatwoot's default week: Monday to Friday 9:00-17:00, the weekend closed. */
export const DEFAULT_WORKING_HOURS: Required<WorkingHour>[] = [0, 1, 2, 3, 4, 5, 6].map((day) => ({
  day_of_week: day,
  ...(day === 0 || day === 6 ? CLOSED : OPEN),
}));

/** Applies the given days over the current week (or the default one). */
export function mergeWorkingHours(current: unknown[], changes: WorkingHour[]): Required<WorkingHour>[] {
  const week = (current.length ? current : DEFAULT_WORKING_HOURS) as Required<WorkingHour>[];
  const byDay = new Map(week.map((day) => [day.day_of_week, { ...day }]));
  for (const change of changes) {
    const day = { ...(byDay.get(change.day_of_week) ?? { day_of_week: change.day_of_week, ...CLOSED }), ...change };
    if (day.open_all_day)
      Object.assign(day, { closed_all_day: false, open_hour: 0, open_minutes: 0, close_hour: 23, close_minutes: 59 });
    else if (day.closed_all_day)
      Object.assign(day, { open_hour: null, open_minutes: null, close_hour: null, close_minutes: null });
    byDay.set(change.day_of_week, day as Required<WorkingHour>);
  }
  return [...byDay.values()].sort((a, b) => a.day_of_week - b.day_of_week);
}
