/**
 * What an automation rule may name, as one table (Chatwoot's AutomationRule model lists the same keys; its
 * error sentences are kept word for word so clients that show them read the same).
 */
export const RULE_EVENTS = [
  'conversation_created',
  'conversation_updated',
  'conversation_opened',
  'conversation_resolved',
  'message_created',
] as const;
export type RuleEvent = (typeof RULE_EVENTS)[number];

/** Chatwoot's condition keys, plus the conversation's own times (for days_before). Custom attribute keys are added per account. */
export const CONDITION_KEYS = [
  'content',
  'email',
  'country_code',
  'status',
  'message_type',
  'browser_language',
  'assignee_id',
  'team_id',
  'referer',
  'city',
  'company',
  'company_name',
  'inbox_id',
  'mail_subject',
  'phone_number',
  'priority',
  'conversation_language',
  'labels',
  'private_note',
  'created_at',
  'last_activity_at',
] as const;

export const FILTER_OPERATORS = [
  'equal_to',
  'not_equal_to',
  'contains',
  'does_not_contain',
  'is_present',
  'is_not_present',
  'is_greater_than',
  'is_less_than',
  'days_before',
] as const;
export type FilterOperator = (typeof FILTER_OPERATORS)[number];

/** Actions that act on the conversation at once, in the run. */
export const CONVERSATION_ACTIONS = [
  'assign_agent',
  'assign_team',
  'remove_assigned_agent',
  'remove_assigned_team',
  'add_label',
  'remove_label',
  'send_message',
  'add_private_note',
  'mute_conversation',
  'snooze_conversation',
  'resolve_conversation',
  'open_conversation',
  'pending_conversation',
  'change_status',
  'change_priority',
  'send_email_to_team',
  'send_email_transcript',
  'send_attachment',
] as const;
/** Actions that call out over HTTP: queued as calls (automation_calls), sent and retried apart from the run. */
export const CALL_ACTIONS = ['send_webhook_event', 'http_request'] as const;
export const ACTION_NAMES: readonly string[] = [...CONVERSATION_ACTIONS, ...CALL_ACTIONS];

/** A change made by a run of this depth still runs rules; the events of a deeper change are cut (logged as runs). */
export const MAX_CHAIN_DEPTH = 3;
