import { Type, type Static } from 'typebox';
import type { Contact, Conversation, Inbox } from '../../../db/types.ts';
import type { MessageDetails } from '../../../domain/messages/details.ts';
import { toChatwootStatus } from '../../../domain/conversations/status.ts';
import { AttachmentSchema, presentAttachment } from './attachment.ts';
import { presentSenderPush } from './message.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';
import { iso, unix } from './time.ts';

export const ContactRecordSchema = Type.Object({
  id: Type.Integer(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  account_id: Type.Integer(),
  created_at: Type.String(),
  updated_at: Type.String(),
  additional_attributes: FreeObject,
  identifier: Nullable(Type.String()),
  custom_attributes: FreeObject,
  last_activity_at: Nullable(Type.String()),
  contact_type: Type.String(),
  middle_name: Nullable(Type.String()),
  last_name: Nullable(Type.String()),
  location: Nullable(Type.String()),
  country_code: Nullable(Type.String()),
  blocked: Type.Boolean(),
  company_id: Nullable(Type.Integer()),
});

/** The raw contact record (Client API contact update, `contact` of public conversations). */
export function presentContactRecord(contact: Contact): Static<typeof ContactRecordSchema> {
  const extra = contact.additional_attributes as Record<string, unknown>;
  return {
    id: contact.id,
    name: contact.name,
    email: contact.email,
    phone_number: contact.phone_number,
    account_id: contact.account_id,
    created_at: iso(contact.created_at)!,
    updated_at: iso(contact.updated_at)!,
    additional_attributes: contact.additional_attributes,
    identifier: contact.identifier,
    custom_attributes: contact.custom_attributes,
    last_activity_at: iso(contact.last_activity_at),
    contact_type: contact.contact_type,
    middle_name: null,
    last_name: null,
    location: typeof extra.city === 'string' ? extra.city : null,
    country_code: typeof extra.country_code === 'string' ? extra.country_code : null,
    blocked: contact.blocked,
    company_id: null,
  };
}

export const PublicContactSchema = Type.Object({
  source_id: Type.String(),
  pubsub_token: Type.String(),
  id: Type.Integer(),
  name: Nullable(Type.String()),
  email: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
});

export const PublicMessageSchema = Type.Object({
  id: Type.Integer(),
  content: Nullable(Type.String()),
  message_type: Type.Integer(),
  content_type: Type.String(),
  content_attributes: FreeObject,
  created_at: Type.Integer(),
  conversation_id: Type.Integer(),
  attachments: Type.Optional(Type.Array(AttachmentSchema)),
  sender: Type.Optional(FreeObject),
});

export function presentPublicMessage(
  details: MessageDetails,
  displayId: number,
  publicUrl: string,
): Static<typeof PublicMessageSchema> {
  const m = details.message;
  const json: Static<typeof PublicMessageSchema> = {
    id: m.id,
    content: m.content,
    message_type: m.message_type,
    content_type: m.content_type,
    content_attributes: m.content_attributes,
    created_at: unix(m.created_at),
    conversation_id: displayId,
  };
  if (details.attachments.length) json.attachments = details.attachments.map((a) => presentAttachment(a, publicUrl));
  const sender = presentSenderPush(details.sender);
  if (sender) json.sender = sender;
  return json;
}

export const PublicConversationSchema = Type.Object({
  id: Type.Integer(),
  uuid: Type.String(),
  inbox_id: Type.Integer(),
  contact_last_seen_at: Type.Integer(),
  status: Type.String(),
  agent_last_seen_at: Type.Integer(),
  messages: Type.Array(PublicMessageSchema),
  contact: ContactRecordSchema,
});

export function presentPublicConversation(
  conversation: Conversation,
  contact: Contact,
  messages: MessageDetails[],
  publicUrl: string,
): Static<typeof PublicConversationSchema> {
  return {
    id: conversation.display_id,
    uuid: conversation.uuid,
    inbox_id: conversation.inbox_id,
    contact_last_seen_at: unix(conversation.contact_last_seen_at),
    status: toChatwootStatus(conversation.status),
    agent_last_seen_at: unix(conversation.agent_last_seen_at),
    messages: messages.map((m) => presentPublicMessage(m, conversation.display_id, publicUrl)),
    contact: presentContactRecord(contact),
  };
}

export const PublicInboxSchema = Type.Object({
  identifier: Type.String(),
  identity_validation_enabled: Type.Boolean(),
  name: Type.String(),
  timezone: Type.String(),
  working_hours: Type.Array(FreeObject),
  working_hours_enabled: Type.Boolean(),
  csat_survey_enabled: Type.Boolean(),
  greeting_enabled: Type.Boolean(),
});

export function presentPublicInbox(inbox: Inbox): Static<typeof PublicInboxSchema> {
  return {
    identifier: inbox.identifier,
    identity_validation_enabled: Boolean((inbox.channel as { hmac_mandatory?: boolean }).hmac_mandatory),
    name: inbox.name,
    timezone: inbox.timezone,
    working_hours: (inbox.working_hours ?? []) as Record<string, unknown>[],
    working_hours_enabled: inbox.working_hours_enabled,
    csat_survey_enabled: inbox.csat_survey_enabled,
    greeting_enabled: inbox.greeting_enabled,
  };
}
