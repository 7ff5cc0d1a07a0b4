import { Type, type Static } from 'typebox';
import type { ContactRow } from '../sessions-app/contact-list.ts';
import { FreeObject, iso, Literals, Nullable } from '../schema.ts';
import { ownValue } from '../../../domain/own.ts';

/** A string inside a JSON attribute object, or null. */
function textAt(attributes: unknown, ...path: string[]): string | null {
  let value: unknown = attributes;
  for (const key of path)
    value = value && typeof value === 'object' ? ownValue(value as Record<string, unknown>, key) : undefined;
  return typeof value === 'string' && value ? value : null;
}

/** Tag names (a tag's WTS name where it has one) in the order of the tag ids (by title). */
const sortedTags = (contact: ContactRow) =>
  [...contact.labels].sort().map((title) => ownValue(contact.tag_names, title) ?? title);

const statusOf = (contact: ContactRow) => (contact.blocked ? 'BLOCKED' : 'ACTIVE');

/** PublicContactDataDTO: the contact inside a session's `contactDetails`. */
export const ContactDataSchema = Type.Object({
  id: Type.String(),
  name: Nullable(Type.String()),
  pictureUrl: Nullable(Type.String()),
  phonenumber: Nullable(Type.String()),
  instagram: Nullable(Type.String()),
  phonenumberFormatted: Nullable(Type.String()),
  tagsId: Type.Array(Type.String()),
  tagsName: Type.Array(Type.String()),
  status: Type.String(),
});

export function presentContactData(contact: ContactRow): Static<typeof ContactDataSchema> {
  return {
    id: contact.uuid,
    name: contact.name || null,
    pictureUrl: contact.avatar_url,
    phonenumber: contact.phone_number,
    instagram: textAt(contact.additional_attributes, 'social_profiles', 'instagram'),
    phonenumberFormatted: contact.phone_number,
    tagsId: contact.tag_uuids,
    tagsName: sortedTags(contact),
    status: statusOf(contact),
  };
}

export const CONTACT_DETAILS = ['Tags', 'CustomFields', 'Portfolios'] as const;
export type ContactDetail = (typeof CONTACT_DETAILS)[number];
export const ContactDetailsQuery = Type.Array(Literals(CONTACT_DETAILS), { maxItems: 10 });

/**
 * PublicContactDTO. Contact tags are the contact's labels; custom attributes are both the WTS custom
 * fields and its metadata (one store). Tags and custom fields are filled when IncludeDetails asks.
 */
export const ContactSchema = Type.Object({
  id: Type.String(),
  createdAt: Nullable(Type.String()),
  updatedAt: Nullable(Type.String()),
  companyId: Type.String(),
  name: Nullable(Type.String()),
  phoneNumber: Nullable(Type.String()),
  phoneNumberFormatted: Nullable(Type.String()),
  email: Nullable(Type.String()),
  instagram: Nullable(Type.String()),
  annotation: Nullable(Type.String()),
  tagIds: Nullable(Type.Array(Type.String())),
  tagNames: Nullable(Type.Array(Type.String())),
  status: Type.String(),
  origin: Type.String(),
  customFields: Nullable(FreeObject),
  portfolioIds: Nullable(Type.Array(Type.String())),
  portfolioNames: Nullable(Type.Array(Type.String())),
  metadata: FreeObject,
});

export function presentContact(
  contact: ContactRow,
  companyId: string,
  include: ReadonlySet<ContactDetail>,
): Static<typeof ContactSchema> {
  const tags = include.has('Tags');
  return {
    id: contact.uuid,
    createdAt: iso(contact.created_at),
    updatedAt: iso(contact.updated_at),
    companyId,
    name: contact.name || null,
    phoneNumber: contact.phone_number,
    phoneNumberFormatted: contact.phone_number,
    email: contact.email,
    instagram: textAt(contact.additional_attributes, 'social_profiles', 'instagram'),
    annotation: textAt(contact.additional_attributes, 'description'),
    tagIds: tags ? contact.tag_uuids : null,
    tagNames: tags ? sortedTags(contact) : null,
    status: statusOf(contact),
    origin: 'CREATED_BY_USER',
    customFields: include.has('CustomFields') ? (contact.custom_attributes as Record<string, unknown>) : null,
    portfolioIds: include.has('Portfolios') ? (contact.portfolio ? [contact.portfolio.id] : []) : null,
    portfolioNames: include.has('Portfolios') ? (contact.portfolio ? [contact.portfolio.name] : []) : null,
    metadata: contact.custom_attributes as Record<string, unknown>,
  };
}
