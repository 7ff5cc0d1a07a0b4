import type { Config } from '../config.ts';
import { startEmbeddedPostgres, type EmbeddedDatabase } from './embedded.ts';
import { migrate } from './migrate.ts';
import { openDatabase, type DatabaseHandle } from './pool.ts';

export interface Connected {
  database: DatabaseHandle;
  embedded?: EmbeddedDatabase;
  url: string;
  appliedMigrations: string[];
  close(): Promise<void>;
}

/**
 * DATABASE_URL when set, else the embedded PostgreSQL in DATA_DIR. Either way the same migrations and
 * the same code path follow. `owner` says whether this process stops an embedded server it starts.
 */
export async function connect(
  config: Config,
  options: { owner: boolean; log?: (m: string) => void },
): Promise<Connected> {
  const embedded = config.databaseUrl ? undefined : await startEmbeddedPostgres(config.dataDir, options);
  const url = config.databaseUrl ?? embedded!.url;
  const appliedMigrations = await migrate(url);
  const database = openDatabase(url, { prepared: config.databasePreparedStatements });
  return {
    database,
    embedded,
    url,
    appliedMigrations,
    async close() {
      await database.close();
      await embedded?.stop();
    },
  };
}
