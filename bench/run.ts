// `npm run bench`: start-to-ready (fresh and existing data folder), idle RSS, the conversation list's SQL
// statement count and latency, message create at 1/10/50 clients against a raw Fastify + pg insert server
// (with the RSS under that load), webhook event→receiver latency at 500 events/s and message→socket latency
// with 5,000 sockets, all measured in this run. `--quick` takes fewer samples.
// The list at scale (bench/list-at-scale.ts) seeds datasets up to 200k messages, or up to 1M with `--scale`;
// BENCH_DATABASE_URL points it at another PostgreSQL server instead of the embedded one.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { measureStart, tempDataDir } from './startup.ts';
import { measureConversationList } from './conversation-list.ts';
import { withDatabase } from './dataset.ts';
import { runListAtScale } from './list-at-scale.ts';
import { measureMessageCreate } from './message-create.ts';
import { measureSockets, measureWebhooks } from './events.ts';
import { measureDashboard } from './dashboard.ts';

const quick = process.argv.includes('--quick');
const scale = process.argv.includes('--scale');
const runs = quick ? 1 : 3;

const rows: [string, string, string][] = [];
const details: Record<string, unknown> = {};
const loadAtStart = os.loadavg();
const add = (name: string, value: string, note = '') => rows.push([name, value, note]);
const ms = (n: number) => `${n.toFixed(0)} ms`;
const mib = (kib: number) => `${(kib / 1024).toFixed(1)} MiB`;
const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];

const fresh: number[] = [];
const existing: number[] = [];
let idle = { nodeRssKiB: 0, postgresRssKiB: 0 };
for (let i = 0; i < runs; i++) {
  const dir = tempDataDir();
  fresh.push((await measureStart(dir, 0)).readyMs);
  const again = await measureStart(dir, 3000);
  existing.push(again.readyMs);
  idle = again;
  fs.rmSync(dir, { recursive: true, force: true });
}
add('start-to-ready, fresh data dir (initdb + migrations)', ms(median(fresh)), `median of ${runs}`);
add(
  'start-to-ready, existing data dir',
  ms(median(existing)),
  `median of ${runs}; ${(median(fresh) / median(existing)).toFixed(1)}x faster than fresh`,
);
add('idle RSS, Switchboard process', mib(idle.nodeRssKiB), '3 s after ready');
add('idle RSS, embedded PostgreSQL (all processes)', mib(idle.postgresRssKiB), '');

