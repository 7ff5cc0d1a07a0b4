import * as z from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.ts';
import { toolError, toolResult } from './tool-result.ts';

export function registerDirectoryTools(
  server: McpServer,
  { call, account, accountId, companyAccountId }: ToolContext,
): void {
  server.registerTool(
    'list_inboxes',
    {
      title: 'List inboxes',
      description:
        'List the inboxes (channels: API, website widget, email, Telegram, ...) you can see. Use an inbox id to filter conversations, ' +
        "create a contact in it, or as start_chatbot's `from`. Returns {payload: [inbox]} with id, name, channel_type.",
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    async () => toolResult(await call('GET', `${account}/inboxes`)),
  );

  server.registerTool(
    'list_agents',
    {
      title: 'List agents',
      description:
        "List the account's agents (people who answer conversations). Use an id with assign_conversation. Returns [agent] with id, name, email, role, availability_status.",
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    async () => toolResult(await call('GET', `${account}/agents`)),
  );

  server.registerTool(
    'list_teams',
    {
      title: 'List teams',
      description:
        "List the account's teams (groups of agents; departments in WTS). Use an id with assign_conversation. Returns [team] with id, name, description.",
      inputSchema: {},
      annotations: { readOnlyHint: true },
    },
    async () => toolResult(await call('GET', `${account}/teams`)),
  );

  server.registerTool(
    'list_chatbots',
    {
      title: 'List chatbots',
      description:
        "List the account's chatbot flows (id, key, name, publishStatus). Use an id or key with start_chatbot. Returns {items: [chatbot], hasMorePages}.",
      inputSchema: { name: z.string().max(200).optional().describe('Only bots whose name contains this') },
      annotations: { readOnlyHint: true },
    },
    async ({ name }) => {
      if (!companyAccountId || companyAccountId !== accountId)
        return toolError('Chatbots are listed for a user token in its first account only.');
      return toolResult(
        await call(
          'GET',
          `/chat/v1/chatbot?PageNumber=1&PageSize=100${name ? `&Name=${encodeURIComponent(name)}` : ''}`,
        ),
      );
    },
  );

  server.registerTool(
    'start_chatbot',
    {
      title: 'Start a chatbot',
      description:
        "Start a chatbot flow for a contact: either in an existing session (session_id, a conversation's uuid) or, with `from` (a channel/inbox id) " +
        "and `to` (the contact's phone, email or id), in a new or current one. Options as in WTS Chat: force_start_session (start a new " +
        'session even if one is open), skip_if_bot_in_execution, skip_if_in_progress (skip when an agent is already on it). ' +
        'Returns the dispatch {id, status: QUEUED|RUNNING|SKIPPED|COMPLETED|FAILED, session}. Only user tokens (not agent bots) may start chatbots.',
      inputSchema: {
        bot_id: z.string().max(64).optional().describe("The chatbot's id"),
        bot_key: z.string().max(64).optional().describe("The chatbot's key (instead of bot_id)"),
        session_id: z.string().max(64).optional(),
        from: z
          .string()
          .max(200)
          .optional()
          .describe('The inbox to start it in: its name (from list_inboxes), phone number or email'),
        to: z.string().max(200).optional().describe('The contact: phone, email or contact id'),
        force_start_session: z.boolean().optional(),
        skip_if_bot_in_execution: z.boolean().optional(),
        skip_if_in_progress: z.boolean().optional(),
        session_metadata: z.record(z.string(), z.unknown()).optional(),
        contact_metadata: z.record(z.string(), z.unknown()).optional(),
      },
    },
    async (input) => {
      // The WTS dialect speaks for the user's company (their first account): refuse rather than act elsewhere.
      if (!companyAccountId)
        return toolError("Not allowed: only a user's token may start a chatbot (agent bots may not).");
      if (companyAccountId !== accountId)
        return toolError(
          `start_chatbot acts in your first account (${companyAccountId}); connect with that account_id.`,
        );
      return toolResult(
        await call('POST', '/chat/v1/chatbot/send', {
          botId: input.bot_id,
          botKey: input.bot_key,
          sessionId: input.session_id,
          from: input.from,
          to: input.to,
          options: {
            forceStartSession: input.force_start_session,
            skipIfBotInExecution: input.skip_if_bot_in_execution,
            skipIfInProgress: input.skip_if_in_progress,
          },
          sessionMetadata: input.session_metadata,
          contactMetadata: input.contact_metadata,
        }),
      );
    },
  );
}
