import type { Db } from '../../db/pool.ts';
import type { Conversation, Message } from '../../db/types.ts';
import { validation } from '../../errors.ts';
import { createMessage, MESSAGE_TYPE } from './commands.ts';
import { checkReplyWindow } from '../conversations/reply-window.ts';
import { checkFileId, fileForMessage } from '../files/commands.ts';
import {
  findTemplate,
  renderTemplate,
  templateParamsFor,
  type ChannelTemplate,
} from '../templates/channel-templates.ts';

/** What an API client, a sequence step or a scheduled message sends into a conversation. */
export interface SessionMessageInput {
  text?: string;
  templateId?: string;
  parameters?: Record<string, unknown>;
  fileUrl?: string | null;
  /** A saved file (the files store): sent as an attachment sharing the file's stored object. */
  fileId?: string | null;
  refId?: string;
  /** The client's own id for the message (typed senders' `senderId`), kept for tracking. */
  clientId?: string;
}

export interface Sender {
  type: 'User' | 'AgentBot';
  id: number;
}

function checkFileUrl(url: string, field = 'fileUrl'): void {
  let parsed: URL;
  try {
    parsed = new URL(url);
  } catch {
    throw validation(`${field} is not a valid URL: ${url}`, [field]);
  }
  if (parsed.protocol !== 'https:' && parsed.protocol !== 'http:')
    throw validation(`${field} must be an http(s) URL`, [field]);
}

/** The message `refId` answers, which must be a message of the same session. */
async function repliedMessageId(db: Db, conversation: Conversation, refId: string): Promise<number> {
  const replied = await db
    .selectFrom('messages')
    .select('id')
    .where('account_id', '=', conversation.account_id)
    .where('conversation_id', '=', conversation.id)
    .where('uuid', '=', refId)
    .executeTakeFirst();
  if (!replied) throw validation('refId is not a message of this session', ['refId']);
  return replied.id;
}

/** The checks a message body must pass before anything (contact, session) is created for it. */
export function checkSessionMessage(input: SessionMessageInput, prefix = ''): string | undefined {
  const text = input.text?.trim() ? input.text : undefined;
  if (input.fileId) checkFileId(input.fileId, `${prefix}fileId`);
  if (input.fileUrl) checkFileUrl(input.fileUrl, `${prefix}fileUrl`);
  if (!text && !input.fileUrl && !input.fileId && !input.templateId) {
    throw validation(`${prefix}text is required (or ${prefix}fileUrl, ${prefix}fileId, ${prefix}templateId)`, [
      `${prefix}text`,
    ]);
  }
  return text;
}

/** The session's channel template `templateId` names. */
async function templateFor(
  db: Db,
  conversation: Conversation,
  templateId: string,
): Promise<ChannelTemplate | undefined> {
  const inbox = await db
    .selectFrom('inboxes')
    .selectAll()
    .where('account_id', '=', conversation.account_id)
    .where('id', '=', conversation.inbox_id)
    .executeTakeFirst();
  return inbox ? findTemplate(inbox, templateId) : undefined;
}

/**
 * Sends an outgoing message into a session, as an agent's reply: stored, the session's aggregates moved and
 * `message.created` recorded in one transaction (messages/commands.ts), so the channel, webhooks and realtime
 * all take it from the outbox. A `templateId` names one of the channel's templates (`GET /chat/v1/template`);
 * one the channel does not have is refused by name unless text or a file comes with it. `null` fileUrl/fileId
 * (the WTS n8n node sends them) mean none.
 */
export async function sendSessionMessage(
  db: Db,
  conversation: Conversation,
  input: SessionMessageInput,
  sender: Sender,
): Promise<Message> {
  const template = input.templateId ? await templateFor(db, conversation, input.templateId) : undefined;
  if (input.templateId && !template && !input.text?.trim() && !input.fileUrl && !input.fileId) {
    throw validation(`templateId ${input.templateId} is not a message template of this channel: send text or fileUrl`, [
      'templateId',
    ]);
  }
  const text = checkSessionMessage(input) ?? (template ? renderTemplate(template, input.parameters) : undefined);
  await checkReplyWindow(db, conversation, { isPrivate: false, isTemplate: Boolean(input.templateId) });
  const inReplyTo = input.refId ? await repliedMessageId(db, conversation, input.refId) : undefined;
  const file = input.fileId ? await fileForMessage(db, conversation.account_id, input.fileId) : undefined;
  const { message } = await createMessage(db, conversation, {
    messageType: MESSAGE_TYPE.outgoing,
    content: text ?? null,
    contentAttributes: inReplyTo ? { in_reply_to: inReplyTo } : {},
    additionalAttributes: {
      origin: 'API',
      ...(input.refId ? { ref_id: input.refId } : {}),
      ...(input.clientId ? { client_id: input.clientId } : {}),
      ...(template
        ? { template_params: templateParamsFor(template, input.parameters) }
        : input.templateId
          ? { template_params: { id: input.templateId, processed_params: input.parameters ?? {} } }
          : {}),
    },
    sender,
    fileUrls: input.fileUrl ? [input.fileUrl] : undefined,
    files: file ? [file] : undefined,
  });
  return message;
}

/** A private note on the session, written by an agent. */
export async function addSessionNote(
  db: Db,
  conversation: Conversation,
  text: string,
  fileUrls: string[],
  userId: number,
): Promise<Message> {
  if (!text.trim() && !fileUrls.length) throw validation('text is required', ['text']);
  fileUrls.forEach((url) => checkFileUrl(url, 'filesUrls'));
  const { message } = await createMessage(db, conversation, {
    messageType: MESSAGE_TYPE.outgoing,
    content: text.trim() ? text : null,
    private: true,
    sender: { type: 'User', id: userId },
    fileUrls,
  });
  return message;
}