const listDir = tempDataDir();
const pg = await startEmbeddedPostgres(listDir, { owner: true });
try {
  const list = await measureConversationList(pg.url, quick ? 60 : 300, quick ? 100 : 400);
  add('conversation list SQL statements, 1 conversation', String(list.statementsOne), 'per request, auth included');
  add(
    'conversation list SQL statements, page of 25',
    String(list.statementsPage),
    list.statementsOne === list.statementsPage ? 'constant' : 'NOT constant',
  );
  add(
    `conversation list p50 (page of 25, ${list.conversations} conversations)`,
    `${list.listP50Ms.toFixed(2)} ms`,
    `${(list.listP50Ms / list.rawSelectP50Ms).toFixed(1)}x a raw single-row SELECT (${list.rawSelectP50Ms.toFixed(2)} ms)`,
  );
  add('conversation list p95', `${list.listP95Ms.toFixed(2)} ms`, '');

  const create = await measureMessageCreate(pg.url, { levels: [1, 10, 50], durationMs: quick ? 2_000 : 10_000 });
  for (const { clients, switchboard: ours, raw, ratio, sameWork, sameWorkRatio } of create.levels) {
    add(
      `message create (Chatwoot API), ${clients} client${clients > 1 ? 's' : ''}`,
      `${ours.throughput.toFixed(0)} req/s`,
      `p50 ${ours.p50Ms.toFixed(1)} ms, p99 ${ours.p99Ms.toFixed(1)} ms; raw Fastify+pg insert ${raw.throughput.toFixed(0)} req/s (p50 ${raw.p50Ms.toFixed(2)} ms); ratio ${ratio.toFixed(2)} (goal ≥ 0.5); ` +
        `bare server calling insert_message (same writes, no auth/lookup/batching) ${sameWork.throughput.toFixed(0)} req/s: ratio ${sameWorkRatio.toFixed(2)}`,
    );
  }
  add(
    'message create: stored / event queued',
    `${create.stored} / ${create.eventsQueued}`,
    `of ${create.acknowledged} acknowledged (2xx)`,
  );
  add(
    'message create SQL statements',
    String(create.statements),
    'per request: token with account access, conversation, insert_message (message, conversation bump, event; one transaction with the messages that arrived meanwhile); the raw insert runs 1',
  );
  add(
    'loaded RSS, Switchboard process',
    mib(create.loadedRssKiB),
    `peak during message create; ${mib(create.idleRssKiB)} idle after warm-up`,
  );
  details.messageCreate = create;

  const hooks = await measureWebhooks(pg.url, quick ? 1_000 : 5_000, 500);
  add(
    'webhook event→receiver p50, 500 events/s',
    `${hooks.p50Ms.toFixed(1)} ms`,
    `p99 ${hooks.p99Ms.toFixed(1)} ms; ${hooks.events} events, created ${hooks.createdPerSecond.toFixed(0)}/s, delivered ${hooks.throughput.toFixed(0)}/s, ${hooks.cpuMsPerEvent.toFixed(2)} ms CPU/event; raw POST to the receiver p50 ${hooks.rawPostP50Ms.toFixed(2)} ms`,
  );
  details.webhooks = hooks;
  const beside = await measureWebhooks(pg.url, quick ? 1_000 : 5_000, 500, { deadBacklog: 100_000 });
  add(
    'webhook event→receiver p50, 500 events/s, beside a dead receiver with 100,000 pending',
    `${beside.p50Ms.toFixed(1)} ms`,
    `p99 ${beside.p99Ms.toFixed(1)} ms; delivered ${beside.throughput.toFixed(0)}/s; another account's dead webhook holds 100,000 pending deliveries in 10,000 conversations`,
  );
  details.webhooksBesideDeadReceiver = beside;
  const sockets = await measureSockets(pg.url, 5_000, quick ? 10 : 30);
  add(
    `websocket message→client p50, ${sockets.sockets} sockets`,
    `${sockets.p50Ms.toFixed(1)} ms`,
    `p99 ${sockets.p99Ms.toFixed(1)} ms over ${sockets.messages} messages; raw ws broadcast to as many sockets p50 ${sockets.rawBroadcastP50Ms.toFixed(1)} ms`,
  );
  details.sockets = sockets;
  const adminUrl = process.env.BENCH_DATABASE_URL || withDatabase(pg.url, 'postgres');
  await runListAtScale({ adminUrl, scale, quick, resultsDir: path.join(import.meta.dirname, 'results'), add });
  const dashboard = await measureDashboard(
    adminUrl,
    quick
      ? { conversations: 20_000, messages: 40_000, loads: 3, replies: 10 }
      : { conversations: 100_000, messages: 200_000, loads: 5, replies: 30 },
  );
  if (typeof dashboard === 'string') add('dashboard', 'skipped', dashboard);
  else {
    const kb = (bytes: number) => `${(bytes / 1024).toFixed(1)} KiB`;
    add(
      'dashboard first screen, JS+CSS+HTML gzipped',
      kb(dashboard.firstScreenGzipBytes),
      `goal < 250 KiB ${dashboard.firstScreenGzipBytes < 250 * 1024 ? 'met' : 'MISSED'}; ${dashboard.firstScreenFiles.join(', ')}`,
    );
    add(
      `dashboard first load to a drawn list, ${dashboard.conversations.toLocaleString('en')} conversations`,
      ms(dashboard.firstLoadMs.p50),
      `median of ${quick ? 3 : 5} cold loads (max ${ms(dashboard.firstLoadMs.max)}); goal < 1 s ${dashboard.firstLoadMs.max < 1000 ? 'met' : 'MISSED'}; a static file from the same server ${dashboard.staticPageMs.p50.toFixed(1)} ms`,
    );
    add(
      `dashboard scroll through ${dashboard.scroll.rows.toLocaleString('en')} conversations`,
      `longest frame ${dashboard.scroll.longestFrameMs.toFixed(1)} ms`,
      `${dashboard.scroll.frames} frames in ${ms(dashboard.scroll.ms)}, ${dashboard.scroll.framesOver50Ms} over 50 ms (goal 0 ${dashboard.scroll.framesOver50Ms === 0 ? 'met' : 'MISSED'}); one screen per frame, pages of 50 loaded on the way`,
    );
    add(
      'dashboard reply-to-visible (API POST → text on screen via /cable), p50/p95',
      `${dashboard.reply.p50.toFixed(1)}/${dashboard.reply.p95.toFixed(1)} ms`,
      `${dashboard.reply.samples} messages; the API round trip alone p50 ${dashboard.reply.apiP50.toFixed(1)} ms (${(dashboard.reply.p50 / dashboard.reply.apiP50).toFixed(1)}x)`,
    );
    details.dashboard = dashboard;
  }
} finally {
  await pg.stop();
  fs.rmSync(listDir, { recursive: true, force: true });
}

const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'value', 'note'][c].length));
const line = (r: string[]) => r.map((cell, c) => cell.padEnd(width[c])).join(' | ');
console.log(
  `\nSwitchboard bench (${quick ? 'quick' : 'full'}${scale ? ', --scale' : ''}) — ${os.cpus().length} cores, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.versions.node}\n`,
);
console.log(line(['figure', 'value', 'note']));
console.log(width.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));

const resultsDir = path.join(import.meta.dirname, 'results');
fs.mkdirSync(resultsDir, { recursive: true });
const file = path.join(resultsDir, `core-${quick ? 'quick' : 'full'}${scale ? '-scale' : ''}.json`);
fs.writeFileSync(
  file,
  JSON.stringify(
    {
      date: new Date().toISOString(),
      machine: {
        cores: os.cpus().length,
        cpu: os.cpus()[0]?.model,
        memGiB: os.totalmem() / 2 ** 30,
        os: `${os.type()} ${os.release()}`,
        node: process.versions.node,
        loadAverageAtStart: loadAtStart,
      },
      rows,
      details,
    },
    null,
    2,
  ) + '\n',
);
console.log(`\nwritten to ${path.relative(process.cwd(), file)}`);
