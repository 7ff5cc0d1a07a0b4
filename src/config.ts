import fs from 'node:fs';
import path from 'node:path';

/** The running version, as package.json says (read once). */
const VERSION: string = JSON.parse(
  fs.readFileSync(path.join(import.meta.dirname, '..', 'package.json'), 'utf8'),
).version;

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  /** Prepare frequent statements per connection (off behind a transaction-mode pooler). */
  databasePreparedStatements: boolean;
  dataDir: string;
  /** Seals provider credentials at rest (AES-256-GCM); unset: a key kept in DATA_DIR/encryption-key, made on the first start. */
  encryptionKey: string | undefined;
  logLevel: string;
  publicUrl: string;
  smtpUrl: string | undefined;
  mailFrom: string;
  version: string;
  /** On SIGTERM, requests still in flight after this long are cut so one stuck client cannot hold a deploy. */
  shutdownTimeoutMs: number;
  /** A dashboard sign-in lasts this long after its last use. */
  sessionTtlMs: number;
  /** Limits on what one client's connection can hold and, without a token, do. */
  http: {
    /** The whole request, headers and body, must arrive within this (a trickled body held a socket for minutes). */
    requestTimeoutMs: number;
    /** The request's headers must arrive within this; at most requestTimeoutMs. */
    headersTimeoutMs: number;
    /** An idle keep-alive connection is closed after this. */
    keepAliveTimeoutMs: number;
    /** A connection with no traffic either way for this long is closed (upgraded websockets excepted). */
    idleTimeoutMs: number;
    /** Whom to believe about the client's address (X-Forwarded-For): nobody (false), every hop (true), N hops, or these proxies. */
    trustProxy: boolean | number | string[];
    /** Anonymous writes (Client and widget APIs) one client address may make per minute in this process; 0 = no limit. */
    publicWritesPerMinute: number;
  };
  webhooks: {
    /** Loopback and private targets are refused unless this is on (tests on loopback turn it on). */
    allowPrivateNetworks: boolean;
    timeoutMs: number;
    /** How long a failing delivery keeps being retried before it is marked failed and its webhook paused. */
    retryWindowMs: number;
    /** First retry delay; each next one doubles, with jitter, up to an hour. */
    retryBaseMs: number;
    /** An agent bot that does not answer for this long hands its pending conversations to the agents. */
    botRetryWindowMs: number;
  };
  /** Where attachment files live: DATA_DIR/attachments on this disk, or an S3-compatible bucket. */
  storage:
    | { kind: 'local' }
    | {
        kind: 's3';
        endpoint: string;
        bucket: string;
        region: string;
        accessKeyId: string;
        secretAccessKey: string;
        forcePathStyle: boolean;
      };
  /** Multipart limits: `anonymous` for the Client and widget APIs (no token), `authenticated` for the others. */
  uploads: { authenticated: UploadLimits; anonymous: UploadLimits };
  /** Channel adapters (src/channels): provider base URLs are settings so tests point them at loopback fakes. */
  channels: {
    telegramApiBaseUrl: string;
    /** Meta's Graph API (WhatsApp Cloud API), as Chatwoot names the setting. */
    whatsappCloudBaseUrl: string;
    /** The Meta app's secret, checking X-Hub-Signature-256 for WhatsApp inboxes that set no `app_secret` of their own. */
    whatsappAppSecret: string | undefined;
    /** Attempts at sending one outgoing message when the provider fails in a way worth retrying (5xx, 429, network). */
    sendAttempts: number;
    /** First retry delay; pg-boss doubles it (with jitter) for each next attempt. */
    sendRetryDelaySeconds: number;
    /** One provider call (an API call or a file download) must finish within this. */
    timeoutMs: number;
    /** The built-in SMTP receiver for email inboxes (off unless SMTP_INBOUND_PORT is set). */
    emailInboundPort: number | undefined;
    emailInboundHost: string;
    /** STARTTLS on the SMTP receiver: PEM certificate (chain) and key files; off unless both are set. */
    emailInboundTls: { certPath: string; keyPath: string } | undefined;
    /** SMTP AUTH required by the receiver (PLAIN/LOGIN; after STARTTLS when TLS is on); off unless both are set. */
    emailInboundAuth: { username: string; password: string } | undefined;
    /** The domain of per-conversation reply addresses (reply+<uuid>@domain); else the inbox address's domain. */
    emailReplyDomain: string | undefined;
    /** How often IMAP inboxes are polled. */
    imapPollSeconds: number;
  };
  realtime: {
    /** How processes tell each other about new events: LISTEN/NOTIFY unless Redis or NATS is configured. */
    transport: 'postgres' | 'redis' | 'nats';
    redisUrl: string | undefined;
    natsUrl: string | undefined;
    /** Every this often each process re-reads the events table for accounts it serves, whatever the transport said. */
    catchUpMs: number;
    /** An agent or contact whose last connection closed stays online this long (a page reload is not a logout). */
    presenceGraceMs: number;
    /** Socket caps per process (0: no cap per IP, for a proxy that hides client addresses); see README. */
    maxSocketsPerIp: number;
    maxSocketsPerIdentity: number;
    maxSubscriptionsPerSocket: number;
    maxFramesPerSecond: number;
    /** A resume missing more events than this is told to reload (`resync.required`) instead of replayed. */
    replayMaxEvents: number;
    /** Replay pages read at once per process; more replays wait their turn, taken round-robin by identity. */
    replayConcurrency: number;
  };
  /** Requests per window, shared by every process (api/rate-limit): 0 turns a limit off. */
  rateLimits: RateLimits;
}

