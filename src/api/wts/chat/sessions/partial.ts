import type { App } from '../../../types.ts';
import type { Conversation } from '../../../../db/types.ts';
import { assignAgent, assignTeam } from '../../../../domain/conversations/commands.ts';
import { getConversationById } from '../../../../domain/conversations/repository.ts';
import { assignSession, mergeSessionMetadata, setSessionStatus } from '../../../../domain/conversations/handover.ts';
import { memberByUuid, teamByUuid } from '../../../../domain/accounts/public-ids.ts';
import { classificationOf, updateSessionRecord, type SessionRecordChange } from '../../sessions-app/record.ts';
import { validation } from '../../../../errors.ts';
import { parseDate } from '../../schema.ts';
import { type PartialParams, PartialBody, SessionParams, SessionSchema, SUPPORTED_PARTIAL_FIELDS } from './schema.ts';
import { callerAsMember, settable } from './actions.ts';
import { performerOf, presentChanged, sessionFor } from './present.ts';

/**
 * `PUT /chat/v2/session/{id}/partial`: changes exactly the attributes `fields` names. A listed id left
 * out clears it (UserId: unassign, DepartmentId: no department). Department, then user, then status,
 * then end time / number / classification, then metadata, each through the same command the other routes use.
 * Number and Classification listed without a value clear them (the session shows its own number again).
 */
function recordChange(fields: Set<string>, body: PartialParams): SessionRecordChange {
  const change: SessionRecordChange = {};
  if (fields.has('EndAt')) change.endAt = parseDate(body.endAt!, 'endAt');
  if (fields.has('Number')) change.number = body.number?.trim() || null;
  if (fields.has('Classification'))
    change.classification = body.classification ? classificationOf(body.classification) : null;
  return change;
}

export default async function sessionPartial(app: App): Promise<void> {
  const { db } = app.deps;

  app.put(
    '/v2/session/:id/partial',
    {
      config: { policy: 'conversations.update' },
      schema: {
        tags: ['WTS Sessions'],
        summary: 'Update listed attributes',
        params: SessionParams,
        body: PartialBody,
        response: { 200: SessionSchema },
      },
    },
    async (request) => {
      const body = request.body;
      const fields = new Set<string>(body.fields);
      const unsupported = [...fields].filter((f) => !SUPPORTED_PARTIAL_FIELDS.includes(f));
      if (unsupported.length) {
        throw validation(
          `fields ${unsupported.join(', ')} cannot be changed yet (supported: ${SUPPORTED_PARTIAL_FIELDS.join(', ')})`,
          ['fields'],
        );
      }
      if (fields.has('Status') && !body.status)
        throw validation('status is required when fields lists Status', ['status']);
      if (fields.has('Metadata') && !body.metadata)
        throw validation('metadata is required when fields lists Metadata', ['metadata']);
      const status = fields.has('Status') ? settable(body.status!, 'status') : undefined;
      if (fields.has('EndAt') && !body.endAt) throw validation('endAt is required when fields lists EndAt', ['endAt']);
      const accountId = request.auth.account.id;
      const performer = performerOf(request);
      const team =
        fields.has('DepartmentId') && body.departmentId
          ? await teamByUuid(db, accountId, body.departmentId, 'departmentId')
          : undefined;
      const member =
        fields.has('UserId') && body.userId ? await memberByUuid(db, accountId, body.userId, 'userId') : undefined;

      let current: Conversation = await sessionFor(request);
      if (fields.has('DepartmentId') && (team?.id ?? null) !== current.team_id) {
        await assignTeam(db, current, team?.id ?? null, performer);
        current = await getConversationById(db, accountId, current.id);
      }
      if (fields.has('UserId'))
        current = member
          ? await assignSession(db, current, member, performer)
          : await assignAgent(db, current, null, performer);
      if (status) {
        const taker = status === 'IN_PROGRESS' && !current.assignee_id ? await callerAsMember(request) : undefined;
        current = await setSessionStatus(db, current, status, performer, taker);
      }
      const record = recordChange(fields, body);
      if (Object.keys(record).length) current = await updateSessionRecord(db, current, record, performer);
      if (body.metadata && fields.has('Metadata')) current = await mergeSessionMetadata(db, current, body.metadata);
      return presentChanged(request, current);
    },
  );
}
