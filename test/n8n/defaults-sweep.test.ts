/**
 * Every operation of the real n8n ChatWoot node, sent as n8n sends it when the user fills in only the path
 * ids (real ids of a seeded account) and leaves every other field at its default. Hard rules: no 5xx, no hang,
 * a JSON (or empty) body, and for the core resources no 404 that comes from routing (the request landing on
 * no route while a near variant exists, or on a different route). Which endpoints exist is not asserted: the
 * statuses are printed as a table for the lead.
 */
import { writeFileSync } from 'node:fs';
import { afterAll, describe, expect, it } from 'vitest';
import { createTestContext } from '../helpers/context.ts';
import { conversationFixture } from '../helpers/fixtures.ts';
import { buildRequest, operations, send, type NodeResponse, type Operation } from './node-requests.ts';

const CORE_RESOURCES = new Set([
  'Accounts',
  'Account Users',
  'Agent Bots',
  'Account Agent Bots',
  'Agents',
  'Canned Responses',
  'Canned Response',
  'Custom Attributes',
  'Contacts',
  'Contact',
  'Conversations',
  'Conversation Assignment',
  'Conversation Labels',
  'Inboxes',
  'Messages',
  'Profile',
  'Teams',
]);
/** Resources whose every operation must succeed with the node's defaults (issue 14: reports and the CSAT survey page). */
const MUST_SUCCEED = new Set(['Reports', 'CSAT Survey Page']);
const TIMEOUT_MS = 10_000;

const ctx = await createTestContext();
const f = await conversationFixture(ctx, 'Sweep');
const db = ctx.database.db;
const accountId = f.account.account_id;
const conversation = await f.openConversation();
const message = await f.incoming(conversation.id, 'Hello from the sweep');
// A CSAT survey in the conversation, for the survey page operation.
const conversationRow = await db
  .selectFrom('conversations')
  .select(['id', 'inbox_id'])
  .where('uuid', '=', conversation.uuid)
  .executeTakeFirstOrThrow();
await db
  .insertInto('messages')
  .values({
    account_id: accountId,
    inbox_id: conversationRow.inbox_id,
    conversation_id: conversationRow.id,
    message_type: 3,
    content_type: 'input_csat',
    content: 'Please rate the conversation',
  })
  .execute();
const agent = await ctx.member(accountId, 'agent', 'Sweep Agent');
await db
  .insertInto('inbox_members')
  .values({ account_id: accountId, inbox_id: f.inbox.id, user_id: agent.userId })
  .execute();
const team = await db
  .insertInto('teams')
  .values({ account_id: accountId, name: 'sweep team' })
  .returning('id')
  .executeTakeFirstOrThrow();
await db
  .insertInto('team_members')
  .values({ account_id: accountId, team_id: team.id, user_id: agent.userId })
  .execute();
const canned = await db
  .insertInto('canned_responses')
  .values({ account_id: accountId, short_code: 'hi', content: 'Hello!' })
  .returning('id')
  .executeTakeFirstOrThrow();
const attribute = await db
  .insertInto('custom_attribute_definitions')
  .values({
    account_id: accountId,
    attribute_display_name: 'Plan',
    attribute_key: 'plan',
    attribute_model: 'contact_attribute',
  } as any)
  .returning('id')
  .executeTakeFirstOrThrow();
const accountBot = await db
  .insertInto('agent_bots')
  .values({ account_id: accountId, name: 'Account bot' })
  .returning('id')
  .executeTakeFirstOrThrow();
const helpPortal = await db
  .insertInto('portals')
  .values({ account_id: accountId, name: 'Sweep help', slug: 'sweep-help' })
  .returning('id')
  .executeTakeFirstOrThrow();
const platformBot = await db
  .insertInto('agent_bots')
  .values({ account_id: null, name: 'Platform bot' })
  .returning('id')
  .executeTakeFirstOrThrow();
// The installation's platform app, granted the account, its administrator, the agent and the system bot.
const platformApp = await ctx.platformApp({ accountIds: [accountId], userIds: [f.account.user_id, agent.userId] });
await db
  .insertInto('platform_app_permissibles')
  .values({ platform_app_id: platformApp.appId, permissible_type: 'AgentBot', permissible_id: platformBot.id })
  .execute();

