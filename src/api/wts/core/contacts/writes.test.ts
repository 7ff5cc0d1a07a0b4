import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { wtsFixture } from '../../../../../test/helpers/wts-fixture.ts';

/** WTS contact writes, read back through Chatwoot: contact tags are labels, custom fields are custom attributes. */
const ctx = await createTestContext();
const f = await wtsFixture(ctx, 'Acme');
const { api, base, wts } = f;
const db = ctx.database.db;
await api.post(`${base}/labels`, { title: 'vip', color: '#ff0000' });
await api.post(`${base}/labels`, { title: 'lead', color: '#00ff00' });
await api.post(`${base}/labels`, { title: 'churned', color: '#0000ff' });
const tagId = async (title: string) =>
  (await db.selectFrom('labels').select('uuid').where('title', '=', title).executeTakeFirstOrThrow()).uuid;
await api.post(`${base}/custom_attribute_definitions`, {
  attribute_display_name: 'Plan',
  attribute_key: 'plan',
  attribute_model: 'contact_attribute',
  attribute_display_type: 'list',
  attribute_values: ['free', 'pro'],
});
await api.post(`${base}/custom_attribute_definitions`, {
  attribute_display_name: 'Order',
  attribute_key: 'order_ref',
  attribute_model: 'conversation_attribute',
  attribute_display_type: 'text',
});

const chatwootContact = async (uuid: string) => {
  const row = await db.selectFrom('contacts').select('id').where('uuid', '=', uuid).executeTakeFirstOrThrow();
  return (await api.get(`${base}/contacts/${row.id}`)).body.payload;
};

