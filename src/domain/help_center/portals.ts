import { sql } from 'kysely';
import type { Db } from '../../db/pool.ts';
import type { Portal, PortalConfig } from '../../db/types.ts';
import { notFound, unprocessable } from '../../errors.ts';
import { LOCALE, RecordErrors, blank, checkSlug } from './validation.ts';

export interface PortalInput {
  name?: string;
  slug?: string;
  custom_domain?: string | null;
  color?: string | null;
  homepage_link?: string | null;
  page_title?: string | null;
  header_text?: string | null;
  archived?: boolean;
  config?: { allowed_locales?: string[]; default_locale?: string };
}

const HOST = /^(?=.{1,253}$)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;

/** Chatwoot keeps the host of a URL typed as the custom domain ("https://help.acme.com/" -> "help.acme.com"). */
function customDomain(value: string, errors: RecordErrors): string {
  let host = value.trim();
  try {
    const url = new URL(host);
    if (url.protocol === 'http:' || url.protocol === 'https:') host = url.hostname;
  } catch {
    // not a URL: a bare host name
  }
  host = host.replace(/\.$/, '').toLowerCase();
  if (!HOST.test(host)) errors.add('custom_domain', 'is not a valid domain name');
  return host;
}

function optionalText(value: string | null | undefined): string | null | undefined {
  if (value === undefined) return undefined;
  return blank(value) ? null : value!.trim();
}

/** The columns an input sets, checked as the model would; `current` is the portal being updated. */
function portalColumns(input: PortalInput, current?: Portal) {
  const errors = new RecordErrors();
  const out: Partial<Omit<Portal, 'config'>> & { config?: string } = {};
  if (input.name !== undefined || !current) {
    if (blank(input.name)) errors.add('name', "can't be blank");
    else out.name = input.name!.trim();
  }
  if (input.slug !== undefined || !current) {
    checkSlug(errors, input.slug?.trim());
    out.slug = input.slug?.trim();
  }
  if (input.custom_domain !== undefined)
    out.custom_domain = blank(input.custom_domain) ? null : customDomain(input.custom_domain!, errors);
  // Any text is kept, as Chatwoot keeps it (the n8n node always sends its placeholder 'add color HEX string');
  // the public page uses the color only when it is a hex color (api/chatwoot/help_center/pages.ts).
  if (input.color !== undefined) out.color = optionalText(input.color);
  if (input.homepage_link !== undefined) {
    out.homepage_link = optionalText(input.homepage_link);
    if (out.homepage_link && !/^https?:\/\/[^\s]+$/i.test(out.homepage_link))
      errors.add('homepage_link', 'must be an http(s) URL');
  }
  if (input.page_title !== undefined) out.page_title = optionalText(input.page_title);
  if (input.header_text !== undefined) out.header_text = optionalText(input.header_text);
  if (input.archived !== undefined) out.archived = input.archived;
  if (input.config !== undefined) {
    const before = current?.config;
    const allowed = input.config.allowed_locales ?? before?.allowed_locales ?? ['en'];
    const defaultLocale =
      input.config.default_locale ??
      (before && allowed.includes(before.default_locale) ? before.default_locale : allowed[0]);
    if (!allowed.length) errors.add('config', 'must allow at least one locale');
    for (const code of allowed) if (!LOCALE.test(code)) errors.add('config', `locale "${code}" is not a locale code`);
    if (allowed.length && !allowed.includes(defaultLocale))
      errors.add('config', 'default_locale must be one of allowed_locales');
    const config: PortalConfig = { allowed_locales: [...new Set(allowed)], default_locale: defaultLocale };
    out.config = JSON.stringify(config);
  }
  errors.throwIfAny();
  return out;
}

export function listPortals(db: Db, accountId: number): Promise<Portal[]> {
  return db.selectFrom('portals').selectAll().where('account_id', '=', accountId).orderBy('id').execute();
}

/**
 * A portal of the account as Chatwoot's routes name it, by slug; an all-digit key that is no slug is taken as the
 * id, because the n8n node sends the portal as a number.
 */