/** Real ids for every path parameter name the node uses (ids of endpoints Switchboard lacks: 1). */
function pathIds(op: Operation): Record<string, unknown> {
  const byResource: Record<string, number> = {
    'Agent Bots': platformBot.id,
    Users: agent.userId,
    'Account Agent Bots': accountBot.id,
    Agents: agent.userId,
    'Canned Responses': canned.id,
    'Canned Response': canned.id,
    'Custom Attributes': attribute.id,
    Contacts: f.contact.id,
    Contact: f.contact.id,
    Inboxes: f.inbox.id,
    'Automation Rule': 1,
  };
  const ids: Record<string, unknown> = {
    account_id: accountId,
    id: byResource[op.resource] ?? 1,
    inbox_identifier: f.inbox.identifier,
    contact_identifier: f.sourceId,
    conversation_id: conversation.id,
    message_id: message.id,
    conversation_uuid: conversation.uuid,
    inbox_id: f.inbox.id,
    team_id: team.id,
    portal_id: helpPortal.id,
    hook_id: 1,
    custom_filter_id: 1,
    webhook_id: 1,
  };
  const values: Record<string, unknown> = {};
  for (const p of op.params) {
    if (p.location !== 'path') continue;
    if (!(p.name in ids)) throw new Error(`no seeded id for path parameter ${p.name} of ${op.operation}`);
    values[p.name] = ids[p.name];
  }
  return values;
}

// ---- routing: which registered route (if any) a request lands on -------------------------------------------
type Route = { method: string; template: string };
const spec: any = ctx.app.swagger();
const routes: Route[] = Object.entries(spec.paths ?? {}).flatMap(([template, methods]: [string, any]) =>
  Object.keys(methods).map((m) => ({ method: m.toUpperCase(), template: normalize(template) })),
);

function normalize(template: string): string {
  return template
    .replace(/\{[^}]+\}|:[A-Za-z_]+/g, '{}')
    .replace(/\/{2,}/g, '/')
    .replace(/(.)\/$/, '$1');
}
const segments = (s: string) => normalize(s).split('/').slice(1);

/** The route find-my-way would pick for a concrete path: static segments beat parameters, left to right. */
function matchRoute(method: string, concretePath: string): Route | undefined {
  const parts = segments(concretePath);
  const candidates = routes.filter((r) => {
    if (r.method !== method) return false;
    const t = segments(r.template);
    return t.length === parts.length && t.every((seg, i) => (seg === '{}' ? parts[i] !== '' : seg === parts[i]));
  });
  const rank = (r: Route) =>
    segments(r.template)
      .map((s) => (s === '{}' ? '1' : '0'))
      .join('');
  return candidates.sort((a, b) => rank(a).localeCompare(rank(b)))[0];
}

function editDistance(a: string, b: string): number {
  const d = Array.from({ length: a.length + 1 }, (_, i) => [i, ...Array(b.length).fill(0)]);
  for (let j = 1; j <= b.length; j++) d[0][j] = j;
  for (let i = 1; i <= a.length; i++)
    for (let j = 1; j <= b.length; j++)
      d[i][j] = Math.min(d[i - 1][j] + 1, d[i][j - 1] + 1, d[i - 1][j - 1] + (a[i - 1] === b[j - 1] ? 0 : 1));
  return d[a.length][b.length];
}

/** Registered routes that look like what the node meant: same path other method, or one segment slightly off. */
function nearVariants(op: Operation): string[] {
  const wanted = segments(op.url);
  return routes
    .filter((r) => {
      const t = segments(r.template);
      if (t.length !== wanted.length) return false;
      const diffs = t.map((s, i) => [s, wanted[i]]).filter(([a, b]) => a !== b);
      if (diffs.length === 0) return r.method !== op.method;
      if (diffs.length !== 1) return false;
      const [a, b] = diffs[0];
      if (a === '{}' || b === '{}') return false;
      // inbox/inboxes, agent_bot/agent_bots, or a typo-sized difference in a longer word
      return a.startsWith(b) || b.startsWith(a) || editDistance(a, b) * 3 < Math.min(a.length, b.length);
    })
    .map((r) => `${r.method} ${r.template}`);
}

// ---- the sweep ---------------------------------------------------------------------------------------------
interface Outcome {
  n: number;
  op: Operation;
  request: ReturnType<typeof buildRequest>;
  res?: NodeResponse;
  error?: string;
  routedTo?: string;
  note: string;
}
const outcomes: Outcome[] = [];

function withTimeout<T>(promise: Promise<T>, ms: number): Promise<T> {
  let timer: NodeJS.Timeout;
  return Promise.race([
    promise.finally(() => clearTimeout(timer)),
    new Promise<T>((_, reject) => (timer = setTimeout(() => reject(new Error(`no answer within ${ms} ms`)), ms))),
  ]);
}

