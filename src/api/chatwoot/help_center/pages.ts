import type { Portal } from '../../../db/types.ts';
import type { ArticleRow } from '../../../domain/help_center/articles.ts';
import { escapeHtml as e, markdownText, renderMarkdown } from '../../../domain/help_center/markdown.ts';
import type { PublicCategory } from '../../../domain/help_center/public.ts';

/**
 * The public Help Center pages, server-rendered with inline CSS and no script. Every value from the database is
 * escaped here (e()), and article bodies go through the escaping markdown renderer.
 */
const DEFAULT_COLOR = '#1f93ff';

/** The portal color lands in CSS: only a hex color is used (any text may be stored, as in Chatwoot). */
function color(portal: Portal): string {
  return portal.color && /^#(?:[0-9a-f]{3}|[0-9a-f]{4}|[0-9a-f]{6}|[0-9a-f]{8})$/i.test(portal.color)
    ? portal.color
    : DEFAULT_COLOR;
}

const base = (portal: Portal) => `/hc/${encodeURIComponent(portal.slug)}`;
export const homeUrl = (portal: Portal, locale: string) => `${base(portal)}/${encodeURIComponent(locale)}`;
export const categoryUrl = (portal: Portal, locale: string, slug: string) =>
  `${homeUrl(portal, locale)}/categories/${encodeURIComponent(slug)}`;
export const articleUrl = (portal: Portal, slug: string) => `${base(portal)}/articles/${encodeURIComponent(slug)}`;

function css(accent: string): string {
  return `
*{box-sizing:border-box}body{margin:0;font:16px/1.6 system-ui,-apple-system,"Segoe UI",Roboto,Helvetica,Arial,sans-serif;color:#1f2937;background:#f8fafc}
a{color:${accent};text-decoration:none}a:hover{text-decoration:underline}
header.hero{background:${accent};color:#fff;padding:28px 0 40px}
header.hero a{color:#fff}
.wrap{max-width:960px;margin:0 auto;padding:0 24px}
.top{display:flex;justify-content:space-between;align-items:center;gap:16px;font-size:15px}
.brand{font-weight:700;font-size:20px}
.top nav{display:flex;gap:14px;align-items:center}
.top nav a{opacity:.9}.top nav a.on{font-weight:700;opacity:1;text-decoration:underline}
.hero h1{font-size:34px;line-height:1.2;margin:28px 0 8px}
.hero p{margin:0;opacity:.92;font-size:18px}
form.search{display:flex;max-width:560px;margin-top:20px}
form.search input{flex:1;padding:12px 16px;border:0;border-radius:8px 0 0 8px;font-size:16px}
form.search button{padding:12px 18px;border:0;border-radius:0 8px 8px 0;background:#111827;color:#fff;font-size:16px;cursor:pointer}
main{padding:32px 0 48px}
.grid{display:grid;grid-template-columns:repeat(auto-fill,minmax(280px,1fr));gap:20px}
.card{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:20px 22px;box-shadow:0 1px 2px rgba(0,0,0,.04)}
.card h2{font-size:19px;margin:0 0 4px}.card h2 a{color:#111827}
.muted{color:#6b7280;font-size:14px}
ul.articles{list-style:none;padding:0;margin:12px 0 0}
ul.articles li{padding:7px 0;border-top:1px solid #f1f5f9}
ul.articles li:first-child{border-top:0}
.more{display:inline-block;margin-top:10px;font-size:14px;font-weight:600}
.crumbs{font-size:14px;color:#6b7280;margin-bottom:16px}.crumbs a{color:#6b7280}
article.body{background:#fff;border:1px solid #e5e7eb;border-radius:12px;padding:32px 36px}
article.body h1{font-size:32px;line-height:1.25;margin:0 0 8px}
article.body .content{margin-top:24px}
article.body pre{background:#0f172a;color:#e2e8f0;padding:14px 16px;border-radius:8px;overflow:auto}
article.body code{background:#f1f5f9;padding:1px 5px;border-radius:4px;font-size:.92em}
article.body pre code{background:none;padding:0}
article.body blockquote{margin:16px 0;padding:4px 16px;border-left:4px solid ${accent};background:#f8fafc;color:#374151}
article.body img{max-width:100%}
.result{padding:14px 0;border-top:1px solid #e5e7eb}.result:first-child{border-top:0;padding-top:4px}.result h3{margin:0;font-size:18px}
footer{padding:24px 0 40px;text-align:center;color:#9ca3af;font-size:13px}
.empty{color:#6b7280;background:#fff;border:1px dashed #d1d5db;border-radius:12px;padding:24px;text-align:center}
`;
}

interface Layout {
  portal: Portal;
  locale: string;
  title: string;
  hero?: { heading: string; text?: string | null };
  body: string;
  query?: string;
}

