/** The parts of the Application API's JSON the dashboard reads (Chatwoot's shapes). */
export interface AccountRef {
  id: number;
  name: string;
  role: 'administrator' | 'agent';
}

export interface Profile {
  id: number;
  name: string;
  available_name: string;
  email: string;
  avatar_url: string;
  pubsub_token: string;
  account_id: number | null;
  accounts: AccountRef[];
  ui_settings: Record<string, unknown>;
}

export interface Person {
  id: number;
  name: string | null;
  available_name?: string;
  email?: string | null;
  phone_number?: string | null;
  thumbnail?: string;
  avatar_url?: string;
  availability_status?: string;
  type?: string;
}

/** Chatwoot's contact JSON; `labels` only where the dashboard asks for them (include_labels). */
export interface Contact {
  id: number;
  name: string | null;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  thumbnail: string;
  custom_attributes: Record<string, unknown>;
  labels?: string[];
  last_activity_at?: number;
  created_at: number;
}

export interface Attachment {
  id: number;
  file_type: 'image' | 'audio' | 'video' | 'file' | string;
  data_url: string;
  thumb_url?: string;
  file_size?: number;
  extension?: string | null;
}

export interface Message {
  id: number;
  content: string | null;
  conversation_id: number;
  message_type: number; // 0 incoming, 1 outgoing, 2 activity, 3 template
  content_type: string;
  status: string;
  content_attributes: Record<string, unknown>;
  created_at: number;
  private: boolean;
  sender?: Person & { type?: string };
  attachments?: Attachment[];
  echo_id?: string;
}

export const MESSAGE_TYPE = { incoming: 0, outgoing: 1, activity: 2, template: 3 } as const;

export interface Conversation {
  id: number;
  account_id: number;
  inbox_id: number;
  status: 'open' | 'pending' | 'snoozed' | 'resolved';
  priority: 'low' | 'medium' | 'high' | 'urgent' | null;
  labels: string[];
  unread_count: number;
  muted: boolean;
  last_activity_at: number;
  created_at: number;
  waiting_since: number;
  snoozed_until: string | null;
  messages: Message[];
  last_non_activity_message?: Message | null;
  meta: {
    sender: Person;
    channel: string;
    assignee?: Person;
    team?: { id: number; name: string };
  };
}

export interface Counts {
  mine_count: number;
  assigned_count: number;
  unassigned_count: number;
  all_count: number;
}

export interface ConversationPage {
  data: { meta: Counts & { next_cursor?: string | null }; payload: Conversation[] };
}

export interface Inbox {
  id: number;
  name: string;
  channel_type: string;
}

export interface Agent {
  id: number;
  name: string;
  available_name: string;
  email: string;
  role: string;
  availability_status: string;
  thumbnail: string;
  /** False until they choose a password (with their invitation link). */
  confirmed: boolean;
}

export interface Team {
  id: number;
  name: string;
}

export interface Label {
  id: number;
  title: string;
  color: string;
}
