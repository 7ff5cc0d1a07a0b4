import type { FastifyReply, FastifyRequest } from 'fastify';
import { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import { StreamableHTTPServerTransport } from '@modelcontextprotocol/sdk/server/streamableHttp.js';
import type { App } from '../types.ts';
import { callApi } from './internal-call.ts';
import type { McpCaller } from './principal.ts';
import type { ToolContext } from './context.ts';
import { registerContactTools } from './contact-tools.ts';
import { registerConversationTools } from './conversation-tools.ts';
import { registerDirectoryTools } from './directory-tools.ts';
import { registerResources } from './resources.ts';

const INSTRUCTIONS =
  'Switchboard customer conversations. Search contacts before creating one. Read a conversation before replying. ' +
  "Replies reach the customer; private notes do not. Everything you do is done as the token's user, with their permissions.";

function serverFor(app: App, caller: McpCaller, version: string): McpServer {
  const server = new McpServer({ name: 'switchboard', version }, { instructions: INSTRUCTIONS });
  const context: ToolContext = {
    call: (method, url, payload) => callApi(app, caller.token, method, url, payload),
    account: `/api/v1/accounts/${caller.accountId}`,
    accountId: caller.accountId,
    companyAccountId: caller.companyAccountId,
  };
  registerContactTools(server, context);
  registerConversationTools(server, context);
  registerDirectoryTools(server, context);
  registerResources(server, context);
  return server;
}

/** Answers one MCP POST with a fresh server bound to its caller (the SDK is loaded only when /mcp is used). */
export async function answerMcp(
  app: App,
  caller: McpCaller,
  request: FastifyRequest,
  reply: FastifyReply,
): Promise<void> {
  const server = serverFor(app, caller, app.deps.config.version);
  const transport = new StreamableHTTPServerTransport({ sessionIdGenerator: undefined, enableJsonResponse: true });
  reply.hijack();
  reply.raw.on('close', () => {
    void transport.close();
    void server.close();
  });
  await server.connect(transport);
  await transport.handleRequest(request.raw, reply.raw, request.body);
}
