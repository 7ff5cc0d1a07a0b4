import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { createTestContext } from '../helpers/context.ts';
import { startSmtpServer } from '../helpers/smtp.ts';
import {
  chromiumUnavailable,
  DESKTOP,
  launchBrowser,
  screenshot,
  signedInPage,
  watchPageErrors,
} from '../helpers/browser.ts';

const unavailable = chromiumUnavailable();
if (unavailable) console.warn(`browser tests skipped: ${unavailable}`);

const smtp = await startSmtpServer();
const ctx = await createTestContext({ SMTP_URL: smtp.url });
const admin = await ctx.account('Reset Co');
const origin = await ctx.app.listen({ port: 0, host: '127.0.0.1' });

/** The link a mail to `email` carries (quoted-printable soft breaks undone). */
async function linkMailedTo(email: string): Promise<string> {
  await expect.poll(() => smtp.received.some((mail) => mail.to.includes(email)), { timeout: 15_000 }).toBe(true);
  const raw = smtp.received
    .filter((mail) => mail.to.includes(email))
    .at(-1)!
    .raw.replace(/=\r?\n/g, '')
    .replace(/=3D/g, '=');
  const found = /https?:\/\/[^\s"<>]+\/app\/auth\/password\/edit\?reset_password_token=[A-Za-z0-9_-]+/.exec(raw);
  if (!found) throw new Error(`no link in the mail to ${email}`);
  return found[0];
}

/** Opens a link from a mail in a browser of its own, chooses a password there, and waits for the inbox. */
async function choosePassword(browser: Browser, url: string, password: string): Promise<Page> {
  const context = await browser.newContext(DESKTOP);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  const link = new URL(url); // PUBLIC_URL in tests names no port: the same path on the listening server
  await page.goto(`${origin}${link.pathname}${link.search}`);
  await page.getByLabel('New password').fill(password);
  await page.getByLabel('Repeat the password').fill(password);
  await page.getByRole('button', { name: 'Save and sign in' }).click();
  await page.getByRole('tab', { name: /Unassigned/ }).waitFor();
  expect(errors).toEqual([]);
  return page;
}

const signInWorks = async (email: string, password: string) =>
  (
    await ctx.app.inject({
      method: 'POST',
      url: '/auth/sign_in',
      payload: { email, password },
      remoteAddress: '10.20.0.1',
    })
  ).statusCode === 200;

describe.skipIf(Boolean(unavailable))('password reset and invitations in Chromium', { timeout: 90_000 }, () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await smtp.close();
  });

  it('forgot password: asks for a link on the sign-in page, the mailed link sets a new password and signs in', async () => {
    const page = await browser.newPage(DESKTOP);
    await page.goto(`${origin}/app/login`);
    await page.getByRole('button', { name: 'Forgot your password?' }).click();
    await page.getByLabel('Email').fill(admin.email);
    await page.getByRole('button', { name: 'Send the link' }).click();
    await expect.poll(() => page.getByRole('status').textContent()).toContain(admin.email);
    await screenshot(page, 'forgot-password');

    const signedIn = await choosePassword(browser, await linkMailedTo(admin.email), 'a brand new passphrase');
    await screenshot(signedIn, 'password-chosen');
    expect(await signInWorks(admin.email, 'a brand new passphrase')).toBe(true);
    expect(await signInWorks(admin.email, admin.password)).toBe(false);
    admin.password = 'a brand new passphrase';
  });

  it('invitation: an administrator adds an agent, who sets a password with the link (mailed, or copied from the agents page)', async () => {
    const { page } = await signedInPage(browser, origin, admin.email, admin.password);
    await page.goto(`${origin}/app/accounts/${admin.account_id}/settings/agents`);
    const form = page.getByRole('form', { name: 'Add an agent' });
    await form.getByLabel('Full name').fill('Nina New');
    await form.getByLabel('Email address').fill('nina@reset.example');
    await form.getByRole('button', { name: 'Add agent' }).click();
    const row = page
      .getByRole('list', { name: 'Agents', exact: true })
      .getByRole('listitem')
      .filter({ hasText: 'nina@reset.example' });
    await row.getByText('Invited — no password yet').waitFor();
    const mailed = await linkMailedTo('nina@reset.example');

    await row.getByRole('button', { name: 'Invitation link for Nina New' }).click();
    const copied = await page.getByRole('textbox', { name: 'Invitation link for nina@reset.example' }).inputValue();
    expect(copied).toMatch(/\/app\/auth\/password\/edit\?reset_password_token=/);
    expect(copied).not.toBe(mailed); // a new link; the mailed one stopped working
    await screenshot(page, 'settings-agents-invitation');

    const nina = await choosePassword(browser, copied, 'nina chose this one');
    await nina.getByRole('navigation', { name: 'Main' }).waitFor();
    expect(await signInWorks('nina@reset.example', 'nina chose this one')).toBe(true);
    await page.reload();
    await page.getByRole('list', { name: 'Agents', exact: true }).getByText('nina@reset.example').waitFor();
    expect(await page.getByText('Invited — no password yet').count()).toBe(0);
  });
});
