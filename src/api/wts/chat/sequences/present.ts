import type { Static } from 'typebox';
import type { SequenceStep } from '../../../../db/types.ts';
import type { EnrolmentRow } from '../../../../domain/sequences/enrolment.ts';
import type { SequenceRow } from '../../../../domain/sequences/repository.ts';
import { iso } from '../../schema.ts';
import type { SequenceContactSchema, SequenceSchema } from './schema.ts';

/** A sequence in WTS's shape (`PublicSequenceDTO`); `stats` adds the enrolments counted by status. */
export function presentSequence(row: SequenceRow, stats = false): Static<typeof SequenceSchema> {
  return {
    id: row.uuid,
    active: row.enabled,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    companyId: row.account_uuid,
    name: row.name,
    enabled: row.enabled,
    contactExecutingCount: Number(row.executing),
    channelId: row.inbox_uuid,
    stopOnReply: row.stop_on_reply,
    createdByUserId: row.created_by_uuid ?? null,
    steps: (row.steps as SequenceStep[]).map((s) => ({ delaySeconds: s.delaySeconds, text: s.text })),
    ...(stats
      ? {
          executionStats: {
            executing: Number(row.executing),
            completed: Number(row.completed),
            stopped: Number(row.stopped),
            removed: Number(row.removed),
          },
        }
      : {}),
  };
}

/** An enrolment in WTS's shape (`PublicSequenceContactDTO`); `details` adds `contactDetails`. */
export function presentEnrolment(
  row: EnrolmentRow,
  sequence: SequenceRow,
  details = false,
): Static<typeof SequenceContactSchema> {
  return {
    id: row.uuid,
    active: row.status === 'ACTIVE',
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    companyId: sequence.account_uuid,
    sequenceId: sequence.uuid,
    contactId: row.contact_uuid,
    contactName: row.contact_name || null,
    origin: row.origin,
    addedByUserId: row.user_uuid ?? null,
    addedByChatbotId: null,
    lastAddedAt: iso(row.last_added_at)!,
    status: row.status,
    nextStep: row.next_step,
    nextStepAt: iso(row.next_at),
    stopReason: row.stop_reason,
    ...(details
      ? {
          contactDetails: {
            id: row.contact_uuid,
            name: row.contact_name || null,
            phonenumber: row.contact_phone,
            phonenumberFormatted: row.contact_phone,
            instagram: row.contact_instagram,
            email: row.contact_email,
            pictureUrl: row.contact_picture,
          },
        }
      : {}),
  };
}
