// A seeded database for benchmarks: a fresh database on a PostgreSQL server, migrated, with one account
// filled by the data generator (src/db/seed). Dropped again with drop().
import crypto from 'node:crypto';
import pg from 'pg';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { seedAccount, type SeedResult } from '../src/db/seed/index.ts';
import type { Progress } from '../src/db/seed/progress.ts';

export interface DatasetSize {
  conversations: number;
  messages: number;
}

export interface Dataset {
  url: string;
  size: DatasetSize;
  accountId: number;
  token: string;
  /** The administrator's sign-in, for benchmarks that drive the dashboard. */
  email: string;
  password: string;
  seed: SeedResult;
  drop(): Promise<void>;
}

export function withDatabase(url: string, database: string): string {
  const parsed = new URL(url);
  parsed.pathname = `/${database}`;
  return parsed.toString();
}

async function admin<T>(adminUrl: string, work: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    return await work(client);
  } finally {
    await client.end();
  }
}

/** Creates `sb_bench_*` on the server of `adminUrl` (a URL of any database there) and seeds it. */
export async function seededDataset(adminUrl: string, size: DatasetSize, progress?: Progress): Promise<Dataset> {
  const name = `sb_bench_${size.messages}_${crypto.randomBytes(3).toString('hex')}`;
  await admin(adminUrl, (client) => client.query(`CREATE DATABASE ${name}`));
  const url = withDatabase(adminUrl, name);
  const drop = () =>
    admin(adminUrl, (client) => client.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`)).then(() => {});
  try {
    await migrate(url);
    const database = openDatabase(url, { max: 1 });
    const account = await bootstrap(database.db, { accountName: 'Bench at scale' }).finally(() => database.close());
    const seed = await seedAccount(url, { ...size, accountId: account.account_id, seed: 42, progress });
    return {
      url,
      size,
      accountId: account.account_id,
      token: account.api_access_token,
      email: account.email,
      password: account.password,
      seed,
      drop,
    };
  } catch (error) {
    await drop().catch(() => {});
    throw error;
  }
}
