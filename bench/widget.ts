// `npm run bench:widget [-- --quick]` (or `node bench/widget.ts [--quick]`): the website widget's weight and speed, against
// a server on 127.0.0.1. What a host page downloads for the bubble (sdk.js), what the widget's iframe downloads
// on its first load (index.html and the JS/CSS it names), both as the server sends them to a browser that
// accepts gzip; and how long a visitor's message takes from `POST /api/v1/widget/messages` (X-Auth-Token) to
// the agent's /cable connection (`message.created`). Uses BENCH_DATABASE_URL when set, else an embedded
// PostgreSQL in a temporary folder.
import fs from 'node:fs';
import http from 'node:http';
import os from 'node:os';
import zlib from 'node:zlib';
import { performance } from 'node:perf_hooks';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { connectCable } from '../test/helpers/cable.ts';
import { percentile } from './events.ts';
import { tempDataDir } from './startup.ts';

const quick = process.argv.includes('--quick');
const MESSAGES = quick ? 50 : 200;
const WARM_UP = 10;
/** Every wait is bounded: a message that never reaches the socket fails the bench instead of hanging it. */
const PER_MESSAGE_TIMEOUT_MS = 10_000;
const GOALS = { sdkGzipBytes: 10 * 1024, firstLoadGzipBytes: 150 * 1024 };

/** A GET as a browser sends it (gzip accepted), with the bytes on the wire, undecoded. */
function download(url: string): Promise<{ status: number; encoding: string | undefined; wire: Buffer }> {
  return new Promise((resolve, reject) => {
    const request = http.get(url, { headers: { 'accept-encoding': 'gzip' }, timeout: 10_000 }, (response) => {
      const chunks: Buffer[] = [];
      response.on('data', (chunk: Buffer) => chunks.push(chunk));
      response.on('end', () =>
        resolve({
          status: response.statusCode ?? 0,
          encoding: response.headers['content-encoding'],
          wire: Buffer.concat(chunks),
        }),
      );
      response.on('error', reject);
    });
    request.on('timeout', () => request.destroy(new Error(`bench: GET ${url} timed out`)));
    request.on('error', reject);
  });
}

/** Bytes on the wire with gzip accepted, and the decoded size. */
async function weigh(url: string): Promise<{ gzip: number; raw: number; body: string }> {
  const { status, encoding, wire } = await download(url);
  if (status !== 200)
    throw new Error(`bench: GET ${url} answered ${status} (is the web build there? npm run build:web)`);
  const decoded = encoding === 'gzip' ? zlib.gunzipSync(wire) : wire;
  return {
    gzip: encoding === 'gzip' ? wire.length : zlib.gzipSync(wire).length,
    raw: decoded.length,
    body: decoded.toString('utf8'),
  };
}

