import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { cleanUpAfterTestOrFile } from './cleanup.ts';
import { loadConfig, type Config } from '../../src/config.ts';
import { openDatabase, type DatabaseHandle } from '../../src/db/pool.ts';
import { buildApp } from '../../src/app.ts';
import { createMailer } from '../../src/domain/mail/mailer.ts';
import { bootstrap, type BootstrapResult } from '../../src/domain/accounts/bootstrap.ts';
import { hashPassword, randomToken } from '../../src/domain/auth/secrets.ts';
import { issueToken } from '../../src/domain/auth/tokens.ts';
import { createPlatformApp, type PlatformAppGrants } from '../../src/domain/platform/apps.ts';
import type { Role } from '../../src/db/types.ts';
import type { App } from '../../src/api/types.ts';
import { createTestDatabase } from './database.ts';
import type { Worker } from '../../src/events/worker.ts';
import type { ChatbotEngine } from '../../src/jobs/chatbots.ts';
import { QUIET, startWorkers, type WorkerKind } from '../../src/workers.ts';
import type { ChannelEngine } from '../../src/jobs/channel-sends.ts';
import type { AutomationEngine } from '../../src/jobs/automations.ts';
import type { NotifiedSweep } from '../../src/jobs/notified-sweep.ts';

export interface Response<T = any> {
  status: number;
  body: T;
  text: string;
  headers: Record<string, unknown>;
}

export interface Client {
  get<T = any>(path: string, query?: Record<string, unknown>): Promise<Response<T>>;
  post<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  patch<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  put<T = any>(path: string, body?: unknown): Promise<Response<T>>;
  delete<T = any>(path: string, body?: unknown): Promise<Response<T>>;
}

export interface TestContext {
  app: App;
  database: DatabaseHandle;
  config: Config;
  /** A client sending `api_access_token: <token>` (or none). */
  client(token?: string, headers?: Record<string, string>): Client;
  /** A new account with an administrator; `api` is that admin's client. */
  account(name?: string): Promise<BootstrapResult & { api: Client }>;
  /**
   * A new installation-level platform app (as `switchboard platform-app create` mints), granted the given
   * accounts and users; a client sending its token. Accounts have no platform apps of their own.
   */
  platformApp(grants?: PlatformAppGrants): Promise<Client & { appId: number; token: string }>;
  /** A new user who is a member of the account with the given role. */
  member(accountId: number, role?: Role, name?: string): Promise<{ userId: number; token: string; api: Client }>;
  /** The event worker (webhook fan-out and delivery), when started with { worker: true }. */
  worker?: Worker;
  /** The chatbot engine (pg-boss jobs), when started with { chatbots: true }. */
  chatbots?: ChatbotEngine;
  /** The channel engine (outgoing messages through channel adapters), when started with { channels: true }. */
  channels?: ChannelEngine;
  /** The automation engine (rule runs and their HTTP calls), when started with { automation: true }. */
  automation?: AutomationEngine;
  /** The sender of scheduled messages and sequence steps, when started with { scheduler: true }. */
  scheduler?: NotifiedSweep;
}

function encodeQuery(query: Record<string, unknown> | undefined): string {
  if (!query) return '';
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (Array.isArray(value)) value.forEach((v) => params.append(key, String(v)));
    else if (value !== undefined) params.append(key, String(value));
  }
  const text = params.toString();
  return text ? `?${text}` : '';
}

function makeClient(app: App, token?: string, extraHeaders: Record<string, string> = {}): Client {
  const send = async (method: string, path: string, body?: unknown) => {
    const headers: Record<string, string> = { ...extraHeaders };
    if (token) headers.api_access_token = token;
    if (typeof body === 'string' && !headers['content-type']) headers['content-type'] = 'application/json';
    const response = await app.inject({
      method: method as 'GET',
      url: path,
      headers,
      ...(body === undefined ? {} : typeof body === 'string' ? { payload: body } : { payload: body as object }),
    });
    let parsed: unknown;
    try {
      parsed = response.body ? JSON.parse(response.body) : undefined;
    } catch {
      parsed = undefined;
    }
    return { status: response.statusCode, body: parsed, text: response.body, headers: response.headers } as Response;
  };
  return {
    get: (path, query) => send('GET', path + encodeQuery(query)),
    post: (path, body) => send('POST', path, body ?? {}),
    patch: (path, body) => send('PATCH', path, body ?? {}),
    put: (path, body) => send('PUT', path, body ?? {}),
    delete: (path, body) => send('DELETE', path, body),
  };
}

/** One in-process server on a fresh database per test file (or per test that asks), closed after it. */
export async function createTestContext(
  env: Record<string, string> = {},
  options: {
    worker?: boolean;
    logger?: object;
    chatbots?: boolean;
    channels?: boolean;
    automation?: boolean;
    scheduler?: boolean;
  } = {},
): Promise<TestContext> {
  const testDb = await createTestDatabase();
  const database = openDatabase(testDb.url, { max: 5 });
  // Each test file stores its attachments in a folder of its own, removed afterwards.
  const dataDir = env.DATA_DIR ? undefined : fs.mkdtempSync(path.join(os.tmpdir(), 'switchboard-data-'));
  // Every test request comes from 127.0.0.1: the shared rate limiter is off unless a test turns it on (rate-limit tests do).
  const config = loadConfig({
    DATABASE_URL: testDb.url,
    LOG_LEVEL: 'silent',
    PORT: '0',
    RATE_LIMIT_STORE: 'off',
    ...(dataDir ? { DATA_DIR: dataDir } : {}),
    ...env,
  });
  const app = await buildApp({
    config,
    database,
    mailer: createMailer(config.smtpUrl, config.mailFrom),
    logger: options.logger ?? false,
  });
  await app.ready();
  const kinds: WorkerKind[] = [];
  if (options.worker) kinds.push('events');
  for (const kind of ['chatbots', 'channels', 'automation', 'scheduler'] as const) if (options[kind]) kinds.push(kind);
  const {
    events: worker,
    chatbots,
    channels,
    automation,
    scheduler,
    ...workers
  } = await startWorkers(database, config, app.deps, QUIET, kinds);
  cleanUpAfterTestOrFile(async () => {
    await workers.stop();
    await app.close();
    await database.close();
    await testDb.drop();
    if (dataDir) fs.rmSync(dataDir, { recursive: true, force: true });
  });
  const db = database.db;
  return {
    app,
    database,
    config,
    worker,
    chatbots,
    channels,
    automation,
    scheduler,
    client: (token, headers) => makeClient(app, token, headers),
    async account(name = 'Acme') {
      const result = await bootstrap(db, { accountName: name });
      return { ...result, api: makeClient(app, result.api_access_token) };
    },
    async platformApp(grants = {}) {
      const minted = await createPlatformApp(db, `Test platform app ${randomToken(3)}`, grants);
      return { ...makeClient(app, minted.token), appId: minted.id, token: minted.token };
    },
    async member(accountId, role = 'agent', name = 'Agent ' + randomToken(3)) {
      const user = await db
        .insertInto('users')
        .values({
          name,
          email: `${randomToken(6).toLowerCase()}@agents.test`,
          password_hash: await hashPassword('password123'),
          pubsub_token: randomToken(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();
      await db.insertInto('account_users').values({ account_id: accountId, user_id: user.id, role }).execute();
      const token = await issueToken(db, 'User', user.id);
      return { userId: user.id, token, api: makeClient(app, token) };
    },
  };
}
