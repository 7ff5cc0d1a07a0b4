// The conversation list, filters, search and a long conversation's latest messages on a seeded dataset,
// through the real app in-process. Each request is paired with a raw single-row SELECT on the same pool, so
// every figure has its ceiling measured in the same moment and the ratio survives a noisy machine.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { openDatabase } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { stderrProgress } from '../src/db/seed/progress.ts';
import { seededDataset, type Dataset, type DatasetSize } from './dataset.ts';
import { latencyChart } from './scale-chart.ts';

export interface Stats {
  p50: number;
  p95: number;
  p99: number;
}

export interface ScaleFigure {
  name: string;
  /** What this dataset made of the case: the token searched, the conversation's length. */
  detail: string;
  path: string;
  statements: number;
  /** Rows the endpoint returned on page 1 (conversations or messages), to show the case is not empty. */
  returned: number;
  latency: Stats;
  /** The raw single-row SELECT measured alongside. */
  ceiling: Stats;
  /** Latency goal for p95 in ms, where the issue sets one. */
  goalMs?: number;
}

export interface ScaleMeasurement {
  conversations: number;
  messages: number;
  samples: number;
  seed: {
    ms: number;
    rowsPerSecond: number;
    totalRows: number;
    foreignKeyChecks: boolean;
    phases: { name: string; ms: number }[];
  };
  figures: ScaleFigure[];
}

function stats(values: number[]): Stats {
  const sorted = [...values].sort((a, b) => a - b);
  const at = (p: number) => sorted[Math.min(sorted.length - 1, Math.floor((p / 100) * sorted.length))];
  return { p50: at(50), p95: at(95), p99: at(99) };
}

export const LIST_GOAL_MS = 20;
export const SEARCH_GOAL_MS = 50;

export async function measureListAtScale(dataset: Dataset, samples: number): Promise<ScaleMeasurement> {
  const database = openDatabase(dataset.url, { max: 4 });
  const config = loadConfig({ DATABASE_URL: dataset.url, LOG_LEVEL: 'silent', RATE_LIMIT_STORE: 'off' });
  const app = await buildApp({ config, database, mailer: createMailer(undefined, config.mailFrom), logger: false });
  const base = `/api/v1/accounts/${dataset.accountId}`;
  const headers = { api_access_token: dataset.token };
  const rare = dataset.seed.rareTokens[0].token;
  const longest = dataset.seed.longestConversations[0];
  const cases: { name: string; detail?: string; path: string; goalMs?: number }[] = [
    { name: 'list, page 1 (open)', path: `${base}/conversations`, goalMs: LIST_GOAL_MS },
    { name: 'list, page 200', path: `${base}/conversations?page=200`, goalMs: LIST_GOAL_MS },
    { name: 'list, status=resolved', path: `${base}/conversations?status=resolved`, goalMs: LIST_GOAL_MS },
    {
      name: 'list, label filter',
      detail: 'billing',
      path: `${base}/conversations?labels[]=billing`,
      goalMs: LIST_GOAL_MS,
    },
    {
      name: 'search, rare token',
      detail: `q=${rare}`,
      path: `${base}/conversations/search?q=${rare}`,
      goalMs: SEARCH_GOAL_MS,
    },
    {
      name: 'messages, latest page',
      detail: `${longest.messages.toLocaleString('en-US')}-message conversation`,
      path: `${base}/conversations/${longest.displayId}/messages`,
    },
  ];
  const rawSelect = () =>
    database.pool.query('SELECT id FROM conversations WHERE account_id = $1 LIMIT 1', [dataset.accountId]);
  try {
    const figures: ScaleFigure[] = [];
    for (const c of cases) {
      const before = database.counter.count;
      const first = await app.inject({ method: 'GET', url: c.path, headers });
      if (first.statusCode !== 200) throw new Error(`${c.path}: ${first.statusCode} ${first.body}`);
      const statements = database.counter.count - before;
      const body = JSON.parse(first.body);
      const returned = (body.data?.payload ?? body.payload ?? []).length;
      for (let i = 0; i < 5; i++) await app.inject({ method: 'GET', url: c.path, headers }); // warm caches
      const times: number[] = [];
      const raw: number[] = [];
      for (let i = 0; i < samples; i++) {
        let t = performance.now();
        await app.inject({ method: 'GET', url: c.path, headers });
        times.push(performance.now() - t);
        t = performance.now();
        await rawSelect();
        raw.push(performance.now() - t);
      }
      figures.push({
        name: c.name,
        detail: c.detail ?? '',
        path: c.path.replace(base, ''),
        statements,
        returned,
        latency: stats(times),
        ceiling: stats(raw),
        goalMs: c.goalMs,
      });
    }
    const { ms, rowsPerSecond, totalRows, foreignKeyChecks, phases } = dataset.seed;
    return {
      conversations: dataset.size.conversations,
      messages: dataset.size.messages,
      samples,
      seed: { ms, rowsPerSecond, totalRows, foreignKeyChecks, phases },
      figures,
    };
  } finally {
    await app.close();
    await database.close();
  }
}

