import type { Db } from '../../db/pool.ts';
import type { Conversation } from '../../db/types.ts';
import { insertMessage } from '../messages/commands.ts';
import { MESSAGE_TYPE } from '../messages/message-type.ts';

export const DEFAULT_CSAT_MESSAGE = 'Please rate the conversation';

/**
 * Chatwoot's CSAT survey on resolve: when the inbox asks for surveys and the conversation has none yet, a template
 * message of content type input_csat (the inbox's csat_config.message, or Chatwoot's default text). The contact
 * answers it in the widget, the Client API or the survey page (/survey/responses/:conversation_uuid).
 */
export async function sendCsatSurveyOnResolve(
  trx: Db,
  conversation: Pick<Conversation, 'id' | 'account_id' | 'inbox_id'>,
): Promise<void> {
  const inbox = await trx
    .selectFrom('inboxes')
    .select(['csat_survey_enabled', 'csat_config'])
    .where('id', '=', conversation.inbox_id)
    .where('account_id', '=', conversation.account_id)
    .executeTakeFirst();
  if (!inbox?.csat_survey_enabled) return;
  const sent = await trx
    .selectFrom('messages')
    .select('id')
    .where('conversation_id', '=', conversation.id)
    .where('content_type', '=', 'input_csat')
    .executeTakeFirst();
  if (sent) return;
  const configured = (inbox.csat_config as { message?: unknown } | null)?.message;
  const content = typeof configured === 'string' && configured.trim() ? configured : DEFAULT_CSAT_MESSAGE;
  await insertMessage(trx, conversation.id, { messageType: MESSAGE_TYPE.template, contentType: 'input_csat', content });
}
