import { Type, type Static } from 'typebox';
import type { Portal } from '../../../db/types.ts';
import type { ArticleRow } from '../../../domain/help_center/articles.ts';
import { FreeObject, Nullable } from '../presenters/schema-helpers.ts';
import { iso } from '../presenters/time.ts';

/** Chatwoot's public article partial (what the widget's article search reads); no author e-mail. */
export const PublicArticleSchema = Type.Object({
  id: Type.Integer(),
  slug: Type.String(),
  category_id: Nullable(Type.Integer()),
  title: Type.String(),
  content: Type.String(),
  description: Nullable(Type.String()),
  status: Type.String(),
  account_id: Type.Integer(),
  last_updated_at: Type.String(),
  link: Type.String(),
  portal: Type.Object({
    name: Type.String(),
    slug: Type.String(),
    color: Nullable(Type.String()),
    custom_domain: Nullable(Type.String()),
    homepage_link: Nullable(Type.String()),
    page_title: Nullable(Type.String()),
    header_text: Nullable(Type.String()),
    config: Type.Object({ allowed_locales: Type.Array(Type.String()), default_locale: Type.String() }),
  }),
  category: Type.Optional(Type.Object({ id: Type.Integer(), slug: Type.String(), locale: Type.String() })),
  views: Type.Integer(),
  author: Type.Optional(Type.Object({ name: Type.String(), available_name: Type.String(), thumbnail: Type.String() })),
  associated_articles: FreeObject,
});

export const PublicArticlesResponse = Type.Object({
  payload: Type.Array(PublicArticleSchema),
  meta: Type.Object({ articles_count: Type.Integer() }),
});

export function presentPublicArticle(
  portal: Portal,
  row: ArticleRow,
  authors: Map<number, { name: string; avatar_url: string | null }>,
): Static<typeof PublicArticleSchema> {
  const author = row.author_id === null ? undefined : authors.get(row.author_id);
  return {
    id: row.id,
    slug: row.slug,
    category_id: row.category_id,
    title: row.title,
    content: row.content,
    description: row.description,
    status: row.status,
    account_id: row.account_id,
    last_updated_at: iso(row.updated_at)!,
    // Switchboard addition: the article's public page, so a client need not build the URL.
    link: `/hc/${encodeURIComponent(portal.slug)}/articles/${encodeURIComponent(row.slug)}`,
    portal: {
      name: portal.name,
      slug: portal.slug,
      color: portal.color,
      custom_domain: portal.custom_domain,
      homepage_link: portal.homepage_link,
      page_title: portal.page_title,
      header_text: portal.header_text,
      config: { allowed_locales: portal.config.allowed_locales, default_locale: portal.config.default_locale },
    },
    ...(row.category_id !== null && row.category_slug && row.category_locale
      ? { category: { id: row.category_id, slug: row.category_slug, locale: row.category_locale } }
      : {}),
    views: row.views,
    ...(author
      ? { author: { name: author.name, available_name: author.name, thumbnail: author.avatar_url ?? '' } }
      : {}),
    associated_articles: {},
  };
}
