import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const base = `/api/v1/accounts/${acme.account_id}`;
const inbox = await insertInbox(ctx.database.db, acme.account_id, { name: 'Shop API', channel_type: 'Channel::Api' });

async function create(body: Record<string, unknown>) {
  const res = await acme.api.post(`${base}/contacts`, body);
  expect(res.status).toBe(200);
  return res.body.payload.contact;
}

describe('contacts', () => {
  it('creates a contact with a contact inbox and answers Chatwoot’s create envelope', async () => {
    const res = await acme.api.post(`${base}/contacts`, {
      name: 'Jane Roe',
      email: 'Jane@Example.com',
      phone_number: '+15551230000',
      identifier: 'crm-77',
      inbox_id: inbox.id,
      custom_attributes: { plan: 'pro' },
    });
    expect(res.status).toBe(200);
    const { contact, contact_inbox } = res.body.payload;
    expect(contact).toMatchObject({
      name: 'Jane Roe',
      email: 'jane@example.com',
      phone_number: '+15551230000',
      identifier: 'crm-77',
      blocked: false,
      thumbnail: '',
      availability_status: 'offline',
      custom_attributes: { plan: 'pro' },
      additional_attributes: {},
    });
    expect(contact.created_at).toEqual(expect.any(Number));
    expect(contact.last_activity_at).toBeUndefined();
    expect(contact.contact_inboxes).toHaveLength(1);
    expect(contact.contact_inboxes[0].inbox).toMatchObject({
      id: inbox.id,
      channel_type: 'Channel::Api',
      name: 'Shop API',
    });
    expect(contact_inbox.source_id).toMatch(/^[0-9a-f-]{36}$/);
    expect(contact_inbox.inbox).toMatchObject({ id: inbox.id, account_id: acme.account_id });
  });

  it('creates without inbox: contact_inbox is {inbox: null, source_id: null}', async () => {
    const res = await acme.api.post(`${base}/contacts`, {
      contact: { name: 'Nested Form', email: 'nested@example.com' },
    });
    expect(res.status).toBe(200);
    expect(res.body.payload.contact_inbox).toEqual({ inbox: null, source_id: null });
    expect(res.body.payload.contact.name).toBe('Nested Form');
  });

  it('rejects a duplicate email, a malformed email and a non-E.164 phone with 422 naming the field', async () => {
    await create({ name: 'Dup', email: 'dup@example.com' });
    let res = await acme.api.post(`${base}/contacts`, { name: 'Dup 2', email: 'DUP@example.com' });
    expect(res).toMatchObject({
      status: 422,
      body: { message: 'Email has already been taken', attributes: ['email'] },
    });
    res = await acme.api.post(`${base}/contacts`, { email: 'not-an-email' });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['email'] } });
    res = await acme.api.post(`${base}/contacts`, { phone_number: '5551234' });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['phone_number'] } });
    res = await acme.api.post(`${base}/contacts`, { name: 'x', inbox_id: 999999 });
    expect(res).toMatchObject({ status: 422, body: { attributes: ['inbox_id'] } });
  });

  it('shows and updates, merging custom and additional attributes', async () => {
    const contact = await create({ name: 'Merge Me', email: 'merge-attrs@example.com', custom_attributes: { a: 1 } });
    let res = await acme.api.get(`${base}/contacts/${contact.id}`);
    expect(res.status).toBe(200);
    expect(res.body.payload.id).toBe(contact.id);
    expect(res.body.payload.contact_inboxes).toEqual([]);
    res = await acme.api.put(`${base}/contacts/${contact.id}`, {
      custom_attributes: { b: 2 },
      additional_attributes: { city: 'Lisbon' },
    });
    expect(res.status).toBe(200);
    expect(res.body.payload.custom_attributes).toEqual({ a: 1, b: 2 });
    expect(res.body.payload.additional_attributes).toEqual({ city: 'Lisbon' });
    res = await acme.api.post(`${base}/contacts/${contact.id}/destroy_custom_attributes`, { custom_attributes: ['a'] });
    expect(res.body.payload.custom_attributes).toEqual({ b: 2 });
  });

  it('lists only reachable contacts, 15 per page, with meta {count, current_page}', async () => {
    await create({ name: 'Anonymous visitor' });
    for (let i = 0; i < 16; i++) await create({ name: `Bulk ${i}`, email: `bulk${i}@example.com` });
    const page1 = await acme.api.get(`${base}/contacts`);
    expect(page1.status).toBe(200);
    expect(page1.body.payload).toHaveLength(15);
    expect(page1.body.meta.current_page).toBe(1);
    expect(page1.body.payload.some((c: any) => c.name === 'Anonymous visitor')).toBe(false);
    const page2 = await acme.api.get(`${base}/contacts`, { page: 2, include_contact_inboxes: false });
    expect(page2.body.meta).toEqual({ count: page1.body.meta.count, current_page: '2' });
    expect(page2.body.payload[0].contact_inboxes).toBeUndefined();
    const sorted = await acme.api.get(`${base}/contacts`, { sort: 'name' });
    const names = sorted.body.payload.map((c: any) => c.name);
    expect(names).toEqual([...names].sort());
  });

  it('searches name, email, phone and identifier', async () => {
    await create({ name: 'Searchable Sam', email: 'sam.search@example.com', phone_number: '+4915112345678' });
    for (const q of ['searchable', 'SAM.SEARCH', '+49151']) {
      const res = await acme.api.get(`${base}/contacts/search`, { q });
      expect(res.status).toBe(200);
      expect(res.body.payload.map((c: any) => c.name)).toContain('Searchable Sam');
    }
    const empty = await acme.api.get(`${base}/contacts/search`);
    expect(empty).toMatchObject({ status: 200, body: { meta: { count: null }, payload: [] } });
  });

  it('filters with AND/OR conditions and rejects unknown keys with 422', async () => {
    await create({ name: 'Filter Alpha', email: 'alpha@filter.test', additional_attributes: { city: 'Porto' } });
    await create({ name: 'Filter Beta', email: 'beta@filter.test', additional_attributes: { city: 'Braga' } });
    let res = await acme.api.post(`${base}/contacts/filter`, {
      payload: [
        { attribute_key: 'email', filter_operator: 'contains', values: ['filter.test'], query_operator: 'AND' },
        { attribute_key: 'city', filter_operator: 'equal_to', values: ['porto'], query_operator: null },
      ],
    });
    expect(res.status).toBe(200);
    expect(res.body.payload.map((c: any) => c.name)).toEqual(['Filter Alpha']);
    res = await acme.api.post(`${base}/contacts/filter`, {
      payload: [{ attribute_key: 'shoe_size', filter_operator: 'equal_to', values: ['9'] }],
    });
    expect(res.status).toBe(422);
    expect(res.body.error).toMatch(/Invalid attribute key - \[shoe_size\]/);
    res = await acme.api.post(`${base}/contacts/filter`, {
      payload: [
        { attribute_key: 'name', filter_operator: 'equal_to', values: ['x'], query_operator: 'XOR' },
        { attribute_key: 'name', filter_operator: 'equal_to', values: ['y'] },
      ],
    });
    expect(res.status).toBe(422);
  });

  it('filters, sorts and searches at once, labels included on request (Switchboard additions for the dashboard)', async () => {
    const made = [
      await create({ name: 'Dash Zed', email: 'zed@dash.test' }),
      await create({ name: 'Dash Amy', email: 'amy@dash.test', phone_number: '+15550007777' }),
      await create({ name: 'Dash Bob', phone_number: '+15550008888' }),
    ];
    for (const c of made) await acme.api.post(`${base}/contacts/${c.id}/labels`, { labels: ['dash'] });
    const payload = [
      { attribute_key: 'labels', filter_operator: 'equal_to', values: ['dash'], query_operator: 'and' },
      { attribute_key: 'email', filter_operator: 'is_present', values: [] },
    ];
    let res = await acme.api.post(`${base}/contacts/filter?sort=name&include_labels=true`, { payload });
    expect(res.status).toBe(200);
    expect(res.body.payload.map((c: any) => [c.name, c.labels])).toEqual([
      ['Dash Amy', ['dash']],
      ['Dash Zed', ['dash']],
    ]);
    expect(res.body.meta.count).toBe(2);
    res = await acme.api.post(`${base}/contacts/filter?sort=-name`, { payload });
    expect(res.body.payload.map((c: any) => c.name)).toEqual(['Dash Zed', 'Dash Amy']);
    expect(res.body.payload[0].labels).toBeUndefined(); // Chatwoot's shape unless asked
    res = await acme.api.post(`${base}/contacts/filter?q=zed`, { payload });
    expect(res.body.payload.map((c: any) => c.name)).toEqual(['Dash Zed']);
    res = await acme.api.get(`${base}/contacts/search`, { q: 'dash bob', include_labels: true });
    expect(res.body.payload.map((c: any) => c.labels)).toEqual([['dash']]);
    res = await acme.api.get(`${base}/contacts`, { 'labels[]': 'dash', include_labels: true, sort: 'name' });
    expect(res.body.payload.map((c: any) => c.labels)).toEqual([['dash'], ['dash'], ['dash']]);
  });

  it('replaces labels and accepts the list as JSON text', async () => {
    const contact = await create({ name: 'Labelled', email: 'labelled@example.com' });
    let res = await acme.api.post(`${base}/contacts/${contact.id}/labels`, { labels: '["vip","billing"]' });
    expect(res).toMatchObject({ status: 200, body: { payload: ['vip', 'billing'] } });
    res = await acme.api.get(`${base}/contacts/${contact.id}/labels`);
    expect(res.body.payload).toEqual(['vip', 'billing']);
    res = await acme.api.get(`${base}/contacts`, { 'labels[]': 'vip' });
    expect(res.body.payload.map((c: any) => c.id)).toEqual([contact.id]);
  });

  it('keeps notes with their author', async () => {
    const contact = await create({ name: 'Noted', email: 'noted@example.com' });
    const created = await acme.api.post(`${base}/contacts/${contact.id}/notes`, {
      note: { content: 'Called, wants refund' },
    });
    expect(created.status).toBe(200);
    expect(created.body).toMatchObject({ content: 'Called, wants refund', user: { id: acme.user_id } });
    const updated = await acme.api.patch(`${base}/contacts/${contact.id}/notes/${created.body.id}`, {
      content: 'Refunded',
    });
    expect(updated.body.content).toBe('Refunded');
    const list = await acme.api.get(`${base}/contacts/${contact.id}/notes`);
    expect(list.body).toHaveLength(1);
    expect((await acme.api.delete(`${base}/contacts/${contact.id}/notes/${created.body.id}`)).status).toBe(200);
    expect((await acme.api.get(`${base}/contacts/${contact.id}/notes/${created.body.id}`)).status).toBe(404);
  });

  it('opens contact inboxes and finds a contact by source id', async () => {
    const contact = await create({ name: 'Routed', email: 'routed@example.com' });
    const res = await acme.api.post(`${base}/contacts/${contact.id}/contact_inboxes`, {
      inbox_id: inbox.id,
      source_id: 'ext-123',
    });
    expect(res).toMatchObject({ status: 200, body: { source_id: 'ext-123', inbox: { id: inbox.id } } });
    const found = await acme.api.post(`${base}/contact_inboxes/filter`, { inbox_id: inbox.id, source_id: 'ext-123' });
    expect(found).toMatchObject({ status: 200, body: { id: contact.id } });
    const missing = await acme.api.post(`${base}/contact_inboxes/filter`, { inbox_id: inbox.id, source_id: 'nope' });
    expect(missing.status).toBe(404);
    expect(missing.text).toBe('');
    const contactable = await acme.api.get(`${base}/contacts/${contact.id}/contactable_inboxes`);
    expect(contactable.body.payload).toEqual([expect.objectContaining({ source_id: 'ext-123' })]);
  });

  it('merges two contacts into the base', async () => {
    const baseContact = await create({ name: 'Base', email: 'base@example.com', custom_attributes: { tier: 'gold' } });
    const mergee = await create({
      name: 'Mergee',
      phone_number: '+15550001111',
      custom_attributes: { tier: 'x', extra: 1 },
    });
    const res = await acme.api.post(`${base}/actions/contact_merge`, {
      base_contact_id: baseContact.id,
      mergee_contact_id: mergee.id,
    });
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      id: baseContact.id,
      phone_number: '+15550001111',
      custom_attributes: { tier: 'gold', extra: 1 },
    });
    expect((await acme.api.get(`${base}/contacts/${mergee.id}`)).status).toBe(404);
  });

  it('deletes as administrator only', async () => {
    const contact = await create({ name: 'Doomed', email: 'doomed@example.com' });
    const agent = await ctx.member(acme.account_id, 'agent');
    expect((await agent.api.delete(`${base}/contacts/${contact.id}`)).status).toBe(401);
    const res = await acme.api.delete(`${base}/contacts/${contact.id}`);
    expect(res.status).toBe(200);
    expect(res.text).toBe('');
    expect((await acme.api.get(`${base}/contacts/${contact.id}`)).status).toBe(404);
  });

  it('never shows a contact of another account', async () => {
    const theirs = (
      await globex.api.post(`/api/v1/accounts/${globex.account_id}/contacts`, {
        name: 'Secret',
        email: 'secret@globex.test',
      })
    ).body.payload.contact;
    for (const res of [
      await acme.api.get(`${base}/contacts/${theirs.id}`),
      await acme.api.patch(`${base}/contacts/${theirs.id}`, { name: 'pwned' }),
      await acme.api.delete(`${base}/contacts/${theirs.id}`),
      await acme.api.get(`${base}/contacts/${theirs.id}/labels`),
      await acme.api.get(`${base}/contacts/${theirs.id}/notes`),
    ]) {
      expect(res).toMatchObject({ status: 404, body: { error: 'Resource could not be found' } });
    }
    const search = await acme.api.get(`${base}/contacts/search`, { q: 'secret' });
    expect(search.body.payload).toEqual([]);
  });

  it('rejects malformed ids and bodies with 4xx', async () => {
    expect((await acme.api.get(`${base}/contacts/abc`)).status).toBe(422);
    expect((await acme.api.post(`${base}/contacts`, '{"name":')).status).toBe(400);
    expect((await acme.api.post(`${base}/contacts`, { custom_attributes: 'nope' })).status).toBe(422);
  });
});
