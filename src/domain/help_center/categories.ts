import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Portal, PortalCategory } from '../../db/types.ts';
import { notFound } from '../../errors.ts';
import { RecordErrors, blank, checkSlug } from './validation.ts';

export interface CategoryInput {
  name?: string;
  slug?: string;
  locale?: string;
  description?: string | null;
  position?: number;
}

/** Categories live in one of the portal's locales; the slug is unique per portal and locale. */
function categoryColumns(portal: Portal, input: CategoryInput, current?: PortalCategory) {
  const errors = new RecordErrors();
  const out: Partial<PortalCategory> = {};
  if (input.name !== undefined || !current) {
    if (blank(input.name)) errors.add('name', "can't be blank");
    else out.name = input.name!.trim();
  }
  if (input.slug !== undefined || !current) {
    checkSlug(errors, input.slug?.trim());
    out.slug = input.slug?.trim();
  }
  if (input.locale !== undefined || !current) {
    const locale = input.locale?.trim() || portal.config.default_locale;
    if (!portal.config.allowed_locales.includes(locale)) {
      errors.add(
        'locale',
        `"${locale}" is not one of the portal's locales (${portal.config.allowed_locales.join(', ')})`,
      );
    }
    out.locale = locale;
  }
  if (input.description !== undefined) out.description = blank(input.description) ? null : input.description;
  if (input.position !== undefined) out.position = input.position;
  errors.throwIfAny();
  return out;
}

export interface CategoryRow extends PortalCategory {
  articles_count: number;
}

function selectCategories(db: Db, portal: Portal) {
  return db
    .selectFrom('portal_categories as c')
    .selectAll('c')
    .select(sql<number>`(SELECT count(*)::int FROM portal_articles a WHERE a.category_id = c.id)`.as('articles_count'))
    .where('c.account_id', '=', portal.account_id)
    .where('c.portal_id', '=', portal.id);
}

export function listCategories(db: Db, portal: Portal, filter: { locale?: string } = {}): Promise<CategoryRow[]> {
  let query = selectCategories(db, portal);
  if (filter.locale) query = query.where('c.locale', '=', filter.locale);
  return query.orderBy('c.position').orderBy('c.id').execute();
}

export async function getCategory(db: Db, portal: Portal, id: number): Promise<CategoryRow> {
  const row = await selectCategories(db, portal).where('c.id', '=', id).executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

export async function createCategory(db: Db, portal: Portal, input: CategoryInput): Promise<CategoryRow> {
  const values = categoryColumns(portal, input);
  const row = await db
    .insertInto('portal_categories')
    .values({ ...values, name: values.name!, slug: values.slug!, account_id: portal.account_id, portal_id: portal.id })
    .returning('id')
    .executeTakeFirstOrThrow();
  return getCategory(db, portal, row.id);
}

export async function updateCategory(db: Db, portal: Portal, id: number, input: CategoryInput): Promise<CategoryRow> {
  const current = await getCategory(db, portal, id);
  const values = categoryColumns(portal, input, current);
  await db
    .updateTable('portal_categories')
    .set({ ...values, updated_at: new Date() })
    .where('account_id', '=', portal.account_id)
    .where('portal_id', '=', portal.id)
    .where('id', '=', id)
    .execute();
  return getCategory(db, portal, id);
}

export async function deleteCategory(db: Db, portal: Portal, id: number): Promise<void> {
  const result = await db
    .deleteFrom('portal_categories')
    .where('account_id', '=', portal.account_id)
    .where('portal_id', '=', portal.id)
    .where('id', '=', id)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}
