import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import type { Contact, Conversation, Message } from '../../../../db/types.ts';
import {
  createMessage,
  getMessage,
  MESSAGE_TYPE,
  softDeleteMessage,
  updateMessageStatus,
  retryFailedMessage,
  type NewMessage,
} from '../../../../domain/messages/commands.ts';
import { loadMessageDetails, type KnownSenders } from '../../../../domain/messages/details.ts';
import { listMessages } from '../../../../domain/messages/list.ts';
import { findInbox } from '../../../../domain/inboxes/repository.ts';
import { checkReplyWindow } from '../../../../domain/conversations/reply-window.ts';
import { findAccountBot } from '../../../../domain/bots/repository.ts';
import { getContact } from '../../../../domain/contacts/repository.ts';
import { findMember } from '../../../../domain/users/repository.ts';
import { AppError, unprocessable } from '../../../../errors.ts';
import { isUploadedFile } from '../../../multipart.ts';
import { presentAgent } from '../../presenters/agent.ts';
import { presentContactPush } from '../../presenters/contact.ts';
import { presentMessage } from '../../presenters/message.ts';
import { iso } from '../../presenters/time.ts';
import { conversationFor } from '../conversations/present.ts';
import {
  ConversationParams,
  CreateBody,
  ListQuery,
  ListResponse,
  MessageParams,
  MessageSchema,
  UpdateBody,
} from './schema.ts';

const tags = ['Messages'];
const ITEM_TYPES = new Set(['input_select', 'cards', 'form', 'article']);

async function presentOne(
  request: FastifyRequest,
  conversation: Conversation,
  message: Message,
  options: { attachments?: boolean; known?: KnownSenders } = {},
) {
  const [details] = await loadMessageDetails(request.server.deps.db, conversation.account_id, [message], options);
  return presentMessage(details, conversation.display_id, request.server.deps.config.publicUrl);
}

/** The caller, as a message sender: read with the token, so presenting its message needs no query. */
function callerAsSender(request: FastifyRequest, contact?: Contact): KnownSenders {
  const { user, bot, account } = request.auth;
  const access = request.caller.access;
  const known: KnownSenders = { bots: bot ? [bot] : [], contacts: contact ? [contact] : [] };
  if (user && access?.role) {
    const { id, name, display_name, email, avatar_url, custom_attributes, password_hash } = user;
    known.users = [
      {
        id,
        name,
        display_name,
        email,
        avatar_url,
        custom_attributes,
        account_id: account.id,
        role: access.role,
        availability: access.availability,
        auto_offline: access.autoOffline,
        availability_status: access.availabilityStatus,
        confirmed: password_hash !== null,
      },
    ];
  }
  return known;
}

/**
 * An outgoing message's sender: the bot the body names when it is the account's own or a system bot (as
 * Chatwoot's MessageBuilder finds it), otherwise the caller. Another account's bot is never named.
 */
async function sender(
  request: FastifyRequest,
  body: { sender_type?: string; sender_id?: number },
): Promise<NewMessage['sender']> {
  const { user, bot, account } = request.auth;
  if (body.sender_type === 'AgentBot' && body.sender_id) {
    const named = await findAccountBot(request.server.deps.db, account.id, body.sender_id);
    if (named) return { type: 'AgentBot', id: named.id };
  }
  if (bot) return { type: 'AgentBot', id: bot.id };
  return user ? { type: 'User', id: user.id } : null;
}