/** Dataset sizes: `--scale` goes up to the issue's 1M messages; the default stays small enough for `--quick`. */
export const SCALE_SIZES: DatasetSize[] = [
  { conversations: 10_000, messages: 100_000 },
  { conversations: 30_000, messages: 300_000 },
  { conversations: 100_000, messages: 1_000_000 },
];
export const SMALL_SIZES: DatasetSize[] = [
  { conversations: 2_000, messages: 20_000 },
  { conversations: 20_000, messages: 200_000 },
];

const fmt = (n: number) => n.toLocaleString('en-US');
const short = (n: number) => (n >= 1_000_000 ? `${n / 1_000_000}M` : n >= 1_000 ? `${n / 1_000}k` : String(n));

/**
 * Seeds each size into its own database on the server of `adminUrl`, measures it, drops it; adds table rows
 * for the largest size and writes the JSON and the latency-vs-size chart to `resultsDir`.
 */
export async function runListAtScale(options: {
  adminUrl: string;
  scale: boolean;
  quick: boolean;
  resultsDir: string;
  add: (name: string, value: string, note?: string) => void;
}): Promise<ScaleMeasurement[]> {
  const sizes = options.scale ? SCALE_SIZES : SMALL_SIZES;
  const samples = options.quick ? 60 : 200;
  const runs: ScaleMeasurement[] = [];
  for (const size of sizes) {
    process.stderr.write(`\nseeding ${fmt(size.conversations)} conversations / ${fmt(size.messages)} messages\n`);
    const dataset = await seededDataset(options.adminUrl, size, stderrProgress());
    try {
      runs.push(await measureListAtScale(dataset, samples));
    } finally {
      await dataset.drop();
    }
  }
  const largest = runs[runs.length - 1];
  const label = `${short(largest.conversations)} conv / ${short(largest.messages)} msgs`;
  options.add(
    `seed ${label} (switchboard seed)`,
    `${(largest.seed.ms / 1000).toFixed(1)} s`,
    `${fmt(Math.round(largest.seed.rowsPerSecond))} rows/s, ${fmt(largest.seed.totalRows)} rows, COPY; FK checks ${largest.seed.foreignKeyChecks ? 'on' : 'off + bulk-verified'}`,
  );
  for (const f of largest.figures) {
    const ms = (n: number) => n.toFixed(n < 10 ? 2 : 1);
    const goal =
      f.goalMs === undefined ? '' : `; goal p95 < ${f.goalMs} ms ${f.latency.p95 < f.goalMs ? 'met' : 'MISSED'}`;
    options.add(
      `${f.name}${f.detail ? ` (${f.detail})` : ''}, ${label}, p50/p95/p99`,
      `${ms(f.latency.p50)}/${ms(f.latency.p95)}/${ms(f.latency.p99)} ms`,
      `${f.statements} SQL; p50 ${(f.latency.p50 / f.ceiling.p50).toFixed(0)}x raw SELECT (${f.ceiling.p50.toFixed(2)} ms)${goal}${f.returned ? '' : '; EMPTY at this size'}`,
    );
  }
  const mode = options.scale ? 'scale' : options.quick ? 'quick' : 'small';
  fs.mkdirSync(options.resultsDir, { recursive: true });
  const server = new pg.Client({ connectionString: options.adminUrl });
  await server.connect();
  const postgres = (await server.query<{ server_version: string }>('SHOW server_version').finally(() => server.end()))
    .rows[0].server_version;
  const machine = {
    postgres,
    cores: os.cpus().length,
    cpu: os.cpus()[0]?.model,
    memGiB: os.totalmem() / 2 ** 30,
    node: process.versions.node,
    platform: `${os.platform()} ${os.release()}`,
  };
  fs.writeFileSync(
    path.join(options.resultsDir, `list-at-scale-${mode}.json`),
    JSON.stringify({ date: new Date().toISOString(), machine, samples, runs }, null, 2) + '\n',
  );
  fs.writeFileSync(
    path.join(options.resultsDir, `list-at-scale-${mode}.svg`),
    latencyChart(runs, `Switchboard p95 latency vs dataset size (${machine.cores} cores, Node ${machine.node})`),
  );
  return runs;
}
