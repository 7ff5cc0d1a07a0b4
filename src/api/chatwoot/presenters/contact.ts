import { Type, type Static } from 'typebox';
import type { Contact, ContactInbox, Inbox } from '../../../db/types.ts';
import { FreeObject, Nullable } from './schema-helpers.ts';
import { InboxSlimSchema, presentInboxSlim } from './inbox.ts';
import { iso, unix } from './time.ts';

export const ContactInboxSchema = Type.Object({ source_id: Type.String(), inbox: InboxSlimSchema });

export const ContactSchema = Type.Object({
  additional_attributes: FreeObject,
  availability_status: Type.String(),
  email: Nullable(Type.String()),
  id: Type.Integer(),
  name: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  blocked: Type.Boolean(),
  identifier: Nullable(Type.String()),
  thumbnail: Type.String(),
  custom_attributes: FreeObject,
  last_activity_at: Type.Optional(Type.Integer()),
  created_at: Type.Integer(),
  contact_inboxes: Type.Optional(Type.Array(ContactInboxSchema)),
  /** Only when asked for (include_labels, a Switchboard addition). */
  labels: Type.Optional(Type.Array(Type.String())),
});
export type ContactJson = Static<typeof ContactSchema>;

export function presentContactInbox(contactInbox: ContactInbox, inbox: Inbox) {
  return { source_id: contactInbox.source_id, inbox: presentInboxSlim(inbox) };
}

/** The API shape; `contactInboxes` given → the /contacts endpoints' `contact_inboxes` list. */
export function presentContact(contact: Contact, contactInboxes?: (ContactInbox & { inbox: Inbox })[]): ContactJson {
  const json: ContactJson = {
    additional_attributes: contact.additional_attributes,
    availability_status: 'offline',
    email: contact.email,
    id: contact.id,
    name: contact.name,
    phone_number: contact.phone_number,
    blocked: contact.blocked,
    identifier: contact.identifier,
    thumbnail: contact.avatar_url ?? '',
    custom_attributes: contact.custom_attributes,
    created_at: unix(contact.created_at),
  };
  if (contact.last_activity_at) json.last_activity_at = unix(contact.last_activity_at);
  if (contactInboxes) json.contact_inboxes = contactInboxes.map((ci) => presentContactInbox(ci, ci.inbox));
  return json;
}

export const ContactPushSchema = Type.Object({
  additional_attributes: FreeObject,
  custom_attributes: FreeObject,
  email: Nullable(Type.String()),
  id: Type.Integer(),
  identifier: Nullable(Type.String()),
  name: Nullable(Type.String()),
  phone_number: Nullable(Type.String()),
  thumbnail: Type.String(),
  blocked: Type.Boolean(),
  type: Type.Literal('contact'),
});

/** The push shape: message senders, conversation meta in events. */
export function presentContactPush(contact: Contact): Static<typeof ContactPushSchema> {
  return {
    additional_attributes: contact.additional_attributes,
    custom_attributes: contact.custom_attributes,
    email: contact.email,
    id: contact.id,
    identifier: contact.identifier,
    name: contact.name,
    phone_number: contact.phone_number,
    thumbnail: contact.avatar_url ?? '',
    blocked: contact.blocked,
    type: 'contact',
  };
}

/** The raw inbox record (contact create's `contact_inbox.inbox`). */
export function presentInboxRecord(inbox: Inbox) {
  return {
    id: inbox.id,
    channel_id: inbox.id,
    account_id: inbox.account_id,
    name: inbox.name,
    created_at: iso(inbox.created_at),
    updated_at: iso(inbox.updated_at),
    channel_type: inbox.channel_type,
    enable_auto_assignment: inbox.enable_auto_assignment,
    greeting_enabled: inbox.greeting_enabled,
    greeting_message: inbox.greeting_message,
    email_address: null,
    working_hours_enabled: inbox.working_hours_enabled,
    out_of_office_message: inbox.out_of_office_message,
    timezone: inbox.timezone,
    enable_email_collect: inbox.enable_email_collect,
    csat_survey_enabled: inbox.csat_survey_enabled,
    allow_messages_after_resolved: inbox.allow_messages_after_resolved,
    auto_assignment_config: inbox.auto_assignment_config,
    lock_to_single_conversation: inbox.lock_to_single_conversation,
    portal_id: null,
    sender_name_type: inbox.sender_name_type,
    business_name: inbox.business_name,
  };
}
