import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { freePort } from '../../bench/startup.ts';

/**
 * Redis and NATS for the few tests that exercise those transports. Used when reachable (TEST_REDIS_URL /
 * TEST_NATS_URL, else the default local ports); otherwise started here from Debian's `redis-server` /
 * `nats-server` on a free loopback port; otherwise the tests that need them are skipped with the reason.
 */
export interface ExternalService {
  url?: string;
  skipped?: string;
  stop(): Promise<void>;
}

interface ServiceSpec {
  name: string;
  envUrl: string | undefined;
  defaultUrl: string;
  binary: string;
  args(port: number, dir: string): string[];
}

const SPECS = {
  redis: {
    name: 'Redis',
    envUrl: process.env.TEST_REDIS_URL,
    defaultUrl: 'redis://127.0.0.1:6379',
    binary: 'redis-server',
    args: (port: number, dir: string) => [
      '--port',
      String(port),
      '--bind',
      '127.0.0.1',
      '--save',
      '',
      '--appendonly',
      'no',
      '--dir',
      dir,
    ],
  },
  nats: {
    name: 'NATS',
    envUrl: process.env.TEST_NATS_URL,
    defaultUrl: 'nats://127.0.0.1:4222',
    binary: 'nats-server',
    args: (port: number, dir: string) => ['-a', '127.0.0.1', '-p', String(port), '-js', '-sd', dir],
  },
} satisfies Record<string, ServiceSpec>;

export type ServiceName = keyof typeof SPECS;

function accepts(url: string, timeoutMs = 1000): Promise<boolean> {
  const { hostname, port } = new URL(url);
  return new Promise((resolve) => {
    const socket = net.connect({ host: hostname, port: Number(port) });
    const done = (ok: boolean) => {
      socket.destroy();
      resolve(ok);
    };
    socket.setTimeout(timeoutMs, () => done(false));
    socket.once('connect', () => done(true));
    socket.once('error', () => done(false));
  });
}

function onPath(binary: string): string | undefined {
  const dirs = [...(process.env.PATH ?? '').split(path.delimiter), '/usr/sbin', '/usr/bin', '/usr/local/bin'];
  return dirs.map((dir) => path.join(dir, binary)).find((candidate) => fs.existsSync(candidate));
}

async function waitUntilAccepting(url: string, child: ChildProcess, timeoutMs: number): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with code ${child.exitCode}`);
    if (await accepts(url, 200)) return;
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error(`not accepting connections after ${timeoutMs} ms`);
}

export async function ensureService(which: ServiceName): Promise<ExternalService> {
  const spec: ServiceSpec = SPECS[which];
  const configured = spec.envUrl ?? spec.defaultUrl;
  if (await accepts(configured)) return { url: configured, stop: async () => {} };
  const binary = onPath(spec.binary);
  if (!binary) {
    return {
      skipped: `${spec.name} is not reachable at ${configured} and \`${spec.binary}\` is not installed (apt-get install ${spec.binary})`,
      stop: async () => {},
    };
  }
  const port = await freePort();
  const scheme = new URL(spec.defaultUrl).protocol;
  const url = `${scheme}//127.0.0.1:${port}`;
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), `switchboard-test-${which}-`));
  const child = spawn(binary, spec.args(port, dir), { stdio: 'ignore' });
  const stop = async () => {
    if (child.exitCode === null) {
      const exited = new Promise((r) => child.once('exit', r));
      child.kill('SIGTERM');
      await exited;
    }
    fs.rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitUntilAccepting(url, child, 10_000);
  } catch (error) {
    await stop();
    return {
      skipped: `${spec.name} could not be started from ${binary}: ${(error as Error).message}`,
      stop: async () => {},
    };
  }
  return { url, stop };
}
