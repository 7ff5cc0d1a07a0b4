import { Type } from 'typebox';
import type { Contact, ContactInbox, Inbox } from '../../../../db/types.ts';
import { presentInbox } from '../../presenters/inbox.ts';
import { FreeObject, Nullable } from '../../presenters/schema-helpers.ts';

export const WidgetQuery = Type.Object({
  website_token: Type.String({ minLength: 1, maxLength: 255 }),
  locale: Type.Optional(Type.String({ maxLength: 20 })),
});

export const WidgetConfigSchema = Type.Object({
  website_channel_config: Type.Object({}, { additionalProperties: true }),
  contact: Type.Object({
    email: Nullable(Type.String()),
    id: Type.Integer(),
    identifier: Nullable(Type.String()),
    name: Type.String(),
    phone_number: Nullable(Type.String()),
    pubsub_token: Type.String(),
  }),
  global_config: FreeObject,
});

/** "+05:30" for the inbox's time zone now, as Chatwoot's `utc_off_set`. */
function utcOffset(timeZone: string): string {
  try {
    const name =
      new Intl.DateTimeFormat('en-US', { timeZone, timeZoneName: 'longOffset' })
        .formatToParts(new Date())
        .find((p) => p.type === 'timeZoneName')?.value ?? 'GMT';
    return name === 'GMT' ? '+00:00' : name.replace('GMT', '');
  } catch {
    return '+00:00';
  }
}

/** What the widget loads on start (`POST /api/v1/widget/config`), with the contact's `auth_token`. */
export function presentWidgetConfig(
  inbox: Inbox,
  contactInbox: ContactInbox & { contact: Contact },
  authToken: string,
  publicUrl: string,
) {
  const full = presentInbox(inbox, { isAdmin: false, publicUrl });
  return {
    website_channel_config: {
      allow_messages_after_resolved: inbox.allow_messages_after_resolved,
      api_host: publicUrl,
      auth_token: authToken,
      avatar_url: inbox.avatar_url ?? '',
      channel_avatar_url: inbox.avatar_url ?? '',
      csat_survey_enabled: inbox.csat_survey_enabled,
      disable_branding: false,
      enabled_features: full.selected_feature_flags,
      enabled_languages: [],
      locale: 'en',
      out_of_office_message: inbox.out_of_office_message,
      portal: null,
      pre_chat_form_enabled: full.pre_chat_form_enabled ?? false,
      pre_chat_form_options: full.pre_chat_form_options ?? {},
      reply_time: full.reply_time,
      timezone: inbox.timezone,
      utc_off_set: utcOffset(inbox.timezone),
      website_name: inbox.name,
      website_token: inbox.identifier,
      welcome_tagline: full.welcome_tagline,
      welcome_title: full.welcome_title,
      widget_color: full.widget_color,
      working_hours: full.working_hours,
      working_hours_enabled: inbox.working_hours_enabled,
      account_id: inbox.account_id,
    },
    contact: {
      email: contactInbox.contact.email,
      id: contactInbox.contact.id,
      identifier: contactInbox.contact.identifier,
      name: contactInbox.contact.name,
      phone_number: contactInbox.contact.phone_number,
      pubsub_token: contactInbox.pubsub_token,
    },
    global_config: {},
  };
}
