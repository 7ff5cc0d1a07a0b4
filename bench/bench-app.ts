import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { startEmbeddedPostgres } from '../src/db/embedded.ts';
import { tempDataDir } from './startup.ts';

/** BENCH_DATABASE_URL, or an embedded PostgreSQL in a temporary folder. */
export async function benchDatabaseUrl(): Promise<{ url: string; stop(): Promise<void> }> {
  if (process.env.BENCH_DATABASE_URL) return { url: process.env.BENCH_DATABASE_URL, stop: async () => {} };
  const pg = await startEmbeddedPostgres(tempDataDir(), { owner: true });
  return { url: pg.url, stop: () => pg.stop() };
}

/** A listening Switchboard on `url` with these settings; answers its base URL and a stop function. */
export async function listeningApp(url: string, env: Record<string, string>) {
  await migrate(url);
  const database = openDatabase(url, { max: 5 });
  const config = loadConfig({ DATABASE_URL: url, LOG_LEVEL: 'silent', ...env });
  const app = await buildApp({
    config,
    database,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    logger: false,
  });
  const base = await app.listen({ port: 0, host: '127.0.0.1' });
  return {
    app,
    database,
    base,
    stop: async () => {
      await app.close();
      await database.close();
    },
  };
}

export const median = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)];
export const p95 = (values: number[]) => [...values].sort((a, b) => a - b)[Math.floor(values.length * 0.95)];
