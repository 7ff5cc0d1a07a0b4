import { Type, type Static } from 'typebox';
import { toWtsStatus } from '../../../domain/conversations/status.ts';
import type { SessionDetail, SessionRelations } from '../sessions-app/details.ts';
import type { SessionRow } from '../../../domain/conversations/with-public-ids.ts';
import { ChannelIdentitySchema, platformOf, presentChannelIdentity } from './channel.ts';
import { ContactDataSchema, presentContactData } from './contact.ts';
import { DateTime, FreeObject, iso, Nullable } from '../schema.ts';

export const AgentDataSchema = Type.Object({
  id: Type.String(),
  userId: Type.String(),
  name: Type.String(),
  shortName: Nullable(Type.String()),
  phoneNumber: Nullable(Type.String()),
  email: Nullable(Type.String()),
  pictureFileId: Nullable(Type.String()),
  pictureUrl: Nullable(Type.String()),
});

export const DepartmentDataSchema = Type.Object({
  id: Type.String(),
  companyId: Type.String(),
  name: Type.String(),
  description: Nullable(Type.String()),
  isDefault: Type.Boolean(),
  isSupervisor: Type.Boolean(),
});

export const ClassificationSchema = Type.Object({
  id: Nullable(Type.String()),
  category: Type.String(),
  categoryDescription: Nullable(Type.String()),
  amount: Nullable(Type.Number()),
  categoryName: Nullable(Type.String()),
});

/**
 * PublicSessionDTO (+ `type` of V2, + `activeAt`). Ids are public UUIDs: session = conversations.uuid,
 * contact = contacts.uuid, channel = inboxes.uuid, department = teams.uuid, user = users.uuid, company =
 * accounts.uuid. Times: startAt = created, activeAt = first assignment or agent reply, endAt = resolved
 * (cleared on reopen), lastInteractionDate = last activity. `*Details` and `channelType` only when asked.
 */
export const SessionSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  startAt: Type.String(),
  activeAt: DateTime,
  endAt: DateTime,
  status: Type.String(),
  companyId: Type.String(),
  contactId: Type.String(),
  channelId: Type.String(),
  departmentId: Nullable(Type.String()),
  userId: Nullable(Type.String()),
  previewUrl: Nullable(Type.String()),
  title: Nullable(Type.String()),
  number: Type.String(),
  utm: Nullable(FreeObject),
  origin: Nullable(Type.String()),
  contactDetails: Nullable(ContactDataSchema),
  agentDetails: Nullable(AgentDataSchema),
  channelDetails: Nullable(ChannelIdentitySchema),
  departmentDetails: Nullable(DepartmentDataSchema),
  classification: Nullable(ClassificationSchema),
  statusDescription: Nullable(Type.String()),
  timeService: Nullable(Type.String()),
  timeWait: Nullable(Type.String()),
  firstResponseAt: DateTime,
  botId: Nullable(Type.String()),
  unreadCount: Type.Integer(),
  lastMessageText: Nullable(Type.String()),
  lastInteractionDate: DateTime,
  lastMessageOut: DateTime,
  lastMessageIn: DateTime,
  windowStatus: Type.String(),
  metadata: FreeObject,
  channelType: Nullable(Type.String()),
  type: Type.String(),
});
export type SessionJson = Static<typeof SessionSchema>;

const DAY = 24 * 60 * 60 * 1000;

/** The 24-hour reply window messaging channels open with the contact's last message. */
function windowStatus(lastIn: Date | null, now: number): string {
  if (!lastIn) return 'NOT_STARTED';
  return now - new Date(lastIn).getTime() < DAY ? 'ACTIVE' : 'EXPIRED';
}

export interface SessionContext {
  companyId: string;
  dashboardUrl: string;
  include: ReadonlySet<SessionDetail>;
  relations: SessionRelations;
}

export function presentSession(row: SessionRow, ctx: SessionContext): SessionJson {
  const { include, relations } = ctx;
  const contact = include.has('ContactDetails') ? relations.contacts.get(row.contact_id) : undefined;
  const agent = include.has('AgentDetails') && row.assignee_id ? relations.agents.get(row.assignee_id) : undefined;
  const inbox = relations.inboxes.get(row.inbox_id);
  const team = include.has('DepartmentsDetails') && row.team_id ? relations.teams.get(row.team_id) : undefined;
  const classification = (row.additional_attributes as Record<string, any>)?.classification;
  return {
    id: row.uuid,
    createdAt: iso(row.created_at)!,
    updatedAt: iso(row.updated_at)!,
    startAt: iso(row.created_at)!,
    activeAt: iso(row.active_at),
    endAt: iso(row.ended_at),
    status: toWtsStatus(row.status, row.assignee_id !== null),
    companyId: ctx.companyId,
    contactId: row.contact_uuid,
    channelId: row.inbox_uuid,
    departmentId: row.team_uuid,
    userId: row.user_uuid,
    previewUrl: `${ctx.dashboardUrl}/conversations/${row.display_id}`,
    title: null,
    // WTS's own identification code when one was set (partial update `Number`), else the conversation's number.
    number:
      typeof (row.additional_attributes as Record<string, unknown>)?.number === 'string'
        ? (row.additional_attributes as { number: string }).number
        : String(row.display_id),
    utm: null,
    origin: null,
    contactDetails: contact ? presentContactData(contact) : null,
    agentDetails: agent
      ? {
          id: agent.uuid,
          userId: agent.uuid,
          name: agent.name,
          shortName: agent.display_name,
          phoneNumber: null,
          email: agent.email,
          pictureFileId: null,
          pictureUrl: agent.avatar_url,
        }
      : null,
    channelDetails: include.has('ChannelDetails') && inbox ? presentChannelIdentity(inbox) : null,
    departmentDetails: team
      ? {
          id: team.uuid,
          companyId: ctx.companyId,
          name: team.name,
          description: team.description,
          isDefault: false,
          isSupervisor: false,
        }
      : null,
    classification:
      include.has('ClassificationDetails') && classification && typeof classification === 'object'
        ? classification
        : null,
    statusDescription: null,
    timeService: null,
    timeWait: null,
    firstResponseAt: iso(row.first_reply_created_at),
    botId: row.bot_uuid,
    unreadCount: row.unread_incoming_count,
    lastMessageText: row.last_message_text,
    lastInteractionDate: iso(row.last_activity_at),
    lastMessageOut: iso(row.last_message_out_at),
    lastMessageIn: iso(row.last_message_in_at),
    windowStatus: windowStatus(row.last_message_in_at, Date.now()),
    metadata: (row.custom_attributes ?? {}) as Record<string, unknown>,
    channelType: include.has('ChannelTypeDetails') && inbox ? platformOf(inbox) : null,
    type: 'INDIVIDUAL',
  };
}
