import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { performance } from 'node:perf_hooks';

const ROOT = path.resolve(import.meta.dirname, '..');

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = net.createServer();
    server.on('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as net.AddressInfo;
      server.close(() => resolve(port));
    });
  });
}

async function waitHealthy(url: string, child: ChildProcess, timeoutMs = 120_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with ${child.exitCode}`);
    try {
      const res = await fetch(`${url}/health`);
      if (res.ok) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  throw new Error('server did not become healthy in time');
}

export function rssKiB(pid: number): number {
  const status = fs.readFileSync(`/proc/${pid}/status`, 'utf8');
  return Number(/VmRSS:\s+(\d+)/.exec(status)?.[1] ?? 0);
}

/** RSS of the embedded PostgreSQL: every process whose command line names the data folder. */
export function postgresRssKiB(dataDir: string): number {
  let total = 0;
  for (const pid of fs.readdirSync('/proc').filter((p) => /^\d+$/.test(p))) {
    try {
      const cmd = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8');
      const parent = Number(/PPid:\s+(\d+)/.exec(fs.readFileSync(`/proc/${pid}/status`, 'utf8'))?.[1]);
      const isPostmaster = cmd.includes(path.join(dataDir, 'postgres'));
      const parentCmd = parent ? fs.readFileSync(`/proc/${parent}/cmdline`, 'utf8') : '';
      if (isPostmaster || parentCmd.includes(path.join(dataDir, 'postgres'))) total += rssKiB(Number(pid));
    } catch {
      // process went away
    }
  }
  return total;
}

export interface StartMeasurement {
  readyMs: number;
  nodeRssKiB: number;
  postgresRssKiB: number;
}

/** Starts `switchboard start` on `dataDir` as a new user would, times it to a healthy /health, then stops it. */
export async function measureStart(dataDir: string, idleMs = 2000): Promise<StartMeasurement> {
  const port = await freePort();
  const started = performance.now();
  const child = spawn(process.execPath, [path.join(ROOT, 'bin/switchboard.js'), 'start'], {
    env: {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
    },
    stdio: ['ignore', 'ignore', 'inherit'],
  });
  try {
    await waitHealthy(`http://127.0.0.1:${port}`, child);
    const readyMs = performance.now() - started;
    await new Promise((r) => setTimeout(r, idleMs));
    return { readyMs, nodeRssKiB: rssKiB(child.pid!), postgresRssKiB: postgresRssKiB(dataDir) };
  } finally {
    // A server that already died (a failed start) has no 'exit' left to wait for.
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

export function tempDataDir(): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-bench-'));
}
