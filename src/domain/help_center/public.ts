import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Portal, PortalCategory } from '../../db/types.ts';
import type { ArticleRow } from './articles.ts';

/**
 * What the public Help Center shows: a portal that is not archived, and of its articles only the published
 * ones (drafts and archived articles are never served publicly, whatever the request asks).
 */
export function publicPortal(db: Db, slug: string): Promise<Portal | undefined> {
  return db.selectFrom('portals').selectAll().where('slug', '=', slug).where('archived', '=', false).executeTakeFirst();
}

export interface PublicCategory extends PortalCategory {
  articles_count: number;
}

export function publicCategories(db: Db, portal: Portal, locale: string): Promise<PublicCategory[]> {
  return db
    .selectFrom('portal_categories as c')
    .selectAll('c')
    .select(
      sql<number>`(SELECT count(*)::int FROM portal_articles a WHERE a.category_id = c.id AND a.status = 'published')`.as(
        'articles_count',
      ),
    )
    .where('c.portal_id', '=', portal.id)
    .where('c.locale', '=', locale)
    .orderBy('c.position')
    .orderBy('c.id')
    .execute();
}

export function publicCategory(
  db: Db,
  portal: Portal,
  locale: string,
  slug: string,
): Promise<PortalCategory | undefined> {
  return db
    .selectFrom('portal_categories')
    .selectAll()
    .where('portal_id', '=', portal.id)
    .where('locale', '=', locale)
    .where('slug', '=', slug)
    .executeTakeFirst();
}

export interface PublicArticleFilter {
  locale: string;
  categoryId?: number;
  query?: string;
  sort?: 'views' | 'position';
  limit: number;
  offset?: number;
}

function published(db: Db, portal: Portal) {
  return db
    .selectFrom('portal_articles as a')
    .leftJoin('portal_categories as c', 'c.id', 'a.category_id')
    .selectAll('a')
    .select(['c.name as category_name', 'c.slug as category_slug', 'c.locale as category_locale'])
    .where('a.portal_id', '=', portal.id)
    .where('a.status', '=', 'published');
}

export async function publicArticles(
  db: Db,
  portal: Portal,
  filter: PublicArticleFilter,
): Promise<{ rows: ArticleRow[]; total: number }> {
  let query = published(db, portal).where('a.locale', '=', filter.locale);
  if (filter.categoryId !== undefined) query = query.where('a.category_id', '=', filter.categoryId);
  if (filter.query?.trim()) {
    const like = `%${filter.query.trim().replace(/[\\%_]/g, (ch) => `\\${ch}`)}%`;
    query = query.where((eb) =>
      eb.or([eb('a.title', 'ilike', like), eb('a.description', 'ilike', like), eb('a.content', 'ilike', like)]),
    );
  }
  const ordered =
    filter.sort === 'views'
      ? query.orderBy('a.views', 'desc').orderBy('a.id')
      : query.orderBy('a.position').orderBy('a.id');
  const [rows, count] = await Promise.all([
    ordered
      .limit(filter.limit)
      .offset(filter.offset ?? 0)
      .execute(),
    query.clearSelect().select(sql<number>`count(*)::int`.as('total')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: count.total };
}

/** A published article by slug, its view counted (as Chatwoot counts each page view). */
export async function viewArticle(db: Db, portal: Portal, slug: string): Promise<ArticleRow | undefined> {
  const hit = await db
    .updateTable('portal_articles')
    .set({ views: sql`views + 1` })
    .where('portal_id', '=', portal.id)
    .where('slug', '=', slug)
    .where('status', '=', 'published')
    .returning('id')
    .executeTakeFirst();
  if (!hit) return undefined;
  return published(db, portal).where('a.id', '=', hit.id).executeTakeFirst();
}

export async function authorNames(
  db: Db,
  accountId: number,
  userIds: number[],
): Promise<Map<number, { name: string; avatar_url: string | null }>> {
  if (!userIds.length) return new Map();
  const rows = await db
    .selectFrom('users as u')
    .innerJoin('account_users as au', 'au.user_id', 'u.id')
    .select(['u.id', sql<string>`coalesce(nullif(u.display_name, ''), u.name)`.as('name'), 'u.avatar_url'])
    .where('au.account_id', '=', accountId)
    .where('u.id', 'in', userIds)
    .execute();
  return new Map(rows.map((r) => [r.id, { name: r.name, avatar_url: r.avatar_url }]));
}
