import { Type } from 'typebox';
import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import { callerContactInbox, inboxByIdentifier } from '../../../../domain/contacts/public.ts';
import { changeStatus, recordTyping } from '../../../../domain/conversations/commands.ts';
import {
  contactSeen,
  openPublicConversation,
  publicConversation,
  publicConversations,
  submitValues,
} from '../../../../domain/conversations/public.ts';
import { createMessage, getMessage, MESSAGE_TYPE } from '../../../../domain/messages/commands.ts';
import { loadMessageDetails } from '../../../../domain/messages/details.ts';
import { listMessages } from '../../../../domain/messages/list.ts';
import { isUploadedFile } from '../../../multipart.ts';
import {
  PublicConversationSchema,
  PublicMessageSchema,
  presentPublicConversation,
  presentPublicMessage,
} from '../../presenters/public.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  ContactParams,
  ConversationParams,
  CreateConversationBody,
  CreateMessageBody,
  MessageParams,
  MessagesQuery,
  TypingBody,
  UpdateMessageBody,
} from './schema.ts';

const tags = ['Client API'];

async function caller(request: FastifyRequest) {
  const params = request.params as { inbox_identifier: string; contact_identifier: string; conversation_id?: number };
  const { db } = request.server.deps;
  const inbox = await inboxByIdentifier(db, params.inbox_identifier);
  const contactInbox = await callerContactInbox(db, inbox, params.contact_identifier);
  const conversation = params.conversation_id
    ? await publicConversation(db, contactInbox, params.conversation_id)
    : undefined;
  return { inbox, contactInbox, contact: contactInbox.contact, conversation };
}

export default async function publicConversationRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;
  const presentAll = async (
    contactInbox: Awaited<ReturnType<typeof caller>>['contactInbox'],
    only?: Parameters<typeof publicConversations>[2],
  ) =>
    (await publicConversations(db, contactInbox, only)).map(({ conversation, messages }) =>
      presentPublicConversation(conversation, contactInbox.contact, messages, config.publicUrl),
    );
  const base = '/inboxes/:inbox_identifier/contacts/:contact_identifier/conversations';

  app.get(
    base,
    {
      schema: {
        tags,
        summary: "The contact's conversations",
        security: [],
        params: ContactParams,
        response: { 200: Type.Array(PublicConversationSchema) },
      },
    },
    async (request) => {
      const { contactInbox } = await caller(request);
      return presentAll(contactInbox);
    },
  );

  app.post(
    base,
    {
      schema: {
        tags,
        summary: 'Open a conversation',
        security: [],
        params: ContactParams,
        body: CreateConversationBody,
        response: { 200: PublicConversationSchema },
      },
    },
    async (request) => {
      const { inbox, contactInbox } = await caller(request);
      const conversation = await openPublicConversation(db, inbox, contactInbox, request.body.custom_attributes);
      return (await presentAll(contactInbox, conversation))[0];
    },
  );

  app.get(
    `${base}/:conversation_id`,
    {
      schema: {
        tags,
        summary: 'Show a conversation',
        security: [],
        params: ConversationParams,
        response: { 200: PublicConversationSchema },
      },
    },
    async (request) => {
      const { contactInbox, conversation } = await caller(request);
      return (await presentAll(contactInbox, conversation))[0];
    },
  );

  app.post(
    `${base}/:conversation_id/toggle_status`,
    {
      schema: {
        tags,
        summary: 'Resolve the conversation (never reopens)',
        security: [],
        params: ConversationParams,
        response: { 200: PublicConversationSchema },
      },
    },
    async (request) => {
      const { contactInbox, contact, conversation } = await caller(request);
      const updated =
        conversation!.status === 'resolved'
          ? conversation!
          : await changeStatus(db, conversation!, 'resolved', {
              type: 'Contact',
              id: contact.id,
              name: contact.name || 'the contact',
            });
      return (await presentAll(contactInbox, updated))[0];
    },
  );

  app.post(
    `${base}/:conversation_id/toggle_typing`,
    {
      schema: {
        tags,
        summary: 'Typing indicator',
        security: [],
        params: ConversationParams,
        body: TypingBody,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      const { contact, conversation } = await caller(request);
      await recordTyping(db, conversation!, request.body.typing_status === 'on', false, {
        type: 'Contact',
        id: contact.id,
        name: contact.name,
      });
      return sendEmpty(reply);
    },
  );

  app.post(
    `${base}/:conversation_id/update_last_seen`,
    {
      schema: {
        tags,
        summary: 'The contact has read the conversation',
        security: [],
        params: ConversationParams,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      const { conversation } = await caller(request);
      await contactSeen(db, conversation!);
      return sendEmpty(reply);
    },
  );

  app.get(
    `${base}/:conversation_id/messages`,
    {
      schema: {
        tags,
        summary: 'Messages (latest 20, oldest first)',
        security: [],
        params: ConversationParams,
        querystring: MessagesQuery,
        response: { 200: Type.Array(PublicMessageSchema) },
      },
    },
    async (request) => {
      const { conversation } = await caller(request);
      const messages = await listMessages(db, conversation!.account_id, conversation!.id, {
        before: request.query.before,
        publicOnly: true,
      });
      const details = await loadMessageDetails(db, conversation!.account_id, messages);
      return details.map((d) => presentPublicMessage(d, conversation!.display_id, config.publicUrl));
    },
  );

  app.post(
    `${base}/:conversation_id/messages`,
    {
      config: { bodyWrapper: 'message', uploadField: 'attachments' },
      schema: {
        tags,
        summary: 'Send a message as the contact',
        security: [],
        params: ConversationParams,
        body: CreateMessageBody,
        response: { 200: PublicMessageSchema },
      },
    },
    async (request) => {
      const { contact, conversation } = await caller(request);
      const { message } = await createMessage(db, conversation!, {
        messageType: MESSAGE_TYPE.incoming,
        content: request.body.content,
        echoId: request.body.echo_id,
        sender: { type: 'Contact', id: contact.id },
        files: (request.body.attachments ?? []).filter(isUploadedFile),
      });
      const [details] = await loadMessageDetails(db, conversation!.account_id, [message]);
      return presentPublicMessage(details, conversation!.display_id, config.publicUrl);
    },
  );

  app.patch(
    `${base}/:conversation_id/messages/:message_id`,
    {
      schema: {
        tags,
        summary: 'Submit form or CSAT values',
        security: [],
        params: MessageParams,
        body: UpdateMessageBody,
        response: { 200: PublicMessageSchema },
      },
    },
    async (request) => {
      const { conversation } = await caller(request);
      const message = await getMessage(db, conversation!.account_id, conversation!.id, request.params.message_id);
      const updated = await submitValues(db, message, request.body.submitted_values);
      const [details] = await loadMessageDetails(db, conversation!.account_id, [updated]);
      return presentPublicMessage(details, conversation!.display_id, config.publicUrl);
    },
  );
}
