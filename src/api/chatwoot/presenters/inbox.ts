import { Type, type Static } from 'typebox';
import type { Inbox } from '../../../db/types.ts';
import { DEFAULT_WORKING_HOURS } from '../../../domain/inboxes/settings.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';

/** Create requests name channels by short type; responses by class name. */
export const CHANNEL_TYPES = {
  api: 'Channel::Api',
  web_widget: 'Channel::WebWidget',
  email: 'Channel::Email',
  telegram: 'Channel::Telegram',
  whatsapp: 'Channel::Whatsapp',
} as const;
export type ChannelShortType = keyof typeof CHANNEL_TYPES;

export const InboxSlimSchema = Type.Object({
  id: Type.Integer(),
  avatar_url: Type.String(),
  channel_id: Type.Integer(),
  name: Type.String(),
  channel_type: Type.String(),
  provider: Nullable(Type.String()),
});

export function presentInboxSlim(inbox: Inbox): Static<typeof InboxSlimSchema> {
  return {
    id: inbox.id,
    avatar_url: inbox.avatar_url ?? '',
    channel_id: inbox.id,
    name: inbox.name,
    channel_type: inbox.channel_type,
    provider: null,
  };
}

const S = Nullable(Type.String());
const B = Nullable(Type.Boolean());

export const InboxSchema = Type.Object({
  id: Type.Integer(),
  avatar_url: Type.String(),
  channel_id: Type.Integer(),
  name: Type.String(),
  channel_type: Type.String(),
  greeting_enabled: Type.Boolean(),
  greeting_message: S,
  working_hours_enabled: Type.Boolean(),
  enable_email_collect: Type.Boolean(),
  csat_survey_enabled: Type.Boolean(),
  csat_config: FreeObject,
  enable_auto_assignment: Type.Boolean(),
  auto_assignment_config: FreeObject,
  out_of_office_message: S,
  working_hours: Type.Array(FreeObject),
  timezone: Type.String(),
  callback_webhook_url: S,
  allow_messages_after_resolved: Type.Boolean(),
  lock_to_single_conversation: Type.Boolean(),
  sender_name_type: Type.String(),
  business_name: S,
  allowed_domains: S,
  widget_color: S,
  website_url: S,
  hmac_mandatory: B,
  welcome_title: S,
  welcome_tagline: S,
  web_widget_script: S,
  website_token: S,
  selected_feature_flags: Nullable(Type.Array(Type.String())),
  reply_time: S,
  messaging_service_sid: S,
  phone_number: S,
  provider: S,
  hmac_token: Type.Optional(Type.String()),
  webhook_url: Type.Optional(S),
  inbox_identifier: Type.Optional(Type.String()),
  additional_attributes: Type.Optional(FreeObject),
  pre_chat_form_enabled: Type.Optional(Type.Boolean()),
  pre_chat_form_options: Type.Optional(FreeObject),
  continuity_via_email: Type.Optional(Type.Boolean()),
  bot_name: Type.Optional(S),
  message_templates: Type.Optional(Type.Array(FreeObject)),
  provider_config: Type.Optional(FreeObject),
  email: Type.Optional(S),
  imap_enabled: Type.Optional(B),
  imap_address: Type.Optional(S),
  imap_port: Type.Optional(Nullable(Type.Integer())),
  imap_login: Type.Optional(S),
  imap_enable_ssl: Type.Optional(B),
  smtp_enabled: Type.Optional(B),
  smtp_address: Type.Optional(S),
  smtp_port: Type.Optional(Nullable(Type.Integer())),
  smtp_login: Type.Optional(S),
  smtp_domain: Type.Optional(S),
  smtp_enable_starttls_auto: Type.Optional(B),
  smtp_enable_ssl_tls: Type.Optional(B),
  smtp_authentication: Type.Optional(S),
  /** Chatwoot's flag: the channel's login was refused and its credentials need updating (an email inbox's IMAP). */
  reauthorization_required: Type.Optional(Type.Boolean()),
  /** Why the last IMAP poll failed, in the server's words; null when it succeeded. */
  imap_error: Type.Optional(S),
  /** When the IMAP mailbox was last polled. */
  imap_checked_at: Type.Optional(S),
});
export type InboxJson = Static<typeof InboxSchema>;

const EMAIL_FIELDS = [
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
] as const;

/** A new widget has attachments, the emoji picker and ending the conversation switched on. */
const WIDGET_FEATURES = ['attachments', 'emoji_picker', 'end_conversation'];

function widgetScript(publicUrl: string, websiteToken: string): string {
  return `<script>(function(d,t){var g=d.createElement(t),s=d.getElementsByTagName(t)[0];g.src="${publicUrl}/packs/js/sdk.js";g.async=true;s.parentNode.insertBefore(g,s);g.onload=function(){window.chatwootSDK.run({websiteToken:'${websiteToken}',baseUrl:"${publicUrl}"})}})(document,"script");</script>`;
}

