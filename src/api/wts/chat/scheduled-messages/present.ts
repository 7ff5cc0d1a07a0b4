import type { Static } from 'typebox';
import type { ScheduledRow } from '../../../../domain/scheduled_messages/repository.ts';
import { iso } from '../../schema.ts';
import type { ScheduledMessageSchema } from './schema.ts';

type Detail = 'Contact' | 'Channel' | 'User' | 'Department' | 'Template' | 'Chatbot';

/** A scheduled message in WTS's shape; `details` adds the objects `IncludeDetails` asks for. */
export function presentScheduled(
  row: ScheduledRow,
  companyId: string,
  details: Detail[] = [],
): Static<typeof ScheduledMessageSchema> {
  const want = new Set(details);
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    active: row.status === 'SCHEDULED',
    companyId,
    sessionId: row.session_uuid ?? null,
    contactId: row.contact_uuid,
    userId: row.user_uuid ?? null,
    channelId: row.inbox_uuid,
    departmentId: row.team_uuid ?? null,
    status: row.status,
    type: row.type,
    templateId: row.template_id,
    botId: row.bot_key,
    text: row.text,
    scheduling: iso(row.scheduled_at)!,
    hiddenSession: row.hidden_session,
    failureReason: row.failure_reason,
    messageId: row.message_uuid ?? null,
    ...(want.has('Contact')
      ? { contact: { id: row.contact_uuid, name: row.contact_name, phonenumberFormatted: row.contact_phone } }
      : {}),
    ...(want.has('User') ? { user: row.user_uuid ? { id: row.user_uuid, name: row.user_name! } : null } : {}),
    ...(want.has('Channel') ? { channel: { id: row.inbox_uuid } } : {}),
    ...(want.has('Department')
      ? { department: row.team_uuid ? { id: row.team_uuid, name: row.team_name! } : null }
      : {}),
    ...(want.has('Template')
      ? { template: row.template_id ? { id: row.template_id, templateParams: row.template_params } : null }
      : {}),
    ...(want.has('Chatbot') ? { chatbot: row.bot_key ? { id: row.bot_key } : null } : {}),
  };
}
