import type { Config } from '../config.ts';
import type { DatabaseHandle } from '../db/pool.ts';
import { topicPrefix, type RealtimeTransport } from './transport.ts';
import { PostgresTransport } from './transports/postgres.ts';

/** Redis and NATS clients are loaded only when configured: most installations never need them. */
export async function createTransport(config: Config, database: DatabaseHandle): Promise<RealtimeTransport> {
  switch (config.realtime.transport) {
    case 'redis': {
      const { RedisTransport } = await import('./transports/redis.ts');
      return new RedisTransport(config.realtime.redisUrl!, topicPrefix(database));
    }
    case 'nats': {
      const { NatsTransport } = await import('./transports/nats.ts');
      return new NatsTransport(config.realtime.natsUrl!, topicPrefix(database));
    }
    default:
      return new PostgresTransport(database);
  }
}
