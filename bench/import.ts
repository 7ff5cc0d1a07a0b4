// `npm run bench -- --import [--quick]`: `switchboard import chatwoot` speed in messages/s, reading from a
// second Switchboard standing in for Chatwoot (same Application API) over HTTP on 127.0.0.1, writing into a
// database of its own. Also the re-run that finds everything copied already.
import fs from 'node:fs';
import os from 'node:os';
import pg from 'pg';
import { loadConfig } from '../src/config.ts';
import { migrate } from '../src/db/migrate.ts';
import { openDatabase } from '../src/db/pool.ts';
import { buildApp } from '../src/app.ts';
import { createMailer } from '../src/domain/mail/mailer.ts';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { createStorage } from '../src/storage/create.ts';
import { importChatwoot } from '../src/cli/import/import-chatwoot.ts';
import { seedStandIn } from '../test/helpers/chatwoot-standin.ts';
import { benchDatabaseUrl } from './bench-app.ts';
import { withDatabase } from './dataset.ts';
import { freePort, tempDataDir } from './startup.ts';

const quick = process.argv.includes('--quick');
const size = quick
  ? { contacts: 50, conversations: 40, messagesPerConversation: 25 }
  : { contacts: 200, conversations: 120, messagesPerConversation: 30 };

const server = await benchDatabaseUrl();
const suffix = `${process.pid}_${Date.now()}`;
const names = { source: `bench_import_source_${suffix}`, target: `bench_import_target_${suffix}` };
const admin = new pg.Client({ connectionString: withDatabase(server.url, 'postgres') });
await admin.connect();
for (const name of Object.values(names)) await admin.query(`CREATE DATABASE ${name}`);
const dirs = { source: tempDataDir(), target: tempDataDir() };
const rows: [string, string, string][] = [];
try {
  const sourceUrl = withDatabase(server.url, names.source);
  const targetUrl = withDatabase(server.url, names.target);
  await migrate(sourceUrl);
  await migrate(targetUrl);
  const port = await freePort();
  const base = `http://127.0.0.1:${port}`;
  const sourceDb = openDatabase(sourceUrl, { max: 5 });
  const config = loadConfig({
    DATABASE_URL: sourceUrl,
    LOG_LEVEL: 'silent',
    PUBLIC_URL: base,
    DATA_DIR: dirs.source,
    RATE_LIMIT_STORE: 'off',
  });
  const app = await buildApp({
    config,
    database: sourceDb,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    logger: false,
  });
  await app.listen({ port, host: '127.0.0.1' });
  const targetDb = openDatabase(targetUrl, { max: 5 });
  try {
    const account = await bootstrap(sourceDb.db, { accountName: 'Bench source' });
    let started = performance.now();
    await seedStandIn(base, account.account_id, account.api_access_token, size);
    const seedMs = performance.now() - started;
    const messages = Number(
      (
        await sourceDb.db
          .selectFrom('messages')
          .select((eb) => eb.fn.countAll<string>().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    rows.push([
      'stand-in seeded through its API',
      `${messages.toLocaleString('en')} messages`,
      `${size.conversations} conversations, ${size.contacts} contacts, in ${(seedMs / 1000).toFixed(1)} s`,
    ]);
    const storage = createStorage(loadConfig({ DATABASE_URL: targetUrl, DATA_DIR: dirs.target }));
    const options = { url: base, token: account.api_access_token, accountId: account.account_id };
    started = performance.now();
    const first = await importChatwoot(targetDb.db, storage, options);
    const firstMs = performance.now() - started;
    const copied = first.tallies.find((t) => t.phase === 'messages')!.copied;
    rows.push([
      'import, every phase',
      `${(copied / (firstMs / 1000)).toFixed(0)} messages/s`,
      `${copied.toLocaleString('en')} messages in ${(firstMs / 1000).toFixed(1)} s (all phases, HTTP reads + writes), ${first.notes.length} notes`,
    ]);
    started = performance.now();
    const again = await importChatwoot(targetDb.db, storage, options);
    const againMs = performance.now() - started;
    const existing = again.tallies.find((t) => t.phase === 'messages')!.existing;
    rows.push([
      're-run, everything already copied',
      `${(againMs / 1000).toFixed(1)} s`,
      `${existing.toLocaleString('en')} messages found mapped, ${again.tallies.reduce((n, t) => n + t.copied, 0)} records copied`,
    ]);
  } finally {
    await app.close();
    await sourceDb.close();
    await targetDb.close();
  }
} finally {
  for (const name of Object.values(names)) await admin.query(`DROP DATABASE IF EXISTS ${name} WITH (FORCE)`);
  await admin.end();
  await server.stop();
  for (const dir of Object.values(dirs)) fs.rmSync(dir, { recursive: true, force: true });
}

const width = [0, 1, 2].map((c) => Math.max(...rows.map((r) => r[c].length), ['figure', 'value', 'note'][c].length));
const line = (r: string[]) => r.map((cell, c) => cell.padEnd(width[c])).join(' | ');
console.log(
  `\nImport bench (${quick ? 'quick' : 'full'}) — ${os.cpus().length} cores, Node ${process.versions.node}\n`,
);
console.log(line(['figure', 'value', 'note']));
console.log(width.map((w) => '-'.repeat(w)).join('-|-'));
for (const row of rows) console.log(line(row));
