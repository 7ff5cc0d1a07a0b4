import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { ArticleStatus, Portal, PortalArticle } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { findMember } from '../users/repository.ts';
import { RecordErrors, blank, checkSlug, parameterize } from './validation.ts';

export const ARTICLE_STATUSES: readonly ArticleStatus[] = ['draft', 'published', 'archived'];
/** Articles per page of a list, as Chatwoot pages them. */
export const ARTICLES_PER_PAGE = 25;

export interface ArticleInput {
  title?: string;
  slug?: string;
  content?: string;
  description?: string | null;
  /** A name, or the Rails enum's integer (0 draft, 1 published, 2 archived) as the n8n node sends it. */
  status?: string | number;
  category_id?: number | null;
  author_id?: number | null;
  locale?: string;
  meta?: Record<string, unknown>;
  position?: number;
}

export function articleStatus(value: string | number): ArticleStatus | undefined {
  if (typeof value === 'number' || /^\d+$/.test(value)) return ARTICLE_STATUSES[Number(value)];
  return ARTICLE_STATUSES.find((s) => s === value);
}

/** An article with the names its JSON shows beside it (category), read in the same statement. */
export interface ArticleRow extends PortalArticle {
  category_name: string | null;
  category_slug: string | null;
  category_locale: string | null;
}

function selectArticles(db: Db, portal: Portal) {
  return db
    .selectFrom('portal_articles as a')
    .leftJoin('portal_categories as c', 'c.id', 'a.category_id')
    .selectAll('a')
    .select(['c.name as category_name', 'c.slug as category_slug', 'c.locale as category_locale'])
    .where('a.account_id', '=', portal.account_id)
    .where('a.portal_id', '=', portal.id);
}

export interface ArticleFilter {
  locale?: string;
  category_slug?: string;
  status?: ArticleStatus;
  author_id?: number;
  query?: string;
  page?: number;
}

