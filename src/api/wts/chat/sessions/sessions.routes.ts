import type { App } from '../../../types.ts';
import { listSessions, SESSION_DATE_FIELDS, type SessionDateField } from '../../sessions-app/list.ts';
import type { DateRange } from '../../../../domain/listing.ts';
import { envelope, pageOrder, paging } from '../../page.ts';
import { queryRange } from '../../schema.ts';
import { ListQuery, SessionPage, SessionParams, SessionSchema, ShowQuery, type ListParams } from './schema.ts';
import { presentOne, presentSessions, sessionFor } from './present.ts';
import sessionActions from './actions.ts';
import sessionPartial from './partial.ts';
import sessionMessageRoutes from './messages.ts';
import sessionNoteRoutes from './notes.ts';

const tags = ['WTS Sessions'];

/** `ActiveAt.After` & co. as date ranges per session time. */
function dateRanges(q: ListParams): Partial<Record<SessionDateField, DateRange>> {
  const ranges: Partial<Record<SessionDateField, DateRange>> = {};
  for (const field of SESSION_DATE_FIELDS) {
    ranges[field] = queryRange(q, field[0].toUpperCase() + field.slice(1));
  }
  return ranges;
}

export default async function sessionRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  for (const version of ['v1', 'v2']) {
    app.get(
      `/${version}/session`,
      {
        config: { policy: 'conversations.read' },
        schema: { tags, summary: 'List sessions', querystring: ListQuery, response: { 200: SessionPage } },
      },
      async (request) => {
        const q = request.query;
        // Oldest first by default: a client walking the pages while sessions arrive sees each one once.
        const page = paging(q, { orderBy: 'createdAt', orderDirection: 'ASCENDING' });
        const { rows, total } = await listSessions(db, request.auth.account.id, {
          visibleInboxIds: request.auth.inboxIds,
          statuses: q.Status,
          tagIds: q.TagsId,
          tagNames: q.TagsName,
          userId: q.UserId,
          departmentId: q.DepartmentId,
          contactId: q.ContactId,
          channelIds: q.ChannelsId,
          ranges: dateRanges(q),
          ...pageOrder(page),
        });
        return envelope(await presentSessions(request, rows, q.IncludeDetails), total, page);
      },
    );

    app.get(
      `/${version}/session/:id`,
      {
        config: { policy: 'conversations.read' },
        schema: {
          tags,
          summary: 'Show a session',
          params: SessionParams,
          querystring: ShowQuery,
          response: { 200: SessionSchema },
        },
      },
      async (request) => presentOne(request, await sessionFor(request), request.query.IncludeDetails),
    );
  }

  await app.register(sessionActions);
  await app.register(sessionPartial);
  await app.register(sessionMessageRoutes);
  await app.register(sessionNoteRoutes);
}
