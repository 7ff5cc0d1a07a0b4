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
    expect(() => loadConfig({ PORT: 'abc' })).toThrow(new ConfigError('PORT must be an integer from 0 to 65535 (got "abc")'));
    expect(() => loadConfig({ LOG_LEVEL: 'loud' })).toThrow(/LOG_LEVEL must be one of/);
    expect(() => loadConfig({ DATABASE_URL: 'mysql://x' })).toThrow(/DATABASE_URL must use postgres: or postgresql:/);
    expect(() => loadConfig({ SMTP_URL: 'not a url' })).toThrow(/SMTP_URL must be a URL/);
  });

  it('prepares statements unless DATABASE_PREPARED_STATEMENTS is false', () => {
    expect(loadConfig({}).databasePreparedStatements).toBe(true);
    expect(loadConfig({ DATABASE_PREPARED_STATEMENTS: 'false' }).databasePreparedStatements).toBe(false);
    expect(() => loadConfig({ DATABASE_PREPARED_STATEMENTS: 'sometimes' })).toThrow(/DATABASE_PREPARED_STATEMENTS must be true or false/);
  });

  it('picks the realtime transport from REDIS_URL or NATS_URL, LISTEN/NOTIFY otherwise', () => {
    expect(loadConfig({}).realtime.transport).toBe('postgres');
    expect(loadConfig({ REDIS_URL: 'redis://127.0.0.1:6379' }).realtime.transport).toBe('redis');
    expect(loadConfig({ NATS_URL: 'nats://127.0.0.1:4222' }).realtime.transport).toBe('nats');
    expect(loadConfig({ NATS_URL: 'nats://n:4222', REALTIME_TRANSPORT: 'postgres' }).realtime.transport).toBe('postgres');
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
    expect(() => loadConfig({ REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET: '0' })).toThrow(/REALTIME_MAX_SUBSCRIPTIONS_PER_SOCKET must be an integer from 1/);
    expect(() => loadConfig({ REALTIME_REPLAY_CONCURRENCY: 'lots' })).toThrow(/REALTIME_REPLAY_CONCURRENCY must be an integer/);
  });

  it('derives the public URL from HOST and PORT unless PUBLIC_URL is set', () => {
    expect(loadConfig({ HOST: '0.0.0.0', PORT: '8080' }).publicUrl).toBe('http://localhost:8080');
    expect(loadConfig({ PUBLIC_URL: 'https://chat.example.com/' }).publicUrl).toBe('https://chat.example.com');
  });
});
