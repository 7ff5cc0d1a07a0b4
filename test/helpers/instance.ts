import type { App } from '../../src/api/types.ts';
import { buildApp } from '../../src/app.ts';
import { loadConfig } from '../../src/config.ts';
import { openDatabase } from '../../src/db/pool.ts';
import { createMailer } from '../../src/domain/mail/mailer.ts';
import { QUIET, startWorkers } from '../../src/workers.ts';

/** A minimal JSON client over `app.inject`, for an app a test builds itself. */
export function injectClient(app: App, headers: Record<string, string>) {
  const send = async (method: 'GET' | 'POST' | 'PUT', url: string, body?: unknown) => {
    const res = await app.inject({ method, url, headers, ...(body === undefined ? {} : { payload: body as object }) });
    return { status: res.statusCode, body: res.body ? JSON.parse(res.body) : undefined, text: res.body };
  };
  return {
    get: (url: string) => send('GET', url),
    post: (url: string, body: unknown = {}) => send('POST', url, body),
    put: (url: string, body: unknown = {}) => send('PUT', url, body),
  };
}

/**
 * One Switchboard "process" on a database, as main.ts starts it but in this test process: its own pool, HTTP
 * app, event worker and chatbot engine. Stopping it and starting another on the same database is a restart.
 */
export async function startInstance(databaseUrl: string, env: Record<string, string> = {}) {
  const database = openDatabase(databaseUrl, { max: 5 });
  const config = loadConfig({ DATABASE_URL: databaseUrl, LOG_LEVEL: 'silent', PORT: '0', ...env });
  const app = await buildApp({
    config,
    database,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    logger: false,
  });
  await app.ready();
  const workers = await startWorkers(database, config, app.deps, QUIET, ['events', 'chatbots']);
  let stopped: Promise<void> | undefined;
  return {
    app,
    worker: workers.events!,
    engine: workers.chatbots!,
    stop: () =>
      (stopped ??= (async () => {
        await app.close();
        await workers.stop();
        await database.close();
      })()),
  };
}
