import { ResourceTemplate, type McpServer } from '@modelcontextprotocol/sdk/server/mcp.js';
import type { ToolContext } from './context.ts';

interface TranscriptMessage {
  content: string | null;
  message_type: number;
  private: boolean;
  created_at: number;
  sender?: { name?: string; type?: string } | null;
}

const SPEAKER: Record<number, string> = { 0: 'Contact', 1: 'Agent', 2: 'Activity', 3: 'Template' };

/** A conversation as plain text, one line per message, for a model to read in one go. */
function transcript(messages: TranscriptMessage[]): string {
  return messages
    .map((m) => {
      const who = m.private ? 'Private note' : (SPEAKER[m.message_type] ?? 'Message');
      const name = m.sender?.name ? ` (${m.sender.name})` : '';
      return `[${new Date(m.created_at * 1000).toISOString()}] ${who}${name}: ${m.content ?? ''}`;
    })
    .join('\n');
}

function failed(uri: URL, status: number, body: unknown): never {
  throw new Error(`${uri.href}: HTTP ${status} ${JSON.stringify(body)}`);
}

export function registerResources(server: McpServer, { call, account }: ToolContext): void {
  server.registerResource(
    'conversation_transcript',
    new ResourceTemplate('switchboard://conversations/{conversation_id}/transcript', { list: undefined }),
    {
      title: 'Conversation transcript',
      description: "A conversation's messages as plain text, oldest first, private notes marked.",
      mimeType: 'text/plain',
    },
    async (uri, { conversation_id }) => {
      const id = Number(conversation_id);
      if (!Number.isSafeInteger(id) || id <= 0) throw new Error('conversation_id must be a positive integer');
      const response = await call('GET', `${account}/conversations/${id}/messages`);
      if (response.status >= 400) failed(uri, response.status, response.body);
      const payload = (response.body as { payload: TranscriptMessage[] }).payload;
      return { contents: [{ uri: uri.href, mimeType: 'text/plain', text: transcript(payload) }] };
    },
  );

  for (const [name, path, title] of [
    ['labels', 'labels', "The account's labels (title, description, colour): what label_conversation can apply."],
    [
      'canned_responses',
      'canned_responses',
      "The account's canned responses (short_code, content): approved wording to reuse in replies.",
    ],
  ] as const) {
    server.registerResource(
      name,
      `switchboard://${path}`,
      { title: name.replace('_', ' '), description: title, mimeType: 'application/json' },
      async (uri) => {
        const response = await call('GET', `${account}/${path}`);
        if (response.status >= 400) failed(uri, response.status, response.body);
        return { contents: [{ uri: uri.href, mimeType: 'application/json', text: JSON.stringify(response.body) }] };
      },
    );
  }
}
