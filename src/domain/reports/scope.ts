import { sql, type RawBuilder } from 'kysely';
import type { Db } from '../../db/pool.ts';
import { notFound } from '../../errors.ts';

export type ReportType = 'account' | 'agent' | 'inbox' | 'label' | 'team';

/** What a report is about, resolved inside the account (an id of another account is "not found"). */
export type ReportScope =
  | { type: 'account'; accountId: number }
  | { type: 'agent' | 'inbox' | 'team'; accountId: number; id: number }
  | { type: 'label'; accountId: number; titles: string[] };

function ids(raw: string | undefined): number[] {
  const parsed = (raw ?? '').split(',').map((s) => Number(s.trim()));
  return parsed.every((n) => Number.isSafeInteger(n) && n > 0) ? parsed : [];
}

/** Chatwoot finds the agent, inbox, team or label(s) of the account by `id` and answers 404 when there is none. */
export async function resolveScope(
  db: Db,
  accountId: number,
  type: ReportType,
  rawId: string | undefined,
): Promise<ReportScope> {
  if (type === 'account') return { type, accountId };
  const wanted = ids(rawId);
  if (type === 'label') {
    const rows = wanted.length
      ? await db
          .selectFrom('labels')
          .select('title')
          .where('account_id', '=', accountId)
          .where('id', 'in', wanted)
          .execute()
      : [];
    if (!rows.length || (wanted.length === 1 && rows.length !== 1)) throw notFound();
    return { type, accountId, titles: rows.map((r) => r.title) };
  }
  if (wanted.length !== 1) throw notFound();
  const [id] = wanted;
  const found =
    type === 'agent'
      ? await db
          .selectFrom('account_users')
          .select('user_id as id')
          .where('account_id', '=', accountId)
          .where('user_id', '=', id)
          .executeTakeFirst()
      : await db
          .selectFrom(type === 'inbox' ? 'inboxes' : 'teams')
          .select('id')
          .where('account_id', '=', accountId)
          .where('id', '=', id)
          .executeTakeFirst();
  if (!found) throw notFound();
  return { type, accountId, id };
}

/** The account's conversations of a team or carrying one of the labels (for messages and events of those). */
function scopedConversationIds(scope: ReportScope): RawBuilder<unknown> {
  const condition =
    scope.type === 'team'
      ? sql`team_id = ${scope.id}`
      : sql`labels && ${scope.type === 'label' ? scope.titles : []}::text[]`;
  return sql`SELECT id FROM conversations WHERE account_id = ${scope.accountId} AND ${condition}`;
}

/** Conversations of the scope (alias c): Chatwoot's `scope.conversations`. */
export function conversationCondition(scope: ReportScope): RawBuilder<unknown> {
  const account = sql`c.account_id = ${scope.accountId}`;
  switch (scope.type) {
    case 'account':
      return account;
    case 'agent':
      return sql`${account} AND c.assignee_id = ${scope.id}`;
    case 'inbox':
      return sql`${account} AND c.inbox_id = ${scope.id}`;
    case 'team':
      return sql`${account} AND c.team_id = ${scope.id}`;
    case 'label':
      return sql`${account} AND c.labels && ${scope.titles}::text[]`;
  }
}

/** Messages of the scope (alias m): an agent's are the ones they sent; a team's or label's, those of its conversations. */
export function messageCondition(scope: ReportScope): RawBuilder<unknown> {
  const account = sql`m.account_id = ${scope.accountId}`;
  switch (scope.type) {
    case 'account':
      return account;
    case 'agent':
      return sql`${account} AND m.sender_type = 'User' AND m.sender_id = ${scope.id}`;
    case 'inbox':
      return sql`${account} AND m.inbox_id = ${scope.id}`;
    default:
      return sql`${account} AND m.conversation_id IN (${scopedConversationIds(scope)})`;
  }
}

/** Reporting events of the scope (alias e): an agent's are the ones recorded for them. */
export function eventCondition(scope: ReportScope): RawBuilder<unknown> {
  const account = sql`e.account_id = ${scope.accountId}`;
  switch (scope.type) {
    case 'account':
      return account;
    case 'agent':
      return sql`${account} AND e.user_id = ${scope.id}`;
    case 'inbox':
      return sql`${account} AND e.inbox_id = ${scope.id}`;
    default:
      return sql`${account} AND e.conversation_id IN (${scopedConversationIds(scope)})`;
  }
}