function filtered(db: Db, portal: Portal, filter: ArticleFilter) {
  let query = selectArticles(db, portal);
  if (filter.locale) query = query.where('a.locale', '=', filter.locale);
  if (filter.category_slug) query = query.where('c.slug', '=', filter.category_slug);
  if (filter.status) query = query.where('a.status', '=', filter.status);
  if (filter.author_id) query = query.where('a.author_id', '=', filter.author_id);
  if (filter.query?.trim()) {
    const like = `%${filter.query.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('a.title', 'ilike', like), eb('a.description', 'ilike', like), eb('a.content', 'ilike', like)]),
    );
  }
  return query;
}

export function listArticles(db: Db, portal: Portal, filter: ArticleFilter): Promise<ArticleRow[]> {
  const page = Math.max(1, filter.page ?? 1);
  return filtered(db, portal, filter)
    .orderBy('a.position')
    .orderBy('a.id')
    .limit(ARTICLES_PER_PAGE)
    .offset((page - 1) * ARTICLES_PER_PAGE)
    .execute();
}

/** The counts an article list's meta shows, for the filter without its status, in one statement. */
export async function articleCounts(db: Db, portal: Portal, filter: ArticleFilter, userId: number | null) {
  const row = await filtered(db, portal, { ...filter, status: undefined })
    .clearSelect()
    .select([
      sql<number>`count(*)::int`.as('all'),
      sql<number>`(count(*) FILTER (WHERE a.status = 'archived'))::int`.as('archived'),
      sql<number>`(count(*) FILTER (WHERE a.status = 'published'))::int`.as('published'),
      sql<number>`(count(*) FILTER (WHERE a.status = 'draft'))::int`.as('draft'),
      sql<number>`(count(*) FILTER (WHERE a.author_id = ${userId ?? 0}))::int`.as('mine'),
    ])
    .executeTakeFirstOrThrow();
  return row;
}

export async function getArticle(db: Db, portal: Portal, id: number): Promise<ArticleRow> {
  const row = await selectArticles(db, portal).where('a.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/** The columns an input sets, checked as the model would, with category and author proven to be this account's. */
async function articleColumns(db: Db, portal: Portal, input: ArticleInput, current?: PortalArticle) {
  const errors = new RecordErrors();
  const out: Partial<Omit<PortalArticle, 'meta'>> & { meta?: string } = {};
  if (input.title !== undefined || !current) {
    if (blank(input.title)) errors.add('title', "can't be blank");
    else out.title = input.title!.trim();
  }
  if (input.content !== undefined || !current) {
    if (blank(input.content)) errors.add('content', "can't be blank");
    else out.content = input.content;
  }
  if (input.slug !== undefined) {
    checkSlug(errors, input.slug.trim());
    out.slug = input.slug.trim();
  } else if (!current && out.title) {
    out.slug = `${parameterize(out.title) || 'article'}-${Math.floor(Date.now() / 1000)}`;
  }
  if (input.description !== undefined) out.description = blank(input.description) ? null : input.description;
  if (input.status !== undefined) {
    const status = articleStatus(input.status);
    if (!status) errors.add('status', `must be one of ${ARTICLE_STATUSES.join(', ')}`);
    else out.status = status;
  }
  if (input.position !== undefined) out.position = input.position;
  if (input.meta !== undefined) out.meta = JSON.stringify(input.meta);
  let categoryLocale: string | undefined;
  if (input.category_id !== undefined) {
    if (input.category_id === null) out.category_id = null;
    else {
      const category = await db
        .selectFrom('portal_categories')
        .select(['id', 'locale'])
        .where('account_id', '=', portal.account_id)
        .where('portal_id', '=', portal.id)
        .where('id', '=', input.category_id)
        .executeTakeFirst();
      if (!category) errors.add('category', 'must be a category of this portal');
      else {
        out.category_id = category.id;
        categoryLocale = category.locale;
      }
    }
  }
  if (input.author_id !== undefined && input.author_id !== null) {
    if (!(await findMember(db, portal.account_id, input.author_id)))
      errors.add('author', 'must be a member of the account');
    else out.author_id = input.author_id;
  }
  // An article is in its category's locale; uncategorized, in the one given or the portal's default.
  const locale = categoryLocale ?? input.locale?.trim() ?? (current ? undefined : portal.config.default_locale);
  if (locale !== undefined) {
    if (!portal.config.allowed_locales.includes(locale))
      errors.add('locale', `"${locale}" is not one of the portal's locales`);
    out.locale = locale;
  }
  errors.throwIfAny();
  return out;
}

export async function createArticle(
  db: Db,
  portal: Portal,
  authorId: number | null,
  input: ArticleInput,
): Promise<ArticleRow> {
  const values = await articleColumns(db, portal, { author_id: authorId, ...input });
  const row = await db
    .insertInto('portal_articles')
    .values({
      ...values,
      title: values.title!,
      slug: values.slug!,
      account_id: portal.account_id,
      portal_id: portal.id,
      // Chatwoot appends a new article after the last of its category, in steps of 10.
      position:
        values.position ??
        sql<number>`(SELECT coalesce(max(position), 0) + 10 FROM portal_articles WHERE portal_id = ${portal.id} AND category_id IS NOT DISTINCT FROM ${values.category_id ?? null}::bigint)`,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getArticle(db, portal, row.id);
}

export async function updateArticle(db: Db, portal: Portal, id: number, input: ArticleInput): Promise<ArticleRow> {
  const current = await getArticle(db, portal, id);
  const values = await articleColumns(db, portal, input, current);
  await db
    .updateTable('portal_articles')
    .set({ ...values, updated_at: new Date() })
    .where('account_id', '=', portal.account_id)
    .where('portal_id', '=', portal.id)
    .where('id', '=', id)
    .execute();
  return getArticle(db, portal, id);
}

export async function deleteArticle(db: Db, portal: Portal, id: number): Promise<void> {
  const result = await db
    .deleteFrom('portal_articles')
    .where('account_id', '=', portal.account_id)
    .where('portal_id', '=', portal.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}
