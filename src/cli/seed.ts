// `switchboard seed`: a new account filled with a realistic dataset, bulk-loaded, on the configured database.
import { parseArgs } from 'node:util';
import type { Config } from '../config.ts';
import { connect } from '../db/connect.ts';
import { seedAccount, type SeedResult } from '../db/seed/index.ts';
import { removeSeededAccount } from '../db/seed/cleanup.ts';
import { stderrProgress } from '../db/seed/progress.ts';
import { checkSize } from '../db/seed/plan.ts';
import { bootstrap } from '../domain/accounts/bootstrap.ts';

export const SEED_USAGE = `  seed [--conversations N] [--messages N] [--contacts N] [--days N] [--seed N] [--jobs N] [--json]
                             a new account with a generated dataset (default 1,000 conversations and
                             10,000 messages), bulk-loaded with COPY; prints its API token`;

function count(value: string | undefined, name: string, fallback?: number): number | undefined {
  if (value === undefined) return fallback;
  const n = Number(value.replace(/[_,]/g, ''));
  if (!Number.isInteger(n) || n < 1) throw new Error(`--${name} must be a positive integer (got "${value}")`);
  return n;
}

const fmt = (n: number) => Math.round(n).toLocaleString('en-US');

function summary(result: SeedResult, token: string): string {
  const { rows } = result;
  return [
    `account_id         ${result.accountId}`,
    `api_access_token   ${token}`,
    `rows               ${fmt(rows.conversations)} conversations, ${fmt(rows.messages)} messages, ${fmt(rows.contacts)} contacts, ${fmt(rows.contactInboxes)} contact inboxes, ${rows.agents} agents`,
    `longest            ${result.longestConversations
      .slice(0, 3)
      .map((c) => `#${c.displayId} (${fmt(c.messages)} messages)`)
      .join(', ')}`,
    `rare tokens        ${result.rareTokens.map((t) => `${t.token} (${fmt(t.messages)})`).join(', ')}`,
    `seeded ${fmt(result.totalRows)} rows in ${(result.ms / 1000).toFixed(1)} s (${fmt(result.rowsPerSecond)} rows/s; ${result.jobs} COPY streams, foreign-key checks ${result.foreignKeyChecks ? 'on' : 'off, references verified in bulk'})`,
  ].join('\n');
}

export async function runSeed(args: string[], config: Config): Promise<number> {
  const { values } = parseArgs({
    args,
    options: {
      conversations: { type: 'string' },
      messages: { type: 'string' },
      contacts: { type: 'string' },
      days: { type: 'string' },
      seed: { type: 'string' },
      jobs: { type: 'string' },
      account: { type: 'string' },
      'fk-checks': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const conversations = count(values.conversations, 'conversations', 1_000)!;
  const options = {
    conversations,
    messages: count(values.messages, 'messages', conversations * 10)!,
    contacts: count(values.contacts, 'contacts'),
    days: count(values.days, 'days'),
    seed: count(values.seed, 'seed'),
    jobs: count(values.jobs, 'jobs'),
    foreignKeyChecks: values['fk-checks'] ? true : ('auto' as const),
  };
  checkSize(options);
  const connected = await connect(config, { owner: false });
  try {
    const account = await bootstrap(connected.database.db, {
      accountName: values.account ?? `Seed ${new Date().toISOString().slice(0, 16)}`,
    });
    let result: SeedResult;
    try {
      result = await seedAccount(connected.url, {
        ...options,
        accountId: account.account_id,
        progress: stderrProgress(),
      });
    } catch (error) {
      await removeSeededAccount(connected.database.pool, account.account_id).catch(() => {});
      throw error;
    }
    process.stdout.write(
      values.json
        ? JSON.stringify({
            ...result,
            api_access_token: account.api_access_token,
            email: account.email,
            password: account.password,
          }) + '\n'
        : summary(result, account.api_access_token) + '\n',
    );
    return 0;
  } finally {
    await connected.close();
  }
}
