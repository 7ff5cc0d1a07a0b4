import type { FastifyReply, FastifyRequest } from 'fastify';
import type { App } from '../types.ts';
import { mcpCaller } from './principal.ts';

/**
 * The Model Context Protocol over streamable HTTP, stateless: each POST carries its token and gets a fresh server
 * bound to that caller (nothing is kept between requests, so any process can answer any request).
 */
export async function mcpRoutes(app: App): Promise<void> {
  const handle = async (request: FastifyRequest, reply: FastifyReply): Promise<void> => {
    const caller = await mcpCaller(request);
    // The MCP SDK (and zod) load on the first call: every other process start and request is spared them.
    const { answerMcp } = await import('./server.ts');
    await answerMcp(app, caller, request, reply);
  };
  app.post('/mcp', { schema: { hide: true } }, handle);
  // Stateless: no server-initiated stream to open (GET) and no session to end (DELETE). Clients take the 405 as "none".
  app.route({
    method: ['GET', 'DELETE'],
    url: '/mcp',
    schema: { hide: true },
    handler: async (request, reply) => {
      await mcpCaller(request);
      reply
        .status(405)
        .header('allow', 'POST')
        .send({
          jsonrpc: '2.0',
          error: { code: -32000, message: 'Method not allowed: this server is stateless, POST each message' },
          id: null,
        });
    },
  });
}
