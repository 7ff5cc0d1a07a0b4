import { Type } from 'typebox';
import type { App } from '../types.ts';

const Health = Type.Object({ status: Type.String(), version: Type.String(), database: Type.String() });
const ApiInfo = Type.Object({
  version: Type.String(),
  timestamp: Type.String(),
  queue_services: Type.String(),
  data_services: Type.String(),
});

export async function systemRoutes(app: App): Promise<void> {
  app.get('/health', { schema: { hide: true, response: { 200: Health, 503: Health } } }, async (_request, reply) => {
    const { config, database } = app.deps;
    try {
      await database.pool.query('SELECT 1');
      return { status: 'ok', version: config.version, database: 'ok' };
    } catch {
      return reply.status(503).send({ status: 'unavailable', version: config.version, database: 'unreachable' });
    }
  });

  // Integrations (the n8n node's credential test among them) call GET /api without a token.
  app.get('/api', { schema: { tags: ['system'], response: { 200: ApiInfo } } }, async () => {
    let dataServices = 'ok';
    try {
      await app.deps.database.pool.query('SELECT 1');
    } catch {
      dataServices = 'failing';
    }
    return {
      version: app.deps.config.version,
      timestamp: new Date().toISOString(),
      queue_services: 'ok',
      data_services: dataServices,
    };
  });

  // Anyone may fetch the document (~400 KB): serialize it once, not on every request.
  let openapi: string | undefined;
  app.get('/openapi.json', { schema: { hide: true } }, async (_request, reply) => {
    openapi ??= JSON.stringify(app.swagger());
    return reply.type('application/json; charset=utf-8').send(openapi);
  });
}
