import type { Db } from '../../db/pool.ts';
import { capitalize, hasPlaceholders, renderLiquid, type Drops } from './liquid.ts';
import { MESSAGE_TYPE } from './message-type.ts';

/**
 * Chatwoot's message variables: an outgoing (or template) message's content is rendered as Liquid against
 * the conversation's contact, the agent (the sender, else the assignee), the conversation, its inbox and
 * account before it is stored. The names are those of Chatwoot's drops (`contact.phone_number`,
 * `contact.custom_attribute.<key>`, ...) plus the names its dashboard's variable picker inserts
 * (`contact.phone`, `agent.email`), which its dashboard fills in before sending.
 */
export interface VariableSource {
  accountId: number;
  conversationId: number;
  /** The user sending, when a user sends (an agent, a macro's performer). */
  senderUserId?: number | null;
}

const words = (name: string | null | undefined) => (name ?? '').split(/\s+/).filter(Boolean);

/** first_name: the first word; last_name: the last word when there are two or more (Chatwoot's drops). */
function nameParts(name: string | null | undefined) {
  const parts = words(name);
  return {
    first_name: parts.length ? capitalize(parts[0]!) : null,
    last_name: parts.length > 1 ? capitalize(parts[parts.length - 1]!) : null,
  };
}

const attributes = (value: unknown) =>
  value && typeof value === 'object' && !Array.isArray(value) ? (value as Record<string, unknown>) : {};

/** One statement: the conversation with its contact, inbox, account, assignee and the sending user. */
export async function loadDrops(db: Db, source: VariableSource): Promise<Drops | undefined> {
  const row = await db
    .selectFrom('conversations as cv')
    .innerJoin('contacts as c', 'c.id', 'cv.contact_id')
    .innerJoin('inboxes as i', 'i.id', 'cv.inbox_id')
    .innerJoin('accounts as a', 'a.id', 'cv.account_id')
    .leftJoin('users as u', (join) =>
      source.senderUserId ? join.on('u.id', '=', source.senderUserId) : join.onRef('u.id', '=', 'cv.assignee_id'),
    )
    .select([
      'cv.display_id',
      'cv.custom_attributes as conversation_attributes',
      'c.id as contact_id',
      'c.name as contact_name',
      'c.email as contact_email',
      'c.phone_number as contact_phone',
      'c.custom_attributes as contact_attributes',
      'i.id as inbox_id',
      'i.name as inbox_name',
      'a.name as account_name',
      'u.id as user_id',
      'u.name as user_name',
      'u.display_name as user_display_name',
      'u.email as user_email',
    ])
    .where('cv.account_id', '=', source.accountId)
    .where('cv.id', '=', source.conversationId)
    .executeTakeFirst();
  if (!row) return undefined;
  const contactName = words(row.contact_name).map(capitalize).join(' ');
  return {
    contact: {
      id: row.contact_id,
      name: contactName,
      ...nameParts(row.contact_name),
      email: row.contact_email,
      phone_number: row.contact_phone,
      phone: row.contact_phone,
      custom_attribute: attributes(row.contact_attributes),
    },
    agent: row.user_id
      ? {
          id: row.user_id,
          name: row.user_name,
          available_name: row.user_display_name || row.user_name,
          ...nameParts(row.user_name),
          email: row.user_email,
        }
      : {},
    conversation: {
      id: row.display_id,
      display_id: row.display_id,
      contact_name: row.contact_name ? capitalize(row.contact_name) : 'Customer',
      custom_attribute: attributes(row.conversation_attributes),
    },
    inbox: { id: row.inbox_id, name: row.inbox_name },
    account: { name: row.account_name },
  };
}

/** Chatwoot renders outgoing and template messages only, and only when they have content. */
export function rendersVariables(messageType: number, content: string | null | undefined): content is string {
  return (
    (messageType === MESSAGE_TYPE.outgoing || messageType === MESSAGE_TYPE.template) &&
    !!content &&
    hasPlaceholders(content)
  );
}

/** The content with its variables filled in (unchanged when it has none: no lookup then). */
export async function renderMessageVariables(
  db: Db,
  source: VariableSource,
  messageType: number,
  content: string | null | undefined,
): Promise<string | null | undefined> {
  if (!rendersVariables(messageType, content)) return content;
  const drops = await loadDrops(db, source);
  return drops ? renderLiquid(content, drops) : content;
}
