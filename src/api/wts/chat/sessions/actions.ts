import type { FastifyRequest } from 'fastify';
import type { App } from '../../../types.ts';
import type { Conversation } from '../../../../db/types.ts';
import type { WtsStatus } from '../../../../domain/conversations/status.ts';
import { changeStatus } from '../../../../domain/conversations/commands.ts';
import {
  assignSession,
  setSessionStatus,
  transferSession,
  type SettableStatus,
} from '../../../../domain/conversations/handover.ts';
import { memberByUuid, teamByUuid } from '../../../../domain/accounts/public-ids.ts';
import { classificationOf, updateSessionRecord } from '../../sessions-app/record.ts';
import { findMember } from '../../../../domain/users/repository.ts';
import { validation } from '../../../../errors.ts';
import { AssigneeBody, CompleteBody, SessionParams, SessionSchema, StatusBody, TransferBody } from './schema.ts';
import { performerOf, presentChanged, sessionFor } from './present.ts';

const tags = ['WTS Sessions'];
const params = SessionParams;
const response = { 200: SessionSchema };

/** UNDEFINED is WTS's "no status": a filter may name it, nothing may be put in it. */
export function settable(status: WtsStatus, field: string): SettableStatus {
  if (status === 'UNDEFINED') {
    throw validation(
      `${field} UNDEFINED is not a status a session can be put in: use STARTED, PENDING, IN_PROGRESS, COMPLETED or HIDDEN`,
      [field],
    );
  }
  return status;
}

/** The caller, who takes an unassigned session moved to IN_PROGRESS. */
export async function callerAsMember(request: FastifyRequest) {
  return findMember(request.server.deps.db, request.auth.account.id, request.auth.user!.id);
}

export default async function sessionActions(app: App): Promise<void> {
  const { db } = app.deps;

  app.put(
    '/v1/session/:id/status',
    {
      config: { policy: 'conversations.update' },
      schema: { tags, summary: 'Change the status', params, body: StatusBody, response },
    },
    async (request) => {
      const status = settable(request.body.newStatus, 'newStatus');
      const session = await sessionFor(request);
      const taker = status === 'IN_PROGRESS' && !session.assignee_id ? await callerAsMember(request) : undefined;
      return presentChanged(request, await setSessionStatus(db, session, status, performerOf(request), taker));
    },
  );

  app.put(
    '/v1/session/:id/transfer',
    {
      config: { policy: 'conversations.update' },
      schema: { tags, summary: 'Transfer to a department or user', params, body: TransferBody, response },
    },
    async (request) => {
      const { type, newDepartmentId, newUserId } = request.body;
      const accountId = request.auth.account.id;
      if (type === 'DEPARTMENT' && !newDepartmentId)
        throw validation('newDepartmentId is required for a DEPARTMENT transfer', ['newDepartmentId']);
      if (type === 'USER' && !newUserId) throw validation('newUserId is required for a USER transfer', ['newUserId']);
      const session = await sessionFor(request);
      const team = newDepartmentId ? await teamByUuid(db, accountId, newDepartmentId, 'newDepartmentId') : undefined;
      const member = type === 'USER' ? await memberByUuid(db, accountId, newUserId!, 'newUserId') : undefined;
      return presentChanged(request, await transferSession(db, session, { team, member }, performerOf(request)));
    },
  );

  app.put(
    '/v1/session/:id/assignee',
    {
      config: { policy: 'conversations.update' },
      schema: { tags, summary: 'Assign a user', params, body: AssigneeBody, response },
    },
    async (request) => {
      const session = await sessionFor(request);
      const member = await memberByUuid(db, request.auth.account.id, request.body.userId, 'userId');
      return presentChanged(request, await assignSession(db, session, member, performerOf(request)));
    },
  );

  app.put(
    '/v1/session/:id/complete',
    {
      config: { policy: 'conversations.update' },
      schema: { tags, summary: 'Complete', params, body: CompleteBody, response },
    },
    async (request) => {
      const { classification } = request.body;
      const change = classification ? { classification: classificationOf(classification) } : undefined;
      const performer = performerOf(request);
      let session: Conversation = await sessionFor(request);
      if (session.status !== 'resolved' && session.status !== 'hidden')
        session = await changeStatus(db, session, 'resolved', performer);
      if (change) session = await updateSessionRecord(db, session, change, performer);
      return presentChanged(request, session);
    },
  );
}
