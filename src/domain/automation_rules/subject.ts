import type { Db } from '../../db/pool.ts';
import type { Contact, Conversation, Message } from '../../db/types.ts';
import { toChatwootStatus } from '../conversations/status.ts';
import { MESSAGE_TYPE } from '../messages/commands.ts';
import type { Variables } from './template.ts';

/** What a run looks at: the conversation of the event, its contact, and the message (the event's, else the last incoming). */
export interface Subject {
  conversation: Conversation;
  contact: Contact | undefined;
  message: Message | undefined;
}

export async function loadSubject(
  db: Db,
  accountId: number,
  conversationId: number,
  messageId: number | null,
): Promise<Subject | undefined> {
  const conversation = await db
    .selectFrom('conversations')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', conversationId)
    .executeTakeFirst();
  if (!conversation) return undefined;
  const contact = await db
    .selectFrom('contacts')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('id', '=', conversation.contact_id)
    .executeTakeFirst();
  const message = messageId
    ? await db
        .selectFrom('messages')
        .selectAll()
        .where('account_id', '=', accountId)
        .where('id', '=', messageId)
        .executeTakeFirst()
    : await db
        .selectFrom('messages')
        .selectAll()
        .where('conversation_id', '=', conversation.id)
        .where('message_type', '=', MESSAGE_TYPE.incoming)
        .orderBy('id', 'desc')
        .limit(1)
        .executeTakeFirst();
  return { conversation, contact, message };
}

const MESSAGE_TYPE_NAMES = ['incoming', 'outgoing', 'activity', 'template'];

/** The names http_request's templates may use; custom attributes as `<owner>.custom_attributes.<key>`. */
export function variablesOf(
  subject: Subject,
  extra: { accountId: number; eventName: string; ruleId: number; ruleName: string },
): Variables {
  const { conversation, contact, message } = subject;
  const variables: Variables = {
    'account.id': extra.accountId,
    'event.name': extra.eventName,
    'rule.id': extra.ruleId,
    'rule.name': extra.ruleName,
    'conversation.id': conversation.display_id,
    'conversation.display_id': conversation.display_id,
    'conversation.uuid': conversation.uuid,
    'conversation.status': toChatwootStatus(conversation.status),
    'conversation.priority': conversation.priority,
    'conversation.assignee_id': conversation.assignee_id,
    'conversation.team_id': conversation.team_id,
    'conversation.inbox_id': conversation.inbox_id,
    'conversation.labels': conversation.labels,
    'conversation.custom_attributes': conversation.custom_attributes,
    'contact.id': contact?.id ?? null,
    'contact.name': contact?.name ?? null,
    'contact.email': contact?.email ?? null,
    'contact.phone_number': contact?.phone_number ?? null,
    'contact.identifier': contact?.identifier ?? null,
    'contact.custom_attributes': contact?.custom_attributes ?? {},
    'message.id': message?.id ?? null,
    'message.content': message?.content ?? null,
    'message.message_type': message ? (MESSAGE_TYPE_NAMES[message.message_type] ?? message.message_type) : null,
  };
  for (const [key, value] of Object.entries(conversation.custom_attributes))
    variables[`conversation.custom_attributes.${key}`] = value;
  for (const [key, value] of Object.entries(contact?.custom_attributes ?? {}))
    variables[`contact.custom_attributes.${key}`] = value;
  return variables;
}
