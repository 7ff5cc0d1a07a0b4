import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { formData, PNG_PIXEL } from '../../../../../test/helpers/multipart.ts';
import { MAX_IMPORT_ROWS } from '../../../../domain/contacts/import.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const agent = await ctx.member(acme.account_id, 'agent');
const base = `/api/v1/accounts/${acme.account_id}`;
const db = ctx.database.db;

async function upload(
  body: string | Buffer,
  options: { token?: string; path?: string; field?: string; filename?: string } = {},
) {
  const form = formData({}, [
    { field: options.field ?? 'import_file', filename: options.filename ?? 'contacts.csv', type: 'text/csv', body },
  ]);
  const res = await ctx.app.inject({
    method: 'POST',
    url: options.path ?? `${base}/contacts/import`,
    headers: { api_access_token: options.token ?? acme.api_access_token, 'content-type': form.contentType },
    payload: form.payload,
  });
  return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined };
}

async function create(body: Record<string, unknown>) {
  const res = await acme.api.post(`${base}/contacts`, body);
  expect(res.status).toBe(200);
  return res.body.payload.contact;
}

const contactsOf = (accountId: number) =>
  db.selectFrom('contacts').selectAll().where('account_id', '=', accountId).orderBy('id').execute();

describe('POST /contacts/import', () => {
  it('creates and updates by identifier, email or phone, skips invalid rows with the reason, and fires contact events', async () => {
    const jane = await create({
      name: 'Jane',
      identifier: 'crm-1',
      email: 'jane@example.com',
      custom_attributes: { plan: 'free', region: 'eu' },
    });
    const byPhone = await create({ name: 'Phone Only', phone_number: '+15550009999' });
    const seqBefore =
      (
        await db
          .selectFrom('events')
          .select((eb) => eb.fn.max('seq').as('seq'))
          .where('account_id', '=', acme.account_id)
          .executeTakeFirst()
      )?.seq ?? 0;
    // A BOM, CRLF line ends, quoted commas, doubled quotes and a newline inside quotes.
    const csv = [
      '\uFEFFname,Email,phone_number,identifier,plan,labels',
      'Jane Updated,,,crm-1,gold,vip',
      '"Roe, John",JOHN@example.com,+1 (555) 000-1111,,"says ""hi""",',
      'Bad Email,not-an-email,,,x,',
      'Dup,john@example.com,,,,',
      'Nobody,,,,,',
      'Phone Person,,+15550009999,,"multi',
      'line",',
      ',,,,,',
      'Ann,ann@example.com,,crm-2,,"vip,billing"',
    ].join('\r\n');
    const res = await upload(csv);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({
      created: 2,
      updated: 2,
      unchanged: 0,
      skipped: [
        { row: 4, error: 'Email is invalid' },
        { row: 5, error: 'Duplicate of row 3 (same email)' },
        { row: 6, error: 'A row needs an email, phone_number or identifier' },
      ],
    });

    const contacts = await contactsOf(acme.account_id);
    const updatedJane = contacts.find((c) => c.id === jane.id)!;
    expect(updatedJane).toMatchObject({
      name: 'Jane Updated',
      email: 'jane@example.com',
      labels: ['vip'],
      custom_attributes: { plan: 'gold', region: 'eu' },
    });
    expect(contacts.find((c) => c.id === byPhone.id)).toMatchObject({
      name: 'Phone Person',
      custom_attributes: { plan: 'multi\r\nline' },
    }); // a line end inside quotes is kept as written
    expect(contacts.find((c) => c.email === 'john@example.com')).toMatchObject({
      name: 'Roe, John',
      phone_number: '+15550001111',
      custom_attributes: { plan: 'says "hi"' },
      contact_type: 'lead',
    });
    expect(contacts.find((c) => c.identifier === 'crm-2')).toMatchObject({ name: 'Ann', labels: ['vip', 'billing'] });

    // As for any contact change: contact_created for the new ones, contact_updated with what changed.
    const events = await db
      .selectFrom('events')
      .select(['name', 'contact_id', 'data'])
      .where('account_id', '=', acme.account_id)
      .where('seq', '>', Number(seqBefore))
      .orderBy('seq')
      .execute();
    expect(events.filter((e) => e.name === 'contact.created')).toHaveLength(2);
    const janeEvent = events.find((e) => e.name === 'contact.updated' && e.contact_id === jane.id)!;
    expect(janeEvent.data.changed_attributes).toMatchObject({
      name: { previous_value: 'Jane', current_value: 'Jane Updated' },
      labels: { current_value: ['vip'] },
    });
    // visible through the API like any contact
    const search = await acme.api.get(`${base}/contacts/search`, { q: 'Roe, John' });
    expect(search.body.payload).toHaveLength(1);
  });

  it('matches by identifier before email before phone, and skips a row whose other fields belong to another contact', async () => {
    const a = await create({ name: 'A', identifier: 'order-a', email: 'a@example.com' });
    const b = await create({ name: 'B', email: 'b@example.com', phone_number: '+15550004444' });
    const csv = 'identifier,email,phone_number,name\norder-a,b@example.com,,Clash\n,,+15550004444,B by phone\n';
    const res = await upload(csv);
    expect(res.body).toEqual({
      created: 0,
      updated: 1,
      unchanged: 0,
      skipped: [{ row: 2, error: `Email belongs to another contact (#${b.id})` }],
    });
    const rows = await contactsOf(acme.account_id);
    expect(rows.find((c) => c.id === a.id)?.name).toBe('A');
    expect(rows.find((c) => c.id === b.id)?.name).toBe('B by phone');
  });

  it('reads back its own export: nothing changes', async () => {
    const exported = await acme.api.get(`${base}/contacts/export`);
    const before = await contactsOf(acme.account_id);
    const res = await upload(exported.text);
    expect(res.status).toBe(200);
    expect(res.body).toEqual({ created: 0, updated: 0, unchanged: before.length, skipped: [] });
    expect(await contactsOf(acme.account_id)).toEqual(before);
  });

  it('refuses what is not an importable file with a 4xx in Chatwoot’s shape', async () => {
    let res = await upload('');
    expect(res).toMatchObject({ status: 422, body: { error: 'File is blank' } });
    const json = await acme.api.post(`${base}/contacts/import`, {});
    expect(json).toMatchObject({ status: 422, body: { error: 'File is blank' } });
    res = await upload('name,email\n', { field: 'attachments[]' });
    expect(res).toMatchObject({ status: 422, body: { error: 'File is blank' } });
    res = await upload('name,company\nJane,Acme\n');
    expect(res).toMatchObject({
      status: 422,
      body: { error: expect.stringMatching(/email, phone_number or identifier column/) },
    });
    res = await upload('email,email\na@example.com,b@example.com\n');
    expect(res).toMatchObject({ status: 422, body: { error: expect.stringMatching(/more than once/) } });
    res = await upload('name,email\nJane,"jane@example.com\nBob,bob@example.com\n');
    expect(res).toMatchObject({ status: 422, body: { error: expect.stringMatching(/record 2 is never closed/) } });
    res = await upload(PNG_PIXEL, { filename: 'contacts.png' });
    expect(res).toMatchObject({ status: 415, body: { error: expect.stringMatching(/CSV/) } });
    res = await upload(Buffer.from('email\n', 'utf16le'));
    expect(res).toMatchObject({ status: 415, body: { error: expect.stringMatching(/UTF-8/) } });
  });

  it(`imports at most ${MAX_IMPORT_ROWS} rows: a longer file is refused with 413 and nothing is written`, async () => {
    const before = (await contactsOf(acme.account_id)).length;
    const rows = Array.from({ length: MAX_IMPORT_ROWS + 1 }, (_, i) => `bulk-${i}@example.com`);
    const res = await upload(['email', ...rows].join('\n'));
    expect(res).toMatchObject({ status: 413, body: { error: expect.stringMatching(/10000 rows/) } });
    expect(await contactsOf(acme.account_id)).toHaveLength(before);
  });

  it(`a file of ${MAX_IMPORT_ROWS} rows imports in batches with a constant number of statements per batch`, async () => {
    const big = await ctx.account('Big');
    const rows = Array.from({ length: MAX_IMPORT_ROWS }, (_, i) => `Contact ${i},big-${i}@example.com`);
    const before = ctx.database.counter.count;
    const res = await upload(['name,email', ...rows].join('\n'), {
      token: big.api_access_token,
      path: `/api/v1/accounts/${big.account_id}/contacts/import`,
    });
    const statements = ctx.database.counter.count - before;
    expect(res.body).toMatchObject({ created: MAX_IMPORT_ROWS, updated: 0, skipped: [] });
    expect(await contactsOf(big.account_id)).toHaveLength(MAX_IMPORT_ROWS);
    expect(statements).toBeLessThan(200);
  });

  it('is for administrators of the account: agents and other accounts are refused, nothing is written', async () => {
    const before = (await contactsOf(acme.account_id)).length;
    let res = await upload('email\nsneaky@example.com\n', { token: agent.token });
    expect(res).toMatchObject({ status: 401, body: { error: expect.any(String) } });
    res = await upload('email\nsneaky@example.com\n', { token: globex.api_access_token });
    expect(res.status).toBe(401);
    expect(await contactsOf(acme.account_id)).toHaveLength(before);
    expect(await contactsOf(globex.account_id)).toHaveLength(0);
  });
});
