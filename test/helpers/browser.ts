import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { expect } from 'vitest';
import { chromium, type Browser, type BrowserContextOptions, type Page } from 'playwright-core';

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
/** The flags this machine's closed network needs (no background fetches) and root needs (no sandbox). */
const FLAGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** Where the browser tests write a screenshot of every screen they visit, to be looked at. */
export const SCREENSHOT_DIR = path.resolve(import.meta.dirname, '../../test-results/screenshots');

/**
 * Debian's Chromium, installed on first use when missing (as root, with apt). Returns why it cannot run
 * when it cannot, so the browser tests are skipped with that reason instead of failing obscurely.
 */
export function chromiumUnavailable(): string | undefined {
  if (fs.existsSync(CHROMIUM)) return undefined;
  if (process.getuid?.() === 0) {
    try {
      execFileSync(
        'sh',
        ['-c', 'apt-get update -qq && DEBIAN_FRONTEND=noninteractive apt-get install -y -qq chromium'],
        { stdio: 'ignore', timeout: 600_000 },
      );
    } catch {
      /* reported below */
    }
  }
  return fs.existsSync(CHROMIUM)
    ? undefined
    : `Chromium is not at ${CHROMIUM} and could not be installed (apt-get install chromium, or set CHROMIUM_PATH)`;
}

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({ executablePath: CHROMIUM, args: FLAGS });
}

/** A screenshot named after the screen, overwritten on every run. */
export async function screenshot(page: Page, name: string): Promise<void> {
  fs.mkdirSync(SCREENSHOT_DIR, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOT_DIR, `${name}.png`) });
}

/** Fails the test on any uncaught error in the page; console errors of failed requests are expected in some tests. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on('pageerror', (error) => errors.push(String(error)));
  return errors;
}

/** Reads until `ok` holds (a value through the API, typically), or fails naming `what` after `timeoutMs`. */
export async function until<T>(
  read: () => Promise<T>,
  ok: (value: T) => boolean,
  what: string,
  timeoutMs = 15_000,
): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const value = await read();
    if (ok(value)) return value;
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}: ${JSON.stringify(value).slice(0, 500)}`);
    await new Promise((resolve) => setTimeout(resolve, 100));
  }
}

/** Signs in through the login form, as a person would, and waits for the inbox. */
export async function signIn(page: Page, origin: string, email: string, password: string): Promise<void> {
  await page.goto(`${origin}/`);
  await page.getByLabel('Email').fill(email);
  await page.getByLabel('Password').fill(password);
  await page.getByRole('button', { name: 'Sign in' }).click();
  await page.getByRole('tab', { name: /Unassigned/ }).waitFor();
}

export const DESKTOP = { viewport: { width: 1280, height: 860 } };
export const PHONE_DARK = { viewport: { width: 390, height: 800 }, colorScheme: 'dark' as const };

/** A new context (its own cookies) with one page signed in, and the page's uncaught errors. */
export async function signedInPage(
  browser: Browser,
  origin: string,
  email: string,
  password: string,
  options: BrowserContextOptions = DESKTOP,
) {
  const context = await browser.newContext(options);
  const page = await context.newPage();
  const errors = watchPageErrors(page);
  await signIn(page, origin, email, password);
  return { context, page, errors };
}

/** A browser with one desktop-sized page signed in, and the page's uncaught errors: a describe block's setup. */
export async function signedInBrowser(
  origin: string,
  email: string,
  password: string,
): Promise<{ browser: Browser; page: Page; errors: string[] }> {
  const browser = await launchBrowser();
  return { browser, ...(await signedInPage(browser, origin, email, password)) };
}

/** expect.poll with room for a loaded machine (its default gives up after 1 s). */
export const poll = <T>(read: () => Promise<T> | T) => expect.poll(read, { timeout: 15_000 });