function reason(res: NodeResponse | undefined): string {
  if (!res) return '';
  const b = res.body;
  const text =
    b === undefined || b === null || typeof b !== 'object'
      ? res.text
      : typeof b.error === 'string'
        ? b.error
        : (b.message ?? (b.errors ? JSON.stringify(b.errors) : JSON.stringify(b)));
  return String(text ?? '')
    .replace(/\s+/g, ' ')
    .slice(0, 90);
}

// Deletes go last, in reverse spec order, so that nothing is deleted before the operations that need it.
const indexed = operations.map((op, i) => ({ op, n: i + 1 }));
const ordered = [
  ...indexed.filter((x) => x.op.method !== 'DELETE'),
  ...indexed.filter((x) => x.op.method === 'DELETE').reverse(),
];

describe('n8n ChatWoot node: every operation with its defaults', () => {
  it('covers the node’s 115 operations', () => {
    expect(operations).toHaveLength(115);
  });

  for (const { op, n } of ordered) {
    it(`#${n} ${op.resource} / ${op.operation} (${op.method} ${op.url})`, async () => {
      const token = op.url.startsWith('/platform/') ? platformApp.token : f.account.api_access_token;
      const request = buildRequest(op, pathIds(op), { accessToken: token });
      const outcome: Outcome = { n, op, request, note: '' };
      outcomes.push(outcome);
      try {
        outcome.res = await withTimeout(send(ctx.app, request), TIMEOUT_MS);
      } catch (error) {
        outcome.error = (error as Error).message;
      }
      expect(outcome.error, 'the server must answer').toBeUndefined();
      const res = outcome.res!;
      const route = matchRoute(op.method, request.path);
      outcome.routedTo = route ? `${route.method} ${route.template}` : undefined;
      const misrouted = route && route.template !== normalize(op.url);
      if (res.status === 404) {
        const variants = route ? [] : nearVariants(op);
        outcome.note = misrouted
          ? `landed on ${outcome.routedTo}`
          : route
            ? 'routed; record not found'
            : variants.length
              ? `no route; near: ${variants.join(', ')}`
              : 'unimplemented';
        if (CORE_RESOURCES.has(op.resource)) {
          expect(
            misrouted ? outcome.routedTo : undefined,
            `${op.method} ${op.url} landed on another route`,
          ).toBeUndefined();
          expect(variants, `${op.method} ${op.url} is not routed but a near route exists`).toEqual([]);
        }
      } else {
        outcome.note = reason(res);
      }
      // Help Center is built: its operations reach a route and find the seeded portal.
      if (op.resource === 'Help Center') expect(res.status, `${op.method} ${op.url}: ${outcome.note}`).not.toBe(404);
      expect(res.status, `${op.method} ${request.path}: ${res.text.slice(0, 300)}`).toBeLessThan(500);
      if (MUST_SUCCEED.has(op.resource))
        expect(res.status, `${op.method} ${request.path}: ${res.text.slice(0, 300)}`).toBeLessThan(300);
      expect(res.json, `body is not JSON: ${res.text.slice(0, 200)}`).toBe(true);
    });
  }
});

afterAll(() => {
  const rows = [...outcomes].sort((a, b) => a.n - b.n);
  const group = (o: Outcome) => {
    const s = o.res?.status;
    if (s === undefined) return 'NO ANSWER';
    if (s >= 500) return '5xx';
    if (s < 300) return '2xx';
    if (s === 404 && (o.note === 'unimplemented' || o.note.startsWith('no route'))) return '404 unimplemented';
    return '4xx';
  };
  const lines: string[] = [];
  for (const g of ['5xx', 'NO ANSWER', '2xx', '4xx', '404 unimplemented']) {
    const inGroup = rows.filter((o) => group(o) === g);
    if (!inGroup.length) continue;
    lines.push(`== ${g} (${inGroup.length})`);
    for (const o of inGroup) {
      const status = o.res?.status ?? o.error;
      const detail = g === '2xx' ? '' : `  ${o.note}`;
      lines.push(
        `${String(o.n).padStart(3)} ${String(status).padEnd(4)} ${o.op.method.padEnd(6)} ${o.op.resource} / ${o.op.operation}${detail}`,
      );
    }
  }
  console.log(`n8n defaults sweep (operation -> status)\n${lines.join('\n')}`);
  // SWEEP_DUMP=<file>: every request and answer as JSON, for a closer look.
  if (process.env.SWEEP_DUMP) {
    const dump = rows.map((o) => ({
      n: o.n,
      resource: o.op.resource,
      operation: o.op.operation,
      request: o.request,
      status: o.res?.status,
      body: o.res?.body ?? o.res?.text,
      note: o.note,
    }));
    writeFileSync(process.env.SWEEP_DUMP, JSON.stringify(dump, null, 2));
  }
});