export interface RateLimits {
  /** postgres (an UNLOGGED counter table), redis (REDIS_URL), or off. */
  store: 'postgres' | 'redis' | 'off';
  redisUrl: string | undefined;
  windowMs: number;
  /** Every request from one client address (Chatwoot: 3,000 a minute). */
  perIp: number;
  /** Every request carrying one API access token. */
  perToken: number;
  /** Sign-in and password reset, per client address. */
  signInPerIp: number;
  /** The Client (public) and widget APIs, per client address. */
  publicPerIp: number;
}

export interface UploadLimits {
  maxFileBytes: number;
  maxFiles: number;
  /** The whole multipart body, fields and files together. */
  maxRequestBytes: number;
}

const LOG_LEVELS = ['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent'];

export class ConfigError extends Error {}

function integer(env: NodeJS.ProcessEnv, name: string, fallback: number, min: number, max: number): number {
  const raw = env[name];
  if (raw === undefined || raw === '') return fallback;
  const value = Number(raw);
  if (!Number.isInteger(value) || value < min || value > max) {
    throw new ConfigError(`${name} must be an integer from ${min} to ${max} (got "${raw}")`);
  }
  return value;
}

function flag(env: NodeJS.ProcessEnv, name: string): boolean {
  const raw = (env[name] ?? '').toLowerCase();
  if (raw === '' || raw === 'false' || raw === '0' || raw === 'no') return false;
  if (raw === 'true' || raw === '1' || raw === 'yes') return true;
  throw new ConfigError(`${name} must be true or false (got "${env[name]}")`);
}

function url(env: NodeJS.ProcessEnv, name: string, protocols: string[]): string | undefined {
  const raw = env[name];
  if (raw === undefined || raw === '') return undefined;
  let parsed: URL;
  try {
    parsed = new URL(raw);
  } catch {
    throw new ConfigError(`${name} must be a URL (got "${raw}")`);
  }
  if (!protocols.includes(parsed.protocol)) {
    throw new ConfigError(`${name} must use ${protocols.join(' or ')} (got "${parsed.protocol}")`);
  }
  return raw;
}

function trustProxy(env: NodeJS.ProcessEnv): Config['http']['trustProxy'] {
  const raw = (env.TRUST_PROXY ?? '').trim();
  if (raw === '' || /^(false|0|no)$/i.test(raw)) return false;
  if (/^(true|yes)$/i.test(raw)) return true;
  if (/^\d+$/.test(raw)) return Number(raw);
  const proxies = raw
    .split(',')
    .map((p) => p.trim())
    .filter(Boolean);
  if (
    proxies.some((p) => !/^[0-9a-f.:]+(\/\d{1,3})?$/i.test(p) && !['loopback', 'linklocal', 'uniquelocal'].includes(p))
  ) {
    throw new ConfigError(
      `TRUST_PROXY must be true, false, a number of hops or a comma-separated list of proxy addresses/CIDRs (got "${raw}")`,
    );
  }
  return proxies;
}

