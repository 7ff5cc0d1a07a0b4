import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { createWorld, realParam, type World } from '../reliability/fuzz/world.ts';
import type { Schema } from '../reliability/fuzz/values.ts';

/**
 * The sibling of cross-account.test.ts for ids in BODIES: every write of both dialects in the generated
 * OpenAPI document is sent by account A's administrator, on A's own rows, with one id-like body field
 * (`inbox_id`, `contact_id`, `source_id`, `sender_id`, `team_id`, `assignee_id`, `user_ids`, `labels`,
 * `sessionId`, `from`, `departmentId`, `tagIds`, ...) set to account B's value. Nothing of B may be shown,
 * changed or linked to: B's rows are byte-for-byte the same afterwards, no row of A references a row of B,
 * and no answer carries B's details.
 */
const ctx = await createTestContext();
const db = ctx.database.db;
const a = await createWorld(ctx, 'Alpha');
const b = await createWorld(ctx, 'Beta');
await ctx
  .client(b.userToken)
  .post(`/api/v1/accounts/${b.accountId}/conversations/${b.params.conversation_id}/messages`, {
    content: 'beta secret',
  });
const bContact = await db
  .selectFrom('contacts')
  .select(['email', 'phone_number'])
  .where('id', '=', Number(b.byCollection.contacts))
  .executeTakeFirstOrThrow();
/** Text only B's rows hold: an answer to A containing one of these leaked B. */
const B_MARKERS = [bContact.email!, bContact.phone_number!, 'Beta-team', 'beta secret'].filter(Boolean);

/** B's value for each id-like body field, by the field's name (a nested `department.id` is `department.id`). */
function bValue(world: World): Record<string, unknown> {
  const { byCollection: c, params: p } = world;
  return {
    // Chatwoot dialect: integer ids, the source id of a contact inbox, label titles
    inbox_id: Number(c.inboxes),
    contact_id: Number(c.contacts),
    base_contact_id: Number(c.contacts),
    mergee_contact_id: Number(c.contacts),
    team_id: Number(c.teams),
    assignee_id: Number(c.agents),
    user_id: Number(c.agents),
    user_ids: [Number(c.agents)],
    sender_id: Number(c.agent_bots),
    agent_bot: Number(c.agent_bots),
    source_id: p.contact_identifier,
    labels: ['beta-label'],
    account_id: world.accountId,
    // WTS dialect: UUIDs, channels by id, chatbots by id
    sessionId: c.session,
    from: c.channel,
    departmentId: c.department,
    newDepartmentId: c.department,
    'department.id': c.department,
    userId: c.agent,
    newUserId: c.agent,
    'user.id': c.agent,
    tagIds: [c.tag],
    botKey: c.chatbot,
    botId: c.chatbot,
    // WTS CRM: steps, contacts and users by UUID
    stepId: p.stepId,
    copyToStepId: p.stepId,
    contactIds: [c.contact],
    responsibleUserId: c.agent,
  };
}
const B_VALUES = bValue(b);
/** A's own value for the same fields: the baseline a body starts from, so one field at a time is B's. */
const A_VALUES = bValue(a);

/** Plausible values so a request passes validation and reaches the code that resolves the id. */
let serial = 0;
const DEFAULTS: Record<string, () => unknown> = {
  content: () => 'sweep',
  text: () => 'sweep',
  name: () => `Sweep ${++serial}`,
  title: () => `sweep-${++serial}`,
  short_code: () => `sweep${++serial}`,
  to: () => `+1555000${String(1000 + ++serial)}`,
  email: () => `sweep${++serial}@example.com`,
  url: () => 'https://203.0.113.9/hook',
  status: () => 'open',
  message_type: () => 'outgoing',
  body: () => ({ text: 'sweep' }),
  fileIdOrUrl: () => 'https://203.0.113.9/file.png',
};

/** Fields that name the same thing another way: the one swept goes alone, or the other would win. */
const ALTERNATIVES = [
  ['sessionId', 'from'],
  ['botKey', 'botId'],
  ['source_id', 'inbox_id', 'contact_id'],
  ['assignee_id', 'team_id'],
];
/** What makes a swept field count at all (a transfer to a user needs type USER; a partial update lists its fields). */
const ALONGSIDE: Record<string, Record<string, unknown>> = {
  newUserId: { type: 'USER' },
  userId: { fields: ['userId'] },
  departmentId: { fields: ['departmentId'] },
};

function baseline(schema: Schema, name = '', depth = 0): unknown {
  if (schema.const !== undefined) return schema.const;
  if (schema.enum?.length) return schema.enum[0];
  const union = schema.anyOf ?? schema.oneOf;
  if (union?.length) return baseline(union.find((s) => s.type !== 'null') ?? union[0], name, depth);
  if (name in A_VALUES && name !== 'account_id') return A_VALUES[name];
  if (DEFAULTS[name]) return DEFAULTS[name]();
  const type = Array.isArray(schema.type) ? schema.type.find((t) => t !== 'null') : schema.type;
  switch (type) {
    case 'string':
      return schema.format === 'uuid' ? '00000000-0000-4000-8000-000000000000' : 'sweep';
    case 'integer':
    case 'number':
      return schema.minimum ?? 1;
    case 'boolean':
      return false;
    case 'array':
      return [];
    case 'object': {
      const out: Record<string, unknown> = {};
      for (const [key, property] of Object.entries(schema.properties ?? {})) {
        const wanted = schema.required?.includes(key) || DEFAULTS[key] || (key in A_VALUES && key !== 'account_id');
        if (depth < 3 && wanted) out[key] = baseline(property, key, depth + 1);
      }
      return out;
    }
    default:
      return null;
  }
}

