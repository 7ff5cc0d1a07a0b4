import type { AutomationCondition } from '../../db/types.ts';
import { toChatwootStatus } from '../conversations/status.ts';
import type { FilterOperator } from './catalogue.ts';
import type { Subject } from './subject.ts';
import { queryOperatorOf } from './validate.ts';

const MESSAGE_TYPE_NAMES = ['incoming', 'outgoing', 'activity', 'template'];
const record = (value: unknown) => (value ?? {}) as Record<string, unknown>;

/** The value a condition's attribute_key names, read from the run's subject. */
export function attributeValue(subject: Subject, condition: AutomationCondition): unknown {
  const { conversation, contact, message } = subject;
  const conversationExtra = record(conversation.additional_attributes);
  const contactExtra = record(contact?.additional_attributes);
  switch (condition.attribute_key) {
    case 'content':
      return message?.content ?? null;
    case 'message_type':
      return message ? MESSAGE_TYPE_NAMES[message.message_type] : null;
    case 'private_note':
      return message ? message.private : null;
    case 'status':
      return toChatwootStatus(conversation.status);
    case 'assignee_id':
      return conversation.assignee_id;
    case 'team_id':
      return conversation.team_id;
    case 'inbox_id':
      return conversation.inbox_id;
    case 'priority':
      return conversation.priority;
    case 'labels':
      return conversation.labels;
    case 'email':
      return contact?.email ?? null;
    case 'phone_number':
      return contact?.phone_number ?? null;
    case 'company':
    case 'company_name':
      return contactExtra.company_name ?? null;
    case 'mail_subject':
      return conversationExtra.mail_subject ?? null;
    case 'created_at':
      return conversation.created_at;
    case 'last_activity_at':
      return conversation.last_activity_at;
    case 'browser_language':
    case 'referer':
    case 'conversation_language':
      return (
        conversationExtra[condition.attribute_key] ?? record(conversationExtra.browser)[condition.attribute_key] ?? null
      );
    case 'country_code':
    case 'city':
      return conversationExtra[condition.attribute_key] ?? contactExtra[condition.attribute_key] ?? null;
    default: {
      // A custom attribute: of the type the condition names, else the conversation's, else the contact's.
      const onConversation = record(conversation.custom_attributes)[condition.attribute_key];
      const onContact = record(contact?.custom_attributes)[condition.attribute_key];
      if (condition.custom_attribute_type === 'contact_attribute') return onContact ?? null;
      if (condition.custom_attribute_type === 'conversation_attribute') return onConversation ?? null;
      return onConversation ?? onContact ?? null;
    }
  }
}

/** A condition value as text: Chatwoot's dashboard sends some as {id, name} objects. */
function comparable(value: unknown): string {
  if (value && typeof value === 'object' && 'id' in value) return String((value as { id: unknown }).id);
  if (value instanceof Date) return value.toISOString();
  return String(value);
}

const present = (value: unknown) =>
  value !== null && value !== undefined && value !== '' && !(Array.isArray(value) && value.length === 0);
const items = (value: unknown): unknown[] => (Array.isArray(value) ? value : [value]);

function ordered(actual: unknown, expected: unknown): number | undefined {
  const a = Number(actual instanceof Date ? NaN : actual);
  const b = Number(expected);
  if (actual !== null && actual !== '' && !Number.isNaN(a) && !Number.isNaN(b)) return a - b;
  const da = Date.parse(comparable(actual));
  const db = Date.parse(comparable(expected));
  if (!Number.isNaN(da) && !Number.isNaN(db)) return da - db;
  return undefined;
}

export function conditionHolds(
  actual: unknown,
  operator: FilterOperator,
  values: unknown[],
  now = new Date(),
): boolean {
  const wanted = values.map(comparable);
  switch (operator) {
    case 'equal_to':
      return present(actual) && items(actual).some((a) => wanted.includes(comparable(a)));
    case 'not_equal_to':
      return !conditionHolds(actual, 'equal_to', values, now);
    case 'contains':
      // Chatwoot matches text with ILIKE: case-insensitive.
      return (
        present(actual) &&
        items(actual).some((a) => wanted.some((w) => comparable(a).toLowerCase().includes(w.toLowerCase())))
      );
    case 'does_not_contain':
      return !conditionHolds(actual, 'contains', values, now);
    case 'is_present':
      return present(actual);
    case 'is_not_present':
      return !present(actual);
    case 'is_greater_than': {
      const difference = present(actual) ? ordered(actual, values[0]) : undefined;
      return difference !== undefined && difference > 0;
    }
    case 'is_less_than': {
      const difference = present(actual) ? ordered(actual, values[0]) : undefined;
      return difference !== undefined && difference < 0;
    }
    case 'days_before': {
      // The date lies more than N days in the past.
      const days = Number(values[0]);
      const at = present(actual) ? Date.parse(comparable(actual)) : NaN;
      return !Number.isNaN(days) && !Number.isNaN(at) && at < now.getTime() - days * 86_400_000;
    }
  }
}

/**
 * Conditions in order, each joined to the next by its query_operator. AND binds tighter than OR, as in the SQL
 * Chatwoot builds from the same list: `a AND b OR c` is `(a AND b) OR c`. No conditions: the rule always runs.
 */
export function conditionsMatch(conditions: AutomationCondition[], subject: Subject, now = new Date()): boolean {
  if (!conditions.length) return true;
  let anyGroup = false;
  let group = true;
  conditions.forEach((condition, i) => {
    group =
      group &&
      conditionHolds(
        attributeValue(subject, condition),
        condition.filter_operator as FilterOperator,
        condition.values ?? [],
        now,
      );
    // Only an OR ends a group (a missing operator before the last condition reads as AND).
    if (i === conditions.length - 1 || queryOperatorOf(condition) === 'OR') {
      anyGroup = anyGroup || group;
      group = true;
    }
  });
  return anyGroup;
}
