import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';

/** Chatwoot's Help Center API: portals, categories and articles, in its wire shapes, per account, per role. */
const ctx = await createTestContext();
const acme = await ctx.account('Acme HC');
const base = `/api/v1/accounts/${acme.account_id}`;
const agent = await ctx.member(acme.account_id, 'agent', 'Agent HC');
const other = await ctx.account('Globex HC');
const otherBase = `/api/v1/accounts/${other.account_id}`;

const portal = (
  await acme.api.post(`${base}/portals`, {
    portal: {
      name: 'Acme Help',
      slug: 'acme-help',
      color: '#0a7d4f',
      homepage_link: 'https://acme.example',
      page_title: 'Acme docs',
      header_text: 'How can we help?',
      custom_domain: 'https://help.acme.example/',
      config: { allowed_locales: ['en', 'es'], default_locale: 'en' },
    },
  })
).body;

describe('portals', () => {
  it('creates, shows (by slug or id), lists, updates and deletes in Chatwoot shapes', async () => {
    expect(portal).toMatchObject({
      id: expect.any(Number),
      name: 'Acme Help',
      slug: 'acme-help',
      color: '#0a7d4f',
      custom_domain: 'help.acme.example',
      homepage_link: 'https://acme.example',
      page_title: 'Acme docs',
      header_text: 'How can we help?',
      archived: false,
      account_id: acme.account_id,
      config: {
        allowed_locales: [
          { code: 'en', articles_count: 0, categories_count: 0 },
          { code: 'es', articles_count: 0, categories_count: 0 },
        ],
        default_locale: 'en',
      },
      meta: {
        all_articles_count: 0,
        archived_articles_count: 0,
        published_count: 0,
        draft_articles_count: 0,
        categories_count: 0,
        default_locale: 'en',
      },
    });
    expect((await acme.api.get(`${base}/portals/acme-help`)).body.id).toBe(portal.id);
    expect((await acme.api.get(`${base}/portals/${portal.id}`)).body.slug).toBe('acme-help');

    const list = await acme.api.get(`${base}/portals`);
    expect(list.status).toBe(200);
    expect(list.body.meta).toEqual({ current_page: 1, portals_count: 1 });
    expect(list.body.payload.map((p: any) => p.slug)).toEqual(['acme-help']);

    const flat = await acme.api.patch(`${base}/portals/acme-help`, {
      name: 'Acme Support',
      config: { allowed_locales: ['en', 'es', 'pt_BR'] },
    });
    expect(flat.status, flat.text).toBe(200);
    expect(flat.body.name).toBe('Acme Support');
    expect(flat.body.config.allowed_locales.map((l: any) => l.code)).toEqual(['en', 'es', 'pt_BR']);
    expect(flat.body.config.default_locale).toBe('en');

    const temp = (await acme.api.post(`${base}/portals`, { name: 'Temp', slug: 'acme-temp' })).body;
    expect(temp.config.allowed_locales).toEqual([{ code: 'en', articles_count: 0, categories_count: 0 }]);
    const archived = await acme.api.patch(`${base}/portals/acme-temp/archive`);
    expect(archived.status).toBe(200);
    expect((await acme.api.get(`${base}/portals/acme-temp`)).body.archived).toBe(true);
    const deleted = await acme.api.delete(`${base}/portals/acme-temp`);
    expect([deleted.status, deleted.text]).toEqual([200, '']);
    expect((await acme.api.get(`${base}/portals/acme-temp`)).status).toBe(404);
  });

  it('refuses bad input with 422 in Chatwoot shapes, and taken slugs by name', async () => {
    const blank = await acme.api.post(`${base}/portals`, { portal: { name: '', slug: '' } });
    expect(blank.status).toBe(422);
    expect(blank.body).toMatchObject({
      message: "Name can't be blank, Slug can't be blank",
      attributes: ['name', 'slug'],
    });

    const taken = await acme.api.post(`${base}/portals`, { name: 'Again', slug: 'acme-help' });
    expect(taken.status).toBe(422);
    expect(taken.body).toMatchObject({ message: 'Slug has already been taken', attributes: ['slug'] });
    // The slug names the public page, so another account cannot take it either.
    expect((await other.api.post(`${otherBase}/portals`, { name: 'Copy', slug: 'acme-help' })).status).toBe(422);

    for (const body of [
      { name: 'X', slug: 'has space' },
      { name: 'X', slug: 'ok-slug', homepage_link: 'javascript:alert(1)' },
      { name: 'X', slug: 'ok-slug', config: { allowed_locales: ['en'], default_locale: 'fr' } },
      { name: 'X', slug: 'ok-slug', config: { allowed_locales: ['<b>'] } },
      { name: 'X', slug: 'ok-slug', custom_domain: 'not a domain' },
    ]) {
      const res = await acme.api.post(`${base}/portals`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
      expect(res.body.attributes, JSON.stringify(body)).toHaveLength(1);
    }
    // Update answers Chatwoot's model error hash.
    const update = await acme.api.patch(`${base}/portals/acme-help`, { portal: { name: ' ' } });
    expect(update.status).toBe(422);
    expect(update.body).toEqual({ error: { name: ["can't be blank"] } });
    expect((await acme.api.get(`${base}/portals`)).body.payload).toHaveLength(1);
  });

  it('lets agents list portals only', async () => {
    expect((await agent.api.get(`${base}/portals`)).status).toBe(200);
    expect((await agent.api.get(`${base}/portals/acme-help`)).status).toBe(401);
    expect((await agent.api.post(`${base}/portals`, { name: 'Mine', slug: 'agent-portal' })).status).toBe(401);
    expect((await agent.api.patch(`${base}/portals/acme-help`, { name: 'Mine' })).status).toBe(401);
    expect((await agent.api.delete(`${base}/portals/acme-help`)).status).toBe(401);
    expect((await agent.api.post(`${base}/portals/acme-help/categories`, { name: 'C', slug: 'c' })).status).toBe(401);
    expect((await agent.api.post(`${base}/portals/acme-help/articles`, { title: 'T', content: 'x' })).status).toBe(401);
    expect((await agent.api.get(`${base}/portals/acme-help/articles`)).status).toBe(200);
  });

  it("keeps accounts apart: another account's portal is 404 by slug and by id", async () => {
    for (const key of ['acme-help', String(portal.id)]) {
      expect((await other.api.get(`${otherBase}/portals/${key}`)).status).toBe(404);
      expect((await other.api.patch(`${otherBase}/portals/${key}`, { name: 'Stolen' })).status).toBe(404);
      expect((await other.api.delete(`${otherBase}/portals/${key}`)).status).toBe(404);
      expect((await other.api.get(`${otherBase}/portals/${key}/categories`)).status).toBe(404);
      expect((await other.api.post(`${otherBase}/portals/${key}/articles`, { title: 'T', content: 'x' })).status).toBe(
        404,
      );
    }
    expect((await other.api.get(`${otherBase}/portals`)).body.payload).toEqual([]);
    expect((await acme.api.get(`${base}/portals/acme-help`)).body.name).not.toBe('Stolen');
  });

  it('updates the only portal through PATCH /portals (the n8n node), refusing when there are several', async () => {
    const solo = await ctx.account('Solo HC');
    const soloBase = `/api/v1/accounts/${solo.account_id}`;
    expect((await solo.api.patch(`${soloBase}/portals`, { name: 'Nothing' })).status).toBe(404);
    await solo.api.post(`${soloBase}/portals`, { name: 'One', slug: 'solo-one' });
    const res = await solo.api.patch(`${soloBase}/portals`, { header_text: 'Handbook' });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({ slug: 'solo-one', header_text: 'Handbook' });
    await solo.api.post(`${soloBase}/portals`, { name: 'Two', slug: 'solo-two' });
    const several = await solo.api.patch(`${soloBase}/portals`, { header_text: 'X' });
    expect(several.status).toBe(422);
    expect(several.body.error).toMatch(/several portals/);
  });
});

describe('categories', () => {
  it('creates, lists (per locale), shows, updates and deletes; slugs unique per portal and locale', async () => {
    const created = await acme.api.post(`${base}/portals/acme-help/categories`, {
      category: { name: 'Billing', slug: 'billing', locale: 'en', description: 'Invoices', position: 2 },
    });
    expect(created.status, created.text).toBe(200);
    expect(created.body.payload).toEqual({
      id: expect.any(Number),
      name: 'Billing',
      slug: 'billing',
      locale: 'en',
      description: 'Invoices',
      position: 2,
      account_id: acme.account_id,
      linked_categories: {},
      meta: { articles_count: 0 },
    });
    const id = created.body.payload.id;
    // The same slug in another locale is another category.
    expect(
      (
        await acme.api.post(`${base}/portals/acme-help/categories`, {
          name: 'Facturación',
          slug: 'billing',
          locale: 'es',
        })
      ).status,
    ).toBe(200);
    const dup = await acme.api.post(`${base}/portals/acme-help/categories`, {
      name: 'Billing 2',
      slug: 'billing',
      locale: 'en',
    });
    expect(dup.status).toBe(422);
    expect(dup.body).toMatchObject({
      message: 'Slug has already been taken in this portal and locale',
      attributes: ['slug'],
    });
    const badLocale = await acme.api.post(`${base}/portals/acme-help/categories`, {
      name: 'X',
      slug: 'x',
      locale: 'en/es',
    });
    expect(badLocale.status).toBe(422);
    expect(badLocale.body.attributes).toEqual(['locale']);

    const en = await acme.api.get(`${base}/portals/acme-help/categories`, { locale: 'en' });
    expect(en.body.payload.map((c: any) => c.slug)).toEqual(['billing']);
    expect(en.body.meta).toEqual({ current_page: 1, categories_count: 1 });
    expect((await acme.api.get(`${base}/portals/acme-help/categories`)).body.payload).toHaveLength(2);
    expect((await acme.api.get(`${base}/portals/acme-help/categories/${id}`)).body.payload.name).toBe('Billing');

    const updated = await acme.api.patch(`${base}/portals/acme-help/categories/${id}`, { name: 'Billing & plans' });
    expect(updated.body.payload).toMatchObject({ name: 'Billing & plans', slug: 'billing' });
    expect((await other.api.get(`${otherBase}/portals/acme-help/categories/${id}`)).status).toBe(404);
    expect((await acme.api.delete(`${base}/portals/acme-help/categories/${id}`)).status).toBe(200);
    expect((await acme.api.get(`${base}/portals/acme-help/categories/${id}`)).status).toBe(404);
  });
});

describe('articles', () => {
  it('creates (draft by default, caller as author), lists with counts, searches, updates and deletes', async () => {
    const category = (
      await acme.api.post(`${base}/portals/acme-help/categories`, {
        name: 'Getting started',
        slug: 'start',
        locale: 'en',
      })
    ).body.payload;
    const created = await acme.api.post(`${base}/portals/acme-help/articles`, {
      article: {
        title: 'Install the app',
        content: '# Install\n\nRun **it**.',
        description: 'First steps',
        category_id: category.id,
        meta: { tags: ['setup'] },
      },
    });
    expect(created.status, created.text).toBe(200);
    const article = created.body.payload;
    expect(article).toMatchObject({
      id: expect.any(Number),
      slug: expect.stringMatching(/^install-the-app-\d+$/),
      title: 'Install the app',
      content: '# Install\n\nRun **it**.',
      description: 'First steps',
      status: 'draft',
      position: 10,
      account_id: acme.account_id,
      updated_at: expect.any(Number),
      meta: { tags: ['setup'] },
      locale: 'en',
      associated_article_id: null,
      category: { id: category.id, name: 'Getting started', slug: 'start', locale: 'en' },
      views: 0,
      author: { id: acme.user_id, role: 'administrator' },
      associated_articles: {},
    });
    // The n8n node's enum integers: 1 = published.
    const published = await acme.api.post(`${base}/portals/${portal.id}/articles`, {
      title: 'Reset a password',
      slug: 'reset-password',
      content: 'Click *reset*.',
      status: 1,
      author_id: agent.userId,
    });
    expect(published.body.payload).toMatchObject({
      status: 'published',
      slug: 'reset-password',
      author: { id: agent.userId },
      category: { id: null },
    });

    const list = await acme.api.get(`${base}/portals/acme-help/articles`);
    expect(list.body.payload.map((a: any) => a.title).sort()).toEqual(['Install the app', 'Reset a password']);
    expect(list.body.meta).toMatchObject({
      all_articles_count: 2,
      published_count: 1,
      draft_articles_count: 1,
      archived_articles_count: 0,
      mine_articles_count: 1,
      articles_count: 2,
      current_page: 1,
    });
    expect(
      (await acme.api.get(`${base}/portals/acme-help/articles`, { query: 'password' })).body.payload.map(
        (a: any) => a.slug,
      ),
    ).toEqual(['reset-password']);
    expect(
      (await acme.api.get(`${base}/portals/acme-help/articles`, { status: 'draft' })).body.payload.map(
        (a: any) => a.title,
      ),
    ).toEqual(['Install the app']);
    expect(
      (await acme.api.get(`${base}/portals/acme-help/articles`, { category_slug: 'start' })).body.payload,
    ).toHaveLength(1);

    const portalShow = (await acme.api.get(`${base}/portals/acme-help`)).body;
    expect(portalShow.meta).toMatchObject({ all_articles_count: 2, published_count: 1, draft_articles_count: 1 });

    const updated = await acme.api.patch(`${base}/portals/acme-help/articles/${article.id}`, {
      status: 'published',
      title: 'Install Acme',
    });
    expect(updated.body.payload).toMatchObject({ status: 'published', title: 'Install Acme', slug: article.slug });
    expect((await acme.api.get(`${base}/portals/acme-help/articles/${article.id}`)).body.payload.title).toBe(
      'Install Acme',
    );
    expect((await acme.api.delete(`${base}/portals/acme-help/articles/${article.id}`)).status).toBe(200);
    expect((await acme.api.get(`${base}/portals/acme-help/articles/${article.id}`)).status).toBe(404);
  });

  it('refuses bad input with 422 and keeps other accounts’ categories, authors and articles out', async () => {
    const theirPortal = (await other.api.post(`${otherBase}/portals`, { name: 'Globex', slug: 'globex-help' })).body;
    const theirCategory = (
      await other.api.post(`${otherBase}/portals/globex-help/categories`, { name: 'Theirs', slug: 'theirs' })
    ).body.payload;
    const theirArticle = (
      await other.api.post(`${otherBase}/portals/globex-help/articles`, { title: 'Secret', content: 'x' })
    ).body.payload;

    const blank = await acme.api.post(`${base}/portals/acme-help/articles`, { title: '', content: '' });
    expect(blank.status).toBe(422);
    expect(blank.body).toMatchObject({
      message: "Title can't be blank, Content can't be blank",
      attributes: ['title', 'content'],
    });
    for (const body of [
      { title: 'T', content: 'x', status: 'secret' },
      { title: 'T', content: 'x', category_id: theirCategory.id },
      { title: 'T', content: 'x', author_id: other.user_id },
      { title: 'T', content: 'x', locale: 'fr' },
      { title: 'T', content: 'x', slug: '../etc' },
    ]) {
      const res = await acme.api.post(`${base}/portals/acme-help/articles`, body);
      expect(res.status, JSON.stringify(body)).toBe(422);
    }
    expect((await acme.api.get(`${base}/portals/acme-help/articles/${theirArticle.id}`)).status).toBe(404);
    expect(
      (await acme.api.patch(`${base}/portals/acme-help/articles/${theirArticle.id}`, { title: 'Mine' })).status,
    ).toBe(404);
    expect((await acme.api.delete(`${base}/portals/acme-help/articles/${theirArticle.id}`)).status).toBe(404);
    expect((await acme.api.get(`${base}/portals/${theirPortal.id}/articles`)).status).toBe(404);
    expect(
      (await other.api.get(`${otherBase}/portals/globex-help/articles/${theirArticle.id}`)).body.payload.title,
    ).toBe('Secret');
  });
});

describe('constant-query lists', () => {
  it('lists portals and articles in the same number of statements whatever their number and authors', async () => {
    const acct = await ctx.account('Counting HC');
    const cBase = `/api/v1/accounts/${acct.account_id}`;
    const writers = [
      acct.user_id,
      ...(await Promise.all([1, 2, 3].map((i) => ctx.member(acct.account_id, 'agent', `Writer ${i}`)))).map(
        (m) => m.userId,
      ),
    ];
    const statements = async (path: string) => {
      const before = ctx.database.counter.count;
      const res = await acct.api.get(path);
      expect(res.status).toBe(200);
      return ctx.database.counter.count - before;
    };
    await acct.api.post(`${cBase}/portals`, { name: 'Count', slug: 'count-1' });
    await acct.api.post(`${cBase}/portals/count-1/articles`, { title: 'A0', content: 'x' });
    await statements(`${cBase}/portals`); // warm caches alike
    const onePortal = await statements(`${cBase}/portals`);
    const oneArticle = await statements(`${cBase}/portals/count-1/articles`);
    for (let i = 2; i <= 4; i++)
      await acct.api.post(`${cBase}/portals`, {
        name: `Count ${i}`,
        slug: `count-${i}`,
        config: { allowed_locales: ['en', 'es'] },
      });
    for (let i = 1; i <= 8; i++)
      await acct.api.post(`${cBase}/portals/count-1/articles`, {
        title: `A${i}`,
        content: 'x',
        author_id: writers[i % writers.length],
      });
    expect(await statements(`${cBase}/portals`)).toBe(onePortal);
    expect(await statements(`${cBase}/portals/count-1/articles`)).toBe(oneArticle);
  });
});