/** The id-like fields of a body schema that B has a value for: top level, and one level down (`department.id`). */
function targets(schema: Schema): string[] {
  const found: string[] = [];
  for (const [key, property] of Object.entries(schema.properties ?? {})) {
    if (key in B_VALUES) found.push(key);
    for (const inner of Object.keys(property.properties ?? {}))
      if (`${key}.${inner}` in B_VALUES) found.push(`${key}.${inner}`);
  }
  return found;
}

function withTarget(body: Record<string, unknown>, target: string): Record<string, unknown> {
  const value = B_VALUES[target];
  const [outer, inner] = target.split('.');
  const out: Record<string, unknown> = inner
    ? { ...body, [outer]: { ...((body[outer] as object) ?? {}), [inner]: value } }
    : { ...body, [outer]: value };
  for (const group of ALTERNATIVES)
    if (group.includes(target)) for (const other of group) if (other !== target) delete out[other];
  if (target === 'sender_id') out.sender_type = 'AgentBot';
  return { ...out, ...(ALONGSIDE[target] ?? {}) };
}

function fill(world: World, template: string): string {
  const segments = template.split('/');
  return segments
    .map((segment, i) =>
      /^\{(.+)\}$/.test(segment)
        ? (realParam(world, template, segments, i, segment.slice(1, -1)) ?? 'missing')
        : segment,
    )
    .join('/');
}

/** B's rows of every account-scoped table (and B's users), as one fingerprint per table. */
async function fingerprintOfB(): Promise<Record<string, string>> {
  const { rows: tables } = await sql<{ table_name: string }>`
    SELECT table_name FROM information_schema.columns
    WHERE table_schema = 'public' AND column_name = 'account_id' ORDER BY table_name`.execute(db);
  const out: Record<string, string> = {};
  for (const { table_name } of tables) {
    const { rows } = await sql<{ digest: string | null }>`
      SELECT md5(string_agg(t::text, '|' ORDER BY t::text)) AS digest FROM ${sql.table(table_name)} t WHERE t.account_id = ${b.accountId}`.execute(
      db,
    );
    out[table_name] = rows[0].digest ?? 'none';
  }
  const { rows: users } = await sql<{ digest: string }>`
    SELECT md5(string_agg(u::text, '|' ORDER BY u.id)) AS digest FROM users u
    WHERE u.id IN (SELECT user_id FROM account_users WHERE account_id = ${b.accountId})`.execute(db);
  out.users = users[0].digest;
  const { rows: account } = await sql<{
    digest: string;
  }>`SELECT md5(a::text) AS digest FROM accounts a WHERE a.id = ${b.accountId}`.execute(db);
  out.accounts = account[0].digest;
  return out;
}

