import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../test/helpers/wts-fixture.ts';

/** The reads WTS clients load their pickers from (the n8n node maps these arrays directly) and contacts. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
const sam = await ctx.member(f.account.account_id, 'agent', 'Sam');
const samId = await f.userUuid(sam.userId);
const sales = (await api.post(`${base}/teams`, { name: 'sales', description: 'Deals' })).body;
const salesId = (await db.selectFrom('teams').select('uuid').where('id', '=', sales.id).executeTakeFirstOrThrow()).uuid;
await api.post(`${base}/teams/${sales.id}/team_members`, { user_ids: [sam.userId] });
await api.post(`${base}/labels`, { title: 'vip', color: '#ff0000' });
// Labels hold hex colours (Chatwoot's); a hex of WTS's palette shows as its palette name.
await api.post(`${base}/labels`, { title: 'gray', color: '#4b5563' });

describe('GET /core/v1/tag', () => {
  it('lists labels as tags: uuid ids, name, palette colour or hex', async () => {
    const res = await wts.get('/core/v1/tag');
    expect(res.status).toBe(200);
    expect(res.body).toEqual([
      expect.objectContaining({
        id: expect.stringMatching(/^[0-9a-f-]{36}$/),
        name: 'gray',
        color: 'GRAY_600',
        bgColor: '#4b5563',
      }),
      expect.objectContaining({ name: 'vip', color: null, bgColor: '#ff0000', createdAt: expect.any(String) }),
    ]);
  });
});

describe('GET /core/v1/department and /core/v1/agent', () => {
  it('lists teams as departments with their agents', async () => {
    for (const path of ['/core/v1/department', '/core/v2/department']) {
      const res = await wts.get(path);
      expect(res.status).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          id: salesId,
          companyId: f.companyId,
          name: 'sales',
          description: 'Deals',
          agents: [expect.objectContaining({ userId: samId, departmentId: salesId })],
        }),
      ]);
    }
    expect((await wts.get(`/core/v1/department/${salesId}`)).body.name).toBe('sales');
  });

  it('lists members as agents with their departments, as the n8n node filters users by department', async () => {
    const res = await wts.get('/core/v1/agent');
    expect(res.status).toBe(200);
    const byName = Object.fromEntries(res.body.map((a: any) => [a.name, a]));
    expect(byName.Sam).toMatchObject({
      id: samId,
      userId: samId,
      profile: 'Agent',
      availability: 'AVAILABLE',
      departments: [{ departmentId: salesId, userId: samId }],
    });
    expect(byName.admin).toMatchObject({ profile: 'Admin', departments: [] });
    const inSales = res.body.filter((a: any) => a.departments.some((d: any) => d.departmentId === salesId));
    expect(inSales.map((a: any) => a.userId)).toEqual([samId]);
    expect((await wts.get(`/core/v1/agent/${samId}`)).body.name).toBe('Sam');
  });
});

describe('GET /chat/v1/channel', () => {
  it('lists inboxes as channels with an identity the n8n node labels them by', async () => {
    const res = await wts.get('/chat/v1/channel');
    expect(res.body).toEqual([
      expect.objectContaining({
        id: f.channelId,
        active: true,
        type: 'API',
        identity: expect.objectContaining({ humanId: 'Shop API', platform: 'API' }),
      }),
    ]);
    expect((await wts.get('/chat/v1/channel', { ChannelType: 'Whatsapp' })).body).toEqual([]);
    expect((await wts.get('/chat/v1/channel', { ChannelType: 'All' })).body).toHaveLength(1);
  });
});

describe('GET /core/v1/contact', () => {
  it('pages contacts with uuid ids; tags and custom fields when asked', async () => {
    for (let i = 0; i < 3; i++)
      await api.post(`${base}/contacts`, { name: `Extra ${i}`, custom_attributes: { tier: i } });
    await api.post(`${base}/contacts/${f.contact.id}/labels`, { labels: ['vip'] });
    const page = await wts.get('/core/v1/contact', { PageSize: 2 });
    expect(page.body).toMatchObject({ pageNumber: 1, pageSize: 2, totalItems: 4, totalPages: 2, hasMorePages: true });
    expect(page.body.items[0]).toMatchObject({
      id: f.contactId,
      companyId: f.companyId,
      name: 'Jane Roe',
      status: 'ACTIVE',
      tagNames: null,
    });
    const detailed = await wts.get('/core/v1/contact', {
      IncludeDetails: ['Tags', 'CustomFields'],
      OrderBy: 'name',
      OrderDirection: 'DESCENDING',
    });
    expect(detailed.body.items.map((c: any) => c.name)).toEqual(['Jane Roe', 'Extra 2', 'Extra 1', 'Extra 0']);
    expect(detailed.body.items[0]).toMatchObject({ tagNames: ['vip'], tagIds: [expect.any(String)] });
    expect(detailed.body.items[1]).toMatchObject({ customFields: { tier: 2 }, metadata: { tier: 2 } });
  });

  it('filters by status and creation time', async () => {
    await db.updateTable('contacts').set({ blocked: true }).where('id', '=', f.contact.id).execute();
    expect((await wts.get('/core/v1/contact', { Status: 'BLOCKED' })).body.items.map((c: any) => c.id)).toEqual([
      f.contactId,
    ]);
    expect((await wts.get('/core/v1/contact')).body.totalItems).toBe(3);
    expect((await wts.get('/core/v1/contact', { Status: 'ARCHIVED' })).body.totalItems).toBe(0);
    expect((await wts.get('/core/v1/contact', { 'CreatedAt.After': '2999-01-01' })).body.totalItems).toBe(0);
    await db.updateTable('contacts').set({ blocked: false }).where('id', '=', f.contact.id).execute();
  });

  it('shows one contact by uuid', async () => {
    const res = await wts.get(`/core/v1/contact/${f.contactId}`, { IncludeDetails: 'Tags' });
    expect(res.body).toMatchObject({ id: f.contactId, email: 'jane-acme@example.com', tagNames: ['vip'] });
    expect((await wts.get('/core/v1/contact/00000000-0000-4000-8000-000000000000')).status).toBe(404);
  });
});
