import type { Conversation } from '../../../../db/types.ts';
import type { App } from '../../../types.ts';
import { AppError, notFound } from '../../../../errors.ts';
import { changeStatus, recordTyping, replaceCustomAttributes } from '../../../../domain/conversations/commands.ts';
import { contactSeen } from '../../../../domain/conversations/public.ts';
import { sendTranscript } from '../../../../domain/conversations/transcript.ts';
import { loadMessageDetails } from '../../../../domain/messages/details.ts';
import { listMessages } from '../../../../domain/messages/list.ts';
import { currentConversation } from '../../../../domain/widget/visitor.ts';
import { startWidgetConversation } from '../../../../domain/widget/conversation.ts';
import { presentPublicMessage } from '../../presenters/public.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { unix } from '../../presenters/time.ts';
import { toChatwootStatus } from '../../../../domain/conversations/status.ts';
import { conversationOrigin, requestVisitor } from '../visitor.ts';
import { WebsiteTokenQuery } from '../schema.ts';
import {
  CreateConversationBody,
  CurrentConversationSchema,
  CustomAttributesBody,
  DestroyCustomAttributeBody,
  TypingBody,
  WidgetConversationSchema,
} from './schema.ts';

const tags = ['Widget API'];

/** The visitor's current conversation: its actions answer 404 before the first message, as Chatwoot's do. */
export default async function widgetConversationRoutes(app: App): Promise<void> {
  const { db, config, mailer } = app.deps;

  async function present(conversation: Conversation) {
    const messages = await listMessages(db, conversation.account_id, conversation.id, { publicOnly: true });
    const details = await loadMessageDetails(db, conversation.account_id, messages);
    return {
      id: conversation.display_id,
      inbox_id: conversation.inbox_id,
      contact_last_seen_at: unix(conversation.contact_last_seen_at),
      status: toChatwootStatus(conversation.status),
      meta: {},
      messages: details.map((d) => presentPublicMessage(d, conversation.display_id, config.publicUrl)),
      muted: conversation.muted,
      timestamp: unix(conversation.last_activity_at),
      custom_attributes: conversation.custom_attributes,
    };
  }

  const current = async (request: Parameters<typeof requestVisitor>[0]) => {
    const visitor = await requestVisitor(request);
    const conversation = await currentConversation(db, visitor);
    if (!conversation) throw notFound('Conversation');
    return { visitor, conversation };
  };

  app.get(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'The visitor’s current conversation',
        security: [],
        querystring: WebsiteTokenQuery,
        response: { 200: CurrentConversationSchema },
      },
    },
    async (request) => {
      const conversation = await currentConversation(db, await requestVisitor(request));
      return conversation
        ? {
            id: conversation.display_id,
            inbox_id: conversation.inbox_id,
            status: toChatwootStatus(conversation.status),
          }
        : {};
    },
  );

  app.post(
    '/conversations',
    {
      schema: {
        tags,
        summary: 'Start a conversation (pre-chat form details and the first message)',
        security: [],
        querystring: WebsiteTokenQuery,
        body: CreateConversationBody,
        response: { 200: WidgetConversationSchema },
      },
    },
    async (request) => {
      const visitor = await requestVisitor(request);
      const { contact, message, custom_attributes } = request.body;
      const conversation = await startWidgetConversation(db, visitor, {
        contact,
        message: message && { content: message.content, echoId: message.echo_id },
        customAttributes: custom_attributes,
        additionalAttributes: conversationOrigin(request, message?.timestamp, message?.referer_url),
      });
      return present(conversation);
    },
  );

  app.post(
    '/conversations/toggle_typing',
    {
      schema: {
        tags,
        summary: 'The visitor is typing',
        security: [],
        querystring: WebsiteTokenQuery,
        body: TypingBody,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      const { visitor, conversation } = await current(request);
      await recordTyping(db, conversation, request.body.typing_status === 'on', false, {
        type: 'Contact',
        id: visitor.contact.id,
        name: visitor.contact.name,
      });
      return sendEmpty(reply);
    },
  );

  app.post(
    '/conversations/update_last_seen',
    {
      schema: {
        tags,
        summary: 'The visitor has read the conversation',
        security: [],
        querystring: WebsiteTokenQuery,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      const conversation = await currentConversation(db, await requestVisitor(request));
      if (conversation) await contactSeen(db, conversation);
      return sendEmpty(reply);
    },
  );

  // Chatwoot routes this as GET (the widget's "End conversation" menu item); POST is accepted too.
  app.route({
    method: ['GET', 'POST'],
    url: '/conversations/toggle_status',
    schema: {
      tags,
      summary: 'The visitor ends the conversation (resolves it)',
      security: [],
      querystring: WebsiteTokenQuery,
      response: { 200: Empty },
    },
    handler: async (request, reply) => {
      const { visitor, conversation } = await current(request);
      const features = (visitor.inbox.channel as { selected_feature_flags?: string[] }).selected_feature_flags;
      if (features && !features.includes('end_conversation'))
        throw new AppError('operation_not_allowed', 'Ending the conversation is turned off for this inbox');
      if (conversation.status !== 'resolved')
        await changeStatus(db, conversation, 'resolved', {
          type: 'Contact',
          id: visitor.contact.id,
          name: visitor.contact.name || 'the contact',
        });
      return sendEmpty(reply);
    },
  });

  app.post(
    '/conversations/transcript',
    {
      schema: {
        tags,
        summary: 'Email the conversation to the visitor',
        security: [],
        querystring: WebsiteTokenQuery,
        response: { 200: Empty },
      },
    },
    async (request, reply) => {
      const { visitor, conversation } = await current(request);
      if (!visitor.contact.email) throw new AppError('validation', 'The contact has no email address', ['email']);
      const account = await db
        .selectFrom('accounts')
        .selectAll()
        .where('id', '=', conversation.account_id)
        .executeTakeFirstOrThrow();
      await sendTranscript(db, mailer, account, conversation, visitor.contact.email);
      return sendEmpty(reply);
    },
  );

  app.post(
    '/conversations/set_custom_attributes',
    {
      schema: {
        tags,
        summary: 'Set the conversation’s custom attributes',
        security: [],
        querystring: WebsiteTokenQuery,
        body: CustomAttributesBody,
        response: { 200: WidgetConversationSchema },
      },
    },
    async (request) => {
      const { conversation } = await current(request);
      return present(await replaceCustomAttributes(db, conversation, request.body.custom_attributes));
    },
  );

  app.post(
    '/conversations/destroy_custom_attributes',
    {
      schema: {
        tags,
        summary: 'Remove custom attributes from the conversation',
        security: [],
        querystring: WebsiteTokenQuery,
        body: DestroyCustomAttributeBody,
        response: { 200: WidgetConversationSchema },
      },
    },
    async (request) => {
      const { conversation } = await current(request);
      const kept = Object.fromEntries(
        Object.entries(conversation.custom_attributes).filter(([key]) => !request.body.custom_attribute.includes(key)),
      );
      return present(await replaceCustomAttributes(db, conversation, kept));
    },
  );
}
