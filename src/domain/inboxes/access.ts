import { sql, type RawBuilder, type SqlBool } from 'kysely';
import { validation } from '../../errors.ts';

/**
 * Which inboxes of an account a caller may act in: the one rule every path that names an inbox applies,
 * however it names it (an inbox_id, a contact inbox's source_id, a conversation, a WTS channel or session).
 * Administrators act in every inbox (undefined); an agent in the inboxes they are a member of; an agent bot in
 * the inboxes it is attached to.
 */
export type InboxAccess = readonly number[] | undefined;

export function mayActInInbox(access: InboxAccess, inboxId: number): boolean {
  return access === undefined || access.includes(inboxId);
}

/** An inbox beyond the caller is answered as one that does not exist, so trying ids tells nothing. */
export function ensureInboxAccess(
  access: InboxAccess,
  inboxId: number,
  attribute = 'inbox_id',
  message = 'Inbox does not exist',
): void {
  if (!mayActInInbox(access, inboxId)) throw validation(message, [attribute]);
}

/** The same rule as a SQL condition on an inbox id column (`inbox_id`, `c.inbox_id`, `id` of inboxes). */
export function inboxCondition(access: InboxAccess, column = 'inbox_id'): RawBuilder<SqlBool> {
  return access === undefined
    ? sql<SqlBool>`true`
    : sql<SqlBool>`${sql.ref(column)} = ANY(${sql.val([...access])}::bigint[])`;
}
