import { describe, expect, it } from 'vitest';
import { ConfigError, loadConfig } from './config.ts';

describe('configuration', () => {
  it('has defaults for everything', () => {
    const config = loadConfig({});
    expect(config).toMatchObject({ port: 3000, host: '127.0.0.1', databaseUrl: undefined, logLevel: 'info' });
    expect(config.dataDir).toMatch(/\/data$/);
    expect(config.publicUrl).toBe('http://127.0.0.1:3000');
  });

  it('refuses bad values with a message naming the setting', () => {
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(
      new ConfigError('PORT must be an integer from 0 to 65535 (got "abc")'),
    );
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must use postgres: or postgresql:/);
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL must be a URL/);
  });

  it('prepares statements unless DATABASE_PREPARED_STATEMENTS is false', () => {
    expect(loadConfig({}).databasePreparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(
      /DATABASE_PREPARED_STATEMENTS must be true or false/,
    );
  });

  it('picks the realtime transport from REDIS_URL or NATS_URL, LISTEN/NOTIFY otherwise', () => {
    expect(loadConfig({}).realtime.transport).toBe('postgres');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).realtime.transport).toBe('redis');
    expect(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' }).realtime.transport).toBe('nats');
    expect(loadConfig({ NATS_URL: 'nats://n:4222', REALTIME_TRANSPORT: 'postgres' }).realtime.transport).toBe(
      'postgres',
    );
    expect(() => loadConfig({ REDIS_URL: 'http://x' })).toThrow(/REDIS_URL must use redis: or rediss:/);
    expect(() => loadConfig({ REALTIME_TRANSPORT: 'nats' })).toThrow(/REALTIME_TRANSPORT=nats needs NATS_URL/);
    expect(() => loadConfig({ REALTIME_TRANSPORT: 'kafka' })).toThrow(/REALTIME_TRANSPORT must be one of/);
  });

  it('caps realtime sockets and replays, each cap a setting', () => {
    expect(loadConfig({}).realtime).toMatchObject({
      maxSocketsPerIp: 50,
      maxSocketsPerIdentity: 20,
      maxSubscriptionsPerSocket: 10,
      maxFramesPerSecond: 20,
      replayMaxEvents: 10_000,
      replayConcurrency: 2,
    });
    expect(loadConfig({ REALTIME_MAX_SOCKETS_PER_IP: '0' }).realtime.maxSocketsPerIp).toBe(0);
    expect(() => loadConfig({ REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: '0' })).toThrow(
      /REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET must be an integer from 1/,
    );
    expect(() => loadConfig({ REALTIME_REPLAY_CONCURRENCY: 'lots' })).toThrow(
      /REALTIME_REPLAY_CONCURRENCY must be an integer/,
    );
  });

  it('derives the public URL from HOST and PORT unless PUBLIC_URL is set', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://chat.example.com/' }).publicUrl).toBe('https://chat.example.com');
  });

  it('stores attachments under DATA_DIR unless STORAGE=s3, which needs a bucket and keys', () => {
    expect(loadConfig({}).storage).toEqual({ kind: 'local' });
    const s3 = { STORAGE: 's3', S3_BUCKET: 'files', S3_ACCESS_KEY_ID: 'id', S3_SECRET_ACCESS_KEY: 'secret' };
    expect(loadConfig(s3).storage).toEqual({
      kind: 's3',
      endpoint: 'https://s3.us-east-1.amazonaws.com',
      bucket: 'files',
      region: 'us-east-1',
      accessKeyId: 'id',
      secretAccessKey: 'secret',
      forcePathStyle: false,
    });
    expect(
      loadConfig({ ...s3, S3_ENDPOINT: 'http://minio:9000', S3_FORCE_PATH_STYLE: 'true', S3_REGION: 'eu-west-1' })
        .storage,
    ).toMatchObject({ endpoint: 'http://minio:9000', region: 'eu-west-1', forcePathStyle: true });
    expect(() => loadConfig({ STORAGE: 's3', S3_BUCKET: 'files' })).toThrow(
      new ConfigError('STORAGE=s3 needs S3_ACCESS_KEY_ID'),
    );
    expect(() => loadConfig({ STORAGE: 'ftp' })).toThrow(/STORAGE must be local or s3/);
    expect(() => loadConfig({ ...s3, S3_ENDPOINT: 'ftp://x' })).toThrow(/S3_ENDPOINT must use http: or https:/);
  });

  it('limits uploads, tighter for the anonymous Client and widget APIs', () => {
    const MB = 1024 * 1024;
    expect(loadConfig({}).uploads).toEqual({
      authenticated: { maxFileBytes: 40 * MB, maxFiles: 15, maxRequestBytes: 100 * MB },
      anonymous: { maxFileBytes: 10 * MB, maxFiles: 5, maxRequestBytes: 25 * MB },
    });
    expect(loadConfig({ PUBLIC_UPLOAD_MAX_FILES: '0' }).uploads.anonymous.maxFiles).toBe(0);
    expect(() => loadConfig({ UPLOAD_MAX_FILE_BYTES: '-1' })).toThrow(/UPLOAD_MAX_FILE_BYTES must be an integer/);
  });

  it('bounds every connection by default and checks the HTTP limits', () => {
    expect(loadConfig({}).http).toEqual({
      requestTimeoutMs: 120_000,
      headersTimeoutMs: 15_000,
      keepAliveTimeoutMs: 72_000,
      idleTimeoutMs: 120_000,
      trustProxy: false,
      publicWritesPerMinute: 60,
    });
    expect(loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000' }).http.headersTimeoutMs).toBe(5_000);
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '5000', HTTP_HEADERS_TIMEOUT_MS: '6000' })).toThrow(
      /HTTP_HEADERS_TIMEOUT_MS \(6000\) must not exceed HTTP_REQUEST_TIMEOUT_MS/,
    );
    expect(() => loadConfig({ HTTP_REQUEST_TIMEOUT_MS: '0' })).toThrow(
      /HTTP_REQUEST_TIMEOUT_MS must be an integer from 1000/,
    );
    expect(loadConfig({ PUBLIC_API_RATE_LIMIT: '0' }).http.publicWritesPerMinute).toBe(0);
  });

  it('trusts X-Forwarded-For only as TRUST_PROXY says', () => {
    expect(loadConfig({ TRUST_PROXY: 'true' }).http.trustProxy).toBe(true);
    expect(loadConfig({ TRUST_PROXY: '2' }).http.trustProxy).toBe(2);
    expect(loadConfig({ TRUST_PROXY: '10.0.0.0/8, 127.0.0.1' }).http.trustProxy).toEqual(['10.0.0.0/8', '127.0.0.1']);
    expect(loadConfig({ TRUST_PROXY: 'no' }).http.trustProxy).toBe(false);
    expect(() => loadConfig({ TRUST_PROXY: 'everyone' })).toThrow(/TRUST_PROXY must be/);
  });
});