export function layout({ portal, locale, title, hero, body, query }: Layout): string {
  const locales = portal.config.allowed_locales;
  const switcher =
    locales.length > 1
      ? locales
          .map((code) => `<a href="${e(homeUrl(portal, code))}"${code === locale ? ' class="on"' : ''}>${e(code)}</a>`)
          .join('')
      : '';
  const homepage =
    portal.homepage_link && /^https?:\/\//i.test(portal.homepage_link)
      ? `<a href="${e(portal.homepage_link)}" rel="noopener">Website ↗</a>`
      : '';
  return `<!doctype html>
<html lang="${e(locale)}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width,initial-scale=1">
<title>${e(title)}</title>
<style>${css(color(portal))}</style>
</head>
<body>
<header class="hero"><div class="wrap">
<div class="top"><a class="brand" href="${e(homeUrl(portal, locale))}">${e(portal.name)}</a><nav>${switcher}${homepage}</nav></div>
${hero ? `<h1>${e(hero.heading)}</h1>${hero.text ? `<p>${e(hero.text)}</p>` : ''}` : ''}
<form class="search" method="get" action="${e(homeUrl(portal, locale))}/articles"><input type="search" name="query" placeholder="Search for articles" aria-label="Search for articles" value="${e(query ?? '')}"><button type="submit">Search</button></form>
</div></header>
<main><div class="wrap">${body}</div></main>
<footer>${e(portal.name)} · Help Center</footer>
</body>
</html>`;
}

const PREVIEW = 5;

export function homePage(
  portal: Portal,
  locale: string,
  categories: PublicCategory[],
  byCategory: Map<number | null, ArticleRow[]>,
): string {
  const cards = categories
    .filter((c) => c.articles_count > 0)
    .map((c) => {
      const articles = byCategory.get(c.id) ?? [];
      return `<section class="card"><h2><a href="${e(categoryUrl(portal, locale, c.slug))}">${e(c.name)}</a></h2>
${c.description ? `<div class="muted">${e(c.description)}</div>` : ''}
<ul class="articles">${articles
        .slice(0, PREVIEW)
        .map((a) => `<li><a href="${e(articleUrl(portal, a.slug))}">${e(a.title)}</a></li>`)
        .join('')}</ul>
<a class="more" href="${e(categoryUrl(portal, locale, c.slug))}">View all ${c.articles_count} article${c.articles_count === 1 ? '' : 's'} →</a></section>`;
    });
  const loose = byCategory.get(null) ?? [];
  if (loose.length) {
    cards.push(
      `<section class="card"><h2>Other articles</h2><ul class="articles">${loose.map((a) => `<li><a href="${e(articleUrl(portal, a.slug))}">${e(a.title)}</a></li>`).join('')}</ul></section>`,
    );
  }
  const body = cards.length
    ? `<div class="grid">${cards.join('\n')}</div>`
    : '<div class="empty">No articles have been published yet.</div>';
  return layout({
    portal,
    locale,
    title: portal.page_title || portal.name,
    hero: { heading: portal.header_text || portal.name, text: portal.page_title },
    body,
  });
}

export function categoryPage(
  portal: Portal,
  locale: string,
  category: { name: string; description: string | null },
  articles: ArticleRow[],
): string {
  const list = articles.length
    ? articles
        .map(
          (a) =>
            `<div class="result"><h3><a href="${e(articleUrl(portal, a.slug))}">${e(a.title)}</a></h3><div class="muted">${e(a.description || markdownText(a.content, 160))}</div></div>`,
        )
        .join('')
    : '<div class="empty">No articles in this category yet.</div>';
  const body = `<div class="crumbs"><a href="${e(homeUrl(portal, locale))}">Home</a> › ${e(category.name)}</div><div class="card">${list}</div>`;
  return layout({
    portal,
    locale,
    title: `${category.name} · ${portal.name}`,
    hero: { heading: category.name, text: category.description },
    body,
  });
}

export function searchPage(portal: Portal, locale: string, query: string, articles: ArticleRow[]): string {
  const list = articles.length
    ? articles
        .map(
          (a) =>
            `<div class="result"><h3><a href="${e(articleUrl(portal, a.slug))}">${e(a.title)}</a></h3><div class="muted">${e(a.description || markdownText(a.content, 160))}</div></div>`,
        )
        .join('')
    : '<div class="empty">No articles match your search.</div>';
  const heading = query ? `Results for “${query}”` : 'All articles';
  const body = `<div class="crumbs"><a href="${e(homeUrl(portal, locale))}">Home</a> › Search</div><div class="card">${list}</div>`;
  return layout({ portal, locale, title: `${heading} · ${portal.name}`, hero: { heading }, body, query });
}

export function articlePage(portal: Portal, article: ArticleRow, author: string | undefined): string {
  const locale = article.locale;
  const updated = article.updated_at.toISOString().slice(0, 10);
  const crumbs = [`<a href="${e(homeUrl(portal, locale))}">Home</a>`];
  if (article.category_slug && article.category_name)
    crumbs.push(`<a href="${e(categoryUrl(portal, locale, article.category_slug))}">${e(article.category_name)}</a>`);
  const body = `<div class="crumbs">${crumbs.join(' › ')}</div>
<article class="body"><h1>${e(article.title)}</h1>
<div class="muted">${author ? `${e(author)} · ` : ''}Last updated ${e(updated)}</div>
${article.description ? `<p class="muted">${e(article.description)}</p>` : ''}
<div class="content">${renderMarkdown(article.content)}</div></article>`;
  return layout({ portal, locale, title: `${article.title} · ${portal.name}`, body });
}

export function notFoundPage(portal: Portal | undefined): string {
  const inner = `<div class="empty">This page could not be found.</div>`;
  if (portal)
    return layout({
      portal,
      locale: portal.config.default_locale,
      title: `Not found · ${portal.name}`,
      hero: { heading: 'Page not found' },
      body: inner,
    });
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Not found</title></head><body style="font-family:system-ui,sans-serif;padding:40px;color:#374151"><h1>Not found</h1><p>This help center does not exist.</p></body></html>`;
}