describe('POST /core/v1/contact', () => {
  it('creates a contact with tags, custom fields, metadata, instagram and annotation, visible in Chatwoot', async () => {
    const res = await wts.post('/core/v1/contact', {
      name: 'Ana Lima',
      phoneNumber: '55 (11) 97777-0001',
      email: 'Ana@Example.com',
      instagram: '@analima',
      annotation: 'Prefers mornings',
      tagNames: ['VIP', 'lead'],
      customFields: { plan: 'pro', unknown_field: 'dropped' },
      metadata: { crmId: 'X-1' },
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body).toMatchObject({
      name: 'Ana Lima',
      phoneNumber: '+5511977770001',
      email: 'ana@example.com',
      instagram: 'analima',
      annotation: 'Prefers mornings',
      tagNames: ['lead', 'vip'],
      status: 'ACTIVE',
      companyId: f.companyId,
      metadata: { plan: 'pro', crmId: 'X-1' },
    });
    expect(res.body.tagIds.sort()).toEqual([await tagId('vip'), await tagId('lead')].sort());
    expect(res.body.metadata).not.toHaveProperty('unknown_field');
    const contact = await chatwootContact(res.body.id);
    expect(contact).toMatchObject({
      name: 'Ana Lima',
      phone_number: '+5511977770001',
      custom_attributes: { plan: 'pro', crmId: 'X-1' },
    });
    expect((await api.get(`${base}/contacts/${contact.id}/labels`)).body.payload.sort()).toEqual(['lead', 'vip']);
  });

  it('refuses a duplicate, answers it with getIfExists, updates it with upsert', async () => {
    const created = await wts.post('/core/v1/contact', {
      name: 'Bia',
      phoneNumber: '+5511977770002',
      tagNames: ['vip'],
    });
    const duplicate = await wts.post('/core/v1/contact', { name: 'Bia 2', phoneNumber: '5511977770002' });
    expect(duplicate).toMatchObject({ status: 400, body: { errors: [{ field: 'phoneNumber' }] } });
    expect(duplicate.body.text).toMatch(/already exists: send options\.upsert or options\.getIfExists/);

    const got = await wts.post('/core/v1/contact', {
      name: 'Ignored',
      phoneNumber: '+55 11 97777-0002',
      options: { getIfExists: true },
    });
    expect(got.body).toMatchObject({ id: created.body.id, name: 'Bia', tagNames: ['vip'] });

    const upserted = await wts.post('/core/v1/contact', {
      name: 'Beatriz',
      phoneNumber: '+5511977770002',
      tagNames: ['lead'],
      options: { upsert: true },
    });
    expect(upserted.body).toMatchObject({ id: created.body.id, name: 'Beatriz', tagNames: ['lead'] });
    const onlyTags = await wts.post('/core/v1/contact', {
      name: 'Not this',
      phoneNumber: '+5511977770002',
      tagNames: ['vip'],
      options: { upsert: true, upsertFields: ['Tags'], upsertTagOperation: 'INSERTIFNOTEXISTS' },
    });
    expect(onlyTags.body).toMatchObject({ name: 'Beatriz', tagNames: ['lead', 'vip'] });
  });

  it('names the bad value: unknown tag, bad phone, bad email', async () => {
    const tag = await wts.post('/core/v1/contact', { name: 'X', tagNames: ['nope'] });
    expect(tag).toMatchObject({ status: 400, body: { errors: [{ field: 'tagNames' }] } });
    expect(tag.body.text).toBe('tagNames nope is not a tag of this company');
    const phone = await wts.post('/core/v1/contact', { name: 'X', phoneNumber: '0' });
    expect(phone.body.text).toMatch(/phoneNumber 0 is not a valid phone number/);
    const email = await wts.post('/core/v1/contact', { name: 'X', email: 'not-an-email' });
    expect(email.status).toBe(400);
    const portfolio = await wts.post('/core/v1/contact', { name: 'X', portfolioNames: ['North'] });
    expect(portfolio).toMatchObject({
      status: 400,
      body: { text: 'portfolioNames North is not a portfolio of this company', errors: [{ field: 'portfolioNames' }] },
    });
    const sequence = await wts.post('/core/v1/contact', {
      name: 'X',
      sequenceIds: ['00000000-0000-4000-8000-000000000000'],
    });
    expect(sequence).toMatchObject({ status: 400, body: { errors: [{ field: 'sequenceIds' }] } });
  });
});

describe('GET/PUT by phone number and PUT /core/v1/contact/{id}', () => {
  it('finds by phone in any formatting and updates only the listed fields', async () => {
    const created = await wts.post('/core/v1/contact', {
      name: 'Caio',
      phoneNumber: '+5511977770003',
      email: 'caio@example.com',
      metadata: { a: 1, b: 2 },
    });
    const byPhone = await wts.get('/core/v1/contact/phonenumber/55 11 97777-0003', { IncludeDetails: 'Tags' });
    expect(byPhone.body).toMatchObject({ id: created.body.id, tagIds: [], tagNames: [] });

    const updated = await wts.put(`/core/v1/contact/${created.body.id}`, {
      fields: ['Name', 'Metadata'],
      name: 'Caio S.',
      email: 'ignored@example.com',
      metadata: { a: null, c: 3 },
    });
    expect(updated.status, updated.text).toBe(200);
    expect(updated.body).toMatchObject({ name: 'Caio S.', email: 'caio@example.com', metadata: { b: 2, c: 3 } });
    expect(updated.body.metadata).not.toHaveProperty('a');

    const v2 = await wts.put(`/core/v2/contact/${created.body.id}`, { status: 'BLOCKED' });
    expect(v2.body.status).toBe('BLOCKED');
    expect((await chatwootContact(created.body.id)).blocked).toBe(true);

    const viaPhone = await wts.put('/core/v1/contact/phonenumber/5511977770003', {
      fields: ['Email'],
      email: 'caio@new.example.com',
    });
    expect(viaPhone.body).toMatchObject({ id: created.body.id, email: 'caio@new.example.com' });
    expect((await wts.get('/core/v1/contact/phonenumber/5511900000000')).status).toBe(404);
    const archived = await wts.put(`/core/v1/contact/${created.body.id}`, { status: 'ARCHIVED' });
    expect(archived.body.text).toMatch(/status ARCHIVED is not supported/);
  });
});

describe('POST …/tags', () => {
  it('InsertIfNotExists, DeleteIfExists, ReplaceAll, by id, by phone and by tag id', async () => {
    const c = (await wts.post('/core/v1/contact', { name: 'Duda', phoneNumber: '+5511977770004', tagNames: ['vip'] }))
      .body;
    const insert = await wts.post(`/core/v1/contact/${c.id}/tags`, {
      tagNames: ['vip', 'lead'],
      operation: 'InsertIfNotExists',
    });
    expect(insert.body.tagNames).toEqual(['lead', 'vip']);
    const remove = await wts.post('/core/v1/contact/phonenumber/5511977770004/tags', {
      tagIds: [await tagId('vip'), await tagId('churned')],
      operation: 'DeleteIfExists',
    });
    expect(remove.body.tagNames).toEqual(['lead']);
    const replace = await wts.post('/core/v1/contact/+5511977770004/tags', {
      tagNames: ['churned'],
      operation: 'ReplaceAll',
    });
    expect(replace.body.tagNames).toEqual(['churned']);
    const byDefault = await wts.post(`/core/v1/contact/${c.id}/tags`, { tagNames: ['vip'] });
    expect(byDefault.body.tagNames).toEqual(['churned', 'vip']);
    const bad = await wts.post(`/core/v1/contact/${c.id}/tags`, { tagNames: ['vip'], operation: 'Merge' });
    expect(bad.status).toBe(400);
    expect(bad.body.text).toMatch(/operation must be one of: InsertIfNotExists, DeleteIfExists, ReplaceAll/);
    const events = await db
      .selectFrom('events')
      .select('name')
      .where('name', '=', 'contact.updated')
      .where(
        'contact_id',
        '=',
        (await db.selectFrom('contacts').select('id').where('uuid', '=', c.id).executeTakeFirstOrThrow()).id,
      )
      .execute();
    expect(events.length).toBe(5); // creation's tags + four changes
  });
});

describe('POST /core/v1/contact/filter', () => {
  it('filters by text, tags, custom fields and metadata, paged in the body', async () => {
    await wts.post('/core/v1/contact', {
      name: 'Filter One',
      phoneNumber: '+5511966660001',
      tagNames: ['churned'],
      customFields: { plan: 'free' },
    });
    await wts.post('/core/v1/contact', {
      name: 'Filter Two',
      phoneNumber: '+5511966660002',
      tagNames: ['churned'],
      customFields: { plan: 'pro' },
    });
    const byText = await wts.post('/core/v1/contact/filter', { textFilter: 'filter', pageSize: 1 });
    expect(byText.body).toMatchObject({
      pageSize: 1,
      totalItems: 2,
      totalPages: 2,
      hasMorePages: true,
      items: [{ name: 'Filter One' }],
    });
    const byField = await wts.post('/core/v1/contact/filter', {
      tagNames: ['churned'],
      customFields: { plan: 'pro' },
      includeDetails: ['Tags'],
    });
    expect(byField.body.items.map((c: any) => c.name)).toEqual(['Filter Two']);
    expect(byField.body.items[0].tagNames).toEqual(['churned']);
    const byPhone = await wts.post('/core/v1/contact/filter', { phoneNumber: '11 96666-0001' });
    expect(byPhone.body.items.map((c: any) => c.name)).toEqual(['Filter One']);
    expect((await wts.post('/core/v1/contact/filter', { origin: 'IMPORTED' })).body.totalItems).toBe(0);
    expect((await wts.post('/core/v1/contact/filter', { orderBy: 'colour' })).body.text).toMatch(
      /OrderBy must be one of/,
    );
  });
});

describe('custom fields', () => {
  it('lists contact attribute definitions as WTS custom fields', async () => {
    for (const path of ['/core/v1/contact/custom-field', '/core/v1/custom-field']) {
      const res = await wts.get(path);
      expect(res.status, res.text).toBe(200);
      expect(res.body).toEqual([
        expect.objectContaining({
          key: 'plan',
          name: 'Plan',
          type: 'SINGLESELECT',
          entityType: 'CONTACT',
          companyId: f.companyId,
          options: [
            { id: null, name: 'free' },
            { id: null, name: 'pro' },
          ],
        }),
      ]);
      expect(res.body[0].id).toMatch(/^[0-9a-f-]{36}$/);
    }
    expect((await wts.get('/core/v1/custom-field', { EntityType: 'PANEL' })).body).toEqual([]);
  });
});

describe('another company', () => {
  it('cannot read, change or tag these contacts', async () => {
    const c = (await wts.post('/core/v1/contact', { name: 'Secret', phoneNumber: '+5511933330001' })).body;
    const other = await wtsFixture(ctx, 'Globex');
    expect((await other.wts.get(`/core/v1/contact/${c.id}`)).status).toBe(404);
    expect((await other.wts.get('/core/v1/contact/phonenumber/5511955550001')).status).toBe(404);
    expect((await other.wts.put(`/core/v1/contact/${c.id}`, { name: 'x' })).status).toBe(404);
    expect((await other.wts.post(`/core/v1/contact/${c.id}/tags`, { tagNames: ['vip'] })).status).toBe(404);
    const filtered = await other.wts.post('/core/v1/contact/filter', { textFilter: 'Secret' });
    expect(filtered.body.totalItems).toBe(0);
    expect((await other.wts.get('/core/v1/custom-field')).body).toEqual([]);
    // the same phone number is a different contact in another company
    expect((await other.wts.post('/core/v1/contact', { name: 'Theirs', phoneNumber: '+5511933330001' })).status).toBe(
      200,
    );
  });
});

describe('POST /core/v2/contact/batch', () => {
  it('saves new contacts and updates the ones it knows by phone or email, answering them in order', async () => {
    const created = await wts.post('/core/v1/contact', { name: 'Known', phoneNumber: '+5511944440001' });
    expect(created.status, created.text).toBe(200);
    const known = created.body;
    const res = await wts.post('/core/v2/contact/batch', {
      items: [
        { name: 'Known Renamed', phoneNumber: '+55 11 94444-0001', tagNames: ['vip'] },
        { name: 'Fresh', email: 'fresh@batch.test', customFields: { plan: 'pro' } },
        { name: 'Fresh Again', email: 'FRESH@batch.test' },
      ],
    });
    expect(res.status, res.text).toBe(200);
    expect(res.body.map((c: any) => c.name)).toEqual(['Known Renamed', 'Fresh Again', 'Fresh Again']); // each as saved at the end
    expect(res.body[0]).toMatchObject({ id: known.id, tagNames: ['vip'] });
    expect(res.body[2].id).toBe(res.body[1].id); // the same email within one batch is one contact
    expect(await chatwootContact(res.body[1].id)).toMatchObject({
      name: 'Fresh Again',
      email: 'fresh@batch.test',
      custom_attributes: { plan: 'pro' },
    });
  });

  it('getIfExists leaves known contacts as they are', async () => {
    const res = await wts.post('/core/v2/contact/batch', {
      items: [{ name: 'Should Not Rename', phoneNumber: '+5511944440001' }],
      options: { getIfExists: true },
    });
    expect(res.body[0].name).toBe('Known Renamed');
  });

  it('saves nothing when one item is bad, naming it; at most 100 items', async () => {
    const before = Number(
      (await db.selectFrom('contacts').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n,
    );
    const res = await wts.post('/core/v2/contact/batch', {
      items: [
        { name: 'Good', phoneNumber: '+5511944440002' },
        { name: 'Bad', email: 'not-an-email' },
      ],
    });
    expect(res.status).toBe(400);
    expect(res.body.errors[0].field).toBe('items[1].email');
    const tags = await wts.post('/core/v2/contact/batch', { items: [{ name: 'Tagged', tagNames: ['no-such-tag'] }] });
    expect(tags.status).toBe(400);
    expect(tags.body.errors[0].field).toMatch(/^items\[0\]\./);
    const portfolio = await wts.post('/core/v2/contact/batch', {
      items: [{ name: 'P' }, { name: 'Q', portfolioIds: ['x'] }],
    });
    expect(portfolio.body.errors[0].field).toBe('items[1].portfolioIds');
    const tooMany = await wts.post('/core/v2/contact/batch', {
      items: Array.from({ length: 101 }, (_, i) => ({ name: `n${i}` })),
    });
    expect(tooMany.status).toBe(400);
    expect((await wts.post('/core/v2/contact/batch', { items: [] })).status).toBe(400);
    expect(
      Number((await db.selectFrom('contacts').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n),
    ).toBe(before);
  });
});

describe('portfolioIds / portfolioNames on contact writes', () => {
  const other = wtsFixture(ctx, 'Globex');
  const portfolio = async (account: { wts: typeof wts }, name: string) =>
    (await account.wts.post('/core/v1/portfolio', { name })).body;
  const portfolioOf = async (contactUuid: string) =>
    (
      await db
        .selectFrom('portfolio_contacts as pc')
        .innerJoin('portfolios as p', 'p.id', 'pc.portfolio_id')
        .innerJoin('contacts as c', 'c.id', 'pc.contact_id')
        .select('p.uuid')
        .where('c.uuid', '=', contactUuid)
        .executeTakeFirst()
    )?.uuid ?? null;

  it('create, update and batch put the contact in the named portfolio, read back through the portfolio routes', async () => {
    const north = await portfolio(f, 'North');
    const south = await portfolio(f, 'South');
    const created = await wts.post('/core/v1/contact', {
      name: 'Portfolio Ana',
      phoneNumber: '+5511922220001',
      portfolioIds: [north.id],
    });
    expect(created.status, created.text).toBe(200);
    expect(await portfolioOf(created.body.id)).toBe(north.id);
    expect((await wts.get(`/core/v1/portfolio/${north.id}/contact`)).body.totalItems).toBe(1);

    const moved = await wts.put(`/core/v2/contact/${created.body.id}`, {
      fields: ['Portfolio'],
      portfolioNames: ['south'],
    });
    expect(moved.status, moved.text).toBe(200);
    expect(await portfolioOf(created.body.id)).toBe(south.id);
    const cleared = await wts.put(`/core/v1/contact/${created.body.id}`, { fields: ['Portfolio'], portfolioIds: [] });
    expect(cleared.status, cleared.text).toBe(200);
    expect(await portfolioOf(created.body.id)).toBeNull();
    // Not listing Portfolio leaves it alone.
    await wts.put(`/core/v1/contact/${created.body.id}`, { portfolioIds: [north.id] });
    await wts.put(`/core/v1/contact/${created.body.id}`, { name: 'Portfolio Ana L.' });
    expect(await portfolioOf(created.body.id)).toBe(north.id);

    const batch = await wts.post('/core/v2/contact/batch', {
      items: [
        { name: 'B1', phoneNumber: '+5511922220002', portfolioIds: [south.id] },
        { name: 'B2', phoneNumber: '+5511922220003', portfolioNames: ['North'] },
      ],
    });
    expect(batch.status, batch.text).toBe(200);
    expect(await portfolioOf(batch.body[0].id)).toBe(south.id);
    expect(await portfolioOf(batch.body[1].id)).toBe(north.id);
    expect((await wts.get(`/core/v1/portfolio/${north.id}/contact`)).body.totalItems).toBe(2);
  });

  it('refuses another company’s portfolio and two portfolios at once, storing nothing', async () => {
    const theirs = await portfolio(await other, 'Theirs');
    const mine = await portfolio(f, 'Mine');
    const second = await portfolio(f, 'Second');
    const contacts = async () =>
      Number((await db.selectFrom('contacts').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow()).n);
    const links = async () =>
      Number(
        (await db.selectFrom('portfolio_contacts').select(db.fn.countAll<number>().as('n')).executeTakeFirstOrThrow())
          .n,
      );
    const [beforeContacts, beforeLinks] = [await contacts(), await links()];
    const foreign = await wts.post('/core/v1/contact', {
      name: 'F',
      phoneNumber: '+5511922220010',
      portfolioIds: [theirs.id],
    });
    expect(foreign).toMatchObject({ status: 400, body: { error: true, errors: [{ field: 'portfolioIds' }] } });
    const two = await wts.post('/core/v1/contact', {
      name: 'T',
      phoneNumber: '+5511922220011',
      portfolioIds: [mine.id, second.id],
    });
    expect(two).toMatchObject({ status: 400, body: { errors: [{ field: 'portfolioIds' }] } });
    const batch = await wts.post('/core/v2/contact/batch', {
      items: [
        { name: 'ok', phoneNumber: '+5511922220012', portfolioIds: [mine.id] },
        { name: 'bad', portfolioIds: [theirs.id] },
      ],
    });
    expect(batch).toMatchObject({ status: 400, body: { errors: [{ field: 'items[1].portfolioIds' }] } });
    expect([await contacts(), await links()]).toEqual([beforeContacts, beforeLinks]);
    expect((await (await other).wts.get(`/core/v1/portfolio/${theirs.id}/contact`)).body.totalItems).toBe(0);
  });
});
