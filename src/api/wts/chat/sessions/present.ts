import type { FastifyRequest } from 'fastify';
import type { Performer } from '../../../../domain/conversations/commands.ts';
import { loadSessionRelations, type SessionDetail } from '../../sessions-app/details.ts';
import { getSession, reloadSession, type SessionRow } from '../../../../domain/conversations/with-public-ids.ts';
import type { Conversation } from '../../../../db/types.ts';
import { presentSession } from '../../presenters/session.ts';

/** Sessions in WTS's shape, with one statement per asked-for detail whatever their number. */
export async function presentSessions(
  request: FastifyRequest,
  rows: SessionRow[],
  details: readonly SessionDetail[] = [],
) {
  const { db, config } = request.server.deps;
  const { account } = request.auth;
  const include = new Set(details);
  const relations = await loadSessionRelations(db, account.id, rows, include);
  const context = {
    companyId: account.uuid,
    dashboardUrl: `${config.publicUrl}/app/accounts/${account.id}`,
    include,
    relations,
  };
  return rows.map((row) => presentSession(row, context));
}

export async function presentOne(request: FastifyRequest, row: SessionRow, details?: readonly SessionDetail[]) {
  return (await presentSessions(request, [row], details))[0];
}

/** The session a command changed, as the command's answer. */
export async function presentChanged(request: FastifyRequest, conversation: Conversation) {
  return presentOne(request, await reloadSession(request.server.deps.db, conversation));
}

/** The session named by `:id` (its uuid), if the caller may see it. */
export function sessionFor(request: FastifyRequest): Promise<SessionRow> {
  const { id } = request.params as { id: string };
  return getSession(request.server.deps.db, request.auth.account.id, id, request.auth.inboxIds);
}

export function performerOf(request: FastifyRequest): Performer {
  const user = request.auth.user!;
  return { type: 'User', id: user.id, name: user.display_name || user.name };
}
