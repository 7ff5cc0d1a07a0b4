import * as z from 'zod';
import type { McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.ts';
import { toolError, toolResult } from './tool-result.ts';

const conversationId = z
  .number()
  .int()
  .positive()
  .describe("The conversation's id (its number in the account, as list_conversations shows)");

export function registerConversationTools(server: McpServer, { call, account }: ToolContext): void {
  const conversation = (id: number) => `${account}/conversations/${id}`;

  server.registerTool(
    'list_conversations',
    {
      title: 'List conversations',
      description:
        'List conversations, newest activity first, 25 per page. Filter by status (open: waiting for or with an agent; pending: a bot is ' +
        'handling it; snoozed; resolved; all), by assignee (me, unassigned, assigned, all), inbox, team, labels, or a text query. ' +
        'Use it to find work to do. Returns {data: {meta: {mine_count, unassigned_count, all_count}, payload: [conversation]}}; each ' +
        'conversation has id, status, priority, inbox_id, labels, meta.sender (the contact), meta.assignee, last_non_activity_message.',
      inputSchema: {
        status: z.enum(['open', 'pending', 'snoozed', 'resolved', 'all']).optional().describe('Default: open'),
        assignee_type: z.enum(['me', 'unassigned', 'assigned', 'all']).optional().describe('Default: all'),
        inbox_id: z.number().int().positive().optional(),
        team_id: z.number().int().positive().optional(),
        labels: z
          .array(z.string().max(255))
          .max(100)
          .optional()
          .describe('Only conversations carrying all these labels'),
        query: z.string().max(500).optional().describe('Text to look for in messages and contact fields'),
        page: z.number().int().min(1).optional(),
      },
      annotations: { readOnlyHint: true },
    },
    async ({ query, labels, ...filters }) => {
      const params = new URLSearchParams();
      for (const [key, value] of Object.entries(filters)) if (value !== undefined) params.set(key, String(value));
      if (query) params.set('q', query);
      for (const label of labels ?? []) params.append('labels[]', label);
      return toolResult(await call('GET', `${account}/conversations?${params}`));
    },
  );

  server.registerTool(
    'read_conversation',
    {
      title: 'Read a conversation',
      description:
        'Read one conversation with its messages: status, priority, assignee, team, labels, the contact, and the latest messages ' +
        '(oldest first; message_type 0 = from the contact, 1 = from an agent or bot, 2 = activity; private = internal note). ' +
        'Call it before replying so the reply fits what was said. Returns {conversation, messages}.',
      inputSchema: { conversation_id: conversationId },
      annotations: { readOnlyHint: true },
    },
    async ({ conversation_id }) => {
      const found = await call('GET', conversation(conversation_id));
      if (found.status >= 400) return toolResult(found);
      const messages = await call('GET', `${conversation(conversation_id)}/messages`);
      if (messages.status >= 400) return toolResult(messages);
      return toolResult({
        status: 200,
        body: { conversation: found.body, messages: (messages.body as { payload?: unknown }).payload ?? messages.body },
      });
    },
  );

  const message =
    (isPrivate: boolean) =>
    async ({ conversation_id, content }: { conversation_id: number; content: string }) =>
      toolResult(
        await call('POST', `${conversation(conversation_id)}/messages`, {
          content,
          message_type: 'outgoing',
          private: isPrivate,
        }),
      );

  server.registerTool(
    'reply',
    {
      title: 'Reply to the contact',
      description:
        "Send a message to the contact in a conversation: it is delivered over the conversation's channel (email, chat, ...) and the " +
        'contact sees it. For something only agents should see, use add_private_note instead. Returns the created message.',
      inputSchema: {
        conversation_id: conversationId,
        content: z.string().min(1).max(150_000).describe('The message text'),
      },
    },
    message(false),
  );

  server.registerTool(
    'add_private_note',
    {
      title: 'Add a private note',
      description:
        'Add an internal note to a conversation: visible to agents only, never sent to the contact. Use it to summarise, hand over, ' +
        'or record a decision. Returns the created message (private: true).',
      inputSchema: { conversation_id: conversationId, content: z.string().min(1).max(150_000) },
    },
    message(true),
  );

  server.registerTool(
    'label_conversation',
    {
      title: 'Add or remove labels',
      description:
        'Add and/or remove labels on a conversation (labels are account-wide tags such as "billing" or "lead"; the labels resource ' +
        "lists them). Other labels are kept. Returns {payload: [label]}, the conversation's labels now.",
      inputSchema: {
        conversation_id: conversationId,
        add: z.array(z.string().min(1).max(255)).max(50).optional(),
        remove: z.array(z.string().min(1).max(255)).max(50).optional(),
      },
    },
    async ({ conversation_id, add, remove }) => {
      if (!add?.length && !remove?.length) return toolError('Give labels to add or remove.');
      const current = await call('GET', `${conversation(conversation_id)}/labels`);
      if (current.status >= 400) return toolResult(current);
      const dropped = new Set(remove ?? []);
      const labels = [...new Set([...((current.body as { payload: string[] }).payload ?? []), ...(add ?? [])])].filter(
        (l) => !dropped.has(l),
      );
      return toolResult(await call('POST', `${conversation(conversation_id)}/labels`, { labels }));
    },
  );

  server.registerTool(
    'assign_conversation',
    {
      title: 'Assign a conversation',
      description:
        'Assign a conversation to an agent (assignee_id from list_agents) and/or a team (team_id from list_teams). ' +
        'Pass assignee_id 0 to unassign the agent. Returns the assignee (or team) now in charge.',
      inputSchema: {
        conversation_id: conversationId,
        assignee_id: z.number().int().min(0).optional(),
        team_id: z.number().int().min(0).optional(),
      },
    },
    async ({ conversation_id, assignee_id, team_id }) => {
      if (assignee_id === undefined && team_id === undefined) return toolError('Give assignee_id or team_id.');
      let last = await call(
        'POST',
        `${conversation(conversation_id)}/assignments`,
        team_id === undefined ? { assignee_id: assignee_id || null } : { team_id: team_id || null },
      );
      if (last.status < 400 && team_id !== undefined && assignee_id !== undefined) {
        last = await call('POST', `${conversation(conversation_id)}/assignments`, { assignee_id: assignee_id || null });
      }
      return toolResult(last);
    },
  );

  server.registerTool(
    'set_conversation_status',
    {
      title: 'Change status or priority',
      description:
        "Change a conversation's status (open, pending, snoozed, resolved; snoozed_until as ISO time for snoozed) and/or its " +
        "priority (urgent, high, medium, low, none). Resolve when the contact's issue is settled. Returns the conversation's status and priority now.",
      inputSchema: {
        conversation_id: conversationId,
        status: z.enum(['open', 'pending', 'snoozed', 'resolved']).optional(),
        snoozed_until: z.string().datetime().optional(),
        priority: z.enum(['urgent', 'high', 'medium', 'low', 'none']).optional(),
      },
    },
    async ({ conversation_id, status, snoozed_until, priority }) => {
      if (!status && !priority) return toolError('Give a status or a priority.');
      const answer: Record<string, unknown> = {};
      if (status) {
        const body: Record<string, unknown> = { status };
        if (snoozed_until) body.snoozed_until = Math.floor(Date.parse(snoozed_until) / 1000);
        const changed = await call('POST', `${conversation(conversation_id)}/toggle_status`, body);
        if (changed.status >= 400) return toolResult(changed);
        answer.status = changed.body;
      }
      if (priority) {
        const changed = await call('POST', `${conversation(conversation_id)}/toggle_priority`, {
          priority: priority === 'none' ? null : priority,
        });
        if (changed.status >= 400) return toolResult(changed);
        answer.priority = priority;
      }
      return toolResult({ status: 200, body: answer });
    },
  );
}
