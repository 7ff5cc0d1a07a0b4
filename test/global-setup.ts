import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import pg from 'pg';
import type { TestProject } from 'vitest/node';
import { migrate } from '../src/db/migrate.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from '../src/db/embedded.ts';
import { TEST_POSTGRES_HOMES } from './helpers/embedded-home.ts';
import { ensureService, type ExternalService } from './helpers/services.ts';

const DEFAULT_ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

async function reachable(url: string): Promise<boolean> {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 2000 });
  try {
    await client.connect();
    await client.end();
    return true;
  } catch {
    await client.end().catch(() => {});
    return false;
  }
}

let embedded: EmbeddedDatabase | undefined;
let dataDir: string | undefined;
let adminUrl: string;
let template: string;
let services: ExternalService[] = [];

/**
 * Tests run against a real PostgreSQL: TEST_DATABASE_URL, else the local server on 5432, else an embedded
 * one started here. Migrations run once into a template database; each test file clones it.
 */
/** The browser tests load the built dashboard: build it if this checkout has not yet (npm install does). */
function buildDashboardIfMissing(): void {
  const root = path.resolve(import.meta.dirname, '..');
  if (fs.existsSync(path.join(root, 'web/dashboard/dist/index.html'))) return;
  const built = spawnSync(process.execPath, [path.join(root, 'scripts/build-web.js')], { stdio: 'inherit' });
  if (built.status !== 0) throw new Error('building web/dashboard failed');
}

export async function setup(project: TestProject): Promise<void> {
  buildDashboardIfMissing();
  // Servers a test starts (in-process or as `switchboard start`) must never write into the working tree's ./data.
  if (!process.env.DATA_DIR)
    process.env.DATA_DIR = dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-test-data-'));
  adminUrl = process.env.TEST_DATABASE_URL ?? DEFAULT_ADMIN_URL;
  if (!(await reachable(adminUrl))) {
    process.env.SWITCHBOARD_POSTGRES_HOME ??= TEST_POSTGRES_HOMES;
    embedded = await startEmbeddedPostgres(path.join(os.tmpdir(), 'switchboard-test-postgres'), { owner: true });
    adminUrl = embedded.url.replace(/\/switchboard$/, '/postgres');
  }
  template = `sb_template_${process.pid}`;
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.query(`CREATE DATABASE ${template}`);
  await admin.end();
  await migrate(withDatabase(adminUrl, template));
  project.provide('adminUrl', adminUrl);
  project.provide('templateDatabase', template);
  const [redis, nats] = (services = await Promise.all([ensureService('redis'), ensureService('nats')]));
  for (const service of services)
    if (service.skipped) console.warn(`skipping the tests that need it: ${service.skipped}`);
  project.provide('redisUrl', redis.url ?? '');
  project.provide('natsUrl', nats.url ?? '');
}

export async function teardown(): Promise<void> {
  const admin = new pg.Client({ connectionString: adminUrl });
  await admin.connect();
  await admin.query(`DROP DATABASE IF EXISTS ${template}`);
  await admin.end();
  await embedded?.stop();
  await Promise.all(services.map((service) => service.stop()));
  if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

declare module 'vitest' {
  export interface ProvidedContext {
    adminUrl: string;
    templateDatabase: string;
    /** Empty when neither reachable nor startable here: the tests that need it are skipped. */
    redisUrl: string;
    natsUrl: string;
  }
}