/** Rows of one account pointing (by foreign key, or by a sender/assignee/member id) at another account's rows. */
async function crossLinks(): Promise<string[]> {
  const { rows: keys } = await sql<{ table_name: string; column_name: string; ref_table: string; ref_column: string }>`
    SELECT kcu.table_name, kcu.column_name, ccu.table_name AS ref_table, ccu.column_name AS ref_column
    FROM information_schema.table_constraints tc
    JOIN information_schema.key_column_usage kcu ON kcu.constraint_name = tc.constraint_name AND kcu.table_schema = tc.table_schema
    JOIN information_schema.constraint_column_usage ccu ON ccu.constraint_name = tc.constraint_name AND ccu.table_schema = tc.table_schema
    WHERE tc.constraint_type = 'FOREIGN KEY' AND tc.table_schema = 'public' AND ccu.table_name <> 'accounts'
      AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = kcu.table_name AND c.column_name = 'account_id')
      AND EXISTS (SELECT 1 FROM information_schema.columns c WHERE c.table_schema = 'public' AND c.table_name = ccu.table_name AND c.column_name = 'account_id')`.execute(
    db,
  );
  const found: string[] = [];
  const count = async (label: string, query: ReturnType<typeof sql<{ n: number }>>) => {
    const { rows } = await query.execute(db);
    if (rows[0].n > 0) found.push(`${label}: ${rows[0].n}`);
  };
  for (const k of keys) {
    // System bots (account_id null) serve every account.
    const system = k.ref_table === 'agent_bots' ? sql`AND r.account_id IS NOT NULL` : sql``;
    await count(
      `${k.table_name}.${k.column_name} → ${k.ref_table}`,
      sql<{
        n: number;
      }>`SELECT count(*)::int AS n FROM ${sql.table(k.table_name)} t JOIN ${sql.table(k.ref_table)} r ON r.${sql.ref(k.ref_column)} = t.${sql.ref(k.column_name)}
        WHERE r.account_id IS DISTINCT FROM t.account_id ${system}`,
    );
  }
  const member = (column: string) =>
    sql`NOT EXISTS (SELECT 1 FROM account_users au WHERE au.account_id = t.account_id AND au.user_id = ${sql.ref(column)})`;
  await count(
    'messages.sender_id (User) → not a member',
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM messages t WHERE t.sender_type = 'User' AND ${member('t.sender_id')}`,
  );
  await count(
    'messages.sender_id (Contact) → other account',
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM messages t JOIN contacts r ON r.id = t.sender_id WHERE t.sender_type = 'Contact' AND r.account_id <> t.account_id`,
  );
  await count(
    'messages.sender_id (AgentBot) → other account',
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM messages t JOIN agent_bots r ON r.id = t.sender_id WHERE t.sender_type = 'AgentBot' AND r.account_id <> t.account_id`,
  );
  await count(
    'conversations.assignee_id → not a member',
    sql<{
      n: number;
    }>`SELECT count(*)::int AS n FROM conversations t WHERE t.assignee_id IS NOT NULL AND ${member('t.assignee_id')}`,
  );
  await count(
    'inbox_members.user_id → not a member',
    sql<{ n: number }>`SELECT count(*)::int AS n FROM inbox_members t WHERE ${member('t.user_id')}`,
  );
  await count(
    'team_members.user_id → not a member',
    sql<{ n: number }>`SELECT count(*)::int AS n FROM team_members t WHERE ${member('t.user_id')}`,
  );
  return found;
}

const spec = (await ctx.client().get('/openapi.json')).body;
interface Case {
  method: string;
  template: string;
  target: string;
  body: Record<string, unknown>;
}
const cases: Case[] = [];
for (const [template, item] of Object.entries<
  Record<string, { requestBody?: { content: Record<string, { schema: Schema }> } }>
>(spec.paths)) {
  const ours =
    template.startsWith('/api/v1/accounts/{account_id}') ||
    template.startsWith('/chat/') ||
    template.startsWith('/core/') ||
    template.startsWith('/crm/') ||
    template === '/api/v1/profile/availability';
  if (!ours) continue;
  for (const [method, operation] of Object.entries(item)) {
    const schema = operation.requestBody?.content['application/json']?.schema;
    if (!schema || !['post', 'put', 'patch', 'delete'].includes(method)) continue;
    const body = baseline(schema) as Record<string, unknown>;
    for (const target of targets(schema)) cases.push({ method, template, target, body: withTarget(body, target) });
  }
}
// Filters name ids inside conditions rather than as fields.
for (const [template, key] of [
  ['/api/v1/accounts/{account_id}/conversations/filter', 'inbox_id'],
  ['/api/v1/accounts/{account_id}/conversations/filter', 'team_id'],
  ['/api/v1/accounts/{account_id}/conversations/filter', 'assignee_id'],
] as const) {
  cases.push({
    method: 'post',
    template,
    target: `payload[${key}]`,
    body: {
      payload: [{ attribute_key: key, filter_operator: 'equal_to', values: [B_VALUES[key]], query_operator: null }],
    },
  });
}

describe('cross-account isolation of ids in request bodies', () => {
  it('finds the id-bearing bodies of both dialects to sweep', () => {
    const covered = new Set(cases.map((c) => c.target.replace(/\..*$/, '')));
    for (const field of [
      'inbox_id',
      'contact_id',
      'source_id',
      'sender_id',
      'team_id',
      'assignee_id',
      'user_ids',
      'labels',
      'sessionId',
      'from',
      'departmentId',
      'tagIds',
      'userId',
      'stepId',
      'copyToStepId',
      'contactIds',
      'responsibleUserId',
    ]) {
      expect(covered, field).toContain(field);
    }
    expect(cases.length).toBeGreaterThan(50);
  });

  it('never shows, changes or links B’s rows when A’s bodies carry B’s ids', async () => {
    const before = await fingerprintOfB();
    const chatwoot = ctx.client(a.userToken);
    const wts = ctx.client(undefined, { authorization: `Bearer ${a.userToken}` });
    const problems: string[] = [];
    for (const c of cases) {
      const client = c.template.startsWith('/api/') ? chatwoot : wts;
      const res = await client[c.method as 'post'](fill(a, c.template), c.body);
      const label = `${c.method.toUpperCase()} ${c.template} {${c.target}} → ${res.status}`;
      if (res.status >= 500) problems.push(`${label} ${res.text.slice(0, 160)}`);
      const leaked = B_MARKERS.find((marker) => res.text.includes(marker));
      if (leaked) problems.push(`${label} shows B's "${leaked}"`);
    }
    expect(problems).toEqual([]);
    expect(await fingerprintOfB()).toEqual(before);
    expect(await crossLinks()).toEqual([]);
    expect(await a.intact()).toBe(true);
    expect(await b.intact()).toBe(true);
  });
});
