// What the application stores in columns the schema types only loosely: CHECK-constrained text as string
// unions, jsonb as its shapes. The generated types.ts (scripts/db-types.ts) names these in its overrides.
import type { ColumnType } from 'kysely';

/** A jsonb column: parsed by pg on select; a value or its JSON text on insert and update. */
export type Json<T = Record<string, unknown>> = ColumnType<T, T | string, T | string>;

export interface AutomationCondition {
  attribute_key: string;
  filter_operator: string;
  values: unknown[];
  query_operator?: string | null;
  custom_attribute_type?: string | null;
}

export interface AutomationAction {
  action_name: string;
  action_params: unknown[];
}

export interface AutomationActionOutcome {
  action_name: string;
  status: 'done' | 'failed' | 'queued';
  detail: string | null;
}

export interface AutomationCallAttempt {
  attempted_at: string;
  status_code: number | null;
  error: string | null;
}

/** One frame of a dashboard app: the page agents see beside a conversation. */
export interface DashboardAppFrame {
  type: 'frame';
  url: string;
}

export interface MacroRunLogEntry {
  conversation_id: number;
  action_index: number;
  action_name: string;
  status: 'done' | 'failed' | 'skipped';
  detail: string | null;
}

export interface SequenceStep {
  delaySeconds: number;
  text: string;
}

export type Role = 'agent' | 'administrator';
export type Availability = 'online' | 'busy' | 'offline';
export type PermissibleType = 'Account' | 'User' | 'AgentBot';
export type TokenOwnerType = 'User' | 'AgentBot' | 'PlatformApp';
export type CoreStatus = 'open' | 'pending' | 'snoozed' | 'resolved' | 'hidden';
export type Priority = 'low' | 'medium' | 'high' | 'urgent';
export type SenderType = 'User' | 'Contact' | 'AgentBot';
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed';
export type CustomFilterType = 'conversation' | 'contact' | 'report';
export type DeliveryTarget = 'webhook' | 'inbox' | 'agent_bot' | 'integration_hook';
export type ChannelSendStatus = 'queued' | 'enqueued' | 'sent' | 'failed';
export type AutomationRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cut';
export type MacroVisibility = 'personal' | 'global';
export type ScheduledMessageType = 'TEMPLATE' | 'CHATBOT';
export type ScheduledMessageStatus = 'SCHEDULED' | 'PROCESSED' | 'SENT' | 'CANCELED' | 'FAILED';
export type SequenceContactStatus = 'ACTIVE' | 'COMPLETED' | 'STOPPED' | 'REMOVED';
export type PanelType = 'MANAGEMENT' | 'SALES';
export type CardStatus = 'OPEN' | 'WON' | 'LOST' | 'ARCHIVED';
export type PanelFieldType =
  | 'STRING'
  | 'TEXT'
  | 'INTEGER'
  | 'FLOAT'
  | 'SINGLESELECT'
  | 'MULTISELECT'
  | 'DATE'
  | 'TIME'
  | 'DATETIME'
  | 'BOOLEAN';

/** Help Center locales: which the portal offers and which it opens in. */
export interface PortalConfig {
  allowed_locales: string[];
  default_locale: string;
}

export type ArticleStatus = 'draft' | 'published' | 'archived';

/** Settings of a Slack hook: the Slack incoming webhook its notifications are posted to. */
export interface SlackHookSettings {
  webhook_url: string;
}
