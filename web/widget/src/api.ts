/** The widget's end of Chatwoot's widget API: the website token in the query, the visitor's token in X-Auth-Token. */
export interface Message {
  id: number;
  content: string | null;
  message_type: number;
  content_type: string;
  content_attributes: { items?: ChoiceItem[]; submitted_values?: ChoiceItem[]; [key: string]: unknown };
  created_at: number;
  conversation_id: number;
  attachments?: { id: number; file_type: string; data_url: string; thumb_url?: string; file_name?: string }[];
  sender?: { name?: string; avatar_url?: string; thumbnail?: string; type?: string };
  private?: boolean;
}

export interface ChoiceItem {
  title: string;
  value?: string;
  description?: string;
  actions?: { type: string; text: string; payload?: string; uri?: string }[];
}

export interface WidgetConfig {
  website_channel_config: {
    auth_token: string;
    website_name: string;
    welcome_title: string | null;
    welcome_tagline: string | null;
    widget_color: string | null;
    reply_time: string | null;
    pre_chat_form_enabled: boolean;
    pre_chat_form_options: {
      pre_chat_message?: string;
      pre_chat_fields?: { name: string; type: string; label?: string; required?: boolean; enabled?: boolean }[];
      require_email?: boolean;
    };
    working_hours_enabled: boolean;
    working_hours:
      | {
          day_of_week: number;
          closed_all_day: boolean;
          open_all_day?: boolean;
          open_hour: number | null;
          open_minutes: number | null;
          close_hour: number | null;
          close_minutes: number | null;
        }[]
      | null;
    out_of_office_message: string | null;
    utc_off_set: string;
    enabled_features: string[] | null;
  };
  contact: { id: number; name: string; email: string | null; pubsub_token: string };
}

export class WidgetError extends Error {
  readonly status: number;
  constructor(status: number, message: string) {
    super(message);
    this.status = status;
  }
}

export class WidgetApi {
  readonly websiteToken: string;
  authToken: string;
  constructor(websiteToken: string, authToken: string) {
    this.websiteToken = websiteToken;
    this.authToken = authToken;
  }

  async call<T>(method: string, path: string, body?: unknown, query = ''): Promise<T> {
    const headers: Record<string, string> = {};
    if (this.authToken) headers['X-Auth-Token'] = this.authToken;
    let payload: BodyInit | undefined;
    if (body instanceof FormData) payload = body;
    else if (body !== undefined) {
      headers['Content-Type'] = 'application/json';
      payload = JSON.stringify(body);
    }
    const res = await fetch(`/api/v1/widget${path}?website_token=${encodeURIComponent(this.websiteToken)}${query}`, {
      method,
      headers,
      body: payload,
    });
    const text = await res.text();
    const json = text ? JSON.parse(text) : undefined;
    if (!res.ok)
      throw new WidgetError(
        res.status,
        (json && (json.error || json.message || json.errors?.[0])) || `HTTP ${res.status}`,
      );
    return json as T;
  }

  config = () => this.call<WidgetConfig>('POST', '/config');
  messages = (before?: number) =>
    this.call<Message[]>('GET', '/messages', undefined, before ? `&before=${before}` : '');
  startConversation = (contact: Record<string, string>, content: string) =>
    this.call<{ id: number; messages: Message[] }>('POST', '/conversations', {
      contact,
      message: { content, timestamp: new Date().toString(), referer_url: document.referrer },
    });
  send = (content: string, files: File[] = []) => {
    if (!files.length)
      return this.call<Message>('POST', '/messages', {
        message: { content, timestamp: new Date().toString(), referer_url: document.referrer },
      });
    const form = new FormData();
    if (content) form.append('message[content]', content);
    form.append('message[timestamp]', new Date().toString());
    for (const file of files) form.append('message[attachments][]', file);
    return this.call<Message>('POST', '/messages', form);
  };
  answer = (messageId: number, item: ChoiceItem) =>
    this.call<Message>('PATCH', `/messages/${messageId}`, { message: { submitted_values: [item] } });
  typing = (on: boolean) =>
    this.call<void>('POST', '/conversations/toggle_typing', { typing_status: on ? 'on' : 'off' });
  seen = () => this.call<void>('POST', '/conversations/update_last_seen', {});
  setUser = (identifier: string, user: Record<string, unknown>) =>
    this.call<{ widget_auth_token?: string }>('PATCH', '/contact/set_user', { identifier, ...user });
  updateContact = (fields: Record<string, unknown>) => this.call<unknown>('PATCH', '/contact', fields);
  deleteCustomAttribute = (key: string) =>
    this.call<unknown>('POST', '/contact/destroy_custom_attributes', { custom_attributes: [key] });
  setConversationAttributes = (attributes: Record<string, unknown>) =>
    this.call<unknown>('POST', '/conversations/set_custom_attributes', { custom_attributes: attributes });
  addLabel = (label: string) => this.call<void>('POST', '/labels', { label });
  removeLabel = (label: string) => this.call<void>('DELETE', `/labels/${encodeURIComponent(label)}`);
}