export async function findPortal(db: Db, accountId: number, key: string): Promise<Portal> {
  const bySlug = await db
    .selectFrom('portals')
    .selectAll()
    .where('account_id', '=', accountId)
    .where('slug', '=', key)
    .executeTakeFirst();
  if (bySlug) return bySlug;
  if (/^\d{1,15}$/.test(key)) {
    const byId = await db
      .selectFrom('portals')
      .selectAll()
      .where('account_id', '=', accountId)
      .where('id', '=', Number(key))
      .executeTakeFirst();
    if (byId) return byId;
  }
  throw notFound();
}

export async function createPortal(db: Db, accountId: number, input: PortalInput): Promise<Portal> {
  const values = portalColumns({ ...input, config: input.config ?? {} });
  return db
    .insertInto('portals')
    .values({ ...values, name: values.name!, slug: values.slug!, account_id: accountId })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function updatePortal(db: Db, accountId: number, portal: Portal, input: PortalInput): Promise<Portal> {
  const values = portalColumns(input, portal);
  if (!Object.keys(values).length) return portal;
  const row = await db
    .updateTable('portals')
    .set({ ...values, updated_at: new Date() })
    .where('account_id', '=', accountId)
    .where('id', '=', portal.id)
    .returningAll()
    .executeTakeFirst();
  if (!row) throw notFound();
  return row;
}

/**
 * The n8n node updates "the portal" with PATCH on the collection (its OpenAPI source names no portal). That
 * can only mean the account's one portal; with several, the caller must name it.
 */
export async function onlyPortal(db: Db, accountId: number): Promise<Portal> {
  const rows = await db
    .selectFrom('portals')
    .selectAll()
    .where('account_id', '=', accountId)
    .orderBy('id')
    .limit(2)
    .execute();
  if (!rows.length) throw notFound();
  if (rows.length > 1)
    throw unprocessable('The account has several portals: update one with PATCH /portals/:portal_slug');
  return rows[0];
}

export async function deletePortal(db: Db, accountId: number, portalId: number): Promise<void> {
  const result = await db
    .deleteFrom('portals')
    .where('account_id', '=', accountId)
    .where('id', '=', portalId)
    .executeTakeFirst();
  if (!result.numDeletedRows) throw notFound();
}

export interface PortalCounts {
  /** articles by locale and status */
  articles: { portal_id: number; locale: string; status: string; count: number }[];
  /** categories by locale */
  categories: { portal_id: number; locale: string; count: number }[];
  /** the given author's articles per portal */
  mine: { portal_id: number; count: number }[];
}

/** Every count a list of portals shows, in three statements whatever the number of portals. */
export async function portalCounts(
  db: Db,
  accountId: number,
  portalIds: number[],
  userId: number | null,
): Promise<PortalCounts> {
  if (!portalIds.length) return { articles: [], categories: [], mine: [] };
  const [articles, categories, mine] = await Promise.all([
    db
      .selectFrom('portal_articles')
      .select(['portal_id', 'locale', 'status', sql<number>`count(*)::int`.as('count')])
      .where('account_id', '=', accountId)
      .where('portal_id', 'in', portalIds)
      .groupBy(['portal_id', 'locale', 'status'])
      .execute(),
    db
      .selectFrom('portal_categories')
      .select(['portal_id', 'locale', sql<number>`count(*)::int`.as('count')])
      .where('account_id', '=', accountId)
      .where('portal_id', 'in', portalIds)
      .groupBy(['portal_id', 'locale'])
      .execute(),
    userId === null
      ? Promise.resolve([])
      : db
          .selectFrom('portal_articles')
          .select(['portal_id', sql<number>`count(*)::int`.as('count')])
          .where('account_id', '=', accountId)
          .where('portal_id', 'in', portalIds)
          .where('author_id', '=', userId)
          .groupBy('portal_id')
          .execute(),
  ]);
  return { articles, categories, mine };
}
