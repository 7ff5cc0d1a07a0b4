import { Type, type Static } from 'typebox';
import type { Portal } from '../../../../db/types.ts';
import type { ArticleRow } from '../../../../domain/help_center/articles.ts';
import type { CategoryRow } from '../../../../domain/help_center/categories.ts';
import type { PortalCounts } from '../../../../domain/help_center/portals.ts';
import type { Member } from '../../../../domain/users/repository.ts';
import { AgentSchema, presentAgent } from '../../presenters/agent.ts';
import { FreeObject, Nullable, OrNull } from '../../presenters/schema-helpers.ts';
import { unix } from '../../presenters/time.ts';

/** Chatwoot routes a portal by its slug; Switchboard also takes its id (the n8n node sends a number). */
export const PortalParams = Type.Object({ portal_id: Type.String({ minLength: 1, maxLength: 100 }) });
export const PortalItemParams = Type.Object({
  portal_id: Type.String({ minLength: 1, maxLength: 100 }),
  id: Type.Integer({ minimum: 1 }),
});

const text = (maxLength: number) => OrNull(Type.String({ maxLength }));

export const PortalBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 255 })),
  slug: Type.Optional(Type.String({ maxLength: 255 })),
  custom_domain: Type.Optional(text(255)),
  color: Type.Optional(text(32)),
  homepage_link: Type.Optional(text(2048)),
  page_title: Type.Optional(text(255)),
  header_text: Type.Optional(text(1000)),
  archived: Type.Optional(Type.Boolean()),
  config: Type.Optional(
    Type.Object({
      allowed_locales: Type.Optional(Type.Array(Type.String({ maxLength: 16 }), { maxItems: 50 })),
      default_locale: Type.Optional(Type.String({ maxLength: 16 })),
    }),
  ),
});

export const CategoryBody = Type.Object({
  name: Type.Optional(Type.String({ maxLength: 255 })),
  slug: Type.Optional(Type.String({ maxLength: 255 })),
  locale: Type.Optional(Type.String({ maxLength: 16 })),
  description: Type.Optional(text(10_000)),
  position: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
});

export const ArticleBody = Type.Object({
  title: Type.Optional(Type.String({ maxLength: 255 })),
  slug: Type.Optional(Type.String({ maxLength: 255 })),
  content: Type.Optional(Type.String({ maxLength: 200_000 })),
  description: Type.Optional(text(10_000)),
  status: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 2 }), Type.String({ maxLength: 32 })])),
  category_id: Type.Optional(OrNull(Type.Integer({ minimum: 1 }))),
  author_id: Type.Optional(OrNull(Type.Integer({ minimum: 1 }))),
  locale: Type.Optional(Type.String({ maxLength: 16 })),
  meta: Type.Optional(FreeObject),
  position: Type.Optional(Type.Integer({ minimum: -2147483648, maximum: 2147483647 })),
});

export const ArticlesQuery = Type.Object({
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000 })),
  locale: Type.Optional(Type.String({ maxLength: 16 })),
  category_slug: Type.Optional(Type.String({ maxLength: 255 })),
  status: Type.Optional(Type.Union([Type.Integer({ minimum: 0, maximum: 2 }), Type.String({ maxLength: 32 })])),
  author_id: Type.Optional(Type.Integer({ minimum: 1 })),
  query: Type.Optional(Type.String({ maxLength: 255 })),
});

export const CategoriesQuery = Type.Object({ locale: Type.Optional(Type.String({ maxLength: 16 })) });
export const PortalQuery = Type.Object({ locale: Type.Optional(Type.String({ maxLength: 16 })) });

// ---- responses: Chatwoot's _portal, _category and _article partials -----------------------------------------

const LocaleCount = Type.Object({
  code: Type.String(),
  articles_count: Type.Integer(),
  categories_count: Type.Integer(),
});

export const PortalSchema = Type.Object({
  id: Type.Integer(),
  color: Nullable(Type.String()),
  custom_domain: Nullable(Type.String()),
  header_text: Nullable(Type.String()),
  homepage_link: Nullable(Type.String()),
  name: Type.String(),
  page_title: Nullable(Type.String()),
  slug: Type.String(),
  archived: Type.Boolean(),
  account_id: Type.Integer(),
  config: Type.Object({ allowed_locales: Type.Array(LocaleCount), default_locale: Type.String() }),
  meta: Type.Object({
    all_articles_count: Type.Integer(),
    archived_articles_count: Type.Integer(),
    published_count: Type.Integer(),
    draft_articles_count: Type.Integer(),
    mine_articles_count: Type.Optional(Type.Integer()),
    categories_count: Type.Integer(),
    default_locale: Type.String(),
  }),
});
export const PortalsResponse = Type.Object({
  payload: Type.Array(PortalSchema),
  meta: Type.Object({ current_page: Type.Integer(), portals_count: Type.Integer() }),
});

