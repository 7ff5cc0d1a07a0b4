import type { FastifyReply } from 'fastify';
import { Type } from 'typebox';
import type { App } from '../../types.ts';
import type { Portal } from '../../../db/types.ts';
import type { ArticleRow } from '../../../domain/help_center/articles.ts';
import {
  authorNames,
  publicArticles,
  publicCategories,
  publicCategory,
  publicPortal,
  viewArticle,
} from '../../../domain/help_center/public.ts';
import { articlePage, categoryPage, homePage, notFoundPage, searchPage } from './pages.ts';
import { ErrorBody } from '../presenters/schema-helpers.ts';
import { PublicArticlesResponse, presentPublicArticle } from './public-schema.ts';

const tags = ['Help Center (public)'];
/** Articles per page of the public search, and per category page. */
const PAGE = 25;
const MAX_HOME_ARTICLES = 500;

/** No script runs on these pages; styles are inline; images may come from https. */
const HEADERS = {
  'content-type': 'text/html; charset=utf-8',
  'content-security-policy':
    "default-src 'none'; style-src 'unsafe-inline'; img-src https: data:; base-uri 'none'; form-action 'self'; frame-ancestors 'self'",
  'x-content-type-options': 'nosniff',
  'referrer-policy': 'strict-origin-when-cross-origin',
};

const Slug = Type.String({ minLength: 1, maxLength: 255 });
const PortalOnly = Type.Object({ slug: Slug });
const PortalLocale = Type.Object({ slug: Slug, locale: Type.String({ minLength: 1, maxLength: 16 }) });
const CategoryParams = Type.Object({
  slug: Slug,
  locale: Type.String({ minLength: 1, maxLength: 16 }),
  category_slug: Slug,
});
const ArticleParams = Type.Object({ slug: Slug, article_slug: Slug });
const SearchQuery = Type.Object({
  query: Type.Optional(Type.String({ maxLength: 255 })),
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 10_000 })),
  per_page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100 })),
  sort: Type.Optional(Type.String({ maxLength: 32 })),
});

const html = (reply: FastifyReply, status: number, body: string) => reply.status(status).headers(HEADERS).send(body);

/**
 * Chatwoot's public Help Center (/hc/:slug...): server-rendered pages for people, and the JSON article search
 * the widget uses. Only portals that are not archived and only published articles are served.
 */
export default async function helpCenterPages(app: App): Promise<void> {
  const { db } = app.deps;

  async function portalAndLocale(slug: string, locale?: string): Promise<{ portal?: Portal; locale?: string }> {
    const portal = await publicPortal(db, slug);
    if (!portal) return {};
    const chosen = locale ?? portal.config.default_locale;
    return { portal, locale: portal.config.allowed_locales.includes(chosen) ? chosen : undefined };
  }

  async function home(reply: FastifyReply, slug: string, requested?: string) {
    const { portal, locale } = await portalAndLocale(slug, requested);
    if (!portal || !locale) return html(reply, 404, notFoundPage(portal));
    const [categories, { rows }] = await Promise.all([
      publicCategories(db, portal, locale),
      publicArticles(db, portal, { locale, limit: MAX_HOME_ARTICLES }),
    ]);
    const byCategory = new Map<number | null, ArticleRow[]>();
    for (const row of rows) byCategory.set(row.category_id, [...(byCategory.get(row.category_id) ?? []), row]);
    return html(reply, 200, homePage(portal, locale, categories, byCategory));
  }

  const hide = { hide: true };
  app.get('/hc/:slug', { schema: { ...hide, params: PortalOnly } }, async (request, reply) =>
    home(reply, request.params.slug),
  );
  app.get('/hc/:slug/:locale', { schema: { ...hide, params: PortalLocale } }, async (request, reply) =>
    home(reply, request.params.slug, request.params.locale),
  );
  app.get('/hc/:slug/:locale/categories', { schema: { ...hide, params: PortalLocale } }, async (request, reply) =>
    home(reply, request.params.slug, request.params.locale),
  );

  app.get(
    '/hc/:slug/:locale/categories/:category_slug',
    { schema: { ...hide, params: CategoryParams, querystring: SearchQuery } },
    async (request, reply) => {
      const { portal, locale } = await portalAndLocale(request.params.slug, request.params.locale);
      const category =
        portal && locale ? await publicCategory(db, portal, locale, request.params.category_slug) : undefined;
      if (!portal || !locale || !category) return html(reply, 404, notFoundPage(portal));
      const page = request.query.page ?? 1;
      const { rows } = await publicArticles(db, portal, {
        locale,
        categoryId: category.id,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      });
      return html(reply, 200, categoryPage(portal, locale, category, rows));
    },
  );

  app.get(
    '/hc/:slug/:locale/articles',
    { schema: { ...hide, params: PortalLocale, querystring: SearchQuery } },
    async (request, reply) => {
      const { portal, locale } = await portalAndLocale(request.params.slug, request.params.locale);
      if (!portal || !locale) return html(reply, 404, notFoundPage(portal));
      const page = request.query.page ?? 1;
      const { rows } = await publicArticles(db, portal, {
        locale,
        query: request.query.query,
        limit: PAGE,
        offset: (page - 1) * PAGE,
      });
      return html(reply, 200, searchPage(portal, locale, request.query.query ?? '', rows));
    },
  );

  app.get(
    '/hc/:slug/:locale/articles.json',
    {
      schema: {
        tags,
        summary: 'Search published articles',
        params: PortalLocale,
        querystring: SearchQuery,
        response: { 200: PublicArticlesResponse, 404: ErrorBody },
      },
    },
    async (request, reply) => {
      const { portal, locale } = await portalAndLocale(request.params.slug, request.params.locale);
      if (!portal || !locale) return reply.status(404).send({ error: 'Resource could not be found' });
      const perPage = request.query.per_page ?? PAGE;
      const { rows, total } = await publicArticles(db, portal, {
        locale,
        query: request.query.query,
        sort: request.query.sort === 'views' ? 'views' : 'position',
        limit: perPage,
        offset: ((request.query.page ?? 1) - 1) * perPage,
      });
      const authors = await authorNames(db, portal.account_id, [
        ...new Set(rows.map((r) => r.author_id).filter((id): id is number => id !== null)),
      ]);
      return {
        payload: rows.map((row) => presentPublicArticle(portal, row, authors)),
        meta: { articles_count: total },
      };
    },
  );

  app.get(
    '/hc/:slug/articles/:article_slug',
    { schema: { ...hide, params: ArticleParams } },
    async (request, reply) => {
      const portal = await publicPortal(db, request.params.slug);
      const article = portal ? await viewArticle(db, portal, request.params.article_slug) : undefined;
      if (!portal || !article) return html(reply, 404, notFoundPage(portal));
      const authors =
        article.author_id === null ? new Map() : await authorNames(db, portal.account_id, [article.author_id]);
      return html(
        reply,
        200,
        articlePage(portal, article, article.author_id === null ? undefined : authors.get(article.author_id)?.name),
      );
    },
  );
}