export default async function messageRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/conversations/:conversation_id/messages',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List messages',
        params: ConversationParams,
        querystring: ListQuery,
        response: { 200: ListResponse },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const accountId = conversation.account_id;
      const messages = await listMessages(db, accountId, conversation.id, {
        before: request.query.before,
        after: request.query.after,
        publicOnly: request.query.filter_internal_messages,
      });
      const [details, contact, assignee] = await Promise.all([
        loadMessageDetails(db, accountId, messages),
        getContact(db, accountId, conversation.contact_id),
        conversation.assignee_id ? findMember(db, accountId, conversation.assignee_id) : undefined,
      ]);
      return {
        meta: {
          labels: conversation.labels,
          additional_attributes: conversation.additional_attributes,
          contact: presentContactPush(contact),
          ...(assignee ? { assignee: presentAgent(assignee) } : {}),
          agent_last_seen_at: iso(conversation.agent_last_seen_at),
          assignee_last_seen_at: iso(conversation.assignee_last_seen_at),
        },
        payload: details.map((d) => presentMessage(d, conversation.display_id, config.publicUrl)),
      };
    },
  );

  app.post(
    '/conversations/:conversation_id/messages',
    {
      config: { policy: 'messages.create', bodyWrapper: 'message', uploadField: 'attachments' },
      schema: {
        tags,
        summary: 'Send a message (JSON or multipart with attachments[])',
        params: ConversationParams,
        body: CreateBody,
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const body = request.body;
      const messageType: number = MESSAGE_TYPE[(body.message_type ?? 'outgoing') as 'outgoing'];
      if (messageType === MESSAGE_TYPE.incoming) {
        const inbox = await findInbox(db, conversation.account_id, conversation.inbox_id);
        if (inbox?.channel_type !== 'Channel::Api')
          throw unprocessable('Incoming messages are only allowed in Api inboxes');
      }
      if (messageType !== MESSAGE_TYPE.incoming)
        await checkReplyWindow(db, conversation, {
          isPrivate: body.private ?? false,
          isTemplate: Boolean(body.template_params),
        });
      const files = (body.attachments ?? []).filter(isUploadedFile);
      let contentType = body.content_type ?? 'text';
      const items = (body.content_attributes as { items?: unknown[] } | undefined)?.items;
      // n8n sends content_type "cards" by default; without items its user means plain text.
      if (ITEM_TYPES.has(contentType) && !(Array.isArray(items) && items.length)) contentType = 'text';
      const externalCreatedAt = body.external_created_at;
      const { message, contact } = await createMessage(db, conversation, {
        messageType,
        content: body.content,
        private: body.private ?? false,
        contentType,
        contentAttributes: {
          ...(body.content_attributes ?? {}),
          ...(externalCreatedAt ? { external_created_at: externalCreatedAt } : {}),
          ...(body.cc_emails ? { cc_emails: body.cc_emails.split(',').map((e) => e.trim()) } : {}),
          ...(body.bcc_emails ? { bcc_emails: body.bcc_emails.split(',').map((e) => e.trim()) } : {}),
          ...(body.to_emails ? { to_emails: body.to_emails.split(',').map((e) => e.trim()) } : {}),
        },
        additionalAttributes: {
          ...(body.template_params ? { template_params: body.template_params } : {}),
          ...(body.campaign_id ? { campaign_id: body.campaign_id } : {}),
        },
        sender:
          messageType === MESSAGE_TYPE.incoming
            ? { type: 'Contact', id: conversation.contact_id }
            : await sender(request, body),
        sourceId: body.source_id,
        echoId: body.echo_id,
        files,
        variables: true,
      });
      return presentOne(request, conversation, message, {
        attachments: files.length > 0,
        known: callerAsSender(request, contact),
      });
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/conversations/:conversation_id/messages/:message_id',
    config: { policy: 'messages.write', bodyWrapper: 'message' },
    schema: {
      tags,
      summary: 'Set the delivery status (API inboxes)',
      params: MessageParams,
      body: UpdateBody,
      response: { 200: MessageSchema },
    },
    handler: async (request) => {
      const conversation = await conversationFor(request);
      const message = await getMessage(db, conversation.account_id, conversation.id, request.params.message_id);
      const inbox = await findInbox(db, conversation.account_id, conversation.inbox_id);
      if (inbox?.channel_type !== 'Channel::Api') {
        throw new AppError('operation_not_allowed', 'Message status update is only allowed for API inboxes');
      }
      const updated = await updateMessageStatus(db, message, request.body.status, request.body.external_error);
      return presentOne(request, conversation, updated);
    },
  });

  app.post(
    '/conversations/:conversation_id/messages/:message_id/retry',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Retry a message its channel failed to deliver',
        params: MessageParams,
        response: { 200: MessageSchema },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const message = await getMessage(db, conversation.account_id, conversation.id, request.params.message_id);
      return presentOne(request, conversation, await retryFailedMessage(db, message));
    },
  );

  app.delete(
    '/conversations/:conversation_id/messages/:message_id',
    {
      config: { policy: 'messages.write' },
      schema: { tags, summary: 'Delete a message', params: MessageParams, response: { 200: MessageSchema } },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const message = await getMessage(db, conversation.account_id, conversation.id, request.params.message_id);
      return presentOne(request, conversation, await softDeleteMessage(db, message));
    },
  );
}
