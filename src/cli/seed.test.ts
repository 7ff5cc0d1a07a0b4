import { execFile } from 'node:child_process';
import path from 'node:path';
import { promisify } from 'node:util';
import pg from 'pg';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestDatabase } from '../../test/helpers/database.ts';

const run = promisify(execFile);
const BIN = path.resolve(import.meta.dirname, '../../bin/switchboard.js');
const database = await createTestDatabase();
afterAll(() => database.drop());

function seed(args: string[]) {
  return run(process.execPath, [BIN, 'seed', ...args], {
    env: { ...process.env, LOG_LEVEL: 'warn', DATABASE_URL: database.url },
    timeout: 120_000,
  });
}

describe('switchboard seed', () => {
  it('creates an account with the asked dataset, reports progress on stderr and a summary on stdout', async () => {
    const { stdout, stderr } = await seed(['--conversations', '40', '--messages', '300', '--json']);
    const result = JSON.parse(stdout.trim());
    expect(result.rows).toMatchObject({ conversations: 40, messages: 300 });
    expect(result.rowsPerSecond).toBeGreaterThan(0);
    expect(stderr).toMatch(/messages\s+\[#+\] 100%/);
    const client = new pg.Client({ connectionString: database.url });
    await client.connect();
    const { rows } = await client.query('SELECT count(*)::int AS n FROM messages WHERE account_id = $1', [
      result.accountId,
    ]);
    await client.end();
    expect(rows[0].n).toBe(300);

    const human = await seed(['--conversations', '5', '--messages', '20', '--seed', '3']);
    expect(human.stdout).toMatch(/api_access_token\s+\S+/);
    expect(human.stdout).toMatch(/seeded [\d,]+ rows in [\d.]+ s \([\d,]+ rows\/s/);
  });

  it('explains impossible sizes and leaves no account behind', async () => {
    const accounts = async () => {
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      const { rows } = await client.query('SELECT count(*)::int AS n FROM accounts');
      await client.end();
      return rows[0].n;
    };
    const before = await accounts();
    const failed = await seed(['--conversations', '10', '--messages', '5']).catch((e) => e);
    expect(failed.code).toBe(1);
    expect(failed.stderr).toMatch(/--messages \(5\) must be at least --conversations/);
    const bad = await seed(['--conversations', 'many']).catch((e) => e);
    expect(bad.stderr).toMatch(/--conversations must be a positive integer/);
    expect(await accounts()).toBe(before);
  });
});