/** `locale` narrows the article counts of meta, as Chatwoot's portal show does with ?locale=. */
export function presentPortal(portal: Portal, counts: PortalCounts, locale?: string): Static<typeof PortalSchema> {
  const articles = counts.articles.filter((c) => c.portal_id === portal.id);
  const categories = counts.categories.filter((c) => c.portal_id === portal.id);
  const sum = (rows: { count: number }[]) => rows.reduce((n, r) => n + r.count, 0);
  const inLocale = locale ? articles.filter((a) => a.locale === locale) : articles;
  const byStatus = (status: string) => sum(inLocale.filter((a) => a.status === status));
  const mine = counts.mine.find((m) => m.portal_id === portal.id);
  return {
    id: portal.id,
    color: portal.color,
    custom_domain: portal.custom_domain,
    header_text: portal.header_text,
    homepage_link: portal.homepage_link,
    name: portal.name,
    page_title: portal.page_title,
    slug: portal.slug,
    archived: portal.archived,
    account_id: portal.account_id,
    config: {
      allowed_locales: portal.config.allowed_locales.map((code) => ({
        code,
        articles_count: sum(articles.filter((a) => a.locale === code)),
        categories_count: sum(categories.filter((c) => c.locale === code)),
      })),
      default_locale: portal.config.default_locale,
    },
    meta: {
      all_articles_count: sum(inLocale),
      archived_articles_count: byStatus('archived'),
      published_count: byStatus('published'),
      draft_articles_count: byStatus('draft'),
      ...(mine && articles.length ? { mine_articles_count: mine.count } : {}),
      categories_count: sum(categories),
      default_locale: portal.config.default_locale,
    },
  };
}

export const CategorySchema = Type.Object({
  id: Type.Integer(),
  name: Type.String(),
  slug: Type.String(),
  locale: Type.String(),
  description: Nullable(Type.String()),
  position: Type.Integer(),
  account_id: Type.Integer(),
  // jbuilder renders an empty `json.linked_categories do … end` block as {} — kept for clients that read it.
  linked_categories: FreeObject,
  meta: Type.Object({ articles_count: Type.Integer() }),
});
export const CategoryPayload = Type.Object({ payload: CategorySchema });
export const CategoriesResponse = Type.Object({
  payload: Type.Array(CategorySchema),
  meta: Type.Object({ current_page: Type.Integer(), categories_count: Type.Integer() }),
});

export function presentCategory(row: CategoryRow): Static<typeof CategorySchema> {
  return {
    id: row.id,
    name: row.name,
    slug: row.slug,
    locale: row.locale,
    description: row.description,
    position: row.position,
    account_id: row.account_id,
    linked_categories: {},
    meta: { articles_count: row.articles_count },
  };
}

export const ArticleSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  title: Type.String(),
  content: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  position: Type.Integer(),
  account_id: Type.Integer(),
  updated_at: Type.Integer(),
  meta: FreeObject,
  locale: Type.String(),
  associated_article_id: Nullable(Type.Integer()),
  category: Type.Object({
    id: Nullable(Type.Integer()),
    name: Nullable(Type.String()),
    slug: Nullable(Type.String()),
    locale: Nullable(Type.String()),
  }),
  views: Type.Integer(),
  author: Type.Optional(AgentSchema),
  // As linked_categories: Chatwoot sends {} when an article has no associated articles.
  associated_articles: FreeObject,
});
export const ArticlePayload = Type.Object({ payload: ArticleSchema });
export const ArticlesResponse = Type.Object({
  payload: Type.Array(ArticleSchema),
  meta: Type.Object({
    all_articles_count: Type.Integer(),
    archived_articles_count: Type.Integer(),
    published_count: Type.Integer(),
    draft_articles_count: Type.Integer(),
    mine_articles_count: Type.Integer(),
    articles_count: Type.Integer(),
    current_page: Type.Integer(),
  }),
});

export function presentArticle(row: ArticleRow, authors: Map<number, Member>): Static<typeof ArticleSchema> {
  const author = row.author_id === null ? undefined : authors.get(row.author_id);
  return {
    id: row.id,
    slug: row.slug,
    title: row.title,
    content: row.content,
    description: row.description,
    status: row.status,
    position: row.position,
    account_id: row.account_id,
    updated_at: unix(row.updated_at),
    meta: row.meta,
    locale: row.locale,
    associated_article_id: null,
    category: { id: row.category_id, name: row.category_name, slug: row.category_slug, locale: row.category_locale },
    views: row.views,
    ...(author ? { author: presentAgent(author) } : {}),
    associated_articles: {},
  };
}
