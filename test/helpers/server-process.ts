import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';
import { freePort } from '../../bench/startup.ts';

export interface ServerProcess {
  url: string;
  stop(): Promise<void>;
  /** kill -9: the process dies mid-work, no shutdown hooks run. */
  kill(): Promise<void>;
}

/** A second Switchboard server, as its own OS process (`switchboard start`), on the given database. */
export async function startServerProcess(
  databaseUrl: string,
  env: Record<string, string> = {},
): Promise<ServerProcess> {
  const port = await freePort();
  const child: ChildProcess = spawn(
    process.execPath,
    [path.resolve(import.meta.dirname, '../../bin/switchboard.js'), 'start'],
    {
      env: {
        ...process.env,
        DATABASE_URL: databaseUrl,
        PORT: String(port),
        HOST: '127.0.0.1',
        LOG_LEVEL: 'warn',
        RATE_LIMIT_STORE: 'off',
        ...env,
      },
      stdio: ['ignore', 'pipe', 'inherit'],
    },
  );
  let output = '';
  child.stdout!.on('data', (chunk) => (output += chunk));
  let gone = false;
  const exited = new Promise((resolve) => child.once('exit', (code) => ((gone = true), resolve(code))));
  // Up to 90 s: a loaded CI machine starts a process far slower than an idle one; an exit ends the wait at once.
  for (let i = 0; i < 1800 && !gone && !output.includes('is ready at'); i++)
    await new Promise((r) => setTimeout(r, 50));
  if (!output.includes('is ready at')) {
    child.kill('SIGKILL');
    throw new Error(`second server did not start: ${output}`);
  }
  return {
    url: `http://127.0.0.1:${port}`,
    async stop() {
      child.kill('SIGTERM');
      await exited;
    },
    async kill() {
      child.kill('SIGKILL');
      await exited;
    },
  };
}
