// MCP tool-call latency: the SDK's own client over streamable HTTP against /mcp, beside the same read through
// the Chatwoot API. `npm run bench -- --mcp`.
import { performance } from 'node:perf_hooks';
import { Client } from '@modelcontextprotocol/sdk/client/index.js';
import { StreamableHTTPClientTransport } from '@modelcontextprotocol/sdk/client/streamableHttp.js';
import { bootstrap } from '../src/domain/accounts/bootstrap.ts';
import { insertInbox } from '../src/domain/inboxes/repository.ts';
import { benchDatabaseUrl, listeningApp, median, p95 } from './bench-app.ts';

const samples = process.argv.includes('--quick') ? 100 : 500;
const db = await benchDatabaseUrl();
try {
  const server = await listeningApp(db.url, { RATE_LIMIT_STORE: 'off' });
  const account = await bootstrap(server.database.db, { accountName: 'MCP bench' });
  const base = `${server.base}/api/v1/accounts/${account.account_id}`;
  const headers = { api_access_token: account.api_access_token, 'content-type': 'application/json' };
  const inbox = await insertInbox(server.database.db, account.account_id, {
    name: 'Bench API',
    channel_type: 'Channel::Api',
  });
  const contact = await (
    await fetch(`${base}/contacts`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ name: 'Ana', email: 'ana@example.com', inbox_id: inbox.id }),
    })
  ).json();
  const conversation = await (
    await fetch(`${base}/conversations`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ inbox_id: inbox.id, contact_id: contact.payload.contact.id }),
    })
  ).json();
  for (let i = 0; i < 20; i++) {
    await fetch(`${base}/conversations/${conversation.id}/messages`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ content: `message ${i}`, message_type: 'incoming' }),
    });
  }
  const client = new Client({ name: 'bench', version: '1.0.0' });
  await client.connect(
    new StreamableHTTPClientTransport(new URL(`${server.base}/mcp`), {
      requestInit: { headers: { authorization: `Bearer ${account.api_access_token}` } },
    }),
  );

  const measure = async (work: () => Promise<unknown>) => {
    for (let i = 0; i < 20; i++) await work();
    const times: number[] = [];
    for (let i = 0; i < samples; i++) {
      const start = performance.now();
      await work();
      times.push(performance.now() - start);
    }
    return { p50: median(times), p95: p95(times) };
  };
  const rows: [string, { p50: number; p95: number }][] = [
    [
      'MCP search_contacts',
      await measure(() => client.callTool({ name: 'search_contacts', arguments: { query: 'ana@example.com' } })),
    ],
    [
      'REST GET contacts/search',
      await measure(() =>
        fetch(`${base}/contacts/search?q=ana%40example.com`, { headers }).then((r) => r.arrayBuffer()),
      ),
    ],
    [
      'MCP read_conversation (20 messages)',
      await measure(() =>
        client.callTool({ name: 'read_conversation', arguments: { conversation_id: conversation.id } }),
      ),
    ],
    [
      'REST GET conversation + messages',
      await measure(() =>
        Promise.all([
          fetch(`${base}/conversations/${conversation.id}`, { headers }),
          fetch(`${base}/conversations/${conversation.id}/messages`, { headers }),
        ]).then((rs) => Promise.all(rs.map((r) => r.arrayBuffer()))),
      ),
    ],
    ['MCP list_inboxes', await measure(() => client.callTool({ name: 'list_inboxes', arguments: {} }))],
  ];
  await client.close();
  await server.stop();
  console.log(`MCP tool calls over streamable HTTP (stateless, one POST each), ${samples} sequential calls:`);
  for (const [name, { p50, p95: high }] of rows)
    console.log(`  ${name.padEnd(38)} p50 ${p50.toFixed(2)} ms  p95 ${high.toFixed(2)} ms`);
} finally {
  await db.stop();
}
