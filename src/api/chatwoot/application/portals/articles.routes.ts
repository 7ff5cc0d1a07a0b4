import type { App } from '../../../types.ts';
import type { Db } from '../../../../db/pool.ts';
import { validation } from '../../../../errors.ts';
import {
  articleCounts,
  articleStatus,
  createArticle,
  deleteArticle,
  getArticle,
  listArticles,
  updateArticle,
  type ArticleRow,
} from '../../../../domain/help_center/articles.ts';
import { findPortal } from '../../../../domain/help_center/portals.ts';
import { findMembers } from '../../../../domain/users/repository.ts';
import { Empty, sendEmpty } from '../../presenters/schema-helpers.ts';
import {
  ArticleBody,
  ArticlePayload,
  ArticlesQuery,
  ArticlesResponse,
  PortalItemParams,
  PortalParams,
  presentArticle,
} from './schema.ts';

const tags = ['Help Center'];
const policy = 'help_center.manage';

/** Articles with their authors, the authors read in one statement for the whole list. */
async function present(db: Db, accountId: number, rows: ArticleRow[]) {
  const ids = [...new Set(rows.map((r) => r.author_id).filter((id): id is number => id !== null))];
  const authors = new Map((await findMembers(db, accountId, ids)).map((m) => [m.id, m]));
  return rows.map((row) => presentArticle(row, authors));
}

/** A portal's articles (Chatwoot's ArticlePolicy: every member lists; administrators and portal members do the rest). */
export default async function articleRoutes(app: App): Promise<void> {
  const { db } = app.deps;

  app.get(
    '/portals/:portal_id/articles',
    {
      config: { policy: 'help_center.list' },
      schema: {
        tags,
        summary: 'List articles',
        params: PortalParams,
        querystring: ArticlesQuery,
        response: { 200: ArticlesResponse },
      },
    },
    async (request) => {
      const accountId = request.auth.account.id;
      const portal = await findPortal(db, accountId, request.params.portal_id);
      const { status: rawStatus, ...rest } = request.query;
      const status = rawStatus === undefined ? undefined : articleStatus(rawStatus);
      if (rawStatus !== undefined && !status)
        throw validation('Status must be one of draft, published, archived', ['status']);
      const filter = { ...rest, status };
      const [rows, counts] = await Promise.all([
        listArticles(db, portal, filter),
        articleCounts(db, portal, filter, request.auth.user?.id ?? null),
      ]);
      const byStatus =
        status === 'archived'
          ? counts.archived
          : status === 'published'
            ? counts.published
            : status === 'draft'
              ? counts.draft
              : counts.all;
      return {
        payload: await present(db, accountId, rows),
        meta: {
          all_articles_count: counts.all,
          archived_articles_count: counts.archived,
          published_count: counts.published,
          draft_articles_count: counts.draft,
          mine_articles_count: counts.mine,
          articles_count: byStatus,
          current_page: request.query.page ?? 1,
        },
      };
    },
  );

  app.get(
    '/portals/:portal_id/articles/:id',
    {
      config: { policy },
      schema: { tags, summary: 'Show an article', params: PortalItemParams, response: { 200: ArticlePayload } },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      const [article] = await present(db, portal.account_id, [await getArticle(db, portal, request.params.id)]);
      return { payload: article };
    },
  );

  app.post(
    '/portals/:portal_id/articles',
    {
      config: { policy, bodyWrapper: 'article' },
      schema: {
        tags,
        summary: 'Create an article',
        params: PortalParams,
        body: ArticleBody,
        response: { 200: ArticlePayload },
      },
    },
    async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      // Chatwoot's dashboard sends the signed-in agent as author_id; without one, the caller is the author.
      const row = await createArticle(db, portal, request.auth.user?.id ?? null, request.body);
      const [article] = await present(db, portal.account_id, [row]);
      return { payload: article };
    },
  );

  app.route({
    method: ['PATCH', 'PUT'],
    url: '/portals/:portal_id/articles/:id',
    config: { policy, bodyWrapper: 'article' },
    schema: {
      tags,
      summary: 'Update an article',
      params: PortalItemParams,
      body: ArticleBody,
      response: { 200: ArticlePayload },
    },
    handler: async (request) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      const [article] = await present(db, portal.account_id, [
        await updateArticle(db, portal, request.params.id, request.body),
      ]);
      return { payload: article };
    },
  });

  app.delete(
    '/portals/:portal_id/articles/:id',
    {
      config: { policy },
      schema: { tags, summary: 'Delete an article', params: PortalItemParams, response: { 200: Empty } },
    },
    async (request, reply) => {
      const portal = await findPortal(db, request.auth.account.id, request.params.portal_id);
      await deleteArticle(db, portal, request.params.id);
      return sendEmpty(reply);
    },
  );
}
