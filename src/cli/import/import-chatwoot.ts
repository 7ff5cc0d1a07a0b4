// `switchboard import chatwoot`: an account of a running Chatwoot copied into this installation, phase by phase.
import type { Db } from '../../db/pool.ts';
import type { ObjectStorage } from '../../storage/object-storage.ts';
import { bootstrap, type BootstrapResult } from '../../domain/accounts/bootstrap.ts';
import { ChatwootSource, type SourceOptions } from './chatwoot-source.ts';
import { Mappings, importedAccount, rememberAccount } from './mappings.ts';
import {
  importAgents,
  importCannedResponses,
  importContacts,
  importConversations,
  importCustomAttributes,
  importInboxes,
  importLabels,
  importTeams,
  type ImportContext,
  type Tally,
} from './phases.ts';

export interface ImportOptions extends SourceOptions {
  /** The account here to import into; by default the one an earlier run of this source made, else a new one. */
  intoAccountId?: number;
  since?: Date;
  dryRun?: boolean;
  progress?: (tally: Tally) => void;
}

export interface ImportResult {
  accountId: number | null;
  /** Set when this run made the account: its administrator's sign-in. */
  admin?: Pick<BootstrapResult, 'email' | 'password' | 'api_access_token'>;
  tallies: Tally[];
  notes: string[];
  dryRun: boolean;
  ms: number;
}

async function targetAccount(
  db: Db,
  source: ChatwootSource,
  options: ImportOptions,
): Promise<{ accountId: number | null; admin?: BootstrapResult }> {
  if (options.intoAccountId) {
    const account = await db
      .selectFrom('accounts')
      .select('id')
      .where('id', '=', options.intoAccountId)
      .executeTakeFirst();
    if (!account) throw new Error(`There is no account ${options.intoAccountId} here`);
    return { accountId: account.id };
  }
  const earlier = await importedAccount(db, source.key);
  if (earlier) return { accountId: earlier };
  if (options.dryRun) return { accountId: null };
  const name = (await source.account().catch(() => ({}) as { name?: string })).name || `Imported from ${source.base}`;
  const admin = await bootstrap(db, { accountName: name });
  return { accountId: admin.account_id, admin };
}

export async function importChatwoot(db: Db, storage: ObjectStorage, options: ImportOptions): Promise<ImportResult> {
  const started = performance.now();
  const source = new ChatwootSource(options);
  const dryRun = Boolean(options.dryRun);
  const { accountId, admin } = await targetAccount(db, source, options);
  if (accountId && !dryRun) await rememberAccount(db, accountId, source.key);
  const ctx: ImportContext = {
    db,
    storage,
    source,
    // A dry run into an account not made yet finds nothing mapped (account 0 has no rows).
    mappings: new Mappings(db, accountId ?? 0, source.key),
    accountId: accountId ?? 0,
    dryRun,
    since: options.since,
    notes: [],
    progress: options.progress ?? (() => {}),
  };
  const tallies: Tally[] = [];
  for (const phase of [
    importInboxes,
    importAgents,
    importTeams,
    importLabels,
    importCustomAttributes,
    importCannedResponses,
    importContacts,
  ]) {
    tallies.push(await phase(ctx));
  }
  const { conversations, messages } = await importConversations(ctx);
  tallies.push(conversations, messages);
  return {
    accountId,
    ...(admin
      ? { admin: { email: admin.email, password: admin.password, api_access_token: admin.api_access_token } }
      : {}),
    tallies,
    notes: [...new Set(ctx.notes)],
    dryRun,
    ms: performance.now() - started,
  };
}

const pad = (value: string | number, width: number) => String(value).padStart(width);

export function progressLine(tally: Tally): string {
  return `${tally.phase.padEnd(18)} ${pad(tally.found, 7)} found ${pad(tally.copied, 7)} copied ${pad(tally.existing, 7)} already here ${pad(tally.skipped, 5)} skipped`;
}

export function summaryTable(result: ImportResult): string {
  const copied = result.dryRun ? 'to copy' : 'copied';
  const lines = [
    `${'kind'.padEnd(18)} ${pad('found', 7)} ${pad(copied, 8)} ${pad('already here', 12)} ${pad('skipped', 7)}`,
    ...result.tallies.map(
      (t) => `${t.phase.padEnd(18)} ${pad(t.found, 7)} ${pad(t.copied, 8)} ${pad(t.existing, 12)} ${pad(t.skipped, 7)}`,
    ),
    '',
    result.dryRun
      ? 'Dry run: nothing was written.'
      : `Imported into account ${result.accountId} in ${(result.ms / 1000).toFixed(1)} s.`,
  ];
  if (result.admin)
    lines.push(
      `New account's administrator: ${result.admin.email} / ${result.admin.password} (api_access_token ${result.admin.api_access_token})`,
    );
  if (!result.dryRun)
    lines.push(
      'Imported agents have no password: each sets one with "Forgot password" or `switchboard reset-password EMAIL`.',
    );
  if (result.notes.length) lines.push('', 'Notes:', ...result.notes.map((note) => `  - ${note}`));
  return lines.join('\n');
}
