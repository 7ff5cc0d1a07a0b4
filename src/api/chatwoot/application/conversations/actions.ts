import type { App } from '../../../types.ts';
import {
  changeStatus,
  markSeen,
  markUnread,
  recordTyping,
  replaceCustomAttributes,
  setMuted,
  setPriority,
} from '../../../../domain/conversations/commands.ts';
import { sendTranscript } from '../../../../domain/conversations/transcript.ts';
import { toChatwootStatus } from '../../../../domain/conversations/status.ts';
import { AppError, unprocessable } from '../../../../errors.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { iso } from '../../presenters/time.ts';
import {
  ConversationParams,
  ConversationSchema,
  CustomAttributesBody,
  CustomAttributesResponse,
  TogglePriorityBody,
  ToggleStatusBody,
  ToggleStatusResponse,
  TranscriptBody,
  TypingBody,
} from './schema.ts';
import { conversationFor, parseTime, performerOf, presentOne } from './present.ts';

const tags = ['Conversations'];
const params = ConversationParams;

export default async function conversationActions(app: App): Promise<void> {
  const { db } = app.deps;

  app.post(
    '/conversations/:conversation_id/toggle_status',
    {
      config: { policy: 'conversations.update' },
      schema: {
        tags,
        summary: 'Change the status',
        params,
        body: ToggleStatusBody,
        response: { 200: ToggleStatusResponse },
      },
    },
    async (request) => {
      const conversation = await conversationFor(request);
      const current = toChatwootStatus(conversation.status);
      const target = request.body.status ?? (current === 'open' ? 'resolved' : 'open');
      const updated = await changeStatus(
        db,
        conversation,
        target,
        performerOf(request),
        parseTime(request.body.snoozed_until),
      );
      const botHandoff = request.auth.actor === 'bot' && conversation.status === 'pending' && target === 'open';
      return {
        payload: {
          success: botHandoff ? null : true,
          conversation_id: updated.display_id,
          current_status: toChatwootStatus(updated.status),
          snoozed_until: iso(updated.snoozed_until),
        },
      };
    },
  );

  app.post(
    '/conversations/:conversation_id/toggle_priority',
    {
      config: { policy: 'conversations.update' },
      schema: { tags, summary: 'Set the priority', params, body: TogglePriorityBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      await setPriority(db, await conversationFor(request), request.body.priority || null, performerOf(request));
      return sendEmpty(reply);
    },
  );

  app.post(
    '/conversations/:conversation_id/toggle_typing_status',
    {
      config: { policy: 'conversations.write' },
      schema: { tags, summary: 'Typing indicator', params, body: TypingBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      const conversation = await conversationFor(request);
      await recordTyping(
        db,
        conversation,
        request.body.typing_status === 'on',
        request.body.is_private ?? false,
        performerOf(request),
      );
      return sendEmpty(reply);
    },
  );

  app.post(
    '/conversations/:conversation_id/update_last_seen',
    {
      config: { policy: 'conversations.write' },
      schema: { tags, summary: 'Mark read by the agent', params, response: { 200: ConversationSchema } },
    },
    async (request) => presentOne(request, await markSeen(db, await conversationFor(request), request.auth.user?.id)),
  );

  app.post(
    '/conversations/:conversation_id/unread',
    {
      config: { policy: 'conversations.write' },
      schema: { tags, summary: 'Mark unread', params, response: { 200: ConversationSchema } },
    },
    async (request) => presentOne(request, await markUnread(db, await conversationFor(request))),
  );

  for (const [action, muted] of [
    ['mute', true],
    ['unmute', false],
  ] as const) {
    app.post(
      `/conversations/:conversation_id/${action}`,
      {
        config: { policy: 'conversations.write' },
        schema: { tags, summary: `${action} the contact`, params, response: { 200: Empty } },
      },
      async (request, reply) => {
        await setMuted(db, await conversationFor(request), muted);
        return sendEmpty(reply);
      },
    );
  }

  app.post(
    '/conversations/:conversation_id/transcript',
    {
      config: { policy: 'conversations.write' },
      schema: { tags, summary: 'Email the transcript', params, body: TranscriptBody, response: { 200: Empty } },
    },
    async (request, reply) => {
      const conversation = await conversationFor(request);
      if (!request.body.email?.trim()) throw unprocessable('email param missing', ['email']);
      if (!app.deps.mailer.configured)
        throw new AppError('unprocessable', 'Email transcripts need SMTP_URL to be configured', ['email']);
      await sendTranscript(db, app.deps.mailer, request.auth.account, conversation, request.body.email.trim());
      return sendEmpty(reply);
    },
  );

  app.post(
    '/conversations/:conversation_id/custom_attributes',
    {
      config: { policy: 'conversations.update' },
      schema: {
        tags,
        summary: 'Replace custom attributes',
        params,
        body: CustomAttributesBody,
        response: { 200: CustomAttributesResponse },
      },
    },
    async (request) => {
      const updated = await replaceCustomAttributes(db, await conversationFor(request), request.body.custom_attributes);
      return { custom_attributes: updated.custom_attributes };
    },
  );
}
