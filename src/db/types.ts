import type { ColumnType, Generated, Insertable, Selectable, Updateable } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;
type NullableTimestamp = ColumnType<Date | null, Date | string | null | undefined, Date | string | null>;
type Json<T = Record<string, unknown>> = ColumnType<T, T | string | undefined, T | string>;
type Id = Generated<number>;
type Uuid = Generated<string>;

export interface AccountsTable {
  id: Id;
  uuid: Uuid;
  name: string;
  locale: Generated<string>;
  domain: string | null;
  support_email: string | null;
  status: Generated<'active' | 'suspended'>;
  features: Json;
  limits: Json;
  custom_attributes: Json;
  settings: Json;
  auto_resolve_after: number | null;
  last_display_id: Generated<number>;
  last_event_seq: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  id: Id;
  uuid: Uuid;
  name: string;
  display_name: string | null;
  email: string;
  password_hash: string | null;
  reset_password_digest: ColumnType<string | null, string | null | undefined, string | null>;
  reset_password_sent_at: NullableTimestamp;
  reset_password_expires_at: NullableTimestamp;
  pubsub_token: string;
  message_signature: string | null;
  avatar_url: string | null;
  ui_settings: Json;
  custom_attributes: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type Role = 'agent' | 'administrator';
export type Availability = 'online' | 'busy' | 'offline';

export interface AccountUsersTable {
  id: Id;
  account_id: number;
  user_id: number;
  role: Role;
  availability: Generated<Availability>;
  auto_offline: Generated<boolean>;
  inviter_id: number | null;
  active_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PlatformAppsTable {
  id: Id;
  name: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PermissibleType = 'Account' | 'User' | 'AgentBot';

export interface PlatformAppPermissiblesTable {
  id: Id;
  platform_app_id: number;
  permissible_type: PermissibleType;
  permissible_id: number;
}

export interface AgentBotsTable {
  id: Id;
  uuid: Uuid;
  account_id: number | null;
  name: string;
  description: string | null;
  outgoing_url: string | null;
  bot_type: Generated<string>;
  bot_config: Json;
  avatar_url: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type TokenOwnerType = 'User' | 'AgentBot' | 'PlatformApp';

export interface AccessTokensTable {
  id: Id;
  owner_type: TokenOwnerType;
  owner_id: number;
  token_digest: string;
  created_at: Timestamp;
}

export interface TeamsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  name: string;
  description: string | null;
  allow_auto_assign: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface TeamMembersTable {
  id: Id;
  account_id: number;
  team_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface InboxesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  name: string;
  channel_type: string;
  identifier: string;
  hmac_token: string;
  webhook_url: string | null;
  avatar_url: string | null;
  greeting_enabled: Generated<boolean>;
  greeting_message: string | null;
  enable_email_collect: Generated<boolean>;
  csat_survey_enabled: Generated<boolean>;
  csat_config: Json;
  enable_auto_assignment: Generated<boolean>;
  auto_assignment_config: Json;
  working_hours_enabled: Generated<boolean>;
  working_hours: Json<unknown[]>;
  out_of_office_message: string | null;
  timezone: Generated<string>;
  allow_messages_after_resolved: Generated<boolean>;
  lock_to_single_conversation: Generated<boolean>;
  sender_name_type: Generated<string>;
  business_name: string | null;
  channel: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface InboxMembersTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  user_id: number;
  created_at: Timestamp;
}

export interface AgentBotInboxesTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  agent_bot_id: number;
  created_at: Timestamp;
}

export interface ContactsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  name: Generated<string>;
  email: string | null;
  phone_number: string | null;
  identifier: string | null;
  blocked: Generated<boolean>;
  avatar_url: string | null;
  contact_type: Generated<string>;
  additional_attributes: Json;
  custom_attributes: Json;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  last_activity_at: NullableTimestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactInboxesTable {
  id: Id;
  account_id: number;
  contact_id: number;
  inbox_id: number;
  source_id: string;
  pubsub_token: string;
  hmac_verified: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface ContactNotesTable {
  id: Id;
  account_id: number;
  contact_id: number;
  user_id: number | null;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CoreStatus = 'open' | 'pending' | 'snoozed' | 'resolved' | 'hidden';
export type Priority = 'low' | 'medium' | 'high' | 'urgent';

export interface ConversationsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  display_id: number;
  inbox_id: number;
  contact_id: number;
  contact_inbox_id: number | null;
  status: Generated<CoreStatus>;
  assignee_id: number | null;
  assignee_agent_bot_id: number | null;
  team_id: number | null;
  priority: Priority | null;
  snoozed_until: NullableTimestamp;
  muted: Generated<boolean>;
  labels: ColumnType<string[], string[] | undefined, string[]>;
  custom_attributes: Json;
  additional_attributes: Json;
  agent_last_seen_at: NullableTimestamp;
  assignee_last_seen_at: NullableTimestamp;
  contact_last_seen_at: NullableTimestamp;
  first_reply_created_at: NullableTimestamp;
  waiting_since: NullableTimestamp;
  last_activity_at: Timestamp;
  last_message_id: number | null;
  last_non_activity_message_id: number | null;
  unread_incoming_count: Generated<number>;
  messages_count: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SenderType = 'User' | 'Contact' | 'AgentBot';
export type MessageStatus = 'sent' | 'delivered' | 'read' | 'failed';

export interface MessagesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  inbox_id: number;
  conversation_id: number;
  message_type: number;
  content_type: Generated<string>;
  content: string | null;
  private: Generated<boolean>;
  status: Generated<MessageStatus>;
  source_id: string | null;
  echo_id: string | null;
  sender_type: SenderType | null;
  sender_id: number | null;
  content_attributes: Json;
  additional_attributes: Json;
  external_source_ids: Json;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface AttachmentsTable {
  id: Id;
  account_id: number;
  message_id: number;
  file_type: Generated<string>;
  filename: string;
  content_type: string;
  extension: string | null;
  file_size: number;
  width: number | null;
  height: number | null;
  external_url: string | null;
  access_key: string;
  /** Bytes of a row stored before object storage; moved out and emptied at start-up. */
  data: Buffer | null;
  storage_key: string | null;
  checksum: string | null;
  created_at: Timestamp;
}

export interface StorageOrphansTable {
  storage_key: string;
  reason: 'upload' | 'deleted';
  since: Timestamp;
}

export interface LabelsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  title: string;
  /** The WTS tag name when it is not the title itself (spaces, capitals): migration 20261123160000. */
  display_name: string | null;
  description: string | null;
  color: Generated<string>;
  show_on_sidebar: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CannedResponsesTable {
  id: Id;
  account_id: number;
  short_code: string;
  content: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CustomFilterType = 'conversation' | 'contact' | 'report';

export interface CustomFiltersTable {
  id: Id;
  account_id: number;
  user_id: number;
  name: string;
  filter_type: ColumnType<CustomFilterType, CustomFilterType | undefined, CustomFilterType>;
  query: ColumnType<unknown, string, string>;
  created_at: Generated<Date>;
  updated_at: Generated<Date>;
}

export interface CustomAttributeDefinitionsTable {
  id: Id;
  account_id: number;
  attribute_display_name: string;
  attribute_display_type: Generated<string>;
  attribute_description: string | null;
  attribute_key: string;
  attribute_model: 'conversation_attribute' | 'contact_attribute';
  attribute_values: Json<unknown[]>;
  regex_pattern: string | null;
  regex_cue: string | null;
  default_value: string | null;
  uuid: Uuid;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface EventsTable {
  id: Id;
  account_id: number;
  seq: number;
  name: string;
  conversation_id: number | null;
  contact_id: number | null;
  message_id: number | null;
  inbox_id: number | null;
  data: Json;
  dispatched_at: NullableTimestamp;
  created_at: Timestamp;
  /** 0, or n+1 when a run of automation depth n made the change (migration 20261205110000). */
  automation_depth: Generated<number>;
}

/** Durations recorded by triggers as they happen (migration 20261206140000): Chatwoot's reporting_events. */
export interface ReportingEventsTable {
  id: Id;
  account_id: number;
  name: string;
  value: number;
  value_in_business_hours: number | null;
  user_id: number | null;
  inbox_id: number | null;
  conversation_id: number | null;
  event_start_time: NullableTimestamp;
  event_end_time: NullableTimestamp;
  created_at: Timestamp;
}

export interface CsatSurveyResponsesTable {
  id: Id;
  account_id: number;
  conversation_id: number;
  message_id: number;
  contact_id: number;
  assigned_agent_id: number | null;
  rating: number;
  feedback_message: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface WebhooksTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  inbox_id: number | null;
  name: string | null;
  url: string;
  subscriptions: ColumnType<string[], string[], string[]>;
  secret: string;
  status: Generated<'active' | 'paused'>;
  paused_reason: string | null;
  /** Whose events and payload envelope the webhook speaks (migration 20261123130000_wts_api). */
  dialect: Generated<'chatwoot' | 'wts'>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type DeliveryTarget = 'webhook' | 'inbox' | 'agent_bot' | 'integration_hook';

export interface WebhookDeliveriesTable {
  id: Uuid;
  account_id: number;
  event_id: number;
  event_seq: number;
  event_name: string;
  target_type: DeliveryTarget;
  target_id: number;
  url: string;
  secret: string | null;
  conversation_id: number | null;
  payload: Json;
  status: Generated<'pending' | 'delivered' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  locked_until: NullableTimestamp;
  /** The earliest pending delivery of its line (receiver + conversation), or one without a conversation: it may go out next. */
  head: Generated<boolean>;
  last_status_code: number | null;
  last_error: string | null;
  last_latency_ms: number | null;
  delivered_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface WebhookAttemptsTable {
  id: Id;
  delivery_id: string;
  attempted_at: Timestamp;
  status_code: number | null;
  error: string | null;
  latency_ms: number;
  response_excerpt: string | null;
}

export interface UserSessionsTable {
  id: Id;
  user_id: number;
  token_digest: string;
  client_id: string;
  user_agent: string | null;
  ip_address: string | null;
  created_at: Timestamp;
  last_active_at: Timestamp;
  expires_at: Timestamp;
}

export interface SignInFailuresTable {
  key: string;
  failures: Generated<number>;
  first_failed_at: Timestamp;
  blocked_until: NullableTimestamp;
}

export interface InstallationSecretsTable {
  name: string;
  value: string;
  created_at: Timestamp;
}

export interface ChannelTelegramTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  bot_token: string;
  bot_token_digest: string;
  bot_name: string | null;
  secret_token_digest: string;
  created_at: Timestamp;
}

export interface ChannelWhatsappTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  phone_number: string;
  phone_number_id: string;
  business_account_id: string;
  api_key: string;
  webhook_verify_token: string;
  app_secret: string | null;
  created_at: Timestamp;
}

export interface ChannelEmailTable {
  id: Id;
  account_id: number;
  inbox_id: number;
  email: string;
  imap_enabled: Generated<boolean>;
  imap_address: string | null;
  imap_port: number | null;
  imap_login: string | null;
  imap_password: string | null;
  imap_enable_ssl: Generated<boolean>;
  imap_uid_validity: number | null;
  imap_last_uid: Generated<number>;
  smtp_enabled: Generated<boolean>;
  smtp_address: string | null;
  smtp_port: number | null;
  smtp_login: string | null;
  smtp_password: string | null;
  smtp_domain: string | null;
  smtp_enable_starttls_auto: Generated<boolean>;
  smtp_enable_ssl_tls: Generated<boolean>;
  smtp_authentication: string | null;
  created_at: Timestamp;
}

export interface ChannelReceiptsTable {
  inbox_id: number;
  provider_message_id: string;
  account_id: number;
  message_id: number | null;
  created_at: Timestamp;
}

export type ChannelSendStatus = 'queued' | 'enqueued' | 'sent' | 'failed';

export interface ChannelSendsTable {
  message_id: number;
  account_id: number;
  inbox_id: number;
  action: Generated<'send' | 'delete'>;
  status: Generated<ChannelSendStatus>;
  attempts: Generated<number>;
  last_error: string | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

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

export interface AutomationRulesTable {
  id: Id;
  account_id: number;
  name: string;
  description: string | null;
  event_name: string;
  active: Generated<boolean>;
  conditions: Json<AutomationCondition[]>;
  actions: Json<AutomationAction[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type AutomationRunStatus = 'queued' | 'running' | 'succeeded' | 'failed' | 'skipped' | 'cut';

export interface AutomationActionOutcome {
  action_name: string;
  status: 'done' | 'failed' | 'queued';
  detail: string | null;
}

export interface AutomationRunsTable {
  id: Id;
  account_id: number;
  rule_id: number;
  event_id: number;
  event_name: string;
  conversation_id: number | null;
  message_id: number | null;
  depth: number;
  status: Generated<AutomationRunStatus>;
  action_log: Json<AutomationActionOutcome[]>;
  error: string | null;
  claimed_until: NullableTimestamp;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

export interface AutomationCallAttempt {
  attempted_at: string;
  status_code: number | null;
  error: string | null;
}

export interface AutomationCallsTable {
  id: Id;
  account_id: number;
  run_id: number;
  rule_id: number;
  action_index: number;
  action_name: string;
  request: Json;
  depth: number;
  status: Generated<'pending' | 'succeeded' | 'failed'>;
  attempts: Generated<number>;
  next_attempt_at: Timestamp;
  claimed_until: NullableTimestamp;
  last_status_code: number | null;
  last_error: string | null;
  attempt_log: Json<AutomationCallAttempt[]>;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
}

/** One frame of a dashboard app: the page agents see beside a conversation. */
export interface DashboardAppFrame {
  type: 'frame';
  url: string;
}

export interface DashboardAppsTable {
  id: Id;
  account_id: number;
  user_id: number | null;
  title: string;
  content: Json<DashboardAppFrame[]>;
  show_on_sidebar: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** Settings of a Slack hook: the Slack incoming webhook its notifications are posted to. */
export interface SlackHookSettings {
  webhook_url: string;
}

/** An integration app enabled for an account or one inbox (migration 20261206160000_integration_hooks). */
export interface IntegrationHooksTable {
  id: Id;
  account_id: number;
  app_id: string;
  inbox_id: number | null;
  enabled: Generated<boolean>;
  settings: Json<SlackHookSettings>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type MacroVisibility = 'personal' | 'global';

/** The shared rate limiter's counters (api/rate-limit/store.ts): one row per key, its current fixed window. */
export interface RateLimitCountersTable {
  key: string;
  window_start: ColumnType<string, number | string, number | string>;
  hits: number;
}

export interface MacrosTable {
  id: Id;
  account_id: number;
  name: string;
  visibility: Generated<MacroVisibility>;
  actions: Json<AutomationAction[]>;
  created_by_id: number | null;
  updated_by_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface MacroRunLogEntry {
  conversation_id: number;
  action_index: number;
  action_name: string;
  status: 'done' | 'failed' | 'skipped';
  detail: string | null;
}

/** What `switchboard import chatwoot` copied: a source id beside the id it got here, per account and kind. */
export interface ImportMappingsTable {
  account_id: number;
  source: string;
  kind: string;
  source_id: string;
  target_id: number;
  created_at: Generated<Timestamp>;
}

export interface IdempotencyKeysTable {
  account_id: number;
  scope: string;
  key: string;
  fingerprint: string;
  message_id: number | null;
  created_at: Generated<Timestamp>;
}

export interface MacroRunsTable {
  id: Id;
  account_id: number;
  macro_id: number;
  performer_id: number | null;
  conversation_ids: Json<number[]>;
  status: Generated<'queued' | 'running' | 'done' | 'failed'>;
  log: Json<MacroRunLogEntry[]>;
  created_at: Timestamp;
  finished_at: NullableTimestamp;
  /** pg-boss attempts begun (1 on the first). */
  attempts: Generated<number>;
  /** Why the run stopped, when it failed past its retries. */
  error: string | null;
  /** When the sweep last sent its pg-boss job. */
  job_sent_at: NullableTimestamp;
}

/** A file a rule's or macro's send_attachment sends (Chatwoot's attach_file blob); unclaimed until one names it. */
export interface ActionFilesTable {
  id: Id;
  account_id: number;
  blob_key: string;
  automation_rule_id: number | null;
  macro_id: number | null;
  filename: string;
  content_type: string;
  byte_size: number;
  checksum: string;
  storage_key: string;
  uploaded_by_id: number | null;
  created_at: Timestamp;
}

export interface Database {
  reporting_events: ReportingEventsTable;
  csat_survey_responses: CsatSurveyResponsesTable;
  portfolios: PortfoliosTable;
  portfolio_contacts: PortfolioContactsTable;
  portals: PortalsTable;
  portal_categories: PortalCategoriesTable;
  portal_articles: PortalArticlesTable;
  crm_panels: CrmPanelsTable;
  crm_steps: CrmStepsTable;
  crm_panel_fields: CrmPanelFieldsTable;
  crm_cards: CrmCardsTable;
  crm_card_contacts: CrmCardContactsTable;
  crm_card_tags: CrmCardTagsTable;
  crm_card_notes: CrmCardNotesTable;
  crm_lost_reasons: CrmLostReasonsTable;
  scheduled_messages: ScheduledMessagesTable;
  wts_files: WtsFilesTable;
  sequences: SequencesTable;
  sequence_contacts: SequenceContactsTable;
  macros: MacrosTable;
  rate_limit_counters: RateLimitCountersTable;
  macro_runs: MacroRunsTable;
  action_files: ActionFilesTable;
  idempotency_keys: IdempotencyKeysTable;
  import_mappings: ImportMappingsTable;
  dashboard_apps: DashboardAppsTable;
  integration_hooks: IntegrationHooksTable;
  automation_rules: AutomationRulesTable;
  automation_runs: AutomationRunsTable;
  automation_calls: AutomationCallsTable;
  installation_secrets: InstallationSecretsTable;
  channel_telegram: ChannelTelegramTable;
  channel_whatsapp: ChannelWhatsappTable;
  channel_email: ChannelEmailTable;
  channel_receipts: ChannelReceiptsTable;
  channel_sends: ChannelSendsTable;
  webhooks: WebhooksTable;
  webhook_deliveries: WebhookDeliveriesTable;
  webhook_attempts: WebhookAttemptsTable;
  events: EventsTable;
  accounts: AccountsTable;
  users: UsersTable;
  account_users: AccountUsersTable;
  platform_apps: PlatformAppsTable;
  platform_app_permissibles: PlatformAppPermissiblesTable;
  agent_bots: AgentBotsTable;
  access_tokens: AccessTokensTable;
  user_sessions: UserSessionsTable;
  sign_in_failures: SignInFailuresTable;
  teams: TeamsTable;
  team_members: TeamMembersTable;
  inboxes: InboxesTable;
  inbox_members: InboxMembersTable;
  agent_bot_inboxes: AgentBotInboxesTable;
  contacts: ContactsTable;
  contact_inboxes: ContactInboxesTable;
  contact_notes: ContactNotesTable;
  conversations: ConversationsTable;
  messages: MessagesTable;
  attachments: AttachmentsTable;
  storage_orphans: StorageOrphansTable;
  labels: LabelsTable;
  canned_responses: CannedResponsesTable;
  custom_attribute_definitions: CustomAttributeDefinitionsTable;
  custom_filters: CustomFiltersTable;
}

export type Account = Selectable<AccountsTable>;
export type DomainEvent = Selectable<EventsTable>;
export type Webhook = Selectable<WebhooksTable>;
export type AutomationRule = Selectable<AutomationRulesTable>;
export type AutomationRun = Selectable<AutomationRunsTable>;
export type AutomationCall = Selectable<AutomationCallsTable>;
export type WebhookDelivery = Selectable<WebhookDeliveriesTable>;
export type WebhookAttempt = Selectable<WebhookAttemptsTable>;
export type User = Selectable<UsersTable>;
export type AccountUser = Selectable<AccountUsersTable>;
export type AgentBot = Selectable<AgentBotsTable>;
export type Team = Selectable<TeamsTable>;
export type Inbox = Selectable<InboxesTable>;
export type ChannelTelegram = Selectable<ChannelTelegramTable>;
export type ChannelWhatsapp = Selectable<ChannelWhatsappTable>;
export type ChannelEmail = Selectable<ChannelEmailTable>;
export type ChannelSend = Selectable<ChannelSendsTable>;
export type Contact = Selectable<ContactsTable>;
export type ContactInbox = Selectable<ContactInboxesTable>;
export type ContactNote = Selectable<ContactNotesTable>;
export type Conversation = Selectable<ConversationsTable>;
export type Message = Selectable<MessagesTable>;
export type CsatSurveyResponse = Selectable<CsatSurveyResponsesTable>;
/** An attachment as presented: its bytes (in storage, or a legacy row's `data`) are read only by the download. */
export type Attachment = Omit<Selectable<AttachmentsTable>, 'data'>;
export type Label = Selectable<LabelsTable>;
export type CannedResponse = Selectable<CannedResponsesTable>;
export type CustomAttributeDefinition = Selectable<CustomAttributeDefinitionsTable>;
export type CustomFilter = Selectable<CustomFiltersTable>;
export type DashboardApp = Selectable<DashboardAppsTable>;
export type IntegrationHook = Selectable<IntegrationHooksTable>;
export type Macro = Selectable<MacrosTable>;
export type MacroRun = Selectable<MacroRunsTable>;
export type ActionFile = Selectable<ActionFilesTable>;
export type NewContact = Insertable<ContactsTable>;
export type ContactUpdate = Updateable<ContactsTable>;
export type ConversationUpdate = Updateable<ConversationsTable>;

export type ScheduledMessageType = 'TEMPLATE' | 'CHATBOT';
export type ScheduledMessageStatus = 'SCHEDULED' | 'PROCESSED' | 'SENT' | 'CANCELED' | 'FAILED';

export interface ScheduledMessagesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  contact_id: number;
  inbox_id: number;
  team_id: number | null;
  user_id: number | null;
  type: ScheduledMessageType;
  text: string | null;
  template_id: string | null;
  template_params: Json<Record<string, unknown>>;
  bot_key: string | null;
  hidden_session: Generated<boolean>;
  scheduled_at: Timestamp;
  status: Generated<ScheduledMessageStatus>;
  failure_reason: string | null;
  conversation_id: number | null;
  message_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

/** A WTS file: uploaded through a signed URL, then sent by id (its object shared with the attachments made from it). */
export interface WtsFilesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  user_id: number | null;
  name: string;
  type: string;
  declared_mime_type: string | null;
  upload_token_hash: string | null;
  upload_expires_at: Timestamp;
  storage_key: string | null;
  content_type: string | null;
  size: number | null;
  checksum: string | null;
  uploaded_at: NullableTimestamp;
  saved_at: NullableTimestamp;
  created_at: Timestamp;
}

export interface SequenceStep {
  delaySeconds: number;
  text: string;
}

export interface SequencesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  inbox_id: number;
  name: string;
  enabled: Generated<boolean>;
  stop_on_reply: Generated<boolean>;
  steps: Json<SequenceStep[]>;
  created_by_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type SequenceContactStatus = 'ACTIVE' | 'COMPLETED' | 'STOPPED' | 'REMOVED';

export interface SequenceContactsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  sequence_id: number;
  contact_id: number;
  added_by_user_id: number | null;
  origin: Generated<string>;
  status: Generated<SequenceContactStatus>;
  stop_reason: string | null;
  next_step: Generated<number>;
  next_at: NullableTimestamp;
  last_added_at: Timestamp;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type PanelType = 'MANAGEMENT' | 'SALES';
export type CardStatus = 'OPEN' | 'WON' | 'LOST' | 'ARCHIVED';
export type PanelFieldType = 'STRING' | 'TEXT' | 'INTEGER' | 'FLOAT' | 'SINGLESELECT' | 'MULTISELECT' | 'DATE' | 'TIME' | 'DATETIME' | 'BOOLEAN';

export interface CrmPanelsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  title: string;
  description: string | null;
  key: string;
  type: Generated<PanelType>;
  archived: Generated<boolean>;
  last_card_number: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrmStepsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  panel_id: number;
  title: string;
  position: number;
  archived: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrmPanelFieldsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  panel_id: number;
  name: string;
  key: string;
  type: PanelFieldType;
  options: Json<string[]>;
  position: number;
  required: Generated<boolean>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrmCardsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  panel_id: number;
  step_id: number;
  number: number;
  position: number;
  title: string;
  description: string | null;
  due_date: NullableTimestamp;
  responsible_user_id: number | null;
  session_id: number | null;
  monetary_amount: number | null;
  status: Generated<CardStatus>;
  custom_fields: Json;
  metadata: Json;
  lost_reason_id: Generated<number | null>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrmLostReasonsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  panel_id: number;
  description: string;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface CrmCardContactsTable {
  account_id: number;
  card_id: number;
  contact_id: number;
}

export interface CrmCardTagsTable {
  account_id: number;
  card_id: number;
  label_id: number;
}

export interface CrmCardNotesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  card_id: number;
  user_id: number | null;
  text: Generated<string>;
  file_urls: Json<string[]>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type CrmPanel = Selectable<CrmPanelsTable>;
export type CrmStep = Selectable<CrmStepsTable>;
export type CrmPanelField = Selectable<CrmPanelFieldsTable>;
export type CrmCard = Selectable<CrmCardsTable>;
export type CrmCardNote = Selectable<CrmCardNotesTable>;
export type CrmLostReason = Selectable<CrmLostReasonsTable>;

/** A contact's owning agent (user_id) or team (team_id); at most one of them. */
export interface PortfoliosTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  name: string;
  user_id: number | null;
  team_id: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PortfolioContactsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  portfolio_id: number;
  contact_id: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type WtsFile = Selectable<WtsFilesTable>;

/** Help Center locales: which the portal offers and which it opens in. */
export interface PortalConfig {
  allowed_locales: string[];
  default_locale: string;
}

export interface PortalsTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  name: string;
  slug: string;
  custom_domain: string | null;
  color: string | null;
  homepage_link: string | null;
  page_title: string | null;
  header_text: string | null;
  archived: Generated<boolean>;
  config: Json<PortalConfig>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface PortalCategoriesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  portal_id: number;
  name: string;
  slug: string;
  locale: Generated<string>;
  description: string | null;
  position: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export type ArticleStatus = 'draft' | 'published' | 'archived';

export interface PortalArticlesTable {
  id: Id;
  uuid: Uuid;
  account_id: number;
  portal_id: number;
  category_id: number | null;
  author_id: number | null;
  title: string;
  slug: string;
  content: Generated<string>;
  description: string | null;
  status: Generated<ArticleStatus>;
  locale: Generated<string>;
  meta: Json;
  position: Generated<number>;
  views: Generated<number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}
export type Portal = Selectable<PortalsTable>;
export type PortalCategory = Selectable<PortalCategoriesTable>;
export type PortalArticle = Selectable<PortalArticlesTable>;
