import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';

/**
 * PostgreSQL refuses to run as root. As root, the embedded server runs as the unprivileged "postgres" user
 * from a home it owns: a copy of the binaries and the data folder side by side, under
 * `SWITCHBOARD_POSTGRES_HOME` (default /var/lib/switchboard), one home per Switchboard data folder. Nothing
 * outside that home changes owner or mode, wherever the project was cloned (a 0700 home or temp folder).
 */
export interface RootHome {
  /** The data folder PostgreSQL runs on (holds postmaster.pid). */
  pgDir: string;
  binDir: string;
  uid: number;
  gid: number;
}

const POSTGRES_USER = 'postgres';

function postgresIds(): { uid: number; gid: number } {
  const id = (flag: string) => Number(execFileSync('id', [flag, POSTGRES_USER], { encoding: 'utf8' }).trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('groupadd', ['--system', POSTGRES_USER], { stdio: 'ignore' });
    execFileSync('useradd', ['--system', '-g', POSTGRES_USER, '--no-create-home', POSTGRES_USER], { stdio: 'ignore' });
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** The home for `dataDir`, created with the binaries copied in (again when the installed package changes). */
export function prepareRootHome(dataDir: string, postgresBinary: string, packageVersion: string): RootHome {
  const { uid, gid } = postgresIds();
  const base = process.env.SWITCHBOARD_POSTGRES_HOME ?? '/var/lib/switchboard';
  const key = crypto.createHash('sha256').update(path.resolve(dataDir)).digest('hex').slice(0, 16);
  const home = path.join(base, `postgres-${key}`);
  fs.mkdirSync(base, { recursive: true, mode: 0o755 });
  if (!(fs.statSync(base).mode & 0o001)) {
    throw new Error(
      `${base} must be passable by the postgres user (mode o+x), or set SWITCHBOARD_POSTGRES_HOME to a folder that is`,
    );
  }
  fs.mkdirSync(home, { recursive: true, mode: 0o700 });
  fs.chownSync(home, uid, gid);
  fs.chmodSync(home, 0o700);
  // The binaries find their libraries and share/ relative to bin/: copy the package's whole native folder.
  const native = path.dirname(path.dirname(postgresBinary));
  const copy = path.join(home, 'native');
  const marker = path.join(copy, '.switchboard-version');
  if (!fs.existsSync(marker) || fs.readFileSync(marker, 'utf8') !== packageVersion) {
    fs.rmSync(copy, { recursive: true, force: true });
    fs.cpSync(native, copy, { recursive: true, verbatimSymlinks: true });
    fs.writeFileSync(marker, packageVersion);
  }
  const pgDir = path.join(home, 'data');
  fs.mkdirSync(pgDir, { recursive: true, mode: 0o700 });
  fs.chownSync(pgDir, uid, gid);
  // Where the data lives, for whoever looks in the project's data folder.
  fs.writeFileSync(path.join(dataDir, 'postgres-home'), `${home}\n`);
  return { pgDir, binDir: path.join(copy, 'bin'), uid, gid };
}

/** initdb, as the postgres user, when the data folder holds no cluster yet. */
export function initialiseAsPostgres(home: RootHome, user: string, password: string): void {
  if (fs.existsSync(path.join(home.pgDir, 'PG_VERSION'))) return;
  const pwfile = path.join(path.dirname(home.pgDir), 'initdb-password');
  fs.writeFileSync(pwfile, `${password}\n`, { mode: 0o600 });
  fs.chownSync(pwfile, home.uid, home.gid);
  try {
    execFileSync(
      path.join(home.binDir, 'initdb'),
      [
        `--pgdata=${home.pgDir}`,
        '--auth=password',
        `--username=${user}`,
        `--pwfile=${pwfile}`,
        '--encoding=UTF8',
        '--locale=C',
      ],
      { uid: home.uid, gid: home.gid, stdio: 'pipe' },
    );
  } finally {
    fs.rmSync(pwfile, { force: true });
  }
}

/** Starts postgres as the postgres user; resolves once it accepts connections, rejects if it exits first. */
export function startAsPostgres(
  home: RootHome,
  port: number,
  flags: string[],
  log?: (m: string) => void,
): Promise<ChildProcess> {
  const child = spawn(path.join(home.binDir, 'postgres'), ['-D', home.pgDir, '-p', String(port), ...flags], {
    uid: home.uid,
    gid: home.gid,
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const onExit = (code: number | null) =>
      reject(new Error(`postgres exited (${code}) before accepting connections: ${output.slice(-2000)}`));
    child.once('exit', onExit);
    child.once('error', reject);
    child.stderr!.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      log?.(text.trim());
      output += text;
      if (text.includes('ready to accept connections')) {
        child.off('exit', onExit);
        resolve(child);
      }
    });
  });
}
