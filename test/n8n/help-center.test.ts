/**
 * The n8n ChatWoot node's Help Center operations as a user fills them in (only the required fields; every other
 * field keeps the node's default, placeholders included), then the public page shows the result.
 */
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { call } from './node-requests.ts';

const ctx = await createTestContext();
const acme = await ctx.account('n8n Help Center');
const token = acme.api_access_token;
const account_id = acme.account_id;

describe('n8n node: Help Center', () => {
  it('creates a portal, a category and an article, lists and updates the portal', async () => {
    const portal = await call(ctx.app, token, 'Help Center', 'Add New Portal To Account', {
      account_id,
      name: 'Docs',
      slug: 'n8n-docs',
      archived: false,
    });
    expect(portal.status, portal.text).toBe(200);
    // The node's placeholders are stored as typed; the custom domain keeps its host, as Chatwoot does.
    expect(portal.body).toMatchObject({
      name: 'Docs',
      slug: 'n8n-docs',
      archived: false,
      header_text: 'Handbook',
      custom_domain: 'chatwoot.help',
      color: 'add color HEX string, "#fffff"',
    });
    expect(portal.body.config.allowed_locales.map((l: any) => l.code)).toEqual(['en', 'es']);

    const list = await call(ctx.app, token, 'Help Center', 'Get Portal', { account_id });
    expect(list.body.payload.map((p: any) => p.slug)).toEqual(['n8n-docs']);

    const category = await call(ctx.app, token, 'Help Center', 'Add New Category To Account', {
      account_id,
      portal_id: portal.body.id,
      name: 'Guides',
      slug: 'guides',
      locale: 'en',
    });
    expect(category.status, category.text).toBe(200);
    expect(category.body.payload).toMatchObject({ name: 'Guides', slug: 'guides', locale: 'en' });

    const article = await call(ctx.app, token, 'Help Center', 'Add New Article To Account', {
      account_id,
      portal_id: portal.body.id,
      title: 'First steps',
      content: 'Hello **world**',
      category_id: category.body.payload.id,
      status: 1,
    });
    expect(article.status, article.text).toBe(200);
    expect(article.body.payload).toMatchObject({
      title: 'First steps',
      status: 'published',
      meta: { tags: ['article_name'] },
      author: { id: acme.user_id },
    });

    const page = await ctx.client().get(`/hc/n8n-docs/articles/${article.body.payload.slug}`);
    expect(page.status).toBe(200);
    expect(page.text).toContain('Hello <strong>world</strong>');
    // The placeholder color is not a color: the page keeps its default accent.
    expect(page.text).not.toContain('add color HEX');

    const updated = await call(ctx.app, token, 'Help Center', 'Update New Portal To Account', {
      account_id,
      name: 'Docs 2',
      slug: 'n8n-docs',
      archived: false,
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ id: portal.body.id, name: 'Docs 2' });
  });
});
