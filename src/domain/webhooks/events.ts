/**
 * Chatwoot's account webhook events, in its order (a subscription list must be a non-empty subset). No
 * imports: the dashboard's bundle reads this same list for its event checkboxes.
 */
export const WEBHOOK_EVENTS = [
  'conversation_created',
  'conversation_updated',
  'conversation_status_changed',
  'conversation_typing_on',
  'conversation_typing_off',
  'message_created',
  'message_updated',
  'webwidget_triggered',
  'contact_created',
  'contact_updated',
  'inbox_created',
  'inbox_updated',
] as const;
