// The ceiling for message create: a bare Fastify + pg server that validates a small JSON body and inserts
// one row, nothing else (no auth, no conversation bump, no event). Run as its own process by
// bench/message-create.ts on the same database as Switchboard: DATABASE_URL=... PORT=... node bench/raw-insert-server.ts
// A second route is the floor of the work itself: the same bare server calling the database's insert_message
// (message, conversation bump, event, each message its own transaction) with no auth, lookup or response shaping.
import Fastify from 'fastify';
import pg from 'pg';

const pool = new pg.Pool({ connectionString: process.env.DATABASE_URL, max: 10 });
pool.on('error', () => {});
await pool.query(`CREATE TABLE IF NOT EXISTS bench_raw_messages (
  id bigserial PRIMARY KEY,
  conversation_id bigint NOT NULL,
  content text NOT NULL,
  created_at timestamptz NOT NULL DEFAULT now()
)`);

const app = Fastify({ logger: false });
const body = {
  type: 'object',
  required: ['content'],
  properties: { content: { type: 'string', maxLength: 150000 } },
} as const;
app.post<{ Params: { conversation: string }; Body: { content: string } }>(
  '/conversations/:conversation/messages',
  { schema: { body } },
  async (request) => {
    const { rows } = await pool.query(
      'INSERT INTO bench_raw_messages (conversation_id, content) VALUES ($1, $2) RETURNING id',
      [Number(request.params.conversation), request.body.content],
    );
    return { id: Number(rows[0].id) };
  },
);
app.post<{ Params: { conversation: string }; Body: { content: string } }>(
  '/conversations/:conversation/stored-messages',
  { schema: { body } },
  async (request) => {
    const fields = JSON.stringify({ message_type: 1, content: request.body.content });
    const { rows } = await pool.query("SELECT (insert_message($1, $2::jsonb)->'message'->>'id')::bigint AS id", [
      Number(request.params.conversation),
      fields,
    ]);
    return { id: Number(rows[0].id) };
  },
);
await app.listen({ port: Number(process.env.PORT), host: '127.0.0.1' });
process.stdout.write('raw insert server ready\n');
process.once(
  'SIGTERM',
  () =>
    void app
      .close()
      .then(() => pool.end())
      .then(() => process.exit(0)),
);
