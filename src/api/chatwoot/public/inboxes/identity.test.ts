import crypto from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { sql } from 'kysely';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { conversationFixture } from '../../../../../test/helpers/fixtures.ts';
import { insertInbox } from '../../../../domain/inboxes/repository.ts';

/**
 * Issue 11 item 9: the Client API hands an existing contact only to a caller who proves its identity with
 * identifier_hash; anyone else gets a contact of their own, and never another contact's details. With the
 * inbox's hmac_mandatory on, every call naming a contact needs that proof.
 */
const ctx = await createTestContext();
const db = ctx.database.db;
const f = await conversationFixture(ctx, 'Acme');
const visitor = ctx.client();
const inboxPath = `/public/api/v1/inboxes/${f.inbox.identifier}`;
const hashOf = (identifier: string, token = f.inbox.hmac_token) =>
  crypto.createHmac('sha256', token).update(identifier).digest('hex');

// A customer the account knows by its CRM id, with personal details.
const customer = (
  await f.api.post(`${f.base}/contacts`, {
    name: 'Carla Customer',
    identifier: 'crm-77',
    email: 'carla@private.example',
    phone_number: '+15557770000',
  })
).body.payload.contact;

async function customerRow() {
  return db
    .selectFrom('contacts')
    .select(['name', 'email', 'phone_number', 'identifier', 'custom_attributes'])
    .where('id', '=', customer.id)
    .executeTakeFirstOrThrow();
}

describe('Client API identity, HMAC optional (the default)', () => {
  it('gives a caller naming a known identifier without its hash a new contact, and none of the customer’s details', async () => {
    const before = await customerRow();
    const res = await visitor.post(`${inboxPath}/contacts`, { identifier: 'crm-77', name: 'Mallory' });
    expect(res.status).toBe(200);
    expect(res.body.id).not.toBe(customer.id);
    expect(res.text).not.toContain('carla@private.example');
    expect(res.text).not.toContain('+15557770000');
    // The source id it got reaches only its own contact.
    const patched = await visitor.patch(`${inboxPath}/contacts/${res.body.source_id}`, {
      name: 'Owned',
      email: 'mallory@example.com',
      custom_attributes: { owned: true },
    });
    expect(patched.body.id).toBe(res.body.id);
    expect((await visitor.get(`${inboxPath}/contacts/${res.body.source_id}`)).body.id).toBe(res.body.id);
    expect(await customerRow()).toEqual(before);
    // An unproven identifier is not stored either: nobody can claim a customer's identity before they arrive.
    const created = await db
      .selectFrom('contacts')
      .select('identifier')
      .where('id', '=', res.body.id)
      .executeTakeFirstOrThrow();
    expect(created.identifier).toBeNull();
  });

  it('answers a taken email or phone like a free one: a contact of the caller’s own, the address kept as unverified', async () => {
    const taken = await visitor.post(`${inboxPath}/contacts`, {
      name: 'Maybe Carla',
      email: 'CARLA@private.example',
      phone_number: '+15557770000',
    });
    const free = await visitor.post(`${inboxPath}/contacts`, { name: 'Someone', email: 'someone-new@example.com' });
    expect(taken.status).toBe(200);
    expect(free.status).toBe(200);
    expect(Object.keys(taken.body).sort()).toEqual(Object.keys(free.body).sort()); // nothing tells the two apart
    expect(taken.body.id).not.toBe(customer.id);
    expect(taken.text).not.toContain('Carla Customer');
    const row = await db
      .selectFrom('contacts')
      .select(['email', 'phone_number', 'additional_attributes'])
      .where('id', '=', taken.body.id)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      email: null,
      phone_number: null,
      additional_attributes: { unverified_email: 'CARLA@private.example', unverified_phone_number: '+15557770000' },
    });
    // nor can its owner move the customer's address onto it later
    const patched = await visitor.patch(`${inboxPath}/contacts/${taken.body.source_id}`, {
      email: 'carla@private.example',
    });
    expect(patched.status).toBe(200);
    expect(
      (await db.selectFrom('contacts').select('email').where('id', '=', taken.body.id).executeTakeFirstOrThrow()).email,
    ).toBeNull();
    expect(await customerRow()).toMatchObject({ email: 'carla@private.example', phone_number: '+15557770000' });
  });

  it('joins the customer’s contact only with a valid identifier_hash, and answers 401 for a wrong one', async () => {
    const wrong = await visitor.post(`${inboxPath}/contacts`, {
      identifier: 'crm-77',
      identifier_hash: hashOf('crm-78'),
    });
    expect(wrong).toMatchObject({ status: 401 });
    const proven = await visitor.post(`${inboxPath}/contacts`, {
      identifier: 'crm-77',
      identifier_hash: hashOf('crm-77'),
    });
    expect(proven).toMatchObject({ status: 200, body: { id: customer.id, email: 'carla@private.example' } });
    const row = await db
      .selectFrom('contact_inboxes')
      .select('hmac_verified')
      .where('source_id', '=', proven.body.source_id)
      .executeTakeFirstOrThrow();
    expect(row.hmac_verified).toBe(true);
  });

  it('checks an identifier_hash on update against the contact’s own identifier', async () => {
    const own = (await visitor.post(`${inboxPath}/contacts`, { name: 'Olga' })).body;
    expect(
      await visitor.patch(`${inboxPath}/contacts/${own.source_id}`, {
        identifier: 'crm-77',
        identifier_hash: hashOf('crm-77'),
        name: 'x',
      }),
    ).toMatchObject({ status: 401 });
    expect((await customerRow()).name).toBe('Carla Customer');
  });
});