function http(env: NodeJS.ProcessEnv): Config['http'] {
  const requestTimeoutMs = integer(env, 'HTTP_REQUEST_TIMEOUT_MS', 120_000, 1_000, 3_600_000);
  const headersTimeoutMs = integer(env, 'HTTP_HEADERS_TIMEOUT_MS', Math.min(15_000, requestTimeoutMs), 500, 3_600_000);
  if (headersTimeoutMs > requestTimeoutMs)
    throw new ConfigError(
      `HTTP_HEADERS_TIMEOUT_MS (${headersTimeoutMs}) must not exceed HTTP_REQUEST_TIMEOUT_MS (${requestTimeoutMs})`,
    );
  return {
    requestTimeoutMs,
    headersTimeoutMs,
    keepAliveTimeoutMs: integer(env, 'HTTP_KEEP_ALIVE_TIMEOUT_MS', 72_000, 1_000, 3_600_000),
    idleTimeoutMs: integer(env, 'HTTP_IDLE_TIMEOUT_MS', 120_000, 1_000, 3_600_000),
    trustProxy: trustProxy(env),
    publicWritesPerMinute: integer(env, 'PUBLIC_API_RATE_LIMIT', 60, 0, 1_000_000),
  };
}

const RATE_LIMIT_STORES = ['postgres', 'redis', 'off'] as const;

function rateLimits(env: NodeJS.ProcessEnv): RateLimits {
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const store = env.RATE_LIMIT_STORE || (redisUrl ? 'redis' : 'postgres');
  if (!RATE_LIMIT_STORES.includes(store as never))
    throw new ConfigError(`RATE_LIMIT_STORE must be one of ${RATE_LIMIT_STORES.join(', ')} (got "${store}")`);
  if (store === 'redis' && !redisUrl) throw new ConfigError('RATE_LIMIT_STORE=redis needs REDIS_URL');
  return {
    store: store as RateLimits['store'],
    redisUrl,
    windowMs: integer(env, 'RATE_LIMIT_WINDOW_SECONDS', 60, 1, 86_400) * 1000,
    perIp: integer(env, 'RATE_LIMIT_PER_IP', 3_000, 0, 100_000_000),
    perToken: integer(env, 'RATE_LIMIT_PER_TOKEN', 3_000, 0, 100_000_000),
    signInPerIp: integer(env, 'RATE_LIMIT_SIGN_IN_PER_IP', 15, 0, 100_000_000),
    publicPerIp: integer(env, 'RATE_LIMIT_PUBLIC_PER_IP', 600, 0, 100_000_000),
  };
}

const TRANSPORTS = ['postgres', 'redis', 'nats'] as const;

function realtime(env: NodeJS.ProcessEnv): Config['realtime'] {
  const redisUrl = url(env, 'REDIS_URL', ['redis:', 'rediss:']);
  const natsUrl = url(env, 'NATS_URL', ['nats:', 'tls:', 'ws:', 'wss:']);
  const chosen = env.REALTIME_TRANSPORT || (redisUrl ? 'redis' : natsUrl ? 'nats' : 'postgres');
  if (!TRANSPORTS.includes(chosen as never))
    throw new ConfigError(`REALTIME_TRANSPORT must be one of ${TRANSPORTS.join(', ')} (got "${chosen}")`);
  if (chosen === 'redis' && !redisUrl) throw new ConfigError('REALTIME_TRANSPORT=redis needs REDIS_URL');
  if (chosen === 'nats' && !natsUrl) throw new ConfigError('REALTIME_TRANSPORT=nats needs NATS_URL');
  return {
    transport: chosen as Config['realtime']['transport'],
    redisUrl,
    natsUrl,
    catchUpMs: integer(env, 'REALTIME_CATCHUP_MS', 2_000, 100, 3_600_000),
    presenceGraceMs: integer(env, 'REALTIME_PRESENCE_GRACE_MS', 5_000, 0, 600_000),
    maxSocketsPerIp: integer(env, 'REALTIME_MAX_SOCKETS_PER_IP', 50, 0, 1_000_000),
    maxSocketsPerIdentity: integer(env, 'REALTIME_MAX_SOCKETS_PER_IDENTITY', 20, 1, 10_000),
    maxSubscriptionsPerSocket: integer(env, 'REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET', 10, 1, 1_000),
    maxFramesPerSecond: integer(env, 'REALTIME_MAX_FRAMES_PER_SECOND', 20, 1, 10_000),
    replayMaxEvents: integer(env, 'REALTIME_REPLAY_MAX_EVENTS', 10_000, 0, 10_000_000),
    replayConcurrency: integer(env, 'REALTIME_REPLAY_CONCURRENCY', 2, 1, 64),
  };
}