async function measureWeight(origin: string, websiteToken: string) {
  const sdk = await weigh(`${origin}/packs/js/sdk.js`);
  const page = await weigh(`${origin}/widget?website_token=${websiteToken}`);
  const files = [...page.body.matchAll(/(?:src|href)="(\/widget\/assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const assets = await Promise.all(files.map((file) => weigh(`${origin}${file}`)));
  const firstLoad = {
    gzip: page.gzip + assets.reduce((sum, a) => sum + a.gzip, 0),
    raw: page.raw + assets.reduce((sum, a) => sum + a.raw, 0),
  };
  return { sdk: { gzip: sdk.gzip, raw: sdk.raw }, firstLoad, files: ['index.html', ...files] };
}

async function measureLatency(
  origin: string,
  boot: { account_id: number; user_id: number; pubsub_token: string },
  websiteToken: string,
) {
  const q = `?website_token=${websiteToken}`;
  const config = await fetch(`${origin}/api/v1/widget/config${q}`, { method: 'POST' });
  const visitorToken = ((await config.json()) as { website_channel_config: { auth_token: string } })
    .website_channel_config.auth_token;
  const headers = { 'content-type': 'application/json', 'x-auth-token': visitorToken };
  const agent = await connectCable(origin);
  if (
    (await agent.subscribe({ pubsub_token: boot.pubsub_token, account_id: boot.account_id, user_id: boot.user_id })) !==
    'confirm_subscription'
  )
    throw new Error('bench: the agent socket was refused');
  const latencies: number[] = [];
  const responses: number[] = [];
  try {
    for (let i = 0; i < WARM_UP + MESSAGES; i++) {
      const content = `widget-bench-${i}`;
      const started = performance.now();
      const sent = await fetch(`${origin}/api/v1/widget/messages${q}`, {
        method: 'POST',
        headers,
        body: JSON.stringify({ message: { content, timestamp: new Date().toString() } }),
      });
      if (!sent.ok)
        throw new Error(`bench: POST /api/v1/widget/messages answered ${sent.status}: ${await sent.text()}`);
      await sent.arrayBuffer();
      const answered = performance.now() - started;
      await agent.waitFor(
        (frames) => frames.some((f) => f.event === 'message.created' && f.data.content === content),
        PER_MESSAGE_TIMEOUT_MS,
      );
      if (i >= WARM_UP) {
        latencies.push(performance.now() - started);
        responses.push(answered);
      }
      agent.frames.length = 0;
    }
  } finally {
    await agent.close();
  }
  return {
    samples: latencies.length,
    p50: percentile(latencies, 50),
    p95: percentile(latencies, 95),
    p99: percentile(latencies, 99),
    max: Math.max(...latencies),
    postP50: percentile(responses, 50),
  };
}

const loadAtStart = os.loadavg()[0];
const dir = process.env.BENCH_DATABASE_URL ? undefined : tempDataDir();
const embedded = dir ? await startEmbeddedPostgres(dir, { owner: true }) : undefined;
const url = process.env.BENCH_DATABASE_URL ?? embedded!.url;
try {
  await migrate(url);
  const database = openDatabase(url, { max: 8 });
  // the visitor sends faster than a person: the anonymous write limit (PUBLIC_API_RATE_LIMIT) is lifted
  const config = loadConfig({
    DATABASE_URL: url,
    LOG_LEVEL: 'silent',
    RATE_LIMIT_STORE: 'off',
    PUBLIC_API_RATE_LIMIT: '0',
  });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  try {
    const origin = await app.listen({ port: 0, host: '127.0.0.1' });
    const boot = await bootstrap(database.db, { accountName: `Widget bench ${Date.now()}` });
    const user = await database.db
      .selectFrom('users')
      .select('pubsub_token')
      .where('id', '=', boot.user_id)
      .executeTakeFirstOrThrow();
    const created = await fetch(`${origin}/api/v1/accounts/${boot.account_id}/inboxes`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', api_access_token: boot.api_access_token },
      body: JSON.stringify({ name: 'Bench website', channel: { type: 'web_widget', website_url: 'http://127.0.0.1' } }),
    });
    const inbox = (await created.json()) as { website_token: string };

    const weight = await measureWeight(origin, inbox.website_token);
    const latency = await measureLatency(
      origin,
      { account_id: boot.account_id, user_id: boot.user_id, pubsub_token: user.pubsub_token! },
      inbox.website_token,
    );

    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KB`;
    const ms = (n: number) => `${n.toFixed(1)} ms`;
    const rows: [string, string, string, string][] = [
      ['sdk.js, raw', kb(weight.sdk.raw), '', ''],
      [
        'sdk.js, gzipped',
        kb(weight.sdk.gzip),
        `< ${kb(GOALS.sdkGzipBytes)}`,
        `${(weight.sdk.gzip / GOALS.sdkGzipBytes).toFixed(2)} of goal`,
      ],
      ['widget first load, raw', kb(weight.firstLoad.raw), '', weight.files.join(' + ')],
      [
        'widget first load, gzipped',
        kb(weight.firstLoad.gzip),
        `< ${kb(GOALS.firstLoadGzipBytes)}`,
        `${(weight.firstLoad.gzip / GOALS.firstLoadGzipBytes).toFixed(2)} of goal`,
      ],
      [
        `visitor message → agent socket p50 (${latency.samples} messages)`,
        ms(latency.p50),
        '',
        `${(latency.p50 / latency.postP50).toFixed(1)}x the POST's own response (p50 ${ms(latency.postP50)})`,
      ],
      ['visitor message → agent socket p95', ms(latency.p95), '', `${(latency.p95 / latency.p50).toFixed(1)}x p50`],
      [
        'visitor message → agent socket p99',
        ms(latency.p99),
        '',
        `${(latency.p99 / latency.p50).toFixed(1)}x p50; max ${ms(latency.max)}`,
      ],
    ];
    const widths = [0, 1, 2, 3].map((c) =>
      Math.max(...rows.map((r) => r[c].length), ['measure', 'value', 'goal', 'ratio / note'][c].length),
    );
    const line = (cells: string[]) => `| ${cells.map((cell, c) => cell.padEnd(widths[c])).join(' | ')} |`;
    console.log(
      `\nWebsite widget (${quick ? 'quick' : 'full'}; server on 127.0.0.1, one visitor sending one message at a time after ${WARM_UP} warm-up messages; load average ${loadAtStart.toFixed(1)} on ${os.availableParallelism()} cores at start)`,
    );
    console.log(line(['measure', 'value', 'goal', 'ratio / note']));
    console.log(line(widths.map((w) => '-'.repeat(w))));
    for (const row of rows) console.log(line(row));
  } finally {
    await app.close();
    await database.close();
  }
} finally {
  await embedded?.stop();
  if (dir) fs.rmSync(dir, { recursive: true, force: true });
}
