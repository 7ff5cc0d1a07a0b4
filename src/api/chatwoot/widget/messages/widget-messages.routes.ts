import type { FastifyRequest } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import { notFound } from '../../../../errors.ts';
import { contactSeen, submitValues } from '../../../../domain/conversations/public.ts';
import { updatePublicContact } from '../../../../domain/contacts/public.ts';
import { createMessage, MESSAGE_TYPE } from '../../../../domain/messages/commands.ts';
import { loadMessageDetails } from '../../../../domain/messages/details.ts';
import { listMessages } from '../../../../domain/messages/list.ts';
import { startWidgetConversation } from '../../../../domain/widget/conversation.ts';
import { currentConversation } from '../../../../domain/widget/visitor.ts';
import { isUploadedFile } from '../../../multipart.ts';
import { PublicMessageSchema, presentPublicMessage } from '../../presenters/public.ts';
import { conversationOrigin, requestVisitor } from '../visitor.ts';
import { WebsiteTokenQuery } from '../schema.ts';
import { CreateMessageBody, MessageParams, MessagesQuery, UpdateMessageBody } from './schema.ts';

const tags = ['Widget API'];

/** A multipart form names its fields `message[content]`, `message[attachments]`: the same body as `{message: {...}}`. */
async function unwrapFormFields(request: FastifyRequest): Promise<void> {
  const body = request.body as Record<string, unknown> | undefined;
  if (!body || typeof body !== 'object') return;
  for (const key of Object.keys(body)) {
    const field = /^message\[(\w+)\]$/.exec(key)?.[1];
    if (!field) continue;
    body[field] = body[key];
    delete body[key];
  }
  if (body.attachments !== undefined && !Array.isArray(body.attachments)) body.attachments = [body.attachments];
}

export default async function widgetMessageRoutes(app: App): Promise<void> {
  const { db, config } = app.deps;

  app.get(
    '/messages',
    {
      schema: {
        tags,
        summary: 'Messages of the visitor’s conversation (latest 20, oldest first)',
        security: [],
        querystring: MessagesQuery,
        response: { 200: Type.Array(PublicMessageSchema) },
      },
    },
    async (request) => {
      const conversation = await currentConversation(db, await requestVisitor(request));
      if (!conversation) return [];
      const messages = await listMessages(db, conversation.account_id, conversation.id, {
        before: request.query.before,
        after: request.query.after,
        publicOnly: true,
      });
      const details = await loadMessageDetails(db, conversation.account_id, messages);
      return details.map((d) => presentPublicMessage(d, conversation.display_id, config.publicUrl));
    },
  );

  app.post(
    '/messages',
    {
      config: { bodyWrapper: 'message', uploadField: 'message[attachments]' },
      preValidation: unwrapFormFields,
      schema: {
        tags,
        summary: 'Send a message as the visitor (opens a conversation when there is none)',
        security: [],
        querystring: WebsiteTokenQuery,
        body: CreateMessageBody,
        response: { 200: PublicMessageSchema },
      },
    },
    async (request) => {
      const visitor = await requestVisitor(request);
      const body = request.body;
      const files = (body.attachments ?? []).filter(isUploadedFile);
      let conversation = await currentConversation(db, visitor);
      let message;
      if (!conversation) {
        conversation = await startWidgetConversation(db, visitor, {
          message: { content: body.content, echoId: body.echo_id, files },
          additionalAttributes: conversationOrigin(request, body.timestamp, body.referer_url),
        });
        message = await db
          .selectFrom('messages')
          .selectAll()
          .where('account_id', '=', conversation.account_id)
          .where('conversation_id', '=', conversation.id)
          .where('message_type', '=', MESSAGE_TYPE.incoming)
          .orderBy('id', 'desc')
          .limit(1)
          .executeTakeFirstOrThrow();
      } else {
        ({ message } = await createMessage(db, conversation, {
          messageType: MESSAGE_TYPE.incoming,
          content: body.content,
          echoId: body.echo_id,
          contentAttributes: body.reply_to ? { in_reply_to: body.reply_to } : undefined,
          sender: { type: 'Contact', id: visitor.contact.id },
          files,
        }));
      }
      await contactSeen(db, conversation);
      const [details] = await loadMessageDetails(db, conversation.account_id, [message]);
      return presentPublicMessage(details, conversation.display_id, config.publicUrl);
    },
  );

  app.patch(
    '/messages/:id',
    {
      config: { bodyWrapper: 'message' },
      schema: {
        tags,
        summary: 'Answer a bot message (choices, form, CSAT, email)',
        security: [],
        params: MessageParams,
        querystring: WebsiteTokenQuery,
        body: UpdateMessageBody,
        response: { 200: PublicMessageSchema },
      },
    },
    async (request) => {
      const visitor = await requestVisitor(request);
      const message = await db
        .selectFrom('messages')
        .selectAll()
        .where('account_id', '=', visitor.inbox.account_id)
        .where('id', '=', request.params.id)
        .where(
          'conversation_id',
          'in',
          db
            .selectFrom('conversations')
            .select('id')
            .where('account_id', '=', visitor.inbox.account_id)
            .where('contact_inbox_id', '=', visitor.contactInbox.id),
        )
        .where('private', '=', false)
        .executeTakeFirst();
      if (!message) throw notFound('Message');
      const { email } = request.body.contact ?? {};
      if (email) await updatePublicContact(db, visitor.inbox, visitor.contactInbox.source_id, { email });
      const submitted = request.body.submitted_values ?? (email ? [{ name: 'email', value: email }] : []);
      const updated = await submitValues(db, message, submitted);
      const conversation = await db
        .selectFrom('conversations')
        .select('display_id')
        .where('id', '=', message.conversation_id)
        .executeTakeFirstOrThrow();
      const [details] = await loadMessageDetails(db, message.account_id, [updated]);
      return presentPublicMessage(details, conversation.display_id, config.publicUrl);
    },
  );
}
