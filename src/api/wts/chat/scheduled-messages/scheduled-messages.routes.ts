import { Type } from 'typebox';
import type { App } from '../../../types.ts';
import {
  batchCancelScheduled,
  cancelScheduled,
  createScheduled,
  updateScheduled,
} from '../../../../domain/scheduled_messages/commands.ts';
import { getScheduled, listScheduled, selectScheduled } from '../../../../domain/scheduled_messages/repository.ts';
import { envelope, pageOrder, paging } from '../../page.ts';
import { IdParams, queryRange } from '../../schema.ts';
import { presentScheduled } from './present.ts';
import {
  BatchCancelBody,
  CreateBody,
  ListQuery,
  ScheduledMessagePage,
  ScheduledMessageSchema,
  ShowQuery,
  UpdateBody,
} from './schema.ts';

const tags = ['WTS Scheduled messages'];

/** `/chat/v1/scheduled-message`: messages (or chatbots) sent to a contact at a time (jobs/scheduled-sends.ts sends them). */
export default async function scheduledMessageRoutes(app: App): Promise<void> {
  const { db } = app.deps;
  const scopeOf = (request: {
    auth: { account: { id: number }; user?: { id: number } | null; inboxIds?: number[] };
  }) => ({
    accountId: request.auth.account.id,
    userId: request.auth.user!.id,
    visibleInboxIds: request.auth.inboxIds,
  });

  app.get(
    '/v1/scheduled-message',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'List scheduled messages',
        querystring: ListQuery,
        response: { 200: ScheduledMessagePage },
      },
    },
    async (request) => {
      const q = request.query;
      const page = paging(q, { orderBy: 'scheduling', orderDirection: 'ASCENDING' });
      const filter = {
        status: q.Status?.filter((s) => s !== 'DELIVERED' && s !== 'READ'),
        type: q.Type,
        scheduledAt: queryRange(q, 'ScheduledAt'),
        createdAt: queryRange(q, 'CreatedAt'),
        updatedAt: queryRange(q, 'UpdatedAt'),
        inbox: q.From,
        contact: q.To,
        user: q.User,
        team: q.Department,
      };
      // DELIVERED and READ are channel receipts Switchboard keeps on the message, not on the schedule: asking only for them finds none.
      if (q.Status?.length && !filter.status?.length) return envelope([], 0, page);
      const { rows, total } = await listScheduled(
        db,
        request.auth.account.id,
        request.auth.inboxIds,
        filter,
        pageOrder(page),
      );
      return envelope(
        rows.map((r) => presentScheduled(r, request.auth.account.uuid, q.IncludeDetails)),
        total,
        page,
      );
    },
  );

  app.post(
    '/v1/scheduled-message',
    {
      config: { policy: 'messages.create' },
      schema: { tags, summary: 'Schedule a message', body: CreateBody, response: { 200: ScheduledMessageSchema } },
    },
    async (request) =>
      presentScheduled(await createScheduled(db, scopeOf(request), request.body), request.auth.account.uuid),
  );

  app.post(
    '/v1/scheduled-message/batch-cancel',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Cancel scheduled messages',
        body: BatchCancelBody,
        response: { 200: Type.Array(ScheduledMessageSchema) },
      },
    },
    async (request) => {
      const { account, inboxIds } = request.auth;
      const canceled = await batchCancelScheduled(db, account.id, request.body, inboxIds);
      if (!canceled.length) return [];
      const rows = await selectScheduled(db, account.id, inboxIds)
        .where('s.uuid', 'in', canceled)
        .orderBy('s.scheduled_at')
        .execute();
      return rows.map((r) => presentScheduled(r, account.uuid));
    },
  );

  app.get(
    '/v1/scheduled-message/:id',
    {
      config: { policy: 'messages.read' },
      schema: {
        tags,
        summary: 'Show a scheduled message',
        params: IdParams,
        querystring: ShowQuery,
        response: { 200: ScheduledMessageSchema },
      },
    },
    async (request) =>
      presentScheduled(
        await getScheduled(db, request.auth.account.id, request.params.id, request.auth.inboxIds),
        request.auth.account.uuid,
        request.query.includeDetails,
      ),
  );

  app.put(
    '/v1/scheduled-message/:id',
    {
      config: { policy: 'messages.create' },
      schema: {
        tags,
        summary: 'Change a scheduled message (the fields listed in `fields`)',
        params: IdParams,
        body: UpdateBody,
        response: { 200: ScheduledMessageSchema },
      },
    },
    async (request) => {
      const { fields, ...body } = request.body;
      return presentScheduled(
        await updateScheduled(db, scopeOf(request), request.params.id, fields, body),
        request.auth.account.uuid,
      );
    },
  );

  app.post(
    '/v1/scheduled-message/:id/cancel',
    {
      config: { policy: 'messages.create' },
      schema: { tags, summary: 'Cancel a scheduled message', params: IdParams },
    },
    async (request, reply) => {
      await cancelScheduled(db, request.auth.account.id, request.params.id, request.auth.inboxIds);
      return reply.status(200).send();
    },
  );
}
