import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';

/** The public Help Center: pages and the article search JSON, published articles only, author HTML escaped. */
const ctx = await createTestContext();
const acme = await ctx.account('Acme Public HC');
const base = `/api/v1/accounts/${acme.account_id}/portals`;
const visitor = ctx.client();

await acme.api.post(base, {
  name: 'Acme <Help>',
  slug: 'acme-pub',
  color: '#6d28d9',
  header_text: 'How can we help?',
  page_title: 'Answers from the Acme team',
  config: { allowed_locales: ['en', 'es'], default_locale: 'en' },
});
const category = (
  await acme.api.post(`${base}/acme-pub/categories`, {
    name: 'Accounts & billing',
    slug: 'accounts',
    locale: 'en',
    description: 'Plans, invoices and sign-in',
  })
).body.payload;
const XSS = [
  '# Safe?',
  '<script>window.pwned = 1</script>',
  '<img src=x onerror="alert(1)">',
  '[click me](javascript:alert(2))',
  '```',
  '</code></pre><iframe src="https://evil.example"></iframe>',
  '```',
  'Read the [guide](https://acme.example/guide).',
].join('\n\n');
const published = (
  await acme.api.post(`${base}/acme-pub/articles`, {
    title: 'Change your <b>plan</b>',
    slug: 'change-plan',
    content: XSS,
    category_id: category.id,
    status: 'published',
    description: 'Upgrade or downgrade',
  })
).body.payload;
await acme.api.post(`${base}/acme-pub/articles`, {
  title: 'Unreleased feature',
  slug: 'unreleased',
  content: 'Secret draft',
  category_id: category.id,
});
await acme.api.post(`${base}/acme-pub/articles`, {
  title: 'Contact support',
  slug: 'contact',
  content: 'Write to us.',
  status: 'published',
});
await acme.api.post(`${base}/acme-pub/articles`, {
  title: 'Cambiar plan',
  slug: 'cambiar-plan',
  content: 'Hola',
  status: 'published',
  locale: 'es',
});

describe('public help center', () => {
  it('serves the portal home with categories and published articles, escaped', async () => {
    const res = await visitor.get('/hc/acme-pub');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toMatch(/^text\/html/);
    expect(res.headers['content-security-policy']).toContain("default-src 'none'");
    expect(res.text).toContain('<title>Answers from the Acme team</title>');
    expect(res.text).toContain('Acme &lt;Help&gt;');
    expect(res.text).toContain('Accounts &amp; billing');
    expect(res.text).toContain('href="/hc/acme-pub/articles/change-plan"');
    expect(res.text).toContain('Change your &lt;b&gt;plan&lt;/b&gt;');
    expect(res.text).toContain('Contact support');
    expect(res.text).not.toContain('Unreleased feature');
    expect(res.text).not.toContain('Cambiar plan');
    const es = await visitor.get('/hc/acme-pub/es');
    expect(es.text).toContain('Cambiar plan');
    expect((await visitor.get('/hc/acme-pub/fr')).status).toBe(404);
  });

  it('serves a category page with its published articles', async () => {
    const res = await visitor.get('/hc/acme-pub/en/categories/accounts');
    expect(res.status).toBe(200);
    expect(res.text).toContain('Plans, invoices and sign-in');
    expect(res.text).toContain('Upgrade or downgrade');
    expect(res.text).not.toContain('Unreleased');
    expect((await visitor.get('/hc/acme-pub/es/categories/accounts')).status).toBe(404);
    expect((await visitor.get('/hc/acme-pub/en/categories/nope')).status).toBe(404);
  });

  it('renders an article’s markdown with every author tag escaped, and counts the view', async () => {
    const res = await visitor.get('/hc/acme-pub/articles/change-plan');
    expect(res.status).toBe(200);
    const body = res.text;
    expect(body).toContain('<h2>Safe?</h2>');
    expect(body).toContain('&lt;script&gt;window.pwned = 1&lt;/script&gt;');
    expect(body).toContain('&lt;img src=x onerror=&quot;alert(1)&quot;&gt;');
    expect(body).toContain('&lt;/code&gt;&lt;/pre&gt;&lt;iframe');
    expect(body).toContain('<a href="https://acme.example/guide" rel="noopener nofollow">guide</a>');
    expect(body).not.toMatch(/<script/i);
    expect(body).not.toMatch(/<iframe/i);
    expect(body).not.toMatch(/<img[^>]*onerror/i);
    expect(body).not.toContain('href="javascript:');
    const after = await acme.api.get(`${base}/acme-pub/articles/${published.id}`);
    expect(after.body.payload.views).toBe(1);
  });

  it('never serves drafts, unknown slugs or archived portals', async () => {
    expect((await visitor.get('/hc/acme-pub/articles/unreleased')).status).toBe(404);
    expect((await visitor.get('/hc/acme-pub/articles/nope')).status).toBe(404);
    expect((await visitor.get('/hc/nope')).status).toBe(404);
    await acme.api.post(base, { name: 'Old', slug: 'acme-old' });
    await acme.api.post(`${base}/acme-old/articles`, {
      title: 'Old news',
      slug: 'old-news',
      content: 'x',
      status: 'published',
    });
    expect((await visitor.get('/hc/acme-old/articles/old-news')).status).toBe(200);
    await acme.api.patch(`${base}/acme-old/archive`);
    expect((await visitor.get('/hc/acme-old')).status).toBe(404);
    expect((await visitor.get('/hc/acme-old/articles/old-news')).status).toBe(404);
    // An article slug of one portal is not reachable through another.
    expect((await visitor.get('/hc/acme-pub/articles/old-news')).status).toBe(404);
  });

  it('uses only a hex portal color in the page CSS', async () => {
    const created = await acme.api.post(base, { name: 'Styled', slug: 'acme-styled', color: '#f}</style><script>x' });
    expect(created.status, created.text).toBe(200);
    const res = await visitor.get('/hc/acme-styled');
    expect(res.status).toBe(200);
    expect(res.text).not.toMatch(/<script/i);
    expect(res.text).toContain('background:#1f93ff');
  });

  it('searches published articles as JSON (the widget’s articles.json) and as a page', async () => {
    const res = await visitor.get('/hc/acme-pub/en/articles.json', { query: 'plan' });
    expect(res.status).toBe(200);
    expect(res.body.meta).toEqual({ articles_count: 1 });
    expect(res.body.payload[0]).toMatchObject({
      id: published.id,
      slug: 'change-plan',
      category_id: category.id,
      title: 'Change your <b>plan</b>',
      status: 'published',
      account_id: acme.account_id,
      last_updated_at: expect.any(String),
      link: '/hc/acme-pub/articles/change-plan',
      portal: { slug: 'acme-pub', config: { allowed_locales: ['en', 'es'], default_locale: 'en' } },
      category: { id: category.id, slug: 'accounts', locale: 'en' },
      author: { name: expect.any(String) },
    });
    expect(JSON.stringify(res.body)).not.toContain('@');
    const all = await visitor.get('/hc/acme-pub/en/articles.json');
    expect(all.body.payload.map((a: any) => a.slug).sort()).toEqual(['change-plan', 'contact']);
    expect((await visitor.get('/hc/acme-pub/en/articles.json', { query: 'Secret' })).body.payload).toEqual([]);
    expect((await visitor.get('/hc/nope/en/articles.json')).status).toBe(404);

    const page = await visitor.get('/hc/acme-pub/en/articles', { query: '<plan>' });
    expect(page.status).toBe(200);
    expect(page.text).toContain('value="&lt;plan&gt;"');
    expect(page.text).not.toContain('<plan>');
  });
});
