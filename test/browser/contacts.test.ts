import fs from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Locator, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import {
  chromiumUnavailable,
  PHONE_DARK,
  poll,
  screenshot,
  signedInBrowser,
  signedInPage,
  until,
} from '../helpers/browser.ts';
import { parseCsv } from '../../src/domain/csv/parse.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Acme');
const { api, base, account, inbox } = f;
for (const title of ['vip', 'billing']) await api.post(`${base}/labels`, { title });

async function contact(body: Record<string, unknown>, labels: string[] = []) {
  const res = await api.post(`${base}/contacts`, body);
  if (res.status !== 200) throw new Error(res.text);
  const created = res.body.payload.contact;
  if (labels.length) await api.post(`${base}/contacts/${created.id}/labels`, { labels });
  return created;
}
const zoe = await contact({ name: 'Zoe Vip', email: 'zoe@example.com' }, ['vip']);
const max = await contact({ name: 'Max Phone', phone_number: '+15550001111' });
const bella = await contact({ name: 'Base Bella', email: 'bella@example.com' });
const mike = await contact({ name: 'Mergee Mike', email: 'mike@example.com', inbox_id: inbox.id }, ['billing']);
const mikesConversation = (
  await api.post(`${base}/conversations`, {
    inbox_id: inbox.id,
    contact_id: mike.id,
    message: { content: 'Mike here' },
  })
).body;
await api.post(`${base}/contacts/${mike.id}/notes`, { content: 'Prefers email' });
const dan = await contact({ name: 'Doomed Dan', email: 'dan@example.com' });
// Jane writes in: her last activity is now (a contact's activity is the messages it sends).
await f.incoming((await f.openConversation()).id, 'Hello from Jane');

const agent = await ctx.member(account.account_id, 'agent', 'Pat Agent');
const agentEmail = (
  await ctx.database.db.selectFrom('users').select('email').where('id', '=', agent.userId).executeTakeFirstOrThrow()
).email;
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });
const contactsUrl = `${origin}/app/accounts/${account.account_id}/contacts`;

const list = (page: Page): Locator => page.getByRole('list', { name: 'Contacts', exact: true });
const names = (page: Page) => list(page).locator('.row-name').allTextContents();
const row = (page: Page, id: number) => page.locator(`[data-contact-id="${id}"]`);
const panel = (page: Page) => page.getByRole('complementary', { name: 'Contact' });

