import { Type } from 'typebox';
import { PageOf, PageQuery } from '../../page.ts';
import { DateQuery, DepartmentRef, FreeObject, Literals, Nullable, Uuid } from '../../schema.ts';
import { UPDATE_FIELDS } from '../../../../domain/scheduled_messages/commands.ts';

export const SCHEDULED_TYPES = ['TEMPLATE', 'CHATBOT'] as const;
export const SCHEDULED_STATUSES = [
  'SCHEDULED',
  'PROCESSED',
  'SENT',
  'DELIVERED',
  'READ',
  'CANCELED',
  'FAILED',
] as const;

const TemplateParams = Type.Object({
  parameters: Type.Optional(FreeObject),
  fileUrl: Type.Optional(Type.String({ maxLength: 2048 })),
  fileId: Type.Optional(Uuid),
});

/** `PublicReqCreateScheduledMessageDTO`; `text` is Switchboard's: the message a TEMPLATE sends while channels have no templates. */
const ScheduledFields = {
  from: Type.Optional(Type.String({ maxLength: 255 })),
  to: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  department: Type.Optional(Nullable(DepartmentRef)),
  type: Type.Optional(Literals(SCHEDULED_TYPES)),
  text: Type.Optional(Nullable(Type.String({ maxLength: 65_536 }))),
  templateId: Type.Optional(Nullable(Type.String({ maxLength: 255 }))),
  botKey: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  scheduling: Type.Optional(Type.String({ maxLength: 64 })),
  hiddenSession: Type.Optional(Type.Boolean()),
  templateParams: Type.Optional(Nullable(TemplateParams)),
};

export const CreateBody = Type.Object({ ...ScheduledFields, to: Type.String({ minLength: 1, maxLength: 255 }) });
export const UpdateBody = Type.Object({
  fields: Type.Array(Literals(UPDATE_FIELDS), { minItems: 1, maxItems: 20 }),
  ...ScheduledFields,
});
export const BatchCancelBody = Type.Array(Uuid, { minItems: 1, maxItems: 1000 });

const DETAILS = ['Contact', 'Channel', 'User', 'Department', 'Template', 'Chatbot'] as const;

export const ListQuery = Type.Object({
  ...PageQuery,
  'ScheduledAt.Before': Type.Optional(DateQuery),
  'ScheduledAt.After': Type.Optional(DateQuery),
  'CreatedAt.Before': Type.Optional(DateQuery),
  'CreatedAt.After': Type.Optional(DateQuery),
  'UpdatedAt.Before': Type.Optional(DateQuery),
  'UpdatedAt.After': Type.Optional(DateQuery),
  IncludeDetails: Type.Optional(Type.Array(Literals(DETAILS), { maxItems: 10 })),
  Status: Type.Optional(Type.Array(Literals(SCHEDULED_STATUSES), { maxItems: 10 })),
  Type: Type.Optional(Type.Array(Literals(SCHEDULED_TYPES), { maxItems: 2 })),
  /** The channel sending: its id or phone number. */
  From: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  /** The recipient: the contact's id or phone number. */
  To: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  /** Who scheduled it: the user's id or name. */
  User: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
  /** The department it goes to: its id or name. */
  Department: Type.Optional(Type.String({ minLength: 1, maxLength: 255 })),
});

export const ShowQuery = Type.Object({
  includeDetails: Type.Optional(Type.Array(Literals(DETAILS), { maxItems: 10 })),
});

/** `PublicScheduledMessageDTO`, plus `text` and `messageId` (the message sent, once SENT). */
export const ScheduledMessageSchema = Type.Object({
  id: Type.String(),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  active: Type.Boolean(),
  companyId: Type.String(),
  sessionId: Nullable(Type.String()),
  contactId: Type.String(),
  userId: Nullable(Type.String()),
  channelId: Type.String(),
  departmentId: Nullable(Type.String()),
  status: Type.String(),
  type: Type.String(),
  templateId: Nullable(Type.String()),
  botId: Nullable(Type.String()),
  text: Nullable(Type.String()),
  scheduling: Type.String(),
  hiddenSession: Type.Boolean(),
  failureReason: Nullable(Type.String()),
  messageId: Nullable(Type.String()),
  contact: Type.Optional(
    Type.Object({ id: Type.String(), name: Nullable(Type.String()), phonenumberFormatted: Nullable(Type.String()) }),
  ),
  user: Type.Optional(Nullable(Type.Object({ id: Type.String(), name: Type.String() }))),
  channel: Type.Optional(Type.Object({ id: Type.String() })),
  department: Type.Optional(Nullable(Type.Object({ id: Type.String(), name: Type.String() }))),
  template: Type.Optional(Nullable(Type.Object({ id: Type.String(), templateParams: FreeObject }))),
  chatbot: Type.Optional(Nullable(Type.Object({ id: Type.String() }))),
});

export const ScheduledMessagePage = PageOf(ScheduledMessageSchema);
