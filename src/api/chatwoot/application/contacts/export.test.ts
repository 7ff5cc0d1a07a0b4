import { describe, expect, it } from 'vitest';
import { createTestContext } from '../../../../../test/helpers/context.ts';
import { parseCsv } from '../../../../domain/csv/parse.ts';
import { EXPORT_PAGE_SIZE } from '../../../../domain/contacts/export.ts';

const ctx = await createTestContext();
const acme = await ctx.account('Acme');
const globex = await ctx.account('Globex');
const agent = await ctx.member(acme.account_id, 'agent');
const base = `/api/v1/accounts/${acme.account_id}`;

async function create(body: Record<string, unknown>) {
  const res = await acme.api.post(`${base}/contacts`, body);
  expect(res.status).toBe(200);
  return res.body.payload.contact;
}

const jane = await create({
  name: 'Jane Roe',
  email: 'jane@example.com',
  phone_number: '+15551230000',
  identifier: 'crm-1',
  custom_attributes: { plan: 'pro', seats: 5 },
});
await acme.api.post(`${base}/contacts/${jane.id}/labels`, { labels: ['vip', 'billing'] });
const evil = await create({
  name: '=HYPERLINK("http://evil.example","click")',
  email: 'evil@example.com',
  custom_attributes: { note: '-1+2' },
});
// No email, phone or identifier: Chatwoot's list hides such contacts, the export still has them.
const nameless = await create({ name: 'Visitor, "anonymous"\nsecond line' });
await globex.api.post(`/api/v1/accounts/${globex.account_id}/contacts`, {
  name: 'Globex Only',
  email: 'other@globex.example',
});

function table(text: string) {
  const [header, ...rows] = parseCsv(text).filter((r) => r.join('') !== '');
  return { header, rows: rows.map((r) => Object.fromEntries(header.map((h, i) => [h, r[i]]))) };
}

describe('GET /contacts/export', () => {
  it('answers every contact of the account as a CSV download, custom attributes as columns', async () => {
    const res = await acme.api.get(`${base}/contacts/export`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(res.headers['content-disposition']).toBe('attachment; filename="Acme_' + acme.account_id + '_contacts.csv"');
    const { header, rows } = table(res.text);
    expect(header).toEqual([
      'id',
      'name',
      'email',
      'phone_number',
      'identifier',
      'labels',
      'created_at',
      'last_activity_at',
      'note',
      'plan',
      'seats',
    ]);
    expect(rows.map((r) => r.id)).toEqual([String(jane.id), String(evil.id), String(nameless.id)]);
    expect(rows[0]).toMatchObject({
      name: 'Jane Roe',
      email: 'jane@example.com',
      phone_number: "'+15551230000", // guarded like any cell starting with +
      identifier: 'crm-1',
      labels: 'vip,billing',
      plan: 'pro',
      seats: '5',
      note: '',
      last_activity_at: '',
    });
    expect(Math.floor(new Date(rows[0].created_at).getTime() / 1000)).toBe(jane.created_at);
    expect(rows[2].name).toBe('Visitor, "anonymous"\nsecond line');
    expect(res.text).not.toContain('Globex Only');
  });

  it('guards formula injection: cells starting with = + - @ are prefixed with a quote', async () => {
    const { rows } = table((await acme.api.get(`${base}/contacts/export`)).text);
    const row = rows.find((r) => r.id === String(evil.id))!;
    expect(row.name).toBe(`'=HYPERLINK("http://evil.example","click")`);
    expect(row.note).toBe("'-1+2");
  });

  it('narrows to a label and to the columns asked for', async () => {
    const res = await acme.api.get(`${base}/contacts/export`, {
      label: 'vip',
      'column_names[]': ['name', 'email', 'plan', 'no_such_column'],
    });
    expect(res.status).toBe(200);
    const { header, rows } = table(res.text);
    expect(header).toEqual(['name', 'email', 'plan']);
    expect(rows).toEqual([{ name: 'Jane Roe', email: 'jane@example.com', plan: 'pro' }]);
  });

  it('pages through the contacts: one more statement per page, whatever the page holds', async () => {
    const db = ctx.database.db;
    const big = await ctx.account('Big');
    const small = await ctx.account('Small');
    const rows = (accountId: number, n: number) =>
      Array.from({ length: n }, (_, i) => ({
        account_id: accountId,
        name: `Contact ${i}`,
        email: `c${i}@${accountId}.example`,
        custom_attributes: { n: i },
      }));
    await db
      .insertInto('contacts')
      .values(rows(big.account_id, EXPORT_PAGE_SIZE * 2 + 5))
      .execute();
    await db.insertInto('contacts').values(rows(small.account_id, 3)).execute();

    const statements = async (account: typeof big) => {
      const before = ctx.database.counter.count;
      const res = await account.api.get(`/api/v1/accounts/${account.account_id}/contacts/export`);
      expect(res.status).toBe(200);
      return { count: ctx.database.counter.count - before, rows: table(res.text).rows };
    };
    const one = await statements(small);
    const three = await statements(big);
    expect(one.rows).toHaveLength(3);
    expect(three.rows).toHaveLength(EXPORT_PAGE_SIZE * 2 + 5);
    expect(new Set(three.rows.map((r) => r.id)).size).toBe(three.rows.length);
    expect(three.count - one.count).toBe(2);
  });

  it('is for administrators: an agent and another account’s administrator are refused in Chatwoot’s shape', async () => {
    const res = await agent.api.get(`${base}/contacts/export`);
    expect(res.status).toBe(401);
    expect(res.body).toEqual({ error: expect.any(String) });
    expect((await agent.api.post(`${base}/contacts/export`, {})).status).toBe(401);
    const other = await globex.api.get(`${base}/contacts/export`);
    expect(other.status).toBe(401);
    expect(other.text).not.toContain('Jane');
  });

  it('refuses bad input with a 4xx', async () => {
    let res = await acme.api.get(`${base}/contacts/export`, { label: 'x'.repeat(300) });
    expect(res).toMatchObject({ status: 422, body: { message: expect.stringMatching(/label/) } });
    res = await acme.api.post(`${base}/contacts/export`, {
      payload: [{ attribute_key: 'nope', filter_operator: 'equal_to', values: ['x'] }],
    });
    expect(res).toMatchObject({ status: 422, body: { error: expect.stringMatching(/Invalid attribute key/) } });
  });
});

describe('POST /contacts/export (Chatwoot’s route)', () => {
  it('without SMTP configured, answers the CSV itself; a filter payload narrows it', async () => {
    const res = await acme.api.post(`${base}/contacts/export`, {
      column_names: ['id', 'email'],
      payload: [{ attribute_key: 'email', filter_operator: 'contains', values: ['evil'], query_operator: null }],
    });
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('text/csv; charset=utf-8');
    expect(table(res.text)).toEqual({
      header: ['id', 'email'],
      rows: [{ id: String(evil.id), email: 'evil@example.com' }],
    });
  });
});