describe.skipIf(Boolean(unavailable))('the contacts page in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ({ browser, page, errors } = await signedInBrowser(origin, account.email, account.password));
  });
  afterAll(async () => {
    await browser?.close();
  });

  it('lists contacts with their labels; search as you type, filter by label and by has-phone, sort', async () => {
    await page.getByRole('navigation', { name: 'Main' }).getByRole('link', { name: 'Contacts' }).click();
    await page.waitForURL(/\/contacts$/);
    await row(page, zoe.id).waitFor();
    await poll(() => row(page, zoe.id).textContent()).toMatch(/Zoe Vip.*zoe@example\.com.*vip/);
    await poll(() => page.getByText(/^\d+ contacts$/).textContent()).toBe('6 contacts');
    expect((await names(page))[0]).toBe('Jane Roe'); // latest activity first
    expect(await row(page, f.contact.id).locator('.activity').textContent()).toBe('now');
    await screenshot(page, 'contacts');

    const search = page.getByRole('searchbox', { name: 'Search name, email, phone or identifier' });
    await search.fill('zoe');
    await poll(() => names(page)).toEqual(['Zoe Vip']);
    await search.fill('');
    await page.getByRole('combobox', { name: 'Label', exact: true }).selectOption('billing');
    await poll(() => names(page)).toEqual(['Mergee Mike']);
    await page.getByRole('combobox', { name: 'Label', exact: true }).selectOption('');
    await page.getByRole('checkbox', { name: 'Has phone' }).check();
    await poll(() => names(page)).toEqual(['Max Phone']);
    await page.getByRole('button', { name: 'Clear filters' }).click();
    await page.getByRole('combobox', { name: 'Sort' }).selectOption('name');
    await poll(() => names(page)).toEqual([
      'Base Bella',
      'Doomed Dan',
      'Jane Roe',
      'Max Phone',
      'Mergee Mike',
      'Zoe Vip',
    ]);
    expect(errors).toEqual([]);
  });

  it('opens a contact and edits it in the panel: the API has the change and the list follows', async () => {
    await row(page, zoe.id).click();
    await page.waitForURL(new RegExp(`/contacts/${zoe.id}$`));
    await panel(page).getByRole('button', { name: 'Edit contact' }).click();
    await panel(page).getByLabel('Name', { exact: true }).fill('Zoe Updated');
    await panel(page).getByLabel('Phone', { exact: true }).fill('+15550002222');
    await panel(page).getByRole('button', { name: 'Save' }).click();
    await until(
      () => api.get(`${base}/contacts/${zoe.id}`),
      (res) => res.body.payload.name === 'Zoe Updated' && res.body.payload.phone_number === '+15550002222',
      'the edited contact',
    );
    await poll(() => row(page, zoe.id).textContent()).toMatch(/Zoe Updated/);
    await panel(page).getByRole('combobox', { name: 'Add a contact label' }).selectOption('billing');
    await until(
      () => api.get(`${base}/contacts/${zoe.id}/labels`),
      (res) => res.body.payload.includes('billing'),
      'the added label',
    );
    await poll(() => row(page, zoe.id).textContent()).toMatch(/vipbilling/);
    await screenshot(page, 'contacts-detail');
    expect(errors).toEqual([]);
  });

  it('merges two contacts: the dialog says who stays; the mergee is gone and its conversation moved', async () => {
    await page.getByRole('checkbox', { name: 'Select Mergee Mike' }).check();
    await page.getByRole('checkbox', { name: 'Select Base Bella' }).check();
    await page.getByRole('group', { name: 'Selected contacts' }).getByRole('button', { name: 'Merge…' }).click();
    const dialog = page.getByRole('dialog', { name: 'Merge two contacts' });
    await dialog.getByRole('radio', { name: /Base Bella/ }).check();
    await poll(() => dialog.textContent()).toMatch(
      /Mergee Mike’s conversations, notes and labels move to Base Bella.*Then Mergee Mike is deleted/,
    );
    await screenshot(page, 'contacts-merge');
    await dialog.getByRole('button', { name: 'Merge into Base Bella' }).click();
    await until(
      () => api.get(`${base}/contacts/${mike.id}`),
      (res) => res.status === 404,
      'the mergee gone',
    );
    const moved = await api.get(`${base}/conversations/${mikesConversation.id}`);
    expect(moved.body.meta.sender.id).toBe(bella.id);
    expect((await api.get(`${base}/contacts/${bella.id}/labels`)).body.payload).toEqual(['billing']);
    await page.waitForURL(new RegExp(`/contacts/${bella.id}$`));
    await row(page, mike.id).waitFor({ state: 'detached' });
    await poll(() => panel(page).textContent()).toMatch(/Prefers email/); // the note came along
    expect(errors).toEqual([]);
  });

  it('deletes a contact after asking; the list updates', async () => {
    await row(page, dan.id).click();
    await panel(page).getByRole('button', { name: 'Delete contact' }).click();
    await panel(page)
      .getByRole('group', { name: /Delete Doomed Dan, with their conversations/ })
      .getByRole('button', { name: 'Yes, delete' })
      .click();
    await until(
      () => api.get(`${base}/contacts/${dan.id}`),
      (res) => res.status === 404,
      'the deleted contact',
    );
    await row(page, dan.id).waitFor({ state: 'detached' });
    await page.waitForURL(/\/contacts$/);
    expect(errors).toEqual([]);
  });

  it('imports a CSV file and shows what it created, updated and skipped', async () => {
    await page.getByRole('button', { name: 'Import CSV' }).click();
    const dialog = page.getByRole('dialog', { name: 'Import contacts from a CSV file' });
    const csv =
      'name,email,phone_number,plan\r\nImported Ivy,ivy@example.com,,gold\r\n"Broken, Bob",not-an-email,,\r\nMax Renamed,,+15550001111,silver\r\n';
    await dialog
      .getByLabel('CSV file')
      .setInputFiles({ name: 'contacts.csv', mimeType: 'text/csv', buffer: Buffer.from(csv) });
    await dialog.getByRole('button', { name: 'Upload and import' }).click();
    await poll(() => dialog.getByRole('status').textContent()).toBe('1 created, 1 updated, 0 unchanged, 1 skipped.');
    expect(await dialog.getByRole('list', { name: 'Skipped rows' }).textContent()).toBe('Row 3: Email is invalid');
    await screenshot(page, 'contacts-import');
    await dialog.getByRole('button', { name: 'Done' }).click();
    await poll(() => names(page)).toContain('Imported Ivy');
    await poll(() => names(page)).toContain('Max Renamed');
    const ivy = (await api.get(`${base}/contacts/search`, { q: 'ivy@example.com' })).body.payload[0];
    expect(ivy).toMatchObject({ name: 'Imported Ivy', custom_attributes: { plan: 'gold' } });
    expect((await api.get(`${base}/contacts/${max.id}`)).body.payload).toMatchObject({
      name: 'Max Renamed',
      custom_attributes: { plan: 'silver' },
    });
    expect(errors).toEqual([]);
  });

  it('exports the contacts as a CSV download', async () => {
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: 'Export CSV' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe(`Acme_${account.account_id}_contacts.csv`);
    const [header, ...rows] = parseCsv(fs.readFileSync((await download.path())!, 'utf8')).filter(
      (r) => r.join('') !== '',
    );
    expect(header.slice(0, 8)).toEqual([
      'id',
      'name',
      'email',
      'phone_number',
      'identifier',
      'labels',
      'created_at',
      'last_activity_at',
    ]);
    expect(header).toContain('plan');
    const byName = Object.fromEntries(rows.map((r) => [r[1], r]));
    expect(Object.keys(byName).sort()).toEqual([
      'Base Bella',
      'Imported Ivy',
      'Jane Roe',
      'Max Renamed',
      'Zoe Updated',
    ]);
    expect(byName['Zoe Updated'].slice(2, 6)).toEqual(['zoe@example.com', "'+15550002222", '', 'vip,billing']);
    expect(errors).toEqual([]);
  });

  it('an agent sees no merge, delete, import or export controls (the API refuses them those)', async () => {
    const {
      context,
      page: agentPage,
      errors: agentErrors,
    } = await signedInPage(browser, origin, agentEmail, 'password123');
    await agentPage.goto(contactsUrl);
    await row(agentPage, bella.id).waitFor();
    expect(await agentPage.getByRole('checkbox', { name: /^Select / }).count()).toBe(0);
    expect(await agentPage.getByRole('link', { name: 'Export CSV' }).count()).toBe(0);
    expect(await agentPage.getByRole('button', { name: 'Import CSV' }).count()).toBe(0);
    await row(agentPage, bella.id).click();
    await panel(agentPage).getByRole('button', { name: 'Edit contact' }).waitFor();
    expect(await agentPage.getByRole('button', { name: 'Delete contact' }).count()).toBe(0);
    await screenshot(agentPage, 'contacts-agent');
    expect((await agent.api.delete(`${base}/contacts/${bella.id}`)).status).toBe(401);
    expect((await agent.api.get(`${base}/contacts/export`)).status).toBe(401);
    expect(agentErrors).toEqual([]);
    await context.close();
  });

  it('works on a phone-sized screen in dark mode: the list, then the contact alone', async () => {
    const {
      context: phone,
      page: small,
      errors: phoneErrors,
    } = await signedInPage(browser, origin, account.email, account.password, PHONE_DARK);
    await small.goto(contactsUrl);
    await row(small, bella.id).waitFor();
    const fitsWidth = () => small.evaluate(() => document.documentElement.scrollWidth <= window.innerWidth);
    expect(await fitsWidth()).toBe(true);
    await screenshot(small, 'phone-contacts');
    await row(small, bella.id).click();
    await panel(small).getByRole('heading', { name: 'Base Bella' }).waitFor();
    expect(await list(small).isVisible()).toBe(false);
    expect(await fitsWidth()).toBe(true);
    await screenshot(small, 'phone-contact');
    await panel(small).getByRole('button', { name: 'Close the contact panel' }).click();
    await row(small, bella.id).waitFor();
    expect(phoneErrors).toEqual([]);
    await phone.close();
  });
});
