// The handful of rows a dataset hangs on — agents, inboxes, teams, labels — inserted as ordinary rows, and
// the id ranges reserved for the bulk-loaded tables.
import crypto from 'node:crypto';
import type pg from 'pg';
import { agentName } from './rows.ts';
import { INBOXES, LABEL_COLORS, LABELS, TEAMS } from './vocabulary.ts';

const token = (bytes = 24) => crypto.randomBytes(bytes).toString('base64url');

/** `count` fresh ids from the table's own sequence (not assumed contiguous: other writers may interleave). */
export async function reserveIds(client: pg.ClientBase, table: string, count: number): Promise<number[]> {
  const { rows } = await client.query<{ ids: string[] }>(
    `SELECT array_agg(nextval(pg_get_serial_sequence($1, 'id'))::text) AS ids FROM generate_series(1, $2::int)`,
    [table, count],
  );
  return (rows[0].ids ?? []).map(Number);
}

export interface SetupRows {
  agents: number[];
  agentNames: string[];
  inboxes: number[];
  teams: number[];
}

export async function insertSetupRows(
  client: pg.ClientBase,
  accountId: number,
  agentCount: number,
  seed: number,
): Promise<SetupRows> {
  const names = Array.from({ length: agentCount }, (_, i) => agentName(i));
  const tag = `${accountId}-${seed}-${token(3)
    .toLowerCase()
    .replace(/[^a-z0-9]/g, 'x')}`;
  const emails = names.map((name, i) => `${name.toLowerCase().replace(/[^a-z]+/g, '.')}.${i}.${tag}@agents.seed.test`);
  const users = await client.query<{ id: string; email: string }>(
    `INSERT INTO users (name, email, pubsub_token)
     SELECT * FROM unnest($1::text[], $2::text[], $3::text[]) RETURNING id, email`,
    [names, emails, names.map(() => token())],
  );
  const userIdByEmail = new Map(users.rows.map((r) => [r.email, Number(r.id)]));
  const agents = emails.map((email) => userIdByEmail.get(email)!);
  await client.query(
    `INSERT INTO account_users (account_id, user_id, role)
     SELECT $1, id, CASE WHEN n = 1 THEN 'administrator' ELSE 'agent' END FROM unnest($2::bigint[]) WITH ORDINALITY AS u(id, n)`,
    [accountId, agents],
  );

  const inboxRows = await client.query<{ id: string; name: string }>(
    `INSERT INTO inboxes (account_id, name, channel_type, channel, identifier, hmac_token)
     SELECT $1, * FROM unnest($2::text[], $3::text[], $4::jsonb[], $5::text[], $6::text[]) RETURNING id, name`,
    [
      accountId,
      INBOXES.map((i) => i.name),
      INBOXES.map((i) => i.channel_type),
      INBOXES.map((i) => JSON.stringify(i.channel)),
      INBOXES.map(() => token(18)),
      INBOXES.map(() => token(18)),
    ],
  );
  const inboxIdByName = new Map(inboxRows.rows.map((r) => [r.name, Number(r.id)]));
  const inboxes = INBOXES.map((i) => inboxIdByName.get(i.name)!);
  await client.query(
    `INSERT INTO inbox_members (account_id, inbox_id, user_id) SELECT $1, i, u FROM unnest($2::bigint[]) i, unnest($3::bigint[]) u`,
    [accountId, inboxes, agents],
  );

  const teamRows = await client.query<{ id: string; name: string }>(
    `INSERT INTO teams (account_id, name) SELECT $1, * FROM unnest($2::text[]) ON CONFLICT (account_id, name) DO UPDATE SET name = EXCLUDED.name RETURNING id, name`,
    [accountId, TEAMS],
  );
  const teamIdByName = new Map(teamRows.rows.map((r) => [r.name, Number(r.id)]));
  const teams = TEAMS.map((t) => teamIdByName.get(t)!);
  await client.query(
    `INSERT INTO team_members (account_id, team_id, user_id) SELECT $1, t, u FROM unnest($2::bigint[], $3::bigint[]) AS x(t, u)`,
    [accountId, agents.map((_, i) => teams[i % teams.length]), agents],
  );

  await client.query(
    `INSERT INTO labels (account_id, title, description, color)
     SELECT $1, t, 'Seeded label ' || t, c FROM unnest($2::text[], $3::text[]) AS x(t, c)
     ON CONFLICT (account_id, title) DO NOTHING`,
    [accountId, LABELS, LABELS.map((_, i) => LABEL_COLORS[i % LABEL_COLORS.length])],
  );
  return { agents, agentNames: names, inboxes, teams };
}
