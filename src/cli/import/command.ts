// `switchboard import chatwoot --url URL --token TOKEN --account ID [--into ID] [--since DATE] [--dry-run] [--json]`
import { parseArgs } from 'node:util';
import type { Config } from '../../config.ts';
import { connect } from '../../db/connect.ts';
import { createStorage } from '../../storage/create.ts';
import { importChatwoot, progressLine, summaryTable } from './import-chatwoot.ts';

export const IMPORT_USAGE = `  import chatwoot --url URL --token TOKEN --account ID [--into ID] [--since DATE] [--dry-run] [--json]
                             copy an account of a running Chatwoot (Application API, a user's access token)
                             into this installation; re-running continues where it stopped`;

export async function runImport(args: string[], config: Config): Promise<number> {
  const [kind, ...rest] = args;
  if (kind !== 'chatwoot') {
    process.stderr.write(`Usage:\n${IMPORT_USAGE}\n`);
    return 1;
  }
  const { values } = parseArgs({
    args: rest,
    options: {
      url: { type: 'string' },
      token: { type: 'string' },
      account: { type: 'string' },
      into: { type: 'string' },
      since: { type: 'string' },
      'dry-run': { type: 'boolean', default: false },
      json: { type: 'boolean', default: false },
    },
  });
  const accountId = Number(values.account);
  if (!values.url || !values.token || !Number.isInteger(accountId) || accountId < 1) {
    process.stderr.write(`--url, --token and --account (a number) are required.\nUsage:\n${IMPORT_USAGE}\n`);
    return 1;
  }
  const into = values.into === undefined ? undefined : Number(values.into);
  if (into !== undefined && !(Number.isInteger(into) && into > 0))
    throw new Error(`--into must be an account id (got "${values.into}")`);
  const since = values.since === undefined ? undefined : new Date(values.since);
  if (since && Number.isNaN(since.getTime()))
    throw new Error(`--since must be a date such as 2026-01-31 (got "${values.since}")`);
  const connected = await connect(config, { owner: false });
  try {
    const result = await importChatwoot(connected.database.db, createStorage(config), {
      url: values.url,
      token: values.token,
      accountId,
      intoAccountId: into,
      since,
      dryRun: values['dry-run'],
      progress: (tally) => process.stderr.write(progressLine(tally) + '\n'),
    });
    process.stdout.write((values.json ? JSON.stringify(result) : summaryTable(result)) + '\n');
    return 0;
  } finally {
    await connected.close();
  }
}