/** The full inbox as /inboxes answers it; secrets only for administrators. */
export function presentInbox(inbox: Inbox, options: { isAdmin: boolean; publicUrl: string }): InboxJson {
  const channel = (inbox.channel ?? {}) as Record<string, any>;
  const isWidget = inbox.channel_type === CHANNEL_TYPES.web_widget;
  const isApi = inbox.channel_type === CHANNEL_TYPES.api;
  const json: InboxJson = {
    id: inbox.id,
    avatar_url: inbox.avatar_url ?? '',
    channel_id: inbox.id,
    name: inbox.name,
    channel_type: inbox.channel_type,
    greeting_enabled: inbox.greeting_enabled,
    greeting_message: inbox.greeting_message,
    working_hours_enabled: inbox.working_hours_enabled,
    enable_email_collect: inbox.enable_email_collect,
    csat_survey_enabled: inbox.csat_survey_enabled,
    csat_config: inbox.csat_config,
    enable_auto_assignment: inbox.enable_auto_assignment,
    auto_assignment_config: inbox.auto_assignment_config,
    out_of_office_message: inbox.out_of_office_message,
    working_hours: (inbox.working_hours?.length ? inbox.working_hours : DEFAULT_WORKING_HOURS) as Record<
      string,
      unknown
    >[],
    timezone: inbox.timezone,
    callback_webhook_url: null,
    allow_messages_after_resolved: inbox.allow_messages_after_resolved,
    lock_to_single_conversation: inbox.lock_to_single_conversation,
    sender_name_type: inbox.sender_name_type,
    business_name: inbox.business_name,
    allowed_domains: isWidget ? (channel.allowed_domains ?? '') : null,
    widget_color: isWidget ? (channel.widget_color ?? '#1f93ff') : null,
    website_url: isWidget ? (channel.website_url ?? null) : null,
    hmac_mandatory: isWidget || isApi ? Boolean(channel.hmac_mandatory) : null,
    welcome_title: isWidget ? (channel.welcome_title ?? null) : null,
    welcome_tagline: isWidget ? (channel.welcome_tagline ?? null) : null,
    web_widget_script: isWidget ? widgetScript(options.publicUrl, inbox.identifier) : null,
    website_token: isWidget ? inbox.identifier : null,
    selected_feature_flags: isWidget ? (channel.selected_feature_flags ?? WIDGET_FEATURES) : null,
    reply_time: isWidget ? (channel.reply_time ?? 'in_a_few_minutes') : null,
    messaging_service_sid: null,
    phone_number: null,
    provider: null,
  };
  if (isApi) {
    json.webhook_url = inbox.webhook_url;
    json.inbox_identifier = inbox.identifier;
    json.additional_attributes = channel.additional_attributes ?? {};
  }
  if (isWidget) {
    json.pre_chat_form_enabled = Boolean(channel.pre_chat_form_enabled);
    json.pre_chat_form_options = channel.pre_chat_form_options ?? {};
    json.continuity_via_email = channel.continuity_via_email ?? true;
  }
  // The bot token is never presented (SECURITY.md): the bot's name says which bot it is.
  if (inbox.channel_type === CHANNEL_TYPES.telegram) json.bot_name = channel.bot_name ?? null;
  if (inbox.channel_type === CHANNEL_TYPES.whatsapp) presentWhatsapp(json, channel, options.isAdmin);
  // An email inbox's servers, as Chatwoot presents them; the IMAP and SMTP passwords never are.
  if (inbox.channel_type === CHANNEL_TYPES.email) {
    for (const key of EMAIL_FIELDS) (json as Record<string, unknown>)[key] = channel[key] ?? null;
    json.reauthorization_required = channel.reauthorization_required === true;
    if (channel.imap_enabled) {
      json.imap_error = channel.imap_error ?? null;
      json.imap_checked_at = channel.imap_checked_at ?? null;
    }
  }
  if (options.isAdmin && (isApi || isWidget)) json.hmac_token = inbox.hmac_token;
  return json;
}

/**
 * Chatwoot's WhatsApp attributes: phone number, provider, synced templates, and for administrators the
 * provider_config without its secrets (the access token and app secret are never presented, SECURITY.md).
 */
function presentWhatsapp(json: InboxJson, channel: Record<string, any>, isAdmin: boolean): void {
  json.phone_number = channel.phone_number ?? null;
  json.provider = channel.provider ?? 'whatsapp_cloud';
  json.message_templates = Array.isArray(channel.message_templates) ? channel.message_templates : [];
  if (isAdmin) json.provider_config = channel.provider_config ?? {};
}