const MB = 1024 * 1024;

function uploadLimits(env: NodeJS.ProcessEnv, prefix: string, defaults: UploadLimits): UploadLimits {
  return {
    maxFileBytes: integer(env, `${prefix}MAX_FILE_BYTES`, defaults.maxFileBytes, 1, 2 ** 31 - 1),
    maxFiles: integer(env, `${prefix}MAX_FILES`, defaults.maxFiles, 0, 100),
    maxRequestBytes: integer(env, `${prefix}MAX_REQUEST_BYTES`, defaults.maxRequestBytes, 1024, 2 ** 40),
  };
}

function required(env: NodeJS.ProcessEnv, name: string, because: string): string {
  const value = env[name];
  if (!value) throw new ConfigError(`${because} needs ${name}`);
  return value;
}

function storage(env: NodeJS.ProcessEnv): Config['storage'] {
  const kind = env.STORAGE || 'local';
  if (kind === 'local') return { kind };
  if (kind !== 's3') throw new ConfigError(`STORAGE must be local or s3 (got "${kind}")`);
  const region = env.S3_REGION || 'us-east-1';
  return {
    kind,
    endpoint: url(env, 'S3_ENDPOINT', ['http:', 'https:']) ?? `https://s3.${region}.amazonaws.com`,
    bucket: required(env, 'S3_BUCKET', 'STORAGE=s3'),
    region,
    accessKeyId: required(env, 'S3_ACCESS_KEY_ID', 'STORAGE=s3'),
    secretAccessKey: required(env, 'S3_SECRET_ACCESS_KEY', 'STORAGE=s3'),
    forcePathStyle: flag(env, 'S3_FORCE_PATH_STYLE'),
  };
}

