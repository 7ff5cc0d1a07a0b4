/** The Application API's JSON the settings pages read (Chatwoot's shapes, plus Switchboard's additions). */
export interface AccountJson {
  id: number;
  name: string;
  locale: string;
  support_email: string | null;
  settings: { auto_resolve_after?: number | null };
}

export interface InboxJson {
  id: number;
  name: string;
  channel_type: string;
  enable_auto_assignment: boolean;
  greeting_enabled: boolean;
  greeting_message: string | null;
  webhook_url?: string | null;
  inbox_identifier?: string;
  hmac_token?: string;
  website_url: string | null;
  widget_color: string | null;
  welcome_title: string | null;
  welcome_tagline: string | null;
  website_token: string | null;
  web_widget_script: string | null;
}

export const CHANNEL = { api: 'Channel::Api', web_widget: 'Channel::WebWidget' } as const;

export interface TeamJson {
  id: number;
  name: string;
  description: string | null;
  allow_auto_assign: boolean;
}

export interface LabelJson {
  id: number;
  title: string;
  description: string | null;
  color: string;
  show_on_sidebar: boolean;
}

export interface CannedJson {
  id: number;
  short_code: string;
  content: string;
}

export interface AttributeJson {
  id: number;
  attribute_display_name: string;
  attribute_display_type: string;
  attribute_description: string | null;
  attribute_key: string;
  attribute_model: string;
  attribute_values: unknown[];
  regex_pattern: string | null;
}

export interface WebhookJson {
  id: number;
  name: string | null;
  url: string;
  subscriptions: string[];
  inbox?: { id: number; name: string };
  secret: string;
  status: string;
  paused_reason: string | null;
}

export interface AttemptJson {
  attempted_at: string;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
}

export interface DeliveryJson {
  id: string;
  event: string;
  status: string;
  attempts: number;
  next_attempt_at: string | null;
  delivered_at: string | null;
  last_status_code: number | null;
  last_error: string | null;
  last_latency_ms: number | null;
  created_at: string;
  attempt_log: AttemptJson[];
}

export interface AgentBotJson {
  id: number;
  name: string;
  description: string | null;
  outgoing_url?: string | null;
  system_bot: boolean;
  access_token?: string;
}

export interface ChatbotJson {
  id: string;
  name: string;
  description: string | null;
  version: number;
  updated_at: string;
}

export interface ProfileJson {
  id: number;
  name: string;
  display_name: string | null;
  email: string;
  message_signature: string | null;
  access_token: string | null;
  accounts: { id: number; availability: string }[];
}

/** The server's own list (a module without imports, so the bundle can read it too). */
export { WEBHOOK_EVENTS } from '../../../../../src/domain/webhooks/events.ts';
