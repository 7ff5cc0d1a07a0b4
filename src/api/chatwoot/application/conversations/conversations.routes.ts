import type { Static } from 'typebox';
import type { App } from '../../../types.ts';
import { createConversation, deleteConversation, setPriority } from '../../../../domain/conversations/commands.ts';
import { conversationFilter } from '../../../../domain/conversations/filter.ts';
import { listConversations, type ConversationQuery } from '../../../../domain/conversations/list.ts';
import { searchConversations } from '../../../../domain/conversations/search.ts';
import { MESSAGE_TYPE } from '../../../../domain/messages/commands.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import { pageNumber } from '../contacts/pages.ts';
import {
  ConversationParams,
  ConversationSchema,
  CreateBody,
  FilterBody,
  FilterQuery,
  FilterResponse,
  ListQuery,
  ListResponse,
  MetaResponse,
  SearchResponse,
  UpdateBody,
} from './schema.ts';
import { conversationFor, parseTime, presentConversations, presentOne } from './present.ts';
import conversationActions from './actions.ts';
import { filterConditionsOf } from '../custom_filters/apply.ts';
import conversationRelations from './relations.ts';
import contactConversationRoutes from './by-contact.ts';

const tags = ['Conversations'];
type ListParams = Static<typeof ListQuery>;

function listQuery(
  request: { auth: { user?: { id: number }; inboxIds?: number[] } },
  q: ListParams,
): ConversationQuery {
  return {
    userId: request.auth.user?.id,
    visibleInboxIds: request.auth.inboxIds,
    status: q.status ?? 'open',
    assigneeType: q.assignee_type,
    inboxId: q.inbox_id,
    teamId: q.team_id,
    labels: q.labels,
    q: q.q?.trim() || undefined,
    sourceId: q.source_id,
    conversationType: q.conversation_type,
    updatedWithin: q.updated_within,
    sortBy: q.sort_by,
    page: pageNumber(q.page),
    perPage: q.per_page,
    after: q.after || undefined,
    priority: q.priority,
    search: q.search?.trim() || undefined,
  };
}

export default async function conversationRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/conversations',
    {
      config: { policy: 'conversations.read' },
      schema: { tags, summary: 'List conversations', querystring: ListQuery, response: { 200: ListResponse } },
    },
    async (request) => {
      const { conversations, counts, nextCursor } = await listConversations(
        db,
        request.auth.account.id,
        listQuery(request, request.query),
      );
      const keyset = request.query.per_page !== undefined || request.query.after !== undefined;
      return {
        data: {
          meta: keyset ? { ...counts, next_cursor: nextCursor } : counts,
          payload: await presentConversations(request, conversations),
        },
      };
    },
  );

  app.get(
    '/conversations/meta',
    {
      config: { policy: 'conversations.read' },
      schema: { tags, summary: 'Conversation counts', querystring: ListQuery, response: { 200: MetaResponse } },
    },
    async (request) => {
      const { counts } = await listConversations(db, request.auth.account.id, {
        ...listQuery(request, request.query),
        perPage: 0,
      });
      return { meta: counts };
    },
  );

  app.get(
    '/conversations/search',
    {
      config: { policy: 'conversations.read' },
      schema: { tags, summary: 'Search message text', querystring: ListQuery, response: { 200: SearchResponse } },
    },
    async (request) => {
      const query = listQuery(request, request.query);
      const { payload, counts } = await searchConversations(db, request.auth.account.id, query);
      return {
        meta: { mine_count: counts.mine_count, unassigned_count: counts.unassigned_count, all_count: counts.all_count },
        payload,
      };
    },
  );

  app.post(
    '/conversations/filter',
    {
      config: { policy: 'conversations.read' },
      schema: {
        tags,
        summary: 'Filter conversations',
        querystring: FilterQuery,
        body: FilterBody,
        response: { 200: FilterResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const where = await conversationFilter(db, accountId, await filterConditionsOf(db, request, 'conversation'));
      const { conversations, counts } = await listConversations(db, accountId, {
        userId: request.auth.user?.id,
        visibleInboxIds: request.auth.inboxIds,
        status: 'all',
        where,
        page: pageNumber(request.body.page ?? request.query.page),
      });
      return {
        meta: { mine_count: counts.mine_count, unassigned_count: counts.unassigned_count, all_count: counts.all_count },
        payload: await presentConversations(request, conversations),
      };
    },
  );

  app.post(
    '/conversations',
    {
      config: { policy: 'conversations.create' },
      schema: { tags, summary: 'Create a conversation', body: CreateBody, response: { 200: ConversationSchema } },
    },
    async (request) => {
      const body = request.body;
      const { user, bot, inboxIds } = request.auth;
      const message = body.message;
      const conversation = await createConversation(db, request.auth.account.id, {
        inboxAccess: inboxIds,
        sourceId: body.source_id,
        inboxId: body.inbox_id,
        contactId: body.contact_id,
        status: body.status,
        assigneeId: body.assignee_id,
        teamId: body.team_id,
        snoozedUntil: parseTime(body.snoozed_until),
        additionalAttributes: body.additional_attributes,
        customAttributes: body.custom_attributes,
        message: message && {
          messageType: MESSAGE_TYPE[(message.message_type ?? 'outgoing') as 'outgoing'] as number,
          content: message.content,
          private: message.private,
          contentType: message.content_type,
          contentAttributes: message.content_attributes,
          additionalAttributes: message.template_params ? { template_params: message.template_params } : undefined,
          sender: user ? { type: 'User', id: user.id } : bot ? { type: 'AgentBot', id: bot.id } : null,
          variables: true,
        },
      });
      return presentOne(request, conversation);
    },
  );

  app.get(
    '/conversations/:conversation_id',
    {
      config: { policy: 'conversations.read' },
      schema: {
        tags,
        summary: 'Show a conversation',
        params: ConversationParams,
        response: { 200: ConversationSchema },
      },
    },
    async (request) => presentOne(request, await conversationFor(request)),
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/conversations/:conversation_id',
    config: { policy: 'conversations.update', bodyWrapper: 'conversation' },
    schema: {
      tags,
      summary: 'Update a conversation (priority)',
      params: ConversationParams,
      body: UpdateBody,
      response: { 200: ConversationSchema },
    },
    handler: async (request) => {
      let conversation = await conversationFor(request);
      if (request.body.priority !== undefined)
        conversation = await setPriority(db, conversation, request.body.priority || null);
      return presentOne(request, conversation);
    },
  });

  app.delete(
    '/conversations/:conversation_id',
    {
      config: { policy: 'conversations.delete' },
      schema: { tags, summary: 'Delete a conversation', params: ConversationParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      await deleteConversation(db, await conversationFor(request));
      return sendEmpty(reply);
    },
  );

  await app.register(conversationActions);
  await app.register(conversationRelations);
  await app.register(contactConversationRoutes);
}
