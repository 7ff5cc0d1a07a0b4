import { spawn, execFile } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { describe, expect, it, onTestFinished } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';
import { openDatabase } from '../db/pool.ts';
import { tokenDigest } from '../domain/auth/secrets.ts';
import { freePort } from '../../bench/startup.ts';
import { removeEmbeddedData, TEST_POSTGRES_HOMES } from '../../test/helpers/embedded-home.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/switchboard.js');

function cli(args: string[], env: Record<string, string>) {
  return run(process.execPath, [BIN, ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', ...env },
    timeout: 120_000,
  });
}

describe('switchboard CLI', () => {
  it('bootstrap --json prints one JSON object and the token works', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const { stdout } = await cli(
      ['bootstrap', '--json', '--account', 'CLI Co', '--email', 'cli@example.com', '--password', 'secret123'],
      {
        DATABASE_URL: database.url,
      },
    );
    const result = JSON.parse(stdout.trim());
    // No platform token: platform apps are the installation operator's (platform-app create), never an account's.
    expect(Object.keys(result).sort()).toEqual(['account_id', 'api_access_token', 'email', 'password', 'user_id']);
    expect(result).toMatchObject({ email: 'cli@example.com', password: 'secret123' });
    const again = await cli(['bootstrap', '--json', '--email', 'cli@example.com'], {
      DATABASE_URL: database.url,
    }).catch((e) => e);
    expect(again.code).toBe(1);
    expect(again.stderr).toMatch(/Email has already been taken/);
    const reset = await cli(['reset-password', 'CLI@example.com', '--password', 'fresh-pass-1'], {
      DATABASE_URL: database.url,
    });
    expect(reset.stdout).toMatch(/New password for CLI@example.com: fresh-pass-1/);
    const missing = await cli(['reset-password', 'nobody@example.com'], { DATABASE_URL: database.url }).catch((e) => e);
    expect(missing.code).toBe(1);
    expect(missing.stderr).toMatch(/User could not be found/);
  });

  it('platform-app create prints a token once (stored hashed), list shows the app, revoke ends it', async () => {
    const database = await createTestDatabase();
    onTestFinished(() => database.drop());
    const env = { DATABASE_URL: database.url };
    const account = JSON.parse((await cli(['bootstrap', '--json', '--account', 'Granted'], env)).stdout.trim());
    const { stdout } = await cli(
      ['platform-app', 'create', '--name', 'Reseller', '--account', String(account.account_id), '--json'],
      env,
    );
    const app = JSON.parse(stdout.trim());
    expect(app).toEqual({
      platform_app_id: expect.any(Number),
      name: 'Reseller',
      platform_token: expect.any(String),
      account_ids: [account.account_id],
    });
    const listed = JSON.parse((await cli(['platform-app', 'list', '--json'], env)).stdout.trim());
    expect(listed).toEqual([
      expect.objectContaining({ id: app.platform_app_id, name: 'Reseller', accounts: 1, users: 0, agent_bots: 0 }),
    ]);
    const db = openDatabase(database.url, { max: 1 });
    const stored = await db.db
      .selectFrom('access_tokens')
      .select('token_digest')
      .where('owner_type', '=', 'PlatformApp')
      .execute();
    await db.close();
    expect(stored).toEqual([{ token_digest: tokenDigest(app.platform_token) }]);
    const revoked = await cli(['platform-app', 'revoke', String(app.platform_app_id)], env);
    expect(revoked.stdout).toMatch(/Revoked platform app/);
    const missing = await cli(['platform-app', 'create'], env).catch((e) => e);
    expect(missing.stderr).toMatch(/--name/);
    const unknown = await cli(['platform-app', 'revoke', String(app.platform_app_id)], env).catch((e) => e);
    expect(unknown.stderr).toMatch(/Platform app could not be found/);
  }, 120_000); // six CLI processes, each connecting and migrating: slow on a loaded machine

  it('explains bad settings and unknown commands', async () => {
    const bad = await cli(['migrate'], { PORT: 'nope' }).catch((e) => e);
    expect(bad.code).toBe(1);
    expect(bad.stderr).toMatch(/Configuration error: PORT must be an integer/);
    const unknown = await cli(['frobnicate'], {}).catch((e) => e);
    expect(unknown.stderr).toMatch(/Unknown command "frobnicate"/);
  });

  it('starts on an embedded PostgreSQL and bootstraps while the server runs', async () => {
    const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-cli-'));
    const port = await freePort();
    const env = {
      ...process.env,
      DATA_DIR: dataDir,
      PORT: String(port),
      HOST: '127.0.0.1',
      LOG_LEVEL: 'warn',
      DATABASE_URL: '',
      SWITCHBOARD_POSTGRES_HOME: TEST_POSTGRES_HOMES,
    };
    const server = spawn(process.execPath, [BIN, 'start'], { env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    let errors = '';
    server.stdout.on('data', (chunk) => (output += chunk));
    server.stderr.on('data', (chunk) => (errors += chunk));
    try {
      for (let i = 0; i < 900 && !output.includes('is ready at') && server.exitCode === null; i++)
        await new Promise((r) => setTimeout(r, 100));
      expect(errors).toBe('');
      expect(output).toContain(`is ready at http://127.0.0.1:${port}`);
      expect(output).toMatch(/api_access_token\s+\S+/);
      expect(output).toMatch(/installation's platform token[^\n]*\n\s+platform_token\s+\S+/);
      const platformToken = /platform_token\s+(\S+)/.exec(output)![1];
      const granted = await fetch(`http://127.0.0.1:${port}/platform/api/v1/accounts`, {
        headers: { api_access_token: platformToken },
      });
      expect((await granted.json()).map((a: { name: string }) => a.name)).toEqual(['My Company']);
      const { stdout } = await cli(['bootstrap', '--json', '--account', 'Second'], {
        DATA_DIR: dataDir,
        DATABASE_URL: '',
        SWITCHBOARD_POSTGRES_HOME: TEST_POSTGRES_HOMES,
      });
      const second = JSON.parse(stdout.trim());
      const res = await fetch(`http://127.0.0.1:${port}/api/v1/accounts/${second.account_id}`, {
        headers: { api_access_token: second.api_access_token },
      });
      expect(res.status).toBe(200);
      expect((await res.json()).name).toBe('Second');
    } finally {
      if (server.exitCode === null) {
        const exited = new Promise((r) => server.once('exit', r));
        server.kill('SIGTERM');
        await exited;
      }
      removeEmbeddedData(dataDir);
    }
  }, 150_000);
});
