import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { DASHBOARD_DIST } from '../api/system/dashboard.ts';
import { SDK_DIST, WIDGET_DIST } from '../api/system/widget-page.ts';
import { ConfigError, loadConfig } from '../config.ts';
import { connect } from '../db/connect.ts';
import { bootstrap } from '../domain/accounts/bootstrap.ts';
import { translateError } from '../errors.ts';
import { handleSignals, startServer } from '../main.ts';
import { runSeed, SEED_USAGE } from './seed.ts';
import { runResetPassword } from './reset-password.ts';
import { PLATFORM_APP_USAGE, runPlatformApp } from './platform-app.ts';
import { IMPORT_USAGE, runImport } from './import/command.ts';

/** A clone installed with scripts skipped (or whose build was removed) still serves the dashboard on start. */
function buildDashboardIfMissing(): void {
  const built = [
    path.join(DASHBOARD_DIST, 'index.html'),
    path.join(WIDGET_DIST, 'index.html'),
    path.join(SDK_DIST, 'sdk.js'),
  ];
  if (built.every((file) => fs.existsSync(file))) return;
  process.stdout.write('The dashboard and widget are not built yet: building them (one time)...\n');
  const script = path.resolve(import.meta.dirname, '../../scripts/build-web.js');
  const build = spawnSync(process.execPath, [script], { stdio: 'inherit' });
  if (build.status !== 0)
    process.stderr.write('Building the dashboard failed; the API works, /app will say what is missing.\n');
}

const USAGE = `Usage: switchboard <command> [options]

Commands:
  start                      start the server (embedded PostgreSQL unless DATABASE_URL is set)
  migrate                    apply pending database migrations
  bootstrap [--json] [--account NAME] [--email E] [--password P] [--name N]
                             create an account and an administrator with a password and API token
  reset-password EMAIL [--password P]
                             set a new password (random unless given) and sign the user out everywhere
${PLATFORM_APP_USAGE}
${SEED_USAGE}
${IMPORT_USAGE}

Settings come from the environment: PORT, HOST, DATABASE_URL, DATA_DIR, LOG_LEVEL, PUBLIC_URL, SMTP_URL.
`;

async function main(argv: string[]): Promise<number> {
  const [command, ...rest] = argv;
  const config = loadConfig();
  switch (command) {
    case 'start': {
      buildDashboardIfMissing();
      const running = await startServer(config);
      handleSignals(running);
      return -1; // keep running
    }
    case 'migrate': {
      const connected = await connect(config, { owner: false });
      await connected.close();
      process.stdout.write(
        connected.appliedMigrations.length
          ? `Applied: ${connected.appliedMigrations.join(', ')}\n`
          : 'Database is up to date.\n',
      );
      return 0;
    }
    case 'bootstrap': {
      const { values } = parseArgs({
        args: rest,
        options: {
          json: { type: 'boolean', default: false },
          account: { type: 'string' },
          email: { type: 'string' },
          password: { type: 'string' },
          name: { type: 'string' },
        },
      });
      const connected = await connect(config, { owner: false });
      try {
        const result = await bootstrap(connected.database.db, {
          accountName: values.account,
          email: values.email,
          password: values.password,
          name: values.name,
        });
        if (values.json) process.stdout.write(JSON.stringify(result) + '\n');
        else {
          process.stdout.write(
            Object.entries(result)
              .map(([k, v]) => `${k.padEnd(17)} ${v}`)
              .join('\n') + '\n',
          );
        }
      } finally {
        await connected.close();
      }
      return 0;
    }
    case 'reset-password':
      return runResetPassword(rest, config);
    case 'seed':
      return runSeed(rest, config);
    case 'platform-app':
      return runPlatformApp(rest, config);
    case 'import':
      return runImport(rest, config);
    case undefined:
    case 'help':
    case '--help':
    case '-h':
      process.stdout.write(USAGE);
      return command ? 0 : 1;
    default:
      process.stderr.write(`Unknown command "${command}".\n\n${USAGE}`);
      return 1;
  }
}

main(process.argv.slice(2)).then(
  (code) => {
    if (code >= 0) process.exit(code);
  },
  (error) => {
    if (error instanceof ConfigError) process.stderr.write(`Configuration error: ${error.message}\n`);
    else {
      const known = translateError(error);
      const detail = known.kind === 'internal' ? (error instanceof Error ? error.stack : String(error)) : known.message;
      process.stderr.write(`Error: ${detail}\n`);
    }
    process.exit(1);
  },
);