describe('Client API identity, hmac_mandatory on', () => {
  const strict = { inbox: undefined as unknown as Awaited<ReturnType<typeof insertInbox>>, path: '' };

  it('requires a valid identifier_hash to create a contact', async () => {
    strict.inbox = await insertInbox(db, f.account.account_id, { name: 'Strict API', channel_type: 'Channel::Api' });
    await db
      .updateTable('inboxes')
      .set({ channel: sql`channel || '{"hmac_mandatory": true}'::jsonb` })
      .where('id', '=', strict.inbox.id)
      .execute();
    strict.path = `/public/api/v1/inboxes/${strict.inbox.identifier}`;
    expect((await visitor.post(`${strict.path}/contacts`, { name: 'Anonymous' })).status).toBe(401);
    expect((await visitor.post(`${strict.path}/contacts`, { identifier: 'crm-77' })).status).toBe(401);
    const proven = await visitor.post(`${strict.path}/contacts`, {
      identifier: 'crm-77',
      identifier_hash: hashOf('crm-77', strict.inbox.hmac_token),
    });
    expect(proven).toMatchObject({ status: 200, body: { id: customer.id } });
  });

  it('requires it to show or update the contact, and to reuse a source id', async () => {
    const source = (
      await visitor.post(`${strict.path}/contacts`, {
        identifier: 'crm-77',
        identifier_hash: hashOf('crm-77', strict.inbox.hmac_token),
      })
    ).body.source_id;
    const contactPath = `${strict.path}/contacts/${source}`;
    expect((await visitor.get(contactPath)).status).toBe(401);
    expect(
      (await visitor.get(contactPath, { identifier_hash: hashOf('crm-77', strict.inbox.hmac_token) })).status,
    ).toBe(200);
    expect((await visitor.patch(contactPath, { name: 'Renamed' })).status).toBe(401);
    expect(
      (
        await visitor.patch(contactPath, {
          name: 'Carla C.',
          identifier_hash: hashOf('crm-77', strict.inbox.hmac_token),
        })
      ).status,
    ).toBe(200);
    expect((await visitor.post(`${strict.path}/contacts`, { source_id: source })).status).toBe(401);
    expect(
      (
        await visitor.post(`${strict.path}/contacts`, {
          source_id: source,
          identifier: 'crm-77',
          identifier_hash: hashOf('crm-77', strict.inbox.hmac_token),
        })
      ).status,
    ).toBe(200);
    // A verified contact inbox opens conversations with its source id.
    expect((await visitor.post(`${contactPath}/conversations`, {})).status).toBe(200);
  });

  it('refuses a source id whose identity was never proven (a contact inbox opened by an agent)', async () => {
    const opened = await f.api.post(`${f.base}/contacts/${customer.id}/contact_inboxes`, {
      inbox_id: strict.inbox.id,
      source_id: 'carla-phone',
    });
    expect(opened.status).toBe(200);
    const path = `${strict.path}/contacts/carla-phone`;
    expect((await visitor.get(path)).status).toBe(401);
    expect((await visitor.get(`${path}/conversations`)).status).toBe(401);
    expect((await visitor.post(`${path}/conversations`, {})).status).toBe(401);
  });
});

describe('widget API', () => {
  it('gives every visitor without a valid auth token a new, anonymous contact, also under hmac_mandatory', async () => {
    const widget = await insertInbox(db, f.account.account_id, { name: 'Website', channel_type: 'Channel::WebWidget' });
    await db
      .updateTable('inboxes')
      .set({ channel: sql`channel || '{"hmac_mandatory": true}'::jsonb` })
      .where('id', '=', widget.id)
      .execute();
    const first = await visitor.post(`/api/v1/widget/config?website_token=${widget.identifier}`);
    const second = await ctx
      .client(undefined, { 'x-auth-token': 'forged.token.here' })
      .post(`/api/v1/widget/config?website_token=${widget.identifier}`);
    expect(first.status).toBe(200);
    expect(second.status).toBe(200);
    expect(second.body.contact.id).not.toBe(first.body.contact.id);
    expect([first.body.contact.id, second.body.contact.id]).not.toContain(customer.id);
  });
});
