// The dashboard in Chromium against a seeded account: what the first screen downloads, how long until the list
// shows with 100,000 conversations in the database, whether scrolling 2,000 of them drops frames, and how long a
// message takes from the API to the open conversation on screen. Each figure has a ceiling measured in the same
// run: a static page from the same server, the API round trip of the same message.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { DASHBOARD_DIST } from '../src/api/system/dashboard.ts';
import { chromiumUnavailable, launchBrowser } from '../test/helpers/browser.ts';
import { seededDataset } from './dataset.ts';
import { stderrProgress } from '../src/db/seed/progress.ts';
import { percentile } from './events.ts';

export interface DashboardFigures {
  firstScreenGzipBytes: number;
  firstScreenFiles: string[];
  conversations: number;
  firstLoadMs: { p50: number; max: number };
  staticPageMs: { p50: number; max: number };
  scroll: { rows: number; frames: number; longestFrameMs: number; framesOver50Ms: number; ms: number };
  reply: { p50: number; p95: number; apiP50: number; samples: number };
}

const median = (values: number[]) => percentile(values, 50);

/** index.html and what it loads before anything is on screen, gzipped as the server sends them. */
function firstScreen(): { bytes: number; files: string[] } {
  const html = fs.readFileSync(path.join(DASHBOARD_DIST, 'index.html'), 'utf8');
  const files = ['index.html', ...[...html.matchAll(/(?:src|href)="\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1])];
  const bytes = files.reduce(
    (sum, file) => sum + zlib.gzipSync(fs.readFileSync(path.join(DASHBOARD_DIST, file)), { level: 9 }).length,
    0,
  );
  return { bytes, files };
}

export async function measureDashboard(
  adminUrl: string,
  options: { conversations: number; messages: number; loads: number; replies: number },
): Promise<DashboardFigures | string> {
  const unavailable = chromiumUnavailable();
  if (unavailable) return unavailable;
  if (!fs.existsSync(path.join(DASHBOARD_DIST, 'index.html'))) return 'the dashboard is not built (npm run build:web)';
  const screen = firstScreen();
  process.stderr.write(`\nseeding ${options.conversations} conversations for the dashboard\n`);
  const dataset = await seededDataset(
    adminUrl,
    { conversations: options.conversations, messages: options.messages },
    stderrProgress(),
  );
  const database = openDatabase(dataset.url, { max: 8 });
  const config = loadConfig({ DATABASE_URL: dataset.url, LOG_LEVEL: 'silent', RATE_LIMIT_STORE: 'off' });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const origin = await app.listen({ port: 0, host: '127.0.0.1' });
  const browser = await launchBrowser();
  try {
    const signIn = await fetch(`${origin}/auth/sign_in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ email: dataset.email, password: dataset.password }),
    });
    const cookie = String(signIn.headers.get('set-cookie')).split(';')[0].split('=');
    const listUrl = `${origin}/app/accounts/${dataset.accountId}/conversations`;
    const filtersKey = `/api/v1/accounts/${dataset.accountId}.conversation-filters`;
    const newContext = async () => {
      const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
      await context.addCookies([{ name: cookie[0], value: cookie[1], url: origin }]);
      // the All tab with every status, newest activity first: the list over the whole 100k
      await context.addInitScript(
        ([key]) => localStorage.setItem(key, JSON.stringify({ tab: 'all', status: 'all' })),
        [filtersKey],
      );
      return context;
    };

    // First load, a fresh browser context each time (nothing cached): navigation start → first row drawn.
    const loads: number[] = [];
    const statics: number[] = [];
    for (let i = 0; i < options.loads; i++) {
      const context = await newContext();
      const page = await context.newPage();
      let started = performance.now();
      await page.goto(`${origin}/favicon.svg`);
      statics.push(performance.now() - started);
      started = performance.now();
      await page.goto(listUrl);
      await page.locator('.conversation-row').first().waitFor();
      loads.push(performance.now() - started);
      await context.close();
    }

    // Scroll 2,000 rows at one screen per frame, loading pages as they come; every frame's gap is recorded.
    const context = await newContext();
    const page = await context.newPage();
    await page.goto(listUrl);
    await page.locator('.conversation-row').first().waitFor();
    const scroll = await page.evaluate(async (target: number) => {
      const list = document.querySelector<HTMLElement>('.virtual-list')!;
      const rowHeight = 76;
      const gaps: number[] = [];
      const started = performance.now();
      let last = started;
      while (list.scrollTop + list.clientHeight < target * rowHeight) {
        list.scrollTop += list.clientHeight;
        await new Promise((resolve) => requestAnimationFrame(resolve));
        const now = performance.now();
        gaps.push(now - last);
        last = now;
        if (now - started > 120_000) break;
      }
      return {
        rows: Math.round((list.scrollTop + list.clientHeight) / rowHeight),
        frames: gaps.length,
        longestFrameMs: Math.max(...gaps),
        framesOver50Ms: gaps.filter((g) => g > 50).length,
        ms: performance.now() - started,
      };
    }, 2_000);

    // Reply to visible: a message posted through the API, until its text is on the open conversation's screen.
    const conversationId = (
      await (
        await fetch(`${origin}/api/v1/accounts/${dataset.accountId}/conversations?status=all&per_page=1`, {
          headers: { api_access_token: dataset.token },
        })
      ).json()
    ).data.payload[0].id;
    await page.goto(`${listUrl}/${conversationId}`);
    await page.locator('.messages .message').first().waitFor();
    const replies: number[] = [];
    const api: number[] = [];
    for (let i = 0; i < options.replies; i++) {
      const text = `bench reply ${i} ${Date.now()}`;
      const seen = page.waitForFunction(
        (t) => [...document.querySelectorAll('.messages .text')].some((e) => e.textContent === t),
        text,
        { polling: 'raf' },
      );
      const started = performance.now();
      const response = await fetch(
        `${origin}/api/v1/accounts/${dataset.accountId}/conversations/${conversationId}/messages`,
        {
          method: 'POST',
          headers: { api_access_token: dataset.token, 'content-type': 'application/json' },
          body: JSON.stringify({ content: text }),
        },
      );
      api.push(performance.now() - started);
      await response.arrayBuffer();
      await seen;
      replies.push(performance.now() - started);
    }
    await context.close();
    return {
      firstScreenGzipBytes: screen.bytes,
      firstScreenFiles: screen.files,
      conversations: options.conversations,
      firstLoadMs: { p50: median(loads), max: Math.max(...loads) },
      staticPageMs: { p50: median(statics), max: Math.max(...statics) },
      scroll,
      reply: {
        p50: percentile(replies, 50),
        p95: percentile(replies, 95),
        apiP50: percentile(api, 50),
        samples: replies.length,
      },
    };
  } finally {
    await browser.close();
    await app.close();
    await database.close();
    await dataset.drop();
  }
}
