import { hasOwnName } from '../contacts/visitor-name.ts';
import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { AppError } from '../../errors.ts';
import { updatePublicContact } from '../contacts/public.ts';
import { cleanContactFields } from '../contacts/validation.ts';
import { createConversation } from '../conversations/commands.ts';
import { MESSAGE_TYPE, type NewFile } from '../messages/commands.ts';
import type { WidgetVisitor } from './visitor.ts';

export interface PreChatDetails {
  name?: string | null;
  email?: string | null;
  phone_number?: string | null;
  custom_attributes?: Record<string, unknown>;
}

export interface StartConversationInput {
  contact?: PreChatDetails;
  message?: { content?: string | null; echoId?: string; files?: NewFile[] };
  customAttributes?: Record<string, unknown>;
  additionalAttributes: Record<string, unknown>;
}

/** Keeps what the pre-chat form sent that is valid (Chatwoot's discard_invalid_attrs): a typo never loses the chat. */
function validDetails(details: PreChatDetails, hasName: boolean): PreChatDetails {
  const kept: PreChatDetails = {};
  if (details.name && !hasName) kept.name = details.name;
  for (const key of ['email', 'phone_number'] as const) {
    try {
      const clean = cleanContactFields({ [key]: details[key] });
      if (clean[key]) kept[key] = clean[key];
    } catch (error) {
      if (!(error instanceof AppError)) throw error;
    }
  }
  if (details.custom_attributes) kept.custom_attributes = details.custom_attributes;
  return kept;
}

/**
 * The widget's first message: the pre-chat form's details go on the visitor's contact (a name they already gave
 * is kept; a made-up visitor name is replaced), then the conversation opens with the message, in the inbox's usual status (pending under a bot).
 */
export async function startWidgetConversation(
  db: Db,
  visitor: WidgetVisitor,
  input: StartConversationInput,
): Promise<Conversation> {
  if (input.contact) {
    const details = validDetails(input.contact, hasOwnName(visitor.contact.name));
    if (Object.keys(details).length)
      await updatePublicContact(db, visitor.inbox, visitor.contactInbox.source_id, details);
  }
  const { message } = input;
  return createConversation(db, visitor.inbox.account_id, {
    sourceId: visitor.contactInbox.source_id,
    inboxId: visitor.inbox.id,
    customAttributes: input.customAttributes,
    additionalAttributes: input.additionalAttributes,
    message: message
      ? { messageType: MESSAGE_TYPE.incoming, content: message.content, echoId: message.echoId, files: message.files }
      : undefined,
  });
}