function encryptionKey(env: NodeJS.ProcessEnv): string | undefined {
  const raw = env.ENCRYPTION_KEY?.trim();
  if (!raw) return undefined;
  if (raw.length < 32)
    throw new ConfigError('ENCRYPTION_KEY must be at least 32 characters (e.g. openssl rand -base64 32)');
  return raw;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const port = integer(env, 'PORT', 3000, 0, 65535);
  const host = env.HOST || '127.0.0.1';
  const logLevel = env.LOG_LEVEL || 'info';
  if (!LOG_LEVELS.includes(logLevel)) {
    throw new ConfigError(`LOG_LEVEL must be one of ${LOG_LEVELS.join(', ')} (got "${logLevel}")`);
  }
  const publicHost = host === '0.0.0.0' || host === '::' ? 'localhost' : host;
  return {
    port,
    host,
    databaseUrl: url(env, 'DATABASE_URL', ['postgres:', 'postgresql:']),
    databasePreparedStatements:
      env.DATABASE_PREPARED_STATEMENTS === undefined || flag(env, 'DATABASE_PREPARED_STATEMENTS'),
    dataDir: path.resolve(env.DATA_DIR || './data'),
    encryptionKey: encryptionKey(env),
    logLevel,
    publicUrl: (url(env, 'PUBLIC_URL', ['http:', 'https:']) ?? `http://${publicHost}:${port}`).replace(/\/$/, ''),
    smtpUrl: url(env, 'SMTP_URL', ['smtp:', 'smtps:']),
    mailFrom: env.MAIL_FROM || 'Switchboard <no-reply@switchboard.local>',
    version: VERSION,
    shutdownTimeoutMs: integer(env, 'SHUTDOWN_TIMEOUT_MS', 10_000, 0, 600_000),
    sessionTtlMs: integer(env, 'SESSION_TTL_HOURS', 14 * 24, 1, 24 * 365) * 3_600_000,
    http: http(env),
    webhooks: {
      allowPrivateNetworks: flag(env, 'WEBHOOK_ALLOW_PRIVATE_NETWORKS'),
      timeoutMs: integer(env, 'WEBHOOK_TIMEOUT_MS', 10_000, 100, 120_000),
      retryWindowMs: env.WEBHOOK_RETRY_WINDOW_MS
        ? integer(env, 'WEBHOOK_RETRY_WINDOW_MS', 0, 0, 2 ** 31)
        : integer(env, 'WEBHOOK_RETRY_WINDOW_HOURS', 24, 0, 24 * 30) * 3_600_000,
      retryBaseMs: integer(env, 'WEBHOOK_RETRY_BASE_MS', 5_000, 10, 3_600_000),
      botRetryWindowMs: integer(env, 'AGENT_BOT_RETRY_WINDOW_MS', 30_000, 0, 3_600_000),
    },
    storage: storage(env),
    uploads: {
      authenticated: uploadLimits(env, 'UPLOAD_', { maxFileBytes: 40 * MB, maxFiles: 15, maxRequestBytes: 100 * MB }),
      anonymous: uploadLimits(env, 'PUBLIC_UPLOAD_', { maxFileBytes: 10 * MB, maxFiles: 5, maxRequestBytes: 25 * MB }),
    },
    channels: {
      telegramApiBaseUrl: (
        url(env, 'TELEGRAM_API_BASE_URL', ['http:', 'https:']) ?? 'https://api.telegram.org'
      ).replace(/\/$/, ''),
      whatsappCloudBaseUrl: (
        url(env, 'WHATSAPP_CLOUD_BASE_URL', ['http:', 'https:']) ?? 'https://graph.facebook.com'
      ).replace(/\/$/, ''),
      whatsappAppSecret: env.WHATSAPP_APP_SECRET?.trim() || undefined,
      sendAttempts: integer(env, 'CHANNEL_SEND_ATTEMPTS', 6, 1, 50),
      sendRetryDelaySeconds: integer(env, 'CHANNEL_SEND_RETRY_DELAY_SECONDS', 5, 1, 3_600),
      timeoutMs: integer(env, 'CHANNEL_TIMEOUT_MS', 30_000, 100, 600_000),
      emailInboundPort: env.SMTP_INBOUND_PORT ? integer(env, 'SMTP_INBOUND_PORT', 0, 0, 65_535) : undefined,
      emailInboundHost: env.SMTP_INBOUND_HOST?.trim() || '0.0.0.0',
      emailInboundTls: pairOf(env, 'SMTP_INBOUND_TLS_CERT', 'SMTP_INBOUND_TLS_KEY', (certPath, keyPath) => ({
        certPath,
        keyPath,
      })),
      emailInboundAuth: pairOf(
        env,
        'SMTP_INBOUND_AUTH_USERNAME',
        'SMTP_INBOUND_AUTH_PASSWORD',
        (username, password) => ({ username, password }),
      ),
      emailReplyDomain: env.MAILER_INBOUND_EMAIL_DOMAIN?.trim() || undefined,
      imapPollSeconds: integer(env, 'IMAP_POLL_SECONDS', 60, 1, 86_400),
    },
    realtime: realtime(env),
    rateLimits: rateLimits(env),
  };
}

/** Two settings that only make sense together: both set, neither, or a clear error naming the missing one. */
function pairOf<T>(
  env: NodeJS.ProcessEnv,
  first: string,
  second: string,
  make: (a: string, b: string) => T,
): T | undefined {
  const a = env[first]?.trim();
  const b = env[second]?.trim();
  if (!a && !b) return undefined;
  if (!a || !b) throw new Error(`${a ? second : first} must be set together with ${a ? first : second}`);
  return make(a, b);
}
